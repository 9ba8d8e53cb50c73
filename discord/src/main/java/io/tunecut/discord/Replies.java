package io.tunecut.discord;

import io.tunecut.core.chat.Suggestion;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/** Shapes of outgoing messages, and running JDA requests as blocking calls with IOExceptions. */
final class Replies {
  static final int MAX_TEXT = 2000;

  private Replies() {}

  static MessageCreateData message(String text, List<Suggestion> suggestions) {
    MessageCreateBuilder builder = new MessageCreateBuilder().setContent(trim(text));
    List<ActionRow> rows = buttons(suggestions);
    if (!rows.isEmpty()) builder.setComponents(rows);
    return builder.build();
  }

  /** The suggestions as buttons in rows, as Discord takes them (25 at most). */
  private static List<ActionRow> buttons(List<Suggestion> suggestions) {
    List<Button> buttons = suggestions.stream()
        .limit(25)
        .map(s -> Button.secondary(s.command(), s.label().length() > 80 ? s.label().substring(0, 80) : s.label()))
        .toList();
    return buttons.isEmpty() ? List.of() : ActionRow.partitionOf(buttons);
  }

  /** A message with a picture attached under its caption (which may be empty) and buttons. */
  static MessageCreateData photo(String caption, List<Suggestion> suggestions, FileUpload upload) {
    MessageCreateBuilder builder = new MessageCreateBuilder().setContent(trim(caption == null ? "" : caption)).setFiles(upload);
    List<ActionRow> rows = buttons(suggestions);
    if (!rows.isEmpty()) builder.setComponents(rows);
    return builder.build();
  }

  /**
   * The edit that puts {@code upload} in place of a {@link #photo}'s picture: the files listed
   * replace the attachments (the old picture goes), and the caption and buttons are given again
   * as they were sent, so the message reads the same whatever it showed meanwhile.
   */
  static MessageEditData replacing(String caption, List<Suggestion> suggestions, FileUpload upload) {
    return new MessageEditBuilder().setContent(trim(caption == null ? "" : caption)).setComponents(buttons(suggestions))
        .setFiles(upload).build();
  }

  static String trim(String text) {
    if (text.length() <= MAX_TEXT) return text;
    int end = MAX_TEXT - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) end--; // never half an emoji
    return text.substring(0, end) + "…";
  }

  /** Waits for a request; Discord's refusals become IOExceptions naming Discord's reason. */
  static <T> T complete(RestAction<T> action, String what) throws IOException {
    try {
      return action.complete();
    } catch (ErrorResponseException e) {
      throw new DiscordRefusal(what, e);
    } catch (RuntimeException e) {
      throw new IOException(what + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * {@link #complete}, waiting at most {@code patience}: JDA waits out Discord's 429s by itself,
   * as long as they say. A request still held back then is withdrawn (it never goes out later)
   * and fails, so the caller can do something else in time.
   */
  static <T> T complete(RestAction<T> action, Duration patience, String what) throws IOException {
    CompletableFuture<T> pending;
    try {
      pending = action.submit();
    } catch (RuntimeException e) { // JDA shutting down
      throw new IOException(what + " failed: " + e.getMessage(), e);
    }
    try {
      return pending.get(patience.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      pending.cancel(false);
      throw new IOException(what + " held back by Discord for over " + patience.toMillis() / 1000.0 + " s");
    } catch (InterruptedException e) {
      pending.cancel(false);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException(what + " interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ErrorResponseException refused) throw new DiscordRefusal(what, refused);
      throw new IOException(what + " failed: " + e.getCause().getMessage(), e.getCause());
    }
  }

  /** Discord answered 10008: the message is gone (deleted by someone). */
  static boolean gone(IOException e) {
    return e instanceof DiscordRefusal refusal && refusal.response() == ErrorResponse.UNKNOWN_MESSAGE;
  }

  /** Discord's 40005, or a plain 413 from its front: the file does not fit. */
  static boolean tooLarge(IOException e) {
    return e instanceof DiscordRefusal refusal
        && (refusal.response() == ErrorResponse.REQUEST_ENTITY_TOO_LARGE || refusal.status() == 413);
  }

  /** Discord answered with an error. */
  static final class DiscordRefusal extends IOException {
    private final transient ErrorResponse response;
    private final int status;

    DiscordRefusal(String what, ErrorResponseException e) {
      super(what + " refused by Discord: " + e.getErrorCode() + " " + e.getMeaning(), e);
      this.response = e.getErrorResponse();
      this.status = e.getResponse() == null ? 0 : e.getResponse().code;
    }

    ErrorResponse response() {
      return response;
    }

    int status() {
      return status;
    }
  }
}
