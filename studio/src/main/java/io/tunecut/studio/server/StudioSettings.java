package io.tunecut.studio.server;

import io.tunecut.studio.job.QueueSettings;
import io.tunecut.studio.media.MediaSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a studio runs.
 *
 * @param host the address to bind; 127.0.0.1 unless the operator says otherwise
 * @param port 0 for any free port
 * @param publicUrl the base of signed links ({@code TUNECUT_PUBLIC_URL}); null for http://host:port
 * @param maxUploadBytes per file
 * @param renderConcurrency renders running at once
 * @param renderMinutesPerDay each user's render quota, in minutes of output per UTC day
 * @param allowPrivateUrls whether URL uploads may reach loopback and private addresses
 * @param linkTtl how long a signed link stays valid
 * @param databaseUrl a {@code jdbc:postgresql://…} store shared by studios ({@code TUNECUT_DATABASE_URL}),
 *     or null for SQLite in the data directory
 * @param role whether this studio serves the API, renders, or both ({@code studio --role})
 * @param heartbeat how often a worker says it is alive; its renders move to another worker
 *     after four missed ({@code TUNECUT_WORKER_HEARTBEAT_S})
 * @param media where media and renders are kept for every studio ({@code TUNECUT_MEDIA_URL})
 */
public record StudioSettings(
    String host,
    int port,
    Path dataDir,
    String publicUrl,
    long maxUploadBytes,
    int renderConcurrency,
    double renderMinutesPerDay,
    boolean allowPrivateUrls,
    Duration linkTtl,
    String ffmpeg,
    String ffprobe,
    String databaseUrl,
    QueueSettings.Role role,
    Duration heartbeat,
    MediaSettings media) {

  public StudioSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(linkTtl, "linkTtl");
    Objects.requireNonNull(ffmpeg, "ffmpeg");
    Objects.requireNonNull(ffprobe, "ffprobe");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(heartbeat, "heartbeat");
    Objects.requireNonNull(media, "media");
    if (databaseUrl != null && databaseUrl.isBlank()) databaseUrl = null;
    if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range: " + port);
    if (maxUploadBytes <= 0) throw new IllegalArgumentException("maxUploadBytes must be positive");
    if (renderConcurrency < 1) throw new IllegalArgumentException("renderConcurrency must be at least 1");
    if (renderMinutesPerDay < 0) throw new IllegalArgumentException("renderMinutesPerDay must not be negative");
    if (linkTtl.isNegative() || linkTtl.isZero()) throw new IllegalArgumentException("linkTtl must be positive");
    if (publicUrl != null) {
      publicUrl = publicUrl.strip();
      while (publicUrl.endsWith("/")) publicUrl = publicUrl.substring(0, publicUrl.length() - 1);
      if (publicUrl.isEmpty()) publicUrl = null;
    }
  }

  public static StudioSettings defaults(Path dataDir) {
    return new StudioSettings(
        "127.0.0.1", 0, dataDir, null, 500L * 1024 * 1024, 1, 120, false, Duration.ofDays(7),
        "ffmpeg", "ffprobe", null, QueueSettings.Role.ALL, Duration.ofSeconds(10),
        MediaSettings.DATA_DIRECTORY);
  }

  /**
   * The defaults, with what the operator set in the environment: {@code TUNECUT_PUBLIC_URL},
   * {@code TUNECUT_FFMPEG}, {@code TUNECUT_FFPROBE}, {@code TUNECUT_DATABASE_URL}, and the media
   * store's ({@link MediaSettings#fromEnvironment}).
   */
  public static StudioSettings fromEnvironment(Path dataDir) {
    return fromEnvironment(dataDir, System.getenv());
  }

  static StudioSettings fromEnvironment(Path dataDir, java.util.Map<String, String> env) {
    StudioSettings s = defaults(dataDir);
    String url = env.get("TUNECUT_PUBLIC_URL");
    if (url != null && !url.isBlank()) s = s.withPublicUrl(url);
    String ffmpeg = env.getOrDefault("TUNECUT_FFMPEG", "");
    String ffprobe = env.getOrDefault("TUNECUT_FFPROBE", "");
    return s.withFfmpeg(ffmpeg.isBlank() ? s.ffmpeg() : ffmpeg, ffprobe.isBlank() ? s.ffprobe() : ffprobe)
        .withDatabaseUrl(env.get("TUNECUT_DATABASE_URL"))
        .withMedia(MediaSettings.fromEnvironment(env));
  }

  public StudioSettings withHost(String host) {
    return new StudioSettings(host, port, dataDir, publicUrl, maxUploadBytes, renderConcurrency,
        renderMinutesPerDay, allowPrivateUrls, linkTtl, ffmpeg, ffprobe, databaseUrl, role, heartbeat, media);
  }

  public StudioSettings withPort(int port) {
    return new StudioSettings(host, port, dataDir, publicUrl, maxUploadBytes, renderConcurrency,
        renderMinutesPerDay, allowPrivateUrls, linkTtl, ffmpeg, ffprobe, databaseUrl, role, heartbeat, media);
  }

  public StudioSettings withDataDir(Path dataDir) {
    return new StudioSettings(host, port, dataDir, publicUrl, maxUploadBytes, renderConcurrency,
        renderMinutesPerDay, allowPrivateUrls, linkTtl, ffmpeg, ffprobe, databaseUrl, role, heartbeat, media);
  }

  public StudioSettings withPublicUrl(String publicUrl) {
    return new StudioSettings(host, port, dataDir, publicUrl, maxUploadBytes, renderConcurrency,
        renderMinutesPerDay, allowPrivateUrls, linkTtl, ffmpeg, ffprobe, databaseUrl, role, heartbeat, media);
  }

  public StudioSettings withMaxUploadBytes(long maxUploadBytes) {
    return new StudioSettings(host, port, dataDir, publicUrl, maxUploadBytes, renderConcurrency,
        renderMinutesPerDay, allowPrivateUrls, linkTtl, ffmpeg, ffprobe, databaseUrl, role, heartbeat, media);
  }

  public StudioSettings withRenderConcurrency(int renderConcurrency) {
    return new StudioSettings(host, port, dataDir, publicUrl, maxUploadBytes, renderConcurrency,
        renderMinutesPerDay, allowPrivateUrls, linkTtl, ffmpeg, ffprobe, databaseUrl, role, heartbeat, media);
  }

  public StudioSettings withRenderMinutesPerDay(double renderMinutesPerDay) {
    return new StudioSettings(host, port, dataDir, publicUrl, maxUploadBytes, renderConcurrency,
        renderMinutesPerDay, allowPrivateUrls, linkTtl, ffmpeg, ffprobe, databaseUrl, role, heartbeat, media);
  }

  public StudioSettings withAllowPrivateUrls(boolean allowPrivateUrls) {
    return new StudioSettings(host, port, dataDir, publicUrl, maxUploadBytes, renderConcurrency,
        renderMinutesPerDay, allowPrivateUrls, linkTtl, ffmpeg, ffprobe, databaseUrl, role, heartbeat, media);
  }

  public StudioSettings withLinkTtl(Duration linkTtl) {
    return new StudioSettings(host, port, dataDir, publicUrl, maxUploadBytes, renderConcurrency,
        renderMinutesPerDay, allowPrivateUrls, linkTtl, ffmpeg, ffprobe, databaseUrl, role, heartbeat, media);
  }

  public StudioSettings withFfmpeg(String ffmpeg, String ffprobe) {
    return new StudioSettings(host, port, dataDir, publicUrl, maxUploadBytes, renderConcurrency,
        renderMinutesPerDay, allowPrivateUrls, linkTtl, ffmpeg, ffprobe, databaseUrl, role, heartbeat, media);
  }

  public StudioSettings withDatabaseUrl(String databaseUrl) {
    return new StudioSettings(host, port, dataDir, publicUrl, maxUploadBytes, renderConcurrency,
        renderMinutesPerDay, allowPrivateUrls, linkTtl, ffmpeg, ffprobe, databaseUrl, role, heartbeat, media);
  }

  public StudioSettings withRole(QueueSettings.Role role) {
    return new StudioSettings(host, port, dataDir, publicUrl, maxUploadBytes, renderConcurrency,
        renderMinutesPerDay, allowPrivateUrls, linkTtl, ffmpeg, ffprobe, databaseUrl, role, heartbeat, media);
  }

  public StudioSettings withHeartbeat(Duration heartbeat) {
    return new StudioSettings(host, port, dataDir, publicUrl, maxUploadBytes, renderConcurrency,
        renderMinutesPerDay, allowPrivateUrls, linkTtl, ffmpeg, ffprobe, databaseUrl, role, heartbeat, media);
  }

  public StudioSettings withMedia(MediaSettings media) {
    return new StudioSettings(host, port, dataDir, publicUrl, maxUploadBytes, renderConcurrency,
        renderMinutesPerDay, allowPrivateUrls, linkTtl, ffmpeg, ffprobe, databaseUrl, role, heartbeat, media);
  }

  /** How this studio takes part in rendering. */
  public QueueSettings queue() {
    return QueueSettings.of(renderConcurrency).withRole(role).withHeartbeat(heartbeat, 4);
  }
}
