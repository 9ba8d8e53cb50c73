package io.tunecut.core.chat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * How the core talks back. An adapter implements it for one platform and translates; it
 * does not decide anything a user would see differently on another platform.
 *
 * <p>Methods may block on the network and may be called from many threads at once (one
 * turn per user, many users). An {@link IOException} tells the core the platform refused
 * or failed; the core logs it and carries on.
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

  /** Shows a chat action; the core repeats it while work runs, every few seconds. */
  void chatAction(Chat chat, ChatAction action) throws IOException;
}
