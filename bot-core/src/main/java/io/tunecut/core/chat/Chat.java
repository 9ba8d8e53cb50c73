package io.tunecut.core.chat;

import java.util.Objects;

/**
 * Where a message came from and where answers go: a private chat, a group or a channel.
 * {@code group} matters for the edit budget and for how the bot is addressed.
 *
 * @param server the server the chat belongs to (a Discord guild), so an operator can let in a
 *     whole server; null where there is none (private chats, Telegram groups)
 */
public record Chat(String platform, String id, boolean group, String server) {
  public Chat {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(id, "id");
  }

  /** A chat that belongs to no server. */
  public Chat(String platform, String id, boolean group) {
    this(platform, id, group, null);
  }
}
