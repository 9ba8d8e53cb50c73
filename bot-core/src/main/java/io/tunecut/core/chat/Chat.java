package io.tunecut.core.chat;

import java.util.Objects;

/**
 * Where a message came from and where answers go: a private chat, a group or a channel.
 * {@code group} matters for the edit budget and for how the bot is addressed.
 */
public record Chat(String platform, String id, boolean group) {
  public Chat {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(id, "id");
  }
}
