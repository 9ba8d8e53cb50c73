package io.tunecut.telegram;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How to reach Telegram.
 *
 * @param token the bot token from BotFather; never printed
 * @param apiUrl a self-hosted Bot API server ("http://host:8081"), or null for the cloud
 * @param localServer whether {@code apiUrl} is a local Bot API server: uploads up to 2000 MB,
 *     getFile answers with a path on this machine (the download limit is learnt from getFile's answers)
 * @param webhookUrl the public HTTPS address Telegram posts updates to, or null for long polling
 * @param webhookSecret the secret Telegram sends with every update; generated when null
 * @param webhookPort where our HTTP server listens (behind the TLS proxy that serves webhookUrl)
 * @param albumWait how long to wait after an album's last item for more
 * @param privateEditInterval shortest gap between two edits in a private chat
 * @param groupEditInterval shortest gap between two edits in a group
 */
public record TelegramSettings(
    String token,
    String apiUrl,
    boolean localServer,
    String webhookUrl,
    String webhookSecret,
    int webhookPort,
    Duration albumWait,
    Duration privateEditInterval,
    Duration groupEditInterval) {

  public static final int DEFAULT_WEBHOOK_PORT = 8088;

  public TelegramSettings {
    Objects.requireNonNull(token, "token");
    if (token.isBlank()) throw new IllegalArgumentException("the Telegram bot token is empty");
    apiUrl = blankToNull(apiUrl);
    webhookUrl = blankToNull(webhookUrl);
    webhookSecret = blankToNull(webhookSecret);
    if (webhookPort < 0 || webhookPort > 65535) throw new IllegalArgumentException("webhookPort out of range: " + webhookPort);
    albumWait = albumWait == null ? Duration.ofMillis(1200) : albumWait;
    privateEditInterval = privateEditInterval == null ? Duration.ofSeconds(5) : privateEditInterval;
    groupEditInterval = groupEditInterval == null ? Duration.ofSeconds(15) : groupEditInterval;
  }

  /** Long polling against the cloud Bot API with the platform's limits. */
  public static TelegramSettings of(String token) {
    return new TelegramSettings(token, null, false, null, null, DEFAULT_WEBHOOK_PORT, null, null, null);
  }

  /**
   * Reads TELEGRAM_BOT_TOKEN (required), TELEGRAM_API_URL (a local Bot API server),
   * TELEGRAM_WEBHOOK_URL, TELEGRAM_WEBHOOK_SECRET and TELEGRAM_WEBHOOK_PORT.
   */
  public static TelegramSettings fromEnvironment(Map<String, String> env) {
    String token = blankToNull(env.get("TELEGRAM_BOT_TOKEN"));
    if (token == null) throw new IllegalArgumentException("TELEGRAM_BOT_TOKEN is not set");
    String apiUrl = env.get("TELEGRAM_API_URL");
    String port = blankToNull(env.get("TELEGRAM_WEBHOOK_PORT"));
    int webhookPort;
    try {
      webhookPort = port == null ? DEFAULT_WEBHOOK_PORT : Integer.parseInt(port.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("TELEGRAM_WEBHOOK_PORT is not a port number: " + port);
    }
    return new TelegramSettings(
        token, apiUrl, blankToNull(apiUrl) != null,
        env.get("TELEGRAM_WEBHOOK_URL"), env.get("TELEGRAM_WEBHOOK_SECRET"), webhookPort,
        null, null, null);
  }

  public TelegramSettings withApiUrl(String apiUrl, boolean localServer) {
    return new TelegramSettings(token, apiUrl, localServer, webhookUrl, webhookSecret, webhookPort, albumWait, privateEditInterval, groupEditInterval);
  }

  public TelegramSettings withWebhook(String webhookUrl, String webhookSecret, int webhookPort) {
    return new TelegramSettings(token, apiUrl, localServer, webhookUrl, webhookSecret, webhookPort, albumWait, privateEditInterval, groupEditInterval);
  }

  public TelegramSettings withAlbumWait(Duration albumWait) {
    return new TelegramSettings(token, apiUrl, localServer, webhookUrl, webhookSecret, webhookPort, albumWait, privateEditInterval, groupEditInterval);
  }

  public TelegramSettings withEditIntervals(Duration privateChats, Duration groups) {
    return new TelegramSettings(token, apiUrl, localServer, webhookUrl, webhookSecret, webhookPort, albumWait, privateChats, groups);
  }

  /** Largest file the bot may send. */
  long maxUploadBytes() {
    return localServer ? 2000L * 1000 * 1000 : 50L * 1024 * 1024;
  }

  @Override
  public String toString() {
    return "TelegramSettings[token=***, apiUrl=" + (apiUrl == null ? "cloud" : apiUrl)
        + ", localServer=" + localServer
        + ", webhookUrl=" + (webhookUrl == null ? "none (long polling)" : webhookUrl)
        + ", webhookSecret=" + (webhookSecret == null ? "generated" : "***")
        + ", webhookPort=" + webhookPort + "]";
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
