package io.tunecut.core.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tunecut.core.access.Access;
import io.tunecut.core.access.RenderSize;
import io.tunecut.core.chat.ChatUser;
import io.tunecut.core.chat.InboundMessage;
import io.tunecut.core.fleet.RenderWatches;
import io.tunecut.core.language.Language;
import io.tunecut.core.language.Messages;
import io.tunecut.core.nemo.NemoSession;
import io.tunecut.core.nemo.SessionState;
import io.tunecut.core.nemo.TokenSource;
import io.tunecut.core.nemo.UploadedFile;
import io.tunecut.core.user.PendingRender;
import io.tunecut.core.user.UserRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The people the bot talks to, as the directory keeps them: their language, their backend
 * token and session, and the renders started for them.
 */
final class People {
  private static final Logger log = LoggerFactory.getLogger(People.class);

  private final Context ctx;
  private final String operatorToken;
  private final Access access;
  // A person's token source, while they are around; the directory keeps the token itself.
  private final Cache<ChatUser, DirectoryTokens> tokens =
      Caffeine.newBuilder().expireAfterAccess(Duration.ofHours(1)).maximumSize(100_000).build();

  /** @param operatorToken shared by everyone, or null: each person gets their own */
  People(Context ctx, String operatorToken, Access access) {
    this.ctx = ctx;
    this.operatorToken = operatorToken;
    this.access = access;
  }

  Access access() {
    return access;
  }

  /**
   * Why the person's budget does not allow rendering {@code draft} now, or null; when it does,
   * what the render costs is kept with the work, to be counted once it is delivered.
   */
  String budgetRefusal(Work work, JsonNode draft) {
    RenderSize size = RenderSize.of(draft);
    String refusal = access.renderRefusal(work.user, size, work.say);
    if (refusal != null) return refusal;
    work.renderSeconds = size.seconds();
    work.creditsBefore = sharedCredits(work.user);
    return null;
  }

  /** Clips longer than the person's budget allows, in words: said at the upload, not first at the export. */
  List<String> longClips(Work work, List<UploadedFile> files) {
    int longest = access.longestClipSeconds(work.user);
    List<String> said = new ArrayList<>();
    if (longest < 0) return said;
    for (UploadedFile f : files) {
      long seconds = (long) Math.ceil(f.duration());
      if ("video".equals(f.fileType()) && seconds > longest) said.add(work.say.clipTooLong(f.filename(), seconds, longest));
    }
    return said;
  }

  void rendered(Work work) {
    double after = Double.isNaN(work.creditsBefore) ? Double.NaN : sharedCredits(work.user);
    access.rendered(work.user, work.renderSeconds, Double.isNaN(after) ? 0 : work.creditsBefore - after);
  }

  void renderFailed(Work work) {
    access.renderFailed(work.user);
  }

  /** Whether {@code user} draws on the operator's credits with a capped share of their own. */
  boolean hasCreditShare(ChatUser user) {
    return operatorToken != null && access.capsCredits(user);
  }

  // The operator's credits everyone draws on, when this person's share is capped: measured around a render.
  private double sharedCredits(ChatUser user) {
    if (!hasCreditShare(user)) return Double.NaN;
    try {
      var credits = ctx.nemo().credits(auth(user));
      return credits.renderMinutes() ? Double.NaN : credits.available();
    } catch (IOException e) {
      return Double.NaN;
    }
  }

  /** The words for the sender, in the language of this message or the one they used before. */
  Messages say(InboundMessage message) {
    Language remembered = null;
    try {
      remembered = Language.ofCode(ctx.directory().get(message.user()).language());
    } catch (IOException e) {
      log.warn("directory unavailable for {}: {}", message.user(), e.toString());
    }
    Language lang = Language.detect(message.text(), message.locale(), remembered);
    if (lang != remembered) {
      try {
        ctx.directory().update(message.user(), r -> r.withLanguage(lang.code()));
      } catch (IOException e) {
        log.warn("language of {} not kept: {}", message.user(), e.toString());
      }
    }
    return Messages.of(lang);
  }

  TokenSource auth(ChatUser user) {
    return tokens.get(user, u -> new DirectoryTokens(ctx.directory(), ctx.nemo(), u, operatorToken, ctx.clock()));
  }

  /** The person's session, created on first use. */
  String session(ChatUser user, Messages say) throws IOException {
    UserRecord record = ctx.directory().get(user);
    if (record.sessionId() != null) return record.sessionId();
    return newSession(user, say);
  }

  /** A fresh session (an empty timeline) replaces the person's one. */
  String newSession(ChatUser user, Messages say) throws IOException {
    NemoSession session = ctx.nemo().createSession(auth(user), say.language().code());
    ctx.directory().update(user, r -> r.withSession(session.sessionId(), session.taskId()));
    return session.sessionId();
  }

  /** After the backend lost the session: a fresh one now, or at the next message. */
  void resetSession(ChatUser user, Messages say) {
    try {
      newSession(user, say);
    } catch (IOException e) {
      log.info("new session for {} not created now: {}", user, e.toString());
      try {
        ctx.directory().update(user, r -> r.withSession(null, null));
      } catch (IOException ignored) {
        // the next message tries again
      }
    }
  }

  SessionState state(ChatUser user, Messages say) throws IOException {
    return ctx.nemo().state(auth(user), session(user, say));
  }

  /**
   * Kept before the render starts, so a restart can pick it up; with instances sharing a
   * store, watched by this one (and by another if this one stops).
   */
  void keepRender(ChatUser user, PendingRender render) throws IOException {
    if (ctx.watches() != null) ctx.watches().take(new RenderWatches.Watch(user, render));
    ctx.directory().update(user, r -> {
      List<PendingRender> renders = new ArrayList<>(r.renders());
      renders.add(render);
      return r.withRenders(renders);
    });
  }

  void forgetRender(ChatUser user, String renderId) {
    try {
      ctx.directory().update(user, r -> r.withRenders(r.renders().stream().filter(p -> !p.renderId().equals(renderId)).toList()));
    } catch (IOException e) {
      log.warn("render {} of {} not removed from the directory: {}", renderId, user, e.toString());
    }
    if (ctx.watches() == null) return;
    try {
      ctx.watches().release(renderId);
    } catch (IOException e) {
      log.warn("the watch of render {} will run out instead: {}", renderId, e.toString());
    }
  }

  /** The person's record; null when the directory cannot be read. */
  UserRecord recordOrNull(ChatUser user) {
    try {
      return ctx.directory().get(user);
    } catch (IOException e) {
      return null;
    }
  }
}
