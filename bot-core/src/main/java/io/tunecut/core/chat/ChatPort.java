package io.tunecut.core.chat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * How the core talks back. An adapter implements it for one platform and translates; it
 * does not decide anything a user would see differently on another platform.
 *
 * <p>Methods may block on the network and may be called from many threads at once (one
 * turn per user, many users). An {@link IOException} tells the core the platform refused
 * or failed; the core logs it and carries on.
 *
 * <p>Each call that posts also comes as {@code …Async}: it queues the call and returns a future,
 * so nobody's thread waits while the platform holds a chat back (Telegram's 429). The core uses
 * these. By default they run the blocking method on {@code blocking}, the core's port pool; an
 * adapter with a queue of its own overrides them and leaves {@code blocking} unused.
 */
public interface ChatPort {

  /** The platform's name, as in {@link ChatUser#platform()}. */
  String platform();

  PortLimits limits(Chat chat);

  /** Posts a message; {@code suggestions} may be empty. Text is within {@link PortLimits#maxTextLength()}. */
  MessageRef send(Chat chat, String text, List<Suggestion> suggestions) throws IOException;

  /**
   * Posts an answer meant for the sender alone (a refusal, a link code): where the platform can
   * show a message in a shared chat to one person only (Discord's ephemeral replies), only they
   * see it; elsewhere it is an ordinary message.
   */
  default MessageRef sendPrivately(Chat chat, String text) throws IOException {
    return send(chat, text, List.of());
  }

  /** Posts the one status message of a turn, to be edited as work goes on. */
  MessageRef createStatus(Chat chat, String text) throws IOException;

  /** Replaces a status message's text. The core never sends the same text twice in a row. */
  void editStatus(MessageRef status, String text) throws IOException;

  /**
   * Sends a finished video. The core calls this only when the file is within
   * {@link PortLimits#maxUploadBytes()}; it returns false when the platform still refused
   * it as too large, and the core then relies on the link it always sends as well.
   */
  boolean sendVideo(Chat chat, Path file, String caption) throws IOException;

  /**
   * Sends a picture (the timeline) with {@code caption} under it and the {@code suggestions}
   * as buttons. Returns false when the platform shows no pictures or refused this one as too
   * large: the core then sends the caption as text. A caption over the platform's limit is the
   * adapter's to split.
   */
  default boolean sendPhoto(Chat chat, Path file, String caption, List<Suggestion> suggestions) throws IOException {
    return false;
  }

  /**
   * {@link #sendPhoto}, for a picture the core may replace later ({@link #replacePhoto}): the
   * message it went out in, or null where sendPhoto answers false. A port that cannot replace
   * pictures leaves it as it is: its message then has an empty id, which replacePhoto refuses.
   */
  default MessageRef sendReplaceablePhoto(Chat chat, Path file, String caption, List<Suggestion> suggestions)
      throws IOException {
    return sendPhoto(chat, file, caption, suggestions) ? new MessageRef(chat, "") : null;
  }

  /**
   * Shows {@code file} in place of the picture in {@code photo} (from {@link #sendReplaceablePhoto}),
   * under the {@code caption} and {@code suggestions} it was sent with: they stay as they were.
   * Returns false where the platform does not replace pictures (the default): the core then sends
   * the new one as a picture of its own.
   */
  default boolean replacePhoto(MessageRef photo, Path file, String caption, List<Suggestion> suggestions)
      throws IOException {
    return false;
  }

  /** Shows a chat action; the core repeats it while work runs, every few seconds. */
  void chatAction(Chat chat, ChatAction action) throws IOException;

  /** {@link #send}, completing once the platform answered; a refusal fails the future. */
  default CompletableFuture<MessageRef> sendAsync(Chat chat, String text, List<Suggestion> suggestions, Executor blocking) {
    return blocking(() -> send(chat, text, suggestions), blocking);
  }

  /** {@link #sendPrivately}, completing once the platform answered. */
  default CompletableFuture<MessageRef> sendPrivatelyAsync(Chat chat, String text, Executor blocking) {
    return blocking(() -> sendPrivately(chat, text), blocking);
  }

  /** {@link #createStatus}, completing with the message once the platform answered. */
  default CompletableFuture<MessageRef> createStatusAsync(Chat chat, String text, Executor blocking) {
    return blocking(() -> createStatus(chat, text), blocking);
  }

  /** {@link #editStatus}; may complete once the edit is queued rather than shown. */
  default CompletableFuture<Void> editStatusAsync(MessageRef status, String text, Executor blocking) {
    return blocking(() -> {
      editStatus(status, text);
      return null;
    }, blocking);
  }

  /** {@link #sendVideo}, completing once the platform answered. */
  default CompletableFuture<Boolean> sendVideoAsync(Chat chat, Path file, String caption, Executor blocking) {
    return blocking(() -> sendVideo(chat, file, caption), blocking);
  }

  /** {@link #sendPhoto}, completing once the platform answered. */
  default CompletableFuture<Boolean> sendPhotoAsync(Chat chat, Path file, String caption, List<Suggestion> suggestions,
      Executor blocking) {
    return blocking(() -> sendPhoto(chat, file, caption, suggestions), blocking);
  }

  /** {@link #sendReplaceablePhoto}, completing once the platform answered. */
  default CompletableFuture<MessageRef> sendReplaceablePhotoAsync(Chat chat, Path file, String caption,
      List<Suggestion> suggestions, Executor blocking) {
    return blocking(() -> sendReplaceablePhoto(chat, file, caption, suggestions), blocking);
  }

  /** {@link #replacePhoto}, completing once the platform answered. */
  default CompletableFuture<Boolean> replacePhotoAsync(MessageRef photo, Path file, String caption,
      List<Suggestion> suggestions, Executor blocking) {
    return blocking(() -> replacePhoto(photo, file, caption, suggestions), blocking);
  }

  /** A blocking port call. */
  @FunctionalInterface
  interface Call<T> {
    T call() throws IOException;
  }

  private static <T> CompletableFuture<T> blocking(Call<T> call, Executor blocking) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return call.call();
      } catch (IOException e) {
        throw new CompletionException(e);
      }
    }, blocking);
  }
}
