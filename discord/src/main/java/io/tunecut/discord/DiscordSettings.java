package io.tunecut.discord;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the Discord bot runs.
 *
 * @param token the bot token; never printed
 * @param guildId register slash commands in this guild only (instant, for trying things out);
 *     null registers them globally
 * @param messageContent the privileged MESSAGE_CONTENT intent is enabled in the developer
 *     portal, so plain messages with files are read outside DMs and mentions too
 * @param channels with {@code messageContent}: the only guild channels where plain messages
 *     are read without a mention; empty means every channel
 * @param shards run this many shards through JDA's ShardManager; null runs one connection
 * @param shardRange the shards this process runs, when processes share {@code shards}; null for all of them
 * @param apiUrl REST base such as {@code https://discord.com/api/v10/}; null for Discord's
 * @param gatewayUrl gateway address such as {@code wss://gateway.discord.gg/}; null for Discord's
 * @param downloadDir where incoming files are stored while the core reads them; null for a
 *     fresh temporary directory
 * @param maxDownloadBytes incoming files larger than this are not downloaded
 * @param handOverMargin how long before an interaction's 15 minutes run out the bot moves on
 *     to a normal channel message (JDA refuses expired tokens by its own clock)
 */
public record DiscordSettings(
    String token,
    String guildId,
    boolean messageContent,
    Set<String> channels,
    Integer shards,
    ShardRange shardRange,
    String apiUrl,
    String gatewayUrl,
    Path downloadDir,
    long maxDownloadBytes,
    Duration handOverMargin) {

  public static final long DEFAULT_MAX_DOWNLOAD_BYTES = 512L * 1024 * 1024;
  public static final Duration DEFAULT_HAND_OVER_MARGIN = Duration.ofSeconds(60);

  public DiscordSettings {
    Objects.requireNonNull(token, "token");
    if (token.isBlank()) throw new IllegalArgumentException("DISCORD_BOT_TOKEN is empty");
    channels = channels == null ? Set.of() : Set.copyOf(channels);
    if (shards != null && shards < 1) throw new IllegalArgumentException("DISCORD_SHARDS must be at least 1");
    if (shardRange != null && (shards == null || shardRange.last() >= shards)) {
      throw new IllegalArgumentException("DISCORD_SHARD_RANGE " + shardRange + " must lie within 0-"
          + (shards == null ? "?" : String.valueOf(shards - 1)) + ": set DISCORD_SHARDS to the total of every process");
    }
    if (maxDownloadBytes <= 0) maxDownloadBytes = DEFAULT_MAX_DOWNLOAD_BYTES;
    if (handOverMargin == null) handOverMargin = DEFAULT_HAND_OVER_MARGIN;
    if (handOverMargin.compareTo(Duration.ofSeconds(30)) < 0) {
      throw new IllegalArgumentException("handOverMargin must leave at least 30 s before the interaction expires");
    }
  }

  /** Settings with Discord's own addresses and every default. */
  public static DiscordSettings of(String token) {
    return new DiscordSettings(token, null, false, Set.of(), null, null, null, null, null, 0, null);
  }

  /**
   * Reads {@code DISCORD_BOT_TOKEN}, {@code DISCORD_GUILD_ID}, {@code DISCORD_MESSAGE_CONTENT},
   * {@code DISCORD_CHANNELS} (comma-separated ids), {@code DISCORD_SHARDS}, {@code DISCORD_SHARD_RANGE}, {@code DISCORD_API_URL}
   * and {@code DISCORD_GATEWAY_URL}.
   */
  public static DiscordSettings fromEnvironment(Map<String, String> env) {
    String token = blankToNull(env.get("DISCORD_BOT_TOKEN"));
    if (token == null) throw new IllegalArgumentException("DISCORD_BOT_TOKEN is not set");
    String shards = blankToNull(env.get("DISCORD_SHARDS"));
    Integer shardCount;
    try {
      shardCount = shards == null ? null : Integer.valueOf(shards.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("DISCORD_SHARDS is not a number: " + shards);
    }
    String channels = blankToNull(env.get("DISCORD_CHANNELS"));
    return new DiscordSettings(
        token.trim(),
        blankToNull(env.get("DISCORD_GUILD_ID")),
        Boolean.parseBoolean(String.valueOf(env.get("DISCORD_MESSAGE_CONTENT")).trim()),
        channels == null
            ? Set.of()
            : Arrays.stream(channels.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet()),
        shardCount,
        ShardRange.parse(blankToNull(env.get("DISCORD_SHARD_RANGE"))),
        blankToNull(env.get("DISCORD_API_URL")),
        blankToNull(env.get("DISCORD_GATEWAY_URL")),
        null,
        0,
        null);
  }

  /** This process runs shards {@code first} to {@code last} (inclusive) of {@link #shards()}. */
  public DiscordSettings withShardRange(int first, int last) {
    return new DiscordSettings(token, guildId, messageContent, channels, shards, new ShardRange(first, last), apiUrl, gatewayUrl, downloadDir, maxDownloadBytes, handOverMargin);
  }

  /** Shards {@code first} to {@code last}, both included, counted from 0. */
  public record ShardRange(int first, int last) {
    public ShardRange {
      if (first < 0 || last < first) throw new IllegalArgumentException("DISCORD_SHARD_RANGE must be first-last with 0 ≤ first ≤ last, not " + first + "-" + last);
    }

    /** "a-b", or null for null. */
    static ShardRange parse(String range) {
      if (range == null) return null;
      String[] ends = range.split("-", -1);
      try {
        if (ends.length != 2) throw new NumberFormatException();
        return new ShardRange(Integer.parseInt(ends[0].trim()), Integer.parseInt(ends[1].trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("DISCORD_SHARD_RANGE must be first-last (like 0-3), not '" + range + "'");
      }
    }

    @Override
    public String toString() {
      return first + "-" + last;
    }
  }

  public DiscordSettings withAddresses(String apiUrl, String gatewayUrl) {
    return new DiscordSettings(token, guildId, messageContent, channels, shards, shardRange, apiUrl, gatewayUrl, downloadDir, maxDownloadBytes, handOverMargin);
  }

  public DiscordSettings withShards(Integer shards) {
    return new DiscordSettings(token, guildId, messageContent, channels, shards, shardRange, apiUrl, gatewayUrl, downloadDir, maxDownloadBytes, handOverMargin);
  }

  public DiscordSettings withMessageContent(boolean messageContent, Set<String> channels) {
    return new DiscordSettings(token, guildId, messageContent, channels, shards, shardRange, apiUrl, gatewayUrl, downloadDir, maxDownloadBytes, handOverMargin);
  }

  public DiscordSettings withMaxDownloadBytes(long maxDownloadBytes) {
    return new DiscordSettings(token, guildId, messageContent, channels, shards, shardRange, apiUrl, gatewayUrl, downloadDir, maxDownloadBytes, handOverMargin);
  }

  @Override
  public String toString() {
    return "DiscordSettings[token=██, guildId=" + guildId + ", messageContent=" + messageContent
        + ", channels=" + channels + ", shards=" + shards + (shardRange == null ? "" : ", shardRange=" + shardRange) + ", apiUrl=" + apiUrl + ", gatewayUrl=" + gatewayUrl
        + ", downloadDir=" + downloadDir + ", maxDownloadBytes=" + maxDownloadBytes
        + ", handOverMargin=" + handOverMargin + "]";
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
