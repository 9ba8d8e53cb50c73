package io.tunecut.core.conversation;

import io.tunecut.core.chat.Chat;
import io.tunecut.core.chat.ChatAction;
import io.tunecut.core.chat.ChatPort;
import io.tunecut.core.chat.ChatUser;
import io.tunecut.core.chat.MessageRef;
import io.tunecut.core.chat.PortStoppedException;
import io.tunecut.core.chat.Suggestion;
import io.tunecut.core.chat.TextSplitter;
import io.tunecut.core.language.Messages;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Talking back: texts split to the platform's length, chat actions, and failures in words.
 * Messages go out through the port's asynchronous calls: a port with a queue of its own
 * (Telegram's) holds no thread while a chat is held back; a blocking port runs on the port pool,
 * which bounds how many run at once. The caller (the person's own turn) waits for its answer.
 */
final class Replies {
  private static final Logger log = LoggerFactory.getLogger(Replies.class);

  private final ExecutorService portPool;
  private final People people;
  private final ErrorReplies errors;

  Replies(Context ctx, People people, ErrorReplies errors) {
    this.portPool = ctx.portPool();
    this.people = people;
    this.errors = errors;
  }

  void send(ChatPort port, Chat chat, String text, List<Suggestion> suggestions) {
    int max = port.limits(chat).maxTextLength();
    List<String> parts = TextSplitter.split(text, max);
    for (int i = 0; i < parts.size(); i++) {
      String part = parts.get(i);
      // The buttons go with the last part, under everything said.
      List<Suggestion> s = i == parts.size() - 1 ? suggestions : List.of();
      await(port.sendAsync(chat, part, s, portPool), null);
    }
  }

  /**
   * Sends what the person was promised (a finished render's link): true once it went out or the
   * platform refused it (logged, as {@link #send} does); false when the port stopped before it
   * went out, so the caller can keep it for after a restart.
   */
  boolean sendPromised(Work work, String text, List<Suggestion> suggestions) {
    List<String> parts = TextSplitter.split(text, work.port.limits(work.chat).maxTextLength());
    for (int i = 0; i < parts.size(); i++) {
      List<Suggestion> s = i == parts.size() - 1 ? suggestions : List.of();
      try {
        work.port.sendAsync(work.chat, parts.get(i), s, portPool).join();
      } catch (RuntimeException e) {
        Throwable cause = ErrorReplies.unwrap(e);
        log.warn("platform refused a message: {}", cause.toString());
        if (cause instanceof PortStoppedException) return false;
      }
    }
    return true;
  }

  /** An answer for the sender's eyes only (see {@link ChatPort#sendPrivately}). */
  void sendPrivately(ChatPort port, Chat chat, String text) {
    for (String part : TextSplitter.split(text, port.limits(chat).maxTextLength())) {
      await(port.sendPrivatelyAsync(chat, part, portPool), null);
    }
  }

  /** Sends a finished video (see {@link ChatPort#sendVideo}); false when it did not go out. */
  boolean sendVideo(Work work, Path file, String caption) {
    return await(work.port.sendVideoAsync(work.chat, file, caption, portPool), false);
  }

  /** Sends a picture (see {@link ChatPort#sendPhoto}); false when it did not go out. */
  boolean sendPhoto(ChatPort port, Chat chat, Path file, String caption, List<Suggestion> suggestions) {
    return await(port.sendPhotoAsync(chat, file, caption, suggestions, portPool), false);
  }

  /** Sends a picture to be replaced later (see {@link ChatPort#sendReplaceablePhoto}); null when it did not go out. */
  MessageRef sendReplaceablePhoto(ChatPort port, Chat chat, Path file, String caption, List<Suggestion> suggestions) {
    return await(port.sendReplaceablePhotoAsync(chat, file, caption, suggestions, portPool), null);
  }

  /** Replaces a picture in place (see {@link ChatPort#replacePhoto}); false when it was not replaced. */
  boolean replacePhoto(ChatPort port, MessageRef photo, Path file, String caption, List<Suggestion> suggestions) {
    return await(port.replacePhotoAsync(photo, file, caption, suggestions, portPool), false);
  }

  void send(Work work, String text, List<Suggestion> suggestions) {
    send(work.port, work.chat, text, suggestions);
  }

  void send(Work work, String text) {
    send(work.port, work.chat, text, List.of());
  }

  /** Asks the platform to show that something is under way; a refusal does not matter. */
  void action(Work work, ChatAction action) {
    portPool.execute(() -> {
      try {
        work.port.chatAction(work.chat, action);
      } catch (Exception e) {
        log.debug("chat action refused: {}", e.toString());
      }
    });
  }

  /** What went wrong, in words for this person. */
  String failure(ChatUser user, Throwable failure, Messages say) {
    return errors.reply(failure, say, people.recordOrNull(user));
  }

  /** The next steps offered under an answer. */
  static List<Suggestion> suggestions(Messages say) {
    return List.of(new Suggestion(say.labelExport(), "/export"), new Suggestion(say.labelStatus(), "/status"),
        new Suggestion(say.labelCredits(), "/credits"));
  }

  /** Waits for a port call; a refusal is logged, never thrown. */
  private static <T> T await(CompletableFuture<T> call, T otherwise) {
    try {
      return call.join();
    } catch (RuntimeException e) {
      log.warn("platform refused a message: {}", ErrorReplies.unwrap(e).toString());
      return otherwise;
    }
  }
}
