package io.tunecut.core.access;

import io.tunecut.core.chat.Chat;
import io.tunecut.core.chat.ChatUser;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What the operator set at start: who may use the bot (people, or everyone in some chats),
 * who the admins are, each person's daily budget, and how many messages a minute a person may
 * send. With no allowed people and no allowed chats, everyone may use the bot.
 *
 * @param allowedChats "platform:id" of chats (Telegram groups, Discord channels) or servers (Discord
 *     guilds, which let in every channel of the server)
 * @param messagesPerMinute a negative number is no limit
 */
public record AccessRules(Set<ChatUser> allowedUsers, Set<String> allowedChats, Set<ChatUser> admins, Budget budget,
    int messagesPerMinute) {

  public AccessRules {
    allowedUsers = Set.copyOf(allowedUsers);
    allowedChats = Set.copyOf(allowedChats);
    admins = Set.copyOf(admins);
    Objects.requireNonNull(budget, "budget");
  }

  /** Everyone may use the bot as much as the backend allows; nobody is an admin. */
  public static AccessRules open() {
    return new AccessRules(Set.of(), Set.of(), Set.of(), Budget.UNLIMITED, -1);
  }

  /**
   * From the operator's lists of {@code platform:id} entries, separated by commas or spaces
   * (each may be null or blank).
   *
   * @throws IllegalArgumentException naming an entry that is not {@code platform:id}
   */
  public static AccessRules of(String allowedUsers, String allowedChats, String admins) {
    Set<String> chats = new LinkedHashSet<>();
    for (ChatUser chat : entries(allowedChats)) chats.add(chat.toString());
    return new AccessRules(entries(allowedUsers), chats, entries(admins), Budget.UNLIMITED, -1);
  }

  public AccessRules withBudget(Budget budget) {
    return new AccessRules(allowedUsers, allowedChats, admins, budget, messagesPerMinute);
  }

  public AccessRules withMessagesPerMinute(int messagesPerMinute) {
    return new AccessRules(allowedUsers, allowedChats, admins, budget, messagesPerMinute);
  }

  /** Whether only listed people and chats may use the bot. */
  boolean restricted() {
    return !allowedUsers.isEmpty() || !allowedChats.isEmpty();
  }

  boolean listed(ChatUser user, Chat chat) {
    return allowedUsers.contains(user) || admins.contains(user) || allowedChats.contains(chat.platform() + ":" + chat.id())
        || (chat.server() != null && allowedChats.contains(chat.platform() + ":" + chat.server()));
  }

  /** A {@code platform:id} entry as a person. */
  static ChatUser entry(String text) {
    String s = text.strip();
    int colon = s.indexOf(':');
    if (colon <= 0 || colon == s.length() - 1 || s.indexOf(':', colon + 1) >= 0) {
      throw new IllegalArgumentException("'" + s + "' is not platform:id (e.g. telegram:123456789)");
    }
    return new ChatUser(s.substring(0, colon).toLowerCase(Locale.ROOT), s.substring(colon + 1));
  }

  private static Set<ChatUser> entries(String list) {
    Set<ChatUser> out = new LinkedHashSet<>();
    if (list == null || list.isBlank()) return out;
    Arrays.stream(list.split("[,\\s]+")).filter(s -> !s.isBlank()).map(AccessRules::entry).forEach(out::add);
    return out;
  }
}
