package io.tunecut.discord;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tunecut.core.chat.Chat;
import io.tunecut.core.chat.ChatAction;
import io.tunecut.core.chat.ChatPort;
import io.tunecut.core.chat.MessageRef;
import io.tunecut.core.chat.PortLimits;
import io.tunecut.core.chat.Suggestion;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's voice in ordinary channel messages: answers to plain messages, interactions that
 * outlived their 15 minutes, and reporting resumed after a restart.
 *
 * <p>A {@link MessageRef#messageId()} is {@code <chat id>/<message id>}: where the message
 * lives, so it can be edited after a restart even when it is not in the ref's chat.
 */
final class ChannelPort implements ChatPort {
  private static final Logger log = LoggerFactory.getLogger(ChannelPort.class);
  static final String PLATFORM = "discord";
  static final long DEFAULT_UPLOAD_LIMIT = 10L * 1024 * 1024;
  /**
   * Message edits share a bucket per channel (about 5 per 5 s) with everyone the bot serves
   * there, and the bot's 50 requests/s overall: 5 s per status message keeps a busy channel
   * well inside both while still showing that work moves.
   */
  static final Duration EDIT_INTERVAL = Duration.ofSeconds(5);
  /**
   * How long a picture's replacement may be held back by Discord's 429s (an edit bucket says a
   * few seconds) before the full picture goes out as a message of its own instead.
   */
  static final Duration REPLACE_PATIENCE = Duration.ofSeconds(10);

  private final Channels channels;
  private final Duration replacePatience;
  /** Status messages that could not be edited in place and continue in a new message. */
  private final Cache<String, MessageRef> moved =
      Caffeine.newBuilder().expireAfterAccess(Duration.ofDays(2)).maximumSize(100_000).build();

  ChannelPort(Channels channels) {
    this(channels, REPLACE_PATIENCE);
  }

  ChannelPort(Channels channels, Duration replacePatience) {
    this.channels = channels;
    this.replacePatience = replacePatience;
  }

  Duration replacePatience() {
    return replacePatience;
  }

  @Override
  public String platform() {
    return PLATFORM;
  }

  @Override
  public PortLimits limits(Chat chat) {
    return new PortLimits(uploadLimit(chat.id()), Replies.MAX_TEXT, EDIT_INTERVAL);
  }

  long uploadLimit(String chatId) {
    try {
      if (!chatId.startsWith(Channels.DM) && channels.find(chatId) instanceof GuildChannel channel) {
        return Math.max(DEFAULT_UPLOAD_LIMIT, channel.getGuild().getMaxFileSize());
      }
    } catch (IOException | RuntimeException e) {
      // Unknown channel: the default applies, and a refusal is still caught as "too large".
    }
    return DEFAULT_UPLOAD_LIMIT;
  }

  @Override
  public MessageRef send(Chat chat, String text, List<Suggestion> suggestions) throws IOException {
    return post(chat, chat.id(), text, suggestions);
  }

  @Override
  public MessageRef createStatus(Chat chat, String text) throws IOException {
    return post(chat, chat.id(), text, List.of());
  }

  /** Posts into {@code chatId}, reporting the message under {@code chat}. */
  MessageRef post(Chat chat, String chatId, String text, List<Suggestion> suggestions) throws IOException {
    MessageChannel channel = channels.find(chatId);
    Message message = Replies.complete(channel.sendMessage(Replies.message(text, suggestions)), "Sending a message");
    return ref(chat, chatId, message.getId());
  }

  static MessageRef ref(Chat chat, String chatId, String messageId) {
    return new MessageRef(chat, chatId + "/" + messageId);
  }

  @Override
  public void editStatus(MessageRef status, String text) throws IOException {
    MessageRef target = moved.getIfPresent(status.messageId());
    if (target == null) target = status;
    String[] where = where(target);
    try {
      MessageChannel channel = channels.find(where[0]);
      Replies.complete(channel.editMessageById(where[1], Replies.trim(text)), "Editing a message");
    } catch (IOException e) {
      // Gone, or an interaction response this bot may not edit as a channel message: go on below.
      MessageRef next = post(status.chat(), where[0], text, List.of());
      moved.put(status.messageId(), next);
    }
  }

  /** Remembers that a status message now continues in another message. */
  void moved(MessageRef from, MessageRef to) {
    moved.put(from.messageId(), to);
  }

  MessageRef movedTo(MessageRef from) {
    return moved.getIfPresent(from.messageId());
  }

  static String[] where(MessageRef ref) {
    String id = ref.messageId();
    int slash = id.lastIndexOf('/');
    if (slash < 0) return new String[] {ref.chat().id(), id};
    return new String[] {id.substring(0, slash), id.substring(slash + 1)};
  }

  @Override
  public boolean sendVideo(Chat chat, Path file, String caption) throws IOException {
    return sendVideo(chat.id(), file, caption);
  }

  boolean sendVideo(String chatId, Path file, String caption) throws IOException {
    MessageChannel channel = channels.find(chatId);
    if (Files.size(file) > uploadLimit(chatId)) return false;
    try (FileUpload upload = FileUpload.fromData(file)) {
      Replies.complete(
          channel.sendMessage(new MessageCreateBuilder().setContent(Replies.trim(caption == null ? "" : caption)).setFiles(upload).build()),
          "Sending a video");
      return true;
    } catch (IOException e) {
      if (Replies.tooLarge(e)) return false;
      throw e;
    }
  }

  @Override
  public boolean sendPhoto(Chat chat, Path file, String caption, List<Suggestion> suggestions) throws IOException {
    return postPhoto(chat, chat.id(), file, caption, suggestions) != null;
  }

  @Override
  public MessageRef sendReplaceablePhoto(Chat chat, Path file, String caption, List<Suggestion> suggestions)
      throws IOException {
    return postPhoto(chat, chat.id(), file, caption, suggestions);
  }

  /**
   * The picture attached to a message in {@code chatId} with the caption and the buttons,
   * reported under {@code chat}; null when it is over the upload limit.
   */
  MessageRef postPhoto(Chat chat, String chatId, Path file, String caption, List<Suggestion> suggestions) throws IOException {
    MessageChannel channel = channels.find(chatId);
    if (Files.size(file) > uploadLimit(chatId)) return null;
    try (FileUpload upload = FileUpload.fromData(file)) {
      Message message = Replies.complete(channel.sendMessage(Replies.photo(caption, suggestions, upload)), "Sending a picture");
      return ref(chat, chatId, message.getId());
    } catch (IOException e) {
      if (Replies.tooLarge(e)) return null;
      throw e;
    }
  }

  /**
   * Edits the message: {@code file} becomes its one attachment, under the caption and buttons
   * it was sent with. Where Discord will not (the message was deleted, the edit refused or held
   * back too long), the full picture goes out as a new message with the caption and buttons, and
   * the first one is withdrawn: the chat still shows one picture, the full one.
   */
  @Override
  public boolean replacePhoto(MessageRef photo, Path file, String caption, List<Suggestion> suggestions) throws IOException {
    String[] where = where(photo);
    if (where[1].isEmpty()) return false;
    if (Files.size(file) > uploadLimit(where[0])) return false;
    try (FileUpload upload = FileUpload.fromData(file)) {
      MessageChannel channel = channels.find(where[0]);
      Replies.complete(channel.editMessageById(where[1], Replies.replacing(caption, suggestions, upload)), replacePatience,
          "Replacing a picture");
      return true;
    } catch (IOException e) {
      if (Replies.tooLarge(e) || e instanceof InterruptedIOException) throw e;
      log.info("A picture could not be replaced in place ({}): the full one follows as a new message", e.getMessage());
      MessageRef instead = postPhoto(photo.chat(), where[0], file, caption, suggestions);
      if (instead == null) return false;
      if (!Replies.gone(e)) withdraw(where[0], where[1]);
      return true;
    }
  }

  /** Deletes a message of the bot's, without waiting: one that stays is a picture too many, nothing lost. */
  private void withdraw(String chatId, String messageId) {
    try {
      channels.find(chatId).deleteMessageById(messageId)
          .queue(null, e -> log.info("A replaced picture stays beside its replacement: {}", e.getMessage()));
    } catch (IOException | RuntimeException e) {
      log.info("A replaced picture stays beside its replacement: {}", e.getMessage());
    }
  }

  @Override
  public void chatAction(Chat chat, ChatAction action) throws IOException {
    // Discord has one "is typing…" indicator for every kind of work.
    Replies.complete(channels.find(chat.id()).sendTyping(), "Showing that the bot is typing");
  }
}
