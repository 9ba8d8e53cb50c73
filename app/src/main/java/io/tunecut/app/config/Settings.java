package io.tunecut.app.config;

import io.tunecut.core.access.AccessRules;
import io.tunecut.core.access.Budget;
import io.tunecut.studio.server.Soundfont;
import io.tunecut.studio.ffmpeg.Ffmpeg;
import io.tunecut.studio.server.LlmSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the operator configured, read once from the environment. Every variable is listed in
 * the README's configuration table; nothing else is read. This is the only place that reads
 * the process's environment: the modules are handed values (their own settings records parse
 * the map they are given here).
 *
 * @param nemoApiUrl the backend; null means the embedded studio
 * @param nemoToken an operator token shared by every user (each still gets a session), or null
 * @param registerPage where people out of credits register for more (not on a tunecut studio,
 *     whose credits are a daily render quota)
 * @param ffmpeg {@code TUNECUT_FFMPEG}, else the {@code PATH}'s ffmpeg, as a file when found
 * @param ffprobe likewise
 * @param env the whole environment, for the adapters' own variables
 */
public record Settings(
    String nemoApiUrl,
    String nemoToken,
    URI registerPage,
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

  /** The NemoVideo cloud's registration page; it takes {@code ?bind=<user id>}. */
  public static final URI NEMO_CLOUD_REGISTER_PAGE = URI.create("https://nemovideo.com/register");

  public Settings {
    Objects.requireNonNull(dataDir, "dataDir");
    env = Map.copyOf(env);
  }

  /** The process's environment, read here and nowhere else. */
  public static Settings fromProcessEnvironment() {
    return fromEnvironment(System.getenv());
  }

  public static Settings fromEnvironment(Map<String, String> env) {
    String nemoApiUrl = blankToNull(env.get("NEMO_API_URL"));
    Ffmpeg programs = Ffmpeg.fromEnvironment(env);
    var settings = new Settings(
        nemoApiUrl,
        blankToNull(env.get("NEMO_TOKEN")),
        registerPageFor(env),
        dataDir(env),
        blankToNull(env.get("TUNECUT_SECRET")),
        blankToNull(env.get("TUNECUT_PUBLIC_URL")),
        env.getOrDefault("TUNECUT_STUDIO_HOST", "127.0.0.1"),
        integer(env, "TUNECUT_STUDIO_PORT", 0),
        programs.ffmpegProgram(),
        programs.ffprobeProgram(),
        integer(env, "TUNECUT_MAX_FILE_MB", 500) * 1024L * 1024L,
        env.getOrDefault("TUNECUT_SKILL_PLATFORM", "unknown"),
        Duration.ofSeconds(integer(env, "TUNECUT_RATE_LIMIT_DELAY_S", 30)),
        env);
    // A mistake in the access lists is said at start, not at the first message.
    settings.accessRules();
    settings.databaseUrl();
    settings.adminPort();
    return settings;
  }

  /**
   * Who may use the bot and how much: {@code TUNECUT_ALLOWED_USERS}, {@code TUNECUT_ALLOWED_CHATS},
   * {@code TUNECUT_ADMINS} ({@code platform:id} entries), each person's daily budget
   * ({@code TUNECUT_BUDGET_*}) and {@code TUNECUT_MESSAGES_PER_MINUTE}.
   */
  public AccessRules accessRules() {
    String credits = blankToNull(env.get("TUNECUT_BUDGET_CREDITS"));
    double creditsPerDay;
    try {
      creditsPerDay = credits == null ? Budget.NO_LIMIT : Double.parseDouble(credits);
      if (credits != null && !(creditsPerDay >= 0)) throw new NumberFormatException();
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("TUNECUT_BUDGET_CREDITS must be a number ≥ 0, not '" + credits + "'");
    }
    Budget budget = new Budget(integer(env, "TUNECUT_BUDGET_RENDERS", Budget.NO_LIMIT),
        integer(env, "TUNECUT_BUDGET_MINUTES", Budget.NO_LIMIT), integer(env, "TUNECUT_BUDGET_CLIP_S", Budget.NO_LIMIT),
        creditsPerDay);
    try {
      return AccessRules.of(env.get("TUNECUT_ALLOWED_USERS"), env.get("TUNECUT_ALLOWED_CHATS"), env.get("TUNECUT_ADMINS"))
          .withBudget(budget)
          .withMessagesPerMinute(integer(env, "TUNECUT_MESSAGES_PER_MINUTE", 20));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("TUNECUT_ALLOWED_USERS, TUNECUT_ALLOWED_CHATS and TUNECUT_ADMINS hold platform:id"
          + " entries: " + e.getMessage());
    }
  }

  /** {@code TUNECUT_DATABASE_URL}: a {@code jdbc:postgresql://} URL, or null for SQLite in the data directory. */
  public String databaseUrl() {
    String url = blankToNull(env.get("TUNECUT_DATABASE_URL"));
    if (url != null && !url.startsWith("jdbc:postgresql://")) {
      throw new IllegalArgumentException("TUNECUT_DATABASE_URL must be a jdbc:postgresql:// URL (or unset for SQLite)");
    }
    return url;
  }

  /**
   * {@code TUNECUT_TIMELINE_PICTURES}: {@code on} (the default) sends the timeline's picture
   * after every turn that changed it; {@code off} only on {@code /status}.
   */
  public boolean timelinePicturesAfterEdits() {
    String value = blankToNull(env.get("TUNECUT_TIMELINE_PICTURES"));
    if (value == null) return true;
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "on", "true", "yes", "1" -> true;
      case "off", "false", "no", "0" -> false;
      default -> throw new IllegalArgumentException("TUNECUT_TIMELINE_PICTURES must be on or off, not '" + value + "'");
    };
  }

  /** {@code TUNECUT_ADMIN_PORT}: where /livez, /readyz and /metrics are served, or -1 (unset) for nowhere. */
  public int adminPort() {
    if (blankToNull(env.get("TUNECUT_ADMIN_PORT")) == null) return -1;
    int port = integer(env, "TUNECUT_ADMIN_PORT", -1);
    if (port > 65535) throw new IllegalArgumentException("TUNECUT_ADMIN_PORT must be a port number (0 to 65535), not " + port);
    return port;
  }

  /** The ffmpeg and ffprobe configured. */
  public Ffmpeg ffmpegPrograms() {
    return Ffmpeg.of(ffmpeg, ffprobe);
  }

  /** {@code TUNECUT_SOUNDFONT}, else Debian's FluidR3_GM: what composed music is played with. */
  public Path soundfont() {
    return Soundfont.fromEnvironment(env).file();
  }

  /**
   * The operator's language model ({@code TUNECUT_LLM_URL}, {@code TUNECUT_LLM_MODEL}, …), or
   * empty for the rules alone. Read when the embedded studio starts: a backend elsewhere has its own.
   */
  public Optional<LlmSettings> llm() {
    return LlmSettings.fromEnvironment(env);
  }

  public boolean embeddedStudio() {
    return nemoApiUrl == null;
  }

  /**
   * {@code TUNECUT_REGISTER_URL} when set, else the cloud's page, as the seeds do. The address
   * of the backend does not tell: a proxy of the cloud has the cloud's credits. A backend that
   * says it is a tunecut studio has none of this (its credits are a daily render quota).
   */
  static URI registerPageFor(Map<String, String> env) {
    String configured = blankToNull(env.get("TUNECUT_REGISTER_URL"));
    return configured != null ? webAddress("TUNECUT_REGISTER_URL", configured) : NEMO_CLOUD_REGISTER_PAGE;
  }

  private static URI webAddress(String name, String value) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) return uri;
    } catch (URISyntaxException e) {
      // said below
    }
    throw new IllegalArgumentException(name + " must be an http(s) address, not '" + value + "'");
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
