package io.tunecut.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tunecut.core.chat.ChatPort;
import io.tunecut.core.chat.MessageHandler;
import io.tunecut.core.fleet.AlbumParts;
import io.tunecut.core.fleet.UpdateClaims;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.util.DefaultGetUpdatesGenerator;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;

/**
 * The Telegram bot: receives updates (long polling, or a webhook when one is configured),
 * hands them to the core as inbound messages, and answers through {@link #port()}.
 *
 * <pre>{@code
 * try (TelegramBot bot = TelegramBot.start(TelegramSettings.fromEnvironment(System.getenv()), engine)) {
 *   engine.resume(bot.port());
 *   ...
 * }
 * }</pre>
 */
public final class TelegramBot implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TelegramBot.class);
  private static final HttpUrl CLOUD = HttpUrl.get("https://api.telegram.org/");
  /**
   * How long close lets waiting messages go out. A container is killed 10 s after it is asked to
   * stop: this leaves the rest of the shutdown its time.
   */
  static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

  static final List<BotCommand> COMMANDS_EN = List.of(
      new BotCommand("start", "Start: what I do and how"),
      new BotCommand("help", "How to use the bot"),
      new BotCommand("credits", "Credits left"),
      new BotCommand("status", "Your clips, track and render"),
      new BotCommand("export", "Render the video"),
      new BotCommand("preview", "A quick 360p look, free"),
      new BotCommand("new", "Start a new project"),
      new BotCommand("cancel", "Stop what is running"));
  static final List<BotCommand> COMMANDS_ZH = List.of(
      new BotCommand("start", "开始：我能做什么"),
      new BotCommand("help", "使用说明"),
      new BotCommand("credits", "剩余额度"),
      new BotCommand("status", "素材、音乐和渲染进度"),
      new BotCommand("export", "导出视频"),
      new BotCommand("preview", "快速预览（360p，免费）"),
      new BotCommand("new", "新建项目"),
      new BotCommand("cancel", "取消正在进行的任务"));

  private final TelegramPort port;
  private final OkHttpTelegramClient client;
  private final OkHttpClient http;
  private final ScheduledExecutorService scheduler;
  private final ExecutorService workers;
  private volatile TelegramBotsLongPollingApplication polling;
  private volatile ScheduledExecutorService pollingExecutor;
  private volatile WebhookServer webhook;
  private volatile Inbox inbox;
  private final String username;

  private TelegramBot(TelegramPort port, OkHttpTelegramClient client, OkHttpClient http, ScheduledExecutorService scheduler, ExecutorService workers, String username) {
    this.port = port;
    this.client = client;
    this.http = http;
    this.scheduler = scheduler;
    this.workers = workers;
    this.username = username;
  }

  /**
   * Connects to Telegram, registers the commands and starts receiving. Fails when the token
   * is refused or the server cannot be reached.
   */
  public static TelegramBot start(TelegramSettings settings, MessageHandler handler) throws IOException {
    return start(settings, handler, null);
  }

  /**
   * Starts one of several instances sharing a store: each update is handled by the first
   * instance to claim it, and a webhook needs the secret every instance gives Telegram.
   *
   * @param claims the update claims of the instances sharing a store, or null when this instance is alone
   */
  public static TelegramBot start(TelegramSettings settings, MessageHandler handler, UpdateClaims claims) throws IOException {
    return start(settings, handler, claims, null);
  }

  /**
   * Starts one of several instances sharing a store, albums gathered there: an album whose
   * items Telegram posts to different instances still arrives as one message.
   *
   * @param albums where the instances gather albums, or null to gather them in this instance's memory
   */
  public static TelegramBot start(TelegramSettings settings, MessageHandler handler, UpdateClaims claims,
      AlbumParts albums) throws IOException {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(handler, "handler");
    if (claims != null && settings.webhookUrl() != null && settings.webhookSecret() == null) {
      // Each instance would give Telegram a secret of its own, and only the last one's updates would get in.
      throw new IllegalArgumentException("TELEGRAM_WEBHOOK_SECRET must be set, the same on every instance,"
          + " when instances share TUNECUT_DATABASE_URL and receive by webhook");
    }
    TokenMask mask = new TokenMask(settings.token());
    HttpUrl base = base(settings.apiUrl());
    TelegramUrl url = new TelegramUrl(base.scheme(), base.host(), base.port(), false);
    OkHttpClient http = httpClient();
    ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, daemon("telegram-timer"));
    ExecutorService workers = Executors.newCachedThreadPool(daemon("telegram-worker"));
    ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    OkHttpTelegramClient client = new OkHttpTelegramClient(json, http, settings.token(), url);
    TelegramPort port = new TelegramPort(client, settings, mask, scheduler, workers);
    TelegramBot bot = null;
    try {
      User me = port.call("getMe", () -> client.execute(new GetMe()));
      bot = new TelegramBot(port, client, http, scheduler, workers, me.getUserName());
      port.call("setMyCommands", () -> client.execute(new SetMyCommands(COMMANDS_EN)));
      port.call("setMyCommands", () -> client.execute(new SetMyCommands(COMMANDS_ZH, null, "zh")));
      FileDownloads files = new FileDownloads(client, port, http, base, settings.token(), settings.localServer());
      Inbox inbox = new Inbox(new Inbox.Me(me.getId(), me.getUserName()), settings, port, files, handler, scheduler, workers, mask, claims,
          albums, json);
      bot.inbox = inbox;
      if (settings.webhookUrl() == null) {
        ScheduledExecutorService pollingExecutor = Executors.newSingleThreadScheduledExecutor(daemon("telegram-polling"));
        bot.pollingExecutor = pollingExecutor;
        TelegramBotsLongPollingApplication app = new TelegramBotsLongPollingApplication(() -> json, () -> http, () -> pollingExecutor);
        bot.polling = app;
        app.registerBot(settings.token(), () -> url, new DefaultGetUpdatesGenerator(), inbox);
        log.info("Telegram bot @{} receiving by long polling from {}", me.getUserName(), settings.apiUrl() == null ? "the cloud Bot API" : "a local Bot API server");
      } else {
        String secret = settings.webhookSecret() != null ? settings.webhookSecret() : generatedSecret();
        HttpUrl hook = HttpUrl.parse(settings.webhookUrl());
        if (hook == null) throw new IllegalArgumentException("TELEGRAM_WEBHOOK_URL is not a URL: " + settings.webhookUrl());
        bot.webhook = WebhookServer.start(settings.webhookPort(), hook.encodedPath(), secret, json, inbox::accept);
        SetWebhook setWebhook = SetWebhook.builder().url(settings.webhookUrl()).secretToken(secret).build();
        port.call("setWebhook", () -> client.execute(setWebhook));
        log.info("Telegram bot @{} receiving by webhook at {} (listening on port {})", me.getUserName(), hook.redact(), bot.webhook.port());
      }
      return bot;
    } catch (Exception e) {
      if (bot != null) bot.close();
      else shutdown(http, scheduler, workers);
      if (e instanceof IOException io) throw io;
      throw new IOException("could not start the Telegram bot: " + mask.describe(e));
    }
  }

  /** Where the core answers; use it for {@code engine.resume(port)} after a restart. */
  public ChatPort port() {
    return port;
  }

  /** The bot's @username, as Telegram knows it. */
  public String username() {
    return username;
  }

  /** The port the webhook server listens on, or -1 with long polling. */
  int webhookPort() {
    WebhookServer w = webhook;
    return w == null ? -1 : w.port();
  }

  /**
   * Stops receiving, hands over the albums still being collected, lets what waits to be sent go
   * out (for at most {@link #CLOSE_GRACE}; what cannot is logged), and stops every thread this bot started.
   */
  @Override
  public void close() {
    close(CLOSE_GRACE);
  }

  void close(Duration grace) {
    TelegramBotsLongPollingApplication app = polling;
    if (app != null) {
      try {
        app.close();
      } catch (Exception e) {
        log.debug("Closing long polling: {}", e.getClass().getSimpleName());
      }
    }
    ScheduledExecutorService pe = pollingExecutor;
    if (pe != null) {
      pe.shutdownNow();
      // Stopped means no poll is open: one still in flight would take updates after close and
      // race a bot started next in this process for them.
      try {
        if (!pe.awaitTermination(2, TimeUnit.SECONDS)) log.debug("the last poll for updates is still open");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (pe != null) confirmTaken();
    WebhookServer w = webhook;
    if (w != null) w.close();
    // Nothing more comes in: albums still being collected go to the handler rather than being lost.
    Inbox in = inbox;
    if (in != null) in.flushAll();
    // Messages waiting out a budget or a retry_after (a finished render's link) go out before the threads stop.
    int unsent = port.closeOutbox(grace);
    if (unsent > 0) log.warn("{} Telegram calls could not go out within {} ms of stopping (each is logged above)", unsent, grace.toMillis());
    shutdown(http, scheduler, workers);
  }

  // Telegram hands an update out again until a later getUpdates confirms it. The poll stopped
  // here took updates that no later poll will confirm: without this, the next start answers them twice.
  private void confirmTaken() {
    Inbox in = inbox;
    long last = in == null ? 0 : in.lastTaken();
    if (last == 0) return;
    GetUpdates confirm = GetUpdates.builder().offset((int) (last + 1)).limit(1).timeout(0).build();
    try {
      port.call("getUpdates", () -> client.execute(confirm));
    } catch (IOException e) {
      log.warn("Could not confirm the updates taken before stopping; the next start may answer update {} again: {}", last, e.getMessage());
    }
  }

  private static void shutdown(OkHttpClient http, ScheduledExecutorService scheduler, ExecutorService workers) {
    scheduler.shutdownNow();
    workers.shutdown();
    try {
      if (!workers.awaitTermination(2, TimeUnit.SECONDS)) workers.shutdownNow();
    } catch (InterruptedException e) {
      workers.shutdownNow();
      Thread.currentThread().interrupt();
    }
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  private static HttpUrl base(String apiUrl) {
    if (apiUrl == null) return CLOUD;
    HttpUrl url = HttpUrl.parse(apiUrl);
    if (url == null) throw new IllegalArgumentException("TELEGRAM_API_URL is not a URL: " + apiUrl);
    if (!"/".equals(url.encodedPath())) {
      throw new IllegalArgumentException("TELEGRAM_API_URL must be scheme, host and port only (no path): " + url.redact());
    }
    return url;
  }

  /** Sized for many users uploading at once; reads outlast a long poll (50 s). */
  private static OkHttpClient httpClient() {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(128);
    dispatcher.setMaxRequestsPerHost(64);
    return new OkHttpClient.Builder()
        .dispatcher(dispatcher)
        .connectionPool(new ConnectionPool(16, 5, TimeUnit.MINUTES))
        .connectTimeout(Duration.ofSeconds(15))
        .readTimeout(Duration.ofSeconds(75))
        .writeTimeout(Duration.ofSeconds(120))
        .retryOnConnectionFailure(true)
        .build();
  }

  private static String generatedSecret() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
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
