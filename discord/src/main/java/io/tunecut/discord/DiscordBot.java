package io.tunecut.discord;

import io.tunecut.core.chat.ChatPort;
import io.tunecut.core.chat.MessageHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.utils.messages.MessageRequest;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Discord bot: connects (one connection, or shards through JDA's ShardManager),
 * registers the slash commands, and hands every command, button press and addressed message
 * to the core.
 */
public final class DiscordBot implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DiscordBot.class);

  private final JDA jda;
  private final ShardManager shards;
  private final ChannelPort port;
  private final IncomingFiles files;
  private final Path createdDir;

  private DiscordBot(JDA jda, ShardManager shards, ChannelPort port, IncomingFiles files, Path createdDir) {
    this.jda = jda;
    this.shards = shards;
    this.port = port;
    this.files = files;
    this.createdDir = createdDir;
  }

  /** Connects, registers the slash commands and returns once Discord reported ready. */
  public static DiscordBot start(DiscordSettings settings, MessageHandler handler) throws IOException, InterruptedException {
    return start(settings, handler, Clock.systemUTC());
  }

  static DiscordBot start(DiscordSettings settings, MessageHandler handler, Clock clock) throws IOException, InterruptedException {
    return start(settings, handler, clock, ChannelPort.REPLACE_PATIENCE);
  }

  /** @param replacePatience how long a picture's replacement may wait out Discord's 429s */
  static DiscordBot start(DiscordSettings settings, MessageHandler handler, Clock clock, Duration replacePatience)
      throws IOException, InterruptedException {
    // Texts come from people and the backend: never let them ping @everyone, roles or users.
    MessageRequest.setDefaultMentions(EnumSet.noneOf(Message.MentionType.class));
    Path createdDir = settings.downloadDir() == null ? Files.createTempDirectory("tunecut-discord-") : null;
    Path dir = createdDir != null ? createdDir : Files.createDirectories(settings.downloadDir());
    OkHttpClient http = new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(15))
        .readTimeout(Duration.ofSeconds(60))
        .build();
    IncomingFiles files = new IncomingFiles(http, Executors.newCachedThreadPool(daemon("tunecut-discord-download")), dir, settings.maxDownloadBytes());

    JDA[] single = new JDA[1];
    ShardManager[] many = new ShardManager[1];
    ChannelPort port = new ChannelPort(chatId -> findChannel(single[0], many[0], chatId), replacePatience);
    DiscordEvents events = new DiscordEvents(handler, port, files, settings, clock);

    EnumSet<GatewayIntent> intents = EnumSet.of(GatewayIntent.GUILD_MESSAGES, GatewayIntent.DIRECT_MESSAGES);
    if (settings.messageContent()) intents.add(GatewayIntent.MESSAGE_CONTENT);
    RestConfig rest = new RestConfig();
    if (settings.apiUrl() != null) rest.setBaseUrl(withSlash(settings.apiUrl()));

    try {
      if (settings.shards() == null) {
        JDABuilder builder = JDABuilder.createLight(settings.token(), intents)
            .setRestConfig(rest)
            .setRawEventsEnabled(true)
            .setEnableShutdownHook(false)
            .addEventListeners(events);
        if (settings.gatewayUrl() != null) builder.setSessionController(new GatewayAddress(settings.gatewayUrl()));
        single[0] = builder.build();
        single[0].awaitReady();
      } else {
        DefaultShardManagerBuilder builder = DefaultShardManagerBuilder.createLight(settings.token(), intents)
            .setShardsTotal(settings.shards())
            .setRestConfig(rest)
            .setRawEventsEnabled(true)
            .setEnableShutdownHook(false)
            .addEventListeners(events);
        if (settings.shardRange() != null) builder.setShards(settings.shardRange().first(), settings.shardRange().last());
        if (settings.gatewayUrl() != null) builder.setSessionController(new GatewayAddress(settings.gatewayUrl()));
        many[0] = builder.build();
        for (JDA shard : many[0].getShards()) shard.awaitReady();
      }
      registerCommands(single[0], many[0], settings.guildId());
    } catch (RuntimeException | InterruptedException e) {
      if (single[0] != null) single[0].shutdownNow();
      if (many[0] != null) many[0].shutdown();
      files.close();
      if (e instanceof InterruptedException ie) throw ie;
      // JDA's messages never carry the token; ours must not either.
      throw new IOException("Discord did not start: " + e.getMessage(), e);
    }
    log.info("Discord bot ready{}", settings.shards() == null ? ""
        : settings.shardRange() == null ? " with " + settings.shards() + " shards"
        : " with shards " + settings.shardRange() + " of " + settings.shards());
    return new DiscordBot(single[0], many[0], port, files, createdDir);
  }

  private static void registerCommands(JDA jda, ShardManager shards, String guildId) {
    List<CommandData> commands = SlashCommands.all();
    if (guildId == null) {
      JDA any = jda != null ? jda : shards.getShards().get(0);
      any.updateCommands().addCommands(commands).complete();
      return;
    }
    Guild guild = jda != null ? jda.getGuildById(guildId) : shards.getGuildById(guildId);
    if (guild == null) throw new IllegalStateException("the bot is not a member of guild " + guildId + " (DISCORD_GUILD_ID)");
    guild.updateCommands().addCommands(commands).complete();
  }

  private static MessageChannel findChannel(JDA jda, ShardManager shards, String chatId) throws IOException {
    if (chatId.startsWith(Channels.DM)) {
      String userId = chatId.substring(Channels.DM.length());
      JDA any = jda != null ? jda : shards.getShards().get(0);
      return Replies.complete(any.openPrivateChannelById(userId), "Opening a direct message");
    }
    long id;
    try {
      id = Long.parseUnsignedLong(chatId);
    } catch (NumberFormatException e) {
      throw new IOException("not a Discord chat: " + chatId);
    }
    GuildMessageChannel channel = jda != null
        ? jda.getChannelById(GuildMessageChannel.class, id)
        : shards.getChannelById(GuildMessageChannel.class, id);
    if (channel == null) throw new IOException("the bot cannot see channel " + chatId);
    return channel;
  }

  /**
   * The port for channel messages: give it to the engine's {@code resume} after a restart,
   * so renders that were running report to their status messages again and get delivered.
   */
  public ChatPort port() {
    return port;
  }

  @Override
  public void close() {
    try {
      if (jda != null) {
        jda.shutdown();
        if (!jda.awaitShutdown(Duration.ofSeconds(10))) jda.shutdownNow();
      }
      if (shards != null) shards.shutdown();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (jda != null) jda.shutdownNow();
    } finally {
      files.close();
      if (createdDir != null) deleteTree(createdDir);
    }
  }

  private static void deleteTree(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          log.debug("Could not delete {}", p.getFileName());
        }
      });
    } catch (IOException e) {
      log.debug("Could not clean the download directory", e);
    }
  }

  private static String withSlash(String url) {
    return url.endsWith("/") ? url : url + "/";
  }

  private static ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
