package io.tunecut.app;

import io.tunecut.app.config.Settings;
import io.tunecut.studio.server.QueueSettings;
import io.tunecut.studio.server.MediaSettings;
import io.tunecut.studio.server.Studio;
import io.tunecut.studio.server.StudioSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/** Starts the studio with what the operator configured: embedded for the bot, or alone. */
final class StudioLauncher {
  private StudioLauncher() {}

  static Studio start(Settings settings, String host, int port) throws IOException {
    return start(settings, host, port, QueueSettings.Role.ALL);
  }

  /** @param role whether this studio serves the API, renders, or both ({@code studio --role}) */
  static Studio start(Settings settings, String host, int port, QueueSettings.Role role) throws IOException {
    return Studio.start(studioSettings(settings, host, port, role));
  }

  /** The studio's part of what the operator configured: the studio itself reads no environment. */
  static StudioSettings studioSettings(Settings settings, String host, int port, QueueSettings.Role role) {
    Map<String, String> env = settings.env();
    return StudioSettings.defaults(settings.dataDir().resolve("studio"))
        .withHost(host)
        .withPort(port)
        .withPublicUrl(settings.publicUrl())
        .withMaxUploadBytes(settings.maxFileBytes())
        .withRenderConcurrency(number(env, "TUNECUT_RENDER_CONCURRENCY", 1))
        .withRenderMinutesPerDay(number(env, "TUNECUT_RENDER_MINUTES_PER_DAY", 120))
        .withAllowPrivateUrls(Boolean.parseBoolean(env.getOrDefault("TUNECUT_ALLOW_PRIVATE_URLS", "false").trim()))
        .withLinkTtl(Duration.ofDays(number(env, "TUNECUT_LINK_TTL_DAYS", 7)))
        .withFfmpeg(settings.ffmpeg(), settings.ffprobe())
        .withDatabaseUrl(env.get("TUNECUT_DATABASE_URL"))
        .withMedia(MediaSettings.fromEnvironment(env))
        .withRole(role)
        .withHeartbeat(Duration.ofSeconds(number(env, "TUNECUT_WORKER_HEARTBEAT_S", 10)))
        .withSoundfont(settings.soundfont())
        .withLlm(settings.llm().orElse(null));
  }

  /** {@code api}, {@code worker} or {@code all}. */
  static QueueSettings.Role role(String value) {
    return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "api" -> QueueSettings.Role.API;
      case "worker" -> QueueSettings.Role.WORKER;
      case "all" -> QueueSettings.Role.ALL;
      default -> throw new IllegalArgumentException("--role is api, worker or all, not '" + value + "'");
    };
  }

  private static int number(Map<String, String> env, String name, int fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) return fallback;
    try {
      int parsed = Integer.parseInt(value.trim());
      if (parsed < 1) throw new NumberFormatException();
      return parsed;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number ≥ 1, not '" + value + "'");
    }
  }
}
