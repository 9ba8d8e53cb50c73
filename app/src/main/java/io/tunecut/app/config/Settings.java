package io.tunecut.app.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * What the operator configured, read once from the environment. Every variable is listed in
 * the README's configuration table; nothing else is read.
 *
 * @param nemoApiUrl the backend; null means the embedded studio
 * @param nemoToken an operator token shared by every user (each still gets a session), or null
 * @param env the whole environment, for the adapters' own variables
 */
public record Settings(
    String nemoApiUrl,
    String nemoToken,
    Path dataDir,
    String secret,
    String publicUrl,
    String studioHost,
    int studioPort,
    String ffmpeg,
    String ffprobe,
    long maxFileBytes,
    String skillPlatform,
    Duration rateLimitDelay,
    Map<String, String> env) {

  public Settings {
    Objects.requireNonNull(dataDir, "dataDir");
    env = Map.copyOf(env);
  }

  public static Settings fromEnvironment(Map<String, String> env) {
    return new Settings(
        blankToNull(env.get("NEMO_API_URL")),
        blankToNull(env.get("NEMO_TOKEN")),
        dataDir(env),
        blankToNull(env.get("TUNECUT_SECRET")),
        blankToNull(env.get("TUNECUT_PUBLIC_URL")),
        env.getOrDefault("TUNECUT_STUDIO_HOST", "127.0.0.1"),
        integer(env, "TUNECUT_STUDIO_PORT", 0),
        env.getOrDefault("TUNECUT_FFMPEG", "ffmpeg"),
        env.getOrDefault("TUNECUT_FFPROBE", "ffprobe"),
        integer(env, "TUNECUT_MAX_FILE_MB", 500) * 1024L * 1024L,
        env.getOrDefault("TUNECUT_SKILL_PLATFORM", "unknown"),
        Duration.ofSeconds(integer(env, "TUNECUT_RATE_LIMIT_DELAY_S", 30)),
        env);
  }

  public boolean embeddedStudio() {
    return nemoApiUrl == null;
  }

  private static Path dataDir(Map<String, String> env) {
    String configured = blankToNull(env.get("TUNECUT_DATA_DIR"));
    if (configured != null) return Path.of(configured).toAbsolutePath();
    String home = env.getOrDefault("HOME", System.getProperty("user.home"));
    return Path.of(home, ".tunecut");
  }

  private static int integer(Map<String, String> env, String name, int fallback) {
    String value = blankToNull(env.get(name));
    if (value == null) return fallback;
    try {
      int parsed = Integer.parseInt(value.trim());
      if (parsed < 0) throw new NumberFormatException();
      return parsed;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number ≥ 0, not '" + value + "'");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
