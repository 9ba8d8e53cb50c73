package io.tunecut.core.chat;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One message from a person, already translated from the platform's shape.
 *
 * @param text what they typed, commands included ("/export"); empty when they sent only files
 * @param locale the platform's idea of their language, or null when it has none
 */
public record InboundMessage(ChatUser user, Chat chat, String text, List<Attachment> attachments, Locale locale) {
  public InboundMessage {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(chat, "chat");
    text = text == null ? "" : text;
    attachments = List.copyOf(attachments == null ? List.of() : attachments);
  }

  public static InboundMessage text(ChatUser user, Chat chat, String text) {
    return new InboundMessage(user, chat, text, List.of(), null);
  }
}
