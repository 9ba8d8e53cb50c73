package io.tunecut.discord;

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
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The port for one deferred interaction (a slash command or a button). The first message
 * replaces the deferred "thinking…" response, later ones are follow-ups, and the status is
 * edited through the interaction's token. When that token nears its 15 minutes, everything
 * continues in normal channel messages (or a DM when the channel is closed to the bot): the
 * status is posted anew there and later edits of the old ref go to the new message.
 */
final class InteractionPort implements ChatPort {
  private static final Logger log = LoggerFactory.getLogger(InteractionPort.class);
  /** Edits through an interaction token have a bucket of their own, outside the 50 requests/s. */
  static final Duration EDIT_INTERVAL = Duration.ofSeconds(3);

  private final InteractionHook hook;
  private final Chat chat;
  private final String userId;
  private final ChannelPort channels;
  private final LongSupplier uploadLimit;
  private final Duration margin;
  private final Clock clock;

  private final AtomicBoolean originalUsed = new AtomicBoolean();
  private volatile String originalId;
  private final Set<String> hookMessages = ConcurrentHashMap.newKeySet();
  /** Where channel messages go after the hand-over: the chat itself, or the user's DM. */
  private volatile String handOverChat;

  InteractionPort(
      InteractionHook hook, Chat chat, String userId, ChannelPort channels, LongSupplier uploadLimit, Duration margin, Clock clock) {
    this.hook = hook;
    this.chat = chat;
    this.userId = userId;
    this.channels = channels;
    this.uploadLimit = uploadLimit;
    this.margin = margin;
    this.clock = clock;
  }

  @Override
  public String platform() {
    return ChannelPort.PLATFORM;
  }

  /** Whether the interaction's token is still good for a while. */
  boolean live() {
    return clock.millis() < hook.getExpirationTimestamp() - margin.toMillis();
  }

  @Override
  public PortLimits limits(Chat chat) {
    return new PortLimits(uploadLimit.getAsLong(), Replies.MAX_TEXT, live() ? EDIT_INTERVAL : ChannelPort.EDIT_INTERVAL);
  }

  @Override
  public MessageRef send(Chat chat, String text, List<Suggestion> suggestions) throws IOException {
    if (!isOurs(chat)) return channels.send(chat, text, suggestions);
    MessageCreateData data = Replies.message(text, suggestions);
    if (live()) {
      try {
        return viaHook(data, "Answering");
      } catch (IOException e) {
        if (live()) throw e;
      }
    }
    return inChannel(text, suggestions);
  }

  @Override
  public MessageRef sendPrivately(Chat chat, String text) throws IOException {
    // In a direct message only the sender sees the answer anyway.
    if (!isOurs(chat) || !chat.group() || !live()) return send(chat, text, List.of());
    // Whether a response is ephemeral was settled when it was deferred: the "thinking…" everyone
    // sees goes, and a follow-up only the sender sees says it.
    if (originalUsed.compareAndSet(false, true)) Replies.complete(hook.deleteOriginal(), "Withdrawing the response");
    Message message = Replies.complete(hook.sendMessage(Replies.message(text, List.of())).setEphemeral(true), "Answering privately");
    return ChannelPort.ref(chat, chat.id(), message.getId());
  }

  /**
   * The core said nothing to this interaction (someone the bot ignores): its "thinking…" would
   * stay forever, so it goes.
   */
  void closeUnanswered() {
    if (originalUsed.compareAndSet(false, true)) {
      hook.deleteOriginal().queue(null, e -> log.debug("Could not withdraw an unanswered response: {}", e.getMessage()));
    }
  }

  @Override
  public MessageRef createStatus(Chat chat, String text) throws IOException {
    return send(chat, text, List.of());
  }

  @Override
  public void editStatus(MessageRef status, String text) throws IOException {
    MessageRef moved = channels.movedTo(status);
    String messageId = ChannelPort.where(status)[1];
    if (moved != null || !hookMessages.contains(messageId)) {
      channels.editStatus(status, text);
      return;
    }
    if (live()) {
      try {
        if (messageId.equals(originalId)) {
          Replies.complete(hook.editOriginal(Replies.trim(text)), "Editing the response");
        } else {
          Replies.complete(hook.editMessageById(messageId, Replies.trim(text)), "Editing a follow-up");
        }
        return;
      } catch (IOException e) {
        if (live()) throw e;
      }
    }
    // The token is about to run out: the status goes on in a message we can keep editing.
    MessageRef next = inChannel(text, List.of());
    channels.moved(status, next);
    log.debug("Interaction {} handed over to a channel message", hook.getInteraction().getId());
  }

  @Override
  public boolean sendVideo(Chat chat, Path file, String caption) throws IOException {
    if (!isOurs(chat)) return channels.sendVideo(chat, file, caption);
    if (Files.size(file) > uploadLimit.getAsLong()) return false;
    if (live()) {
      try (FileUpload upload = FileUpload.fromData(file)) {
        MessageCreateData data = new MessageCreateBuilder()
            .setContent(Replies.trim(caption == null ? "" : caption)).setFiles(upload).build();
        viaHook(data, "Sending a video");
        return true;
      } catch (IOException e) {
        if (Replies.tooLarge(e)) return false;
        if (live()) throw e;
      }
    }
    return channels.sendVideo(handOverChat(), file, caption);
  }

  @Override
  public boolean sendPhoto(Chat chat, Path file, String caption, List<Suggestion> suggestions) throws IOException {
    return sendReplaceablePhoto(chat, file, caption, suggestions) != null;
  }

  /** Through the interaction while its token lives, else as a channel message. */
  @Override
  public MessageRef sendReplaceablePhoto(Chat chat, Path file, String caption, List<Suggestion> suggestions)
      throws IOException {
    if (!isOurs(chat)) return channels.sendReplaceablePhoto(chat, file, caption, suggestions);
    if (Files.size(file) > uploadLimit.getAsLong()) return null;
    if (live()) {
      try (FileUpload upload = FileUpload.fromData(file)) {
        return viaHook(Replies.photo(caption, suggestions, upload), "Sending a picture");
      } catch (IOException e) {
        if (Replies.tooLarge(e)) return null;
        if (live()) throw e;
      }
    }
    return channels.postPhoto(chat, handOverChat(), file, caption, suggestions);
  }

  /**
   * A picture sent through the interaction is edited through it while the token lives (as a
   * channel message after that, or where it went out as one). Where Discord will not, the full
   * picture goes out anew with the caption and buttons, and the first one is withdrawn.
   */
  @Override
  public boolean replacePhoto(MessageRef photo, Path file, String caption, List<Suggestion> suggestions) throws IOException {
    String messageId = ChannelPort.where(photo)[1];
    if (!isOurs(photo.chat()) || !hookMessages.contains(messageId) || !live()) {
      return channels.replacePhoto(photo, file, caption, suggestions);
    }
    if (Files.size(file) > uploadLimit.getAsLong()) return false;
    boolean original = messageId.equals(originalId);
    try (FileUpload upload = FileUpload.fromData(file)) {
      MessageEditData edit = Replies.replacing(caption, suggestions, upload);
      Replies.complete(original ? hook.editOriginal(edit) : hook.editMessageById(messageId, edit), channels.replacePatience(),
          "Replacing a picture");
      return true;
    } catch (IOException e) {
      if (Replies.tooLarge(e) || e instanceof InterruptedIOException) throw e;
      log.info("A picture could not be replaced in place ({}): the full one follows as a new message", e.getMessage());
      if (anew(file, caption, suggestions) == null) return false;
      if (!Replies.gone(e)) {
        (original ? hook.deleteOriginal() : hook.deleteMessageById(messageId))
            .queue(null, gone -> log.info("A replaced picture stays beside its replacement: {}", gone.getMessage()));
      }
      return true;
    }
  }

  /** The picture as a new message: through the interaction, or in the channel where the interaction refuses it. */
  private MessageRef anew(Path file, String caption, List<Suggestion> suggestions) throws IOException {
    try {
      return sendReplaceablePhoto(chat, file, caption, suggestions);
    } catch (IOException e) {
      if (Replies.tooLarge(e) || e instanceof InterruptedIOException) throw e;
      return channels.postPhoto(chat, handOverChat(), file, caption, suggestions);
    }
  }

  @Override
  public void chatAction(Chat chat, ChatAction action) throws IOException {
    // While the token lives, Discord shows the deferred response and its edits; typing there
    // would cost a request from the bot's shared budget for nothing.
    if (isOurs(chat) && live()) return;
    channels.chatAction(isOurs(chat) ? new Chat(chat.platform(), handOverChat(), chat.group(), chat.server()) : chat, action);
  }

  private boolean isOurs(Chat other) {
    return chat.id().equals(other.id());
  }

  private MessageRef viaHook(MessageCreateData data, String what) throws IOException {
    Message message;
    if (originalUsed.compareAndSet(false, true)) {
      try {
        message = Replies.complete(hook.editOriginal(MessageEditData.fromCreateData(data)), what);
      } catch (IOException e) {
        originalUsed.set(false);
        throw e;
      }
      originalId = message.getId();
    } else {
      message = Replies.complete(hook.sendMessage(data), what);
    }
    hookMessages.add(message.getId());
    return ChannelPort.ref(chat, chat.id(), message.getId());
  }

  private MessageRef inChannel(String text, List<Suggestion> suggestions) throws IOException {
    String target = handOverChat();
    try {
      return channels.post(chat, target, text, suggestions);
    } catch (IOException e) {
      String dm = Channels.dmChat(userId);
      if (target.equals(dm)) throw e;
      // The bot may answer commands in a channel it cannot post in: continue in a DM.
      handOverChat = dm;
      return channels.post(chat, dm, text, suggestions);
    }
  }

  private String handOverChat() {
    String target = handOverChat;
    return target == null ? chat.id() : target;
  }
}
