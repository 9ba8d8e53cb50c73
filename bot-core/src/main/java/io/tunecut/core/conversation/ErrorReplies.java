package io.tunecut.core.conversation;

import io.tunecut.core.language.Messages;
import io.tunecut.core.nemo.NemoClient;
import io.tunecut.core.nemo.NemoException;
import io.tunecut.core.user.UserRecord;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every failure becomes words a person understands; never a stack trace or raw JSON. */
final class ErrorReplies {
  private static final Logger log = LoggerFactory.getLogger(ErrorReplies.class);

  private final boolean operator;
  private final long maxFileBytes;
  private final URI registerPage;

  /**
   * @param operator whether everyone shares an operator token (then nobody is anonymous)
   * @param registerPage where an anonymous person registers for more credits, or null for none;
   *     a backend that says it is a tunecut studio has a daily render quota instead
   */
  ErrorReplies(boolean operator, long maxFileBytes, URI registerPage) {
    this.operator = operator;
    this.maxFileBytes = maxFileBytes;
    this.registerPage = registerPage;
  }

  static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) t = t.getCause();
    return t;
  }

  static boolean sessionLost(Throwable t) {
    return unwrap(t) instanceof NemoException e && e.code() == NemoException.SESSION_NOT_FOUND;
  }

  static boolean cancelled(Throwable t) {
    return unwrap(t) instanceof CancellationException;
  }

  /** @param record the person, for the registration link; may be null */
  String reply(Throwable failure, Messages say, UserRecord record) {
    Throwable t = unwrap(failure);
    String who = record == null ? "?" : record.user().toString();
    if (t instanceof NemoException e) {
      int code = e.code();
      int http = e.httpStatus();
      NemoException.Details details = e.details();
      if (code == NemoException.NO_CREDITS) {
        return NemoClient.TUNECUT_STUDIO.equals(details.backend()) ? say.renderTimeUsedUp() : noCredits(say, record);
      }
      if (code == NemoException.UNSUPPORTED_FILE) {
        return details.problem() == NemoException.Problem.UNREADABLE
            ? say.unreadableFile(details.file()) : say.unsupportedFile(details.file());
      }
      if (code == NemoException.FILE_TOO_LARGE) return say.fileTooLarge(maxFileBytes);
      if (code == NemoException.TOKEN_INVALID) return say.signInFailed();
      if (http == 402) return say.planCannotExport();
      if (http == 429 || code == 429) return say.rateLimited();
      if (http == 400 || code == 400) {
        log.error("the backend called our request malformed (a bug on our side) for {}: {}", who, e.getMessage());
        return say.ourBug();
      }
      if (http == 0 && code == 0 && e.getCause() instanceof IOException) {
        log.info("backend unreachable for {}: {}", who, e.getMessage());
        return say.unreachable();
      }
      log.warn("backend failure for {}: code {} http {}: {}", who, code, http, e.getMessage());
      return say.serviceFailed();
    }
    if (t instanceof IOException) {
      log.info("backend unreachable for {}: {}", who, t.toString());
      return say.unreachable();
    }
    log.error("unexpected failure for {}", who, t);
    return say.ourBug();
  }

  /** The seeds' way: an anonymous person registers, with {@code bind} so their work is kept. */
  private String noCredits(Messages say, UserRecord record) {
    if (registerPage == null) return say.noCredits();
    String bindId = record == null ? null : record.backendUserId();
    boolean anonymous = !operator && (bindId == null || bindId.startsWith("anon"));
    if (anonymous && bindId != null) return say.noCreditsAnonymous(withBind(registerPage, bindId));
    if (anonymous) return say.noCreditsAnonymous(registerPage.toString());
    return say.noCredits();
  }

  /** The page with {@code bind=<id>} added to its query, so the account registered keeps this work. */
  static String withBind(URI page, String bindId) {
    String base = page.toString();
    String fragment = "";
    int hash = base.indexOf('#');
    if (hash >= 0) {
      fragment = base.substring(hash);
      base = base.substring(0, hash);
    }
    String separator = page.getRawQuery() == null ? "?" : "&";
    return base + separator + "bind=" + URLEncoder.encode(bindId, StandardCharsets.UTF_8) + fragment;
  }
}
