package io.tunecut.discord;

import java.io.IOException;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;

/**
 * Finds the channel behind a chat id, also after a restart. A guild channel is its id; a
 * direct message is {@code dm:<user id>}, because a DM channel can only be reopened by user.
 */
@FunctionalInterface
interface Channels {
  String DM = "dm:";

  MessageChannel find(String chatId) throws IOException;

  static String dmChat(String userId) {
    return DM + userId;
  }
}
