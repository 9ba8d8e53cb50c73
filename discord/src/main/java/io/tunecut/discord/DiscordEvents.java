package io.tunecut.discord;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tunecut.core.chat.Attachment;
import io.tunecut.core.chat.Chat;
import io.tunecut.core.chat.ChatPort;
import io.tunecut.core.chat.ChatUser;
import io.tunecut.core.chat.InboundMessage;
import io.tunecut.core.chat.MessageHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.ChannelType;
import net.dv8tion.jda.api.events.RawGatewayEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Discord events into inbound messages for the core. Runs on JDA's event thread, so
 * nothing here blocks: interactions are deferred at once (Discord wants an answer within
 * 3 s), downloads run in the background once the core takes the message, and the core's
 * handler returns immediately.
 */
final class DiscordEvents extends ListenerAdapter {
  private static final Logger log = LoggerFactory.getLogger(DiscordEvents.class);

  private final MessageHandler handler;
  private final ChannelPort channels;
  private final IncomingFiles files;
  private final DiscordSettings settings;
  private final Clock clock;
  /** attachment_size_limit per interaction id; JDA reads it nowhere, the raw payload has it. */
  private final Cache<Long, Long> uploadLimits =
      Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(20)).maximumSize(100_000).build();

  DiscordEvents(MessageHandler handler, ChannelPort channels, IncomingFiles files, DiscordSettings settings, Clock clock) {
    this.handler = handler;
    this.channels = channels;
    this.files = files;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
    if (!SlashCommands.isOurs(event.getName())) return;
    event.deferReply().queue(null, e -> log.warn("Could not defer /{}: {}", event.getName(), e.getMessage()));
    deliver(event, SlashCommands.text(event), SlashCommands.files(event));
  }

  @Override
  public void onButtonInteraction(ButtonInteractionEvent event) {
    // A suggestion's button carries its command: pressing it is as if the person typed it.
    event.deferReply().queue(null, e -> log.warn("Could not defer a button: {}", e.getMessage()));
    deliver(event, event.getComponentId(), List.of());
  }

  private void deliver(net.dv8tion.jda.api.interactions.callbacks.IReplyCallback event, String text, List<Message.Attachment> sent) {
    Interaction interaction = event;
    User user = interaction.getUser();
    String guildId = interaction.getGuild() == null ? null : interaction.getGuild().getId();
    Chat chat = chatOf(interaction.getChannelType(), interaction.getChannelId(), guildId, user.getId());
    long interactionId = interaction.getIdLong();
    String chatId = chat.id();
    InteractionPort port = new InteractionPort(
        event.getHook(), chat, user.getId(), channels,
        () -> {
          Long limit = uploadLimits.getIfPresent(interactionId);
          return limit != null ? limit : channels.uploadLimit(chatId);
        },
        settings.handOverMargin(), clock);
    Locale locale = Locale.forLanguageTag(interaction.getUserLocale().getLocale());
    handOver(new ChatUser(ChannelPort.PLATFORM, user.getId()), chat, text, sent, locale, port, port::closeUnanswered);
  }

  @Override
  public void onMessageReceived(MessageReceivedEvent event) {
    Message message = event.getMessage();
    User author = event.getAuthor();
    if (author.isBot() || event.isWebhookMessage() || author.isSystem()) return;
    User self = event.getJDA().getSelfUser();
    boolean direct = event.getChannelType() == ChannelType.PRIVATE;
    boolean mentioned = !direct && message.getMentions().isMentioned(self);
    boolean listening = !direct && settings.messageContent()
        && (settings.channels().isEmpty() || settings.channels().contains(event.getChannel().getId()))
        && !message.getAttachments().isEmpty();
    if (!direct && !mentioned && !listening) return;

    String text = message.getContentRaw()
        .replace("<@" + self.getId() + ">", "")
        .replace("<@!" + self.getId() + ">", "")
        .strip();
    if (text.isEmpty() && message.getAttachments().isEmpty()) return;
    String guildId = event.isFromGuild() ? event.getGuild().getId() : null;
    Chat chat = chatOf(event.getChannelType(), event.getChannel().getId(), guildId, author.getId());
    handOver(new ChatUser(ChannelPort.PLATFORM, author.getId()), chat, text, message.getAttachments(), null, channels, () -> {});
  }

  @Override
  public void onRawGateway(RawGatewayEvent event) {
    if (!"INTERACTION_CREATE".equals(event.getType())) return;
    DataObject payload = event.getPayload();
    long id = payload.getUnsignedLong("id", 0);
    long limit = payload.getLong("attachment_size_limit", 0);
    if (id != 0 && limit > 0) uploadLimits.put(id, limit);
  }

  /** @param done runs once everything the message started has finished */
  private void handOver(
      ChatUser user, Chat chat, String text, List<Message.Attachment> sent, Locale locale, ChatPort port, Runnable done) {
    List<IncomingFiles.Download> downloads = new ArrayList<>();
    for (Message.Attachment file : sent) {
      downloads.add(files.prepare(file.getUrl(), file.getFileName(), file.getSize(), file.getContentType()));
    }
    List<Attachment> attachments = downloads.stream().map(IncomingFiles.Download::attachment).toList();
    InboundMessage inbound = new InboundMessage(user, chat, text, attachments, locale);
    try {
      handler.handle(inbound, port).whenComplete((result, failure) -> {
        IncomingFiles.discardAll(downloads);
        done.run();
      });
    } catch (RuntimeException e) {
      IncomingFiles.discardAll(downloads);
      done.run();
      log.error("The conversation engine failed on a message from {}", user, e);
    }
  }

  /** @param guildId the server of the channel; null in direct messages */
  static Chat chatOf(ChannelType type, String channelId, String guildId, String userId) {
    if (type == ChannelType.PRIVATE) return new Chat(ChannelPort.PLATFORM, Channels.dmChat(userId), false);
    return new Chat(ChannelPort.PLATFORM, channelId, true, guildId);
  }
}
