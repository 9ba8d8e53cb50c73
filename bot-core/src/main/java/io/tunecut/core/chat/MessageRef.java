package io.tunecut.core.chat;

import java.util.Objects;

/**
 * A message the bot posted, as the adapter needs it to edit that message later, possibly
 * after a restart (it is persisted with in-flight renders). {@code messageId} is opaque to
 * the core: an adapter may pack whatever it needs into it.
 */
public record MessageRef(Chat chat, String messageId) {
  public MessageRef {
    Objects.requireNonNull(chat, "chat");
    Objects.requireNonNull(messageId, "messageId");
  }
}
