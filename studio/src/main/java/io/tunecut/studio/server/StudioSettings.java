package io.tunecut.studio.server;

import io.tunecut.studio.server.Soundfont;
import io.tunecut.studio.server.QueueSettings;
import io.tunecut.studio.server.LlmSettings;
import io.tunecut.studio.server.MediaSettings;
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
 * @param soundfont the General MIDI soundfont composed music is played with ({@code TUNECUT_SOUNDFONT})
 * @param llm the operator's language model ({@code TUNECUT_LLM_*}), or null for the rules alone
 * @param media where media and renders are kept for every studio ({@code TUNECUT_MEDIA_URL})
 *
 * <p>The app reads these from the environment once and hands them here; the studio reads no
 * environment of its own.
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
    Path soundfont,
    LlmSettings llm,
    MediaSettings media) {

  public StudioSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(linkTtl, "linkTtl");
    Objects.requireNonNull(ffmpeg, "ffmpeg");
    Objects.requireNonNull(ffprobe, "ffprobe");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(heartbeat, "heartbeat");
    Objects.requireNonNull(soundfont, "soundfont");
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
        "ffmpeg", "ffprobe", null, QueueSettings.Role.ALL, Duration.ofSeconds(10), Soundfont.DEBIAN, null,
        MediaSettings.DATA_DIRECTORY);
  }

  public StudioSettings withHost(String host) {
    return new StudioSettings(host, port, dataDir, publicUrl, maxUploadBytes, renderConcurrency,
        renderMinutesPerDay, allowPrivateUrls, linkTtl, ffmpeg, ffprobe, databaseUrl, role, heartbeat, soundfont, llm, media);
  }

  public StudioSettings withPort(int port) {
    return new StudioSettings(host, port, dataDir, publicUrl, maxUploadBytes, renderConcurrency,
        renderMinutesPerDay, allowPrivateUrls, linkTtl, ffmpeg, ffprobe, databaseUrl, role, heartbeat, soundfont, llm, media);
  }

  public StudioSettings withDataDir(Path dataDir) {
    return new StudioSettings(host, port, dataDir, publicUrl, maxUploadBytes, renderConcurrency,
        renderMinutesPerDay, allowPrivateUrls, linkTtl, ffmpeg, ffprobe, databaseUrl, role, heartbeat, soundfont, llm, media);
  }

  public StudioSettings withPublicUrl(String publicUrl) {
    return new StudioSettings(host, port, dataDir, publicUrl, maxUploadBytes, renderConcurrency,
        renderMinutesPerDay, allowPrivateUrls, linkTtl, ffmpeg, ffprobe, databaseUrl, role, heartbeat, soundfont, llm, media);
  }

  public StudioSettings withMaxUploadBytes(long maxUploadBytes) {
    return new StudioSettings(host, port, dataDir, publicUrl, maxUploadBytes, renderConcurrency,
        renderMinutesPerDay, allowPrivateUrls, linkTtl, ffmpeg, ffprobe, databaseUrl, role, heartbeat, soundfont, llm, media);
  }

  public StudioSettings withRenderConcurrency(int renderConcurrency) {
    return new StudioSettings(host, port, dataDir, publicUrl, maxUploadBytes, renderConcurrency,
        renderMinutesPerDay, allowPrivateUrls, linkTtl, ffmpeg, ffprobe, databaseUrl, role, heartbeat, soundfont, llm, media);
  }

  public StudioSettings withRenderMinutesPerDay(double renderMinutesPerDay) {
    return new StudioSettings(host, port, dataDir, publicUrl, maxUploadBytes, renderConcurrency,
        renderMinutesPerDay, allowPrivateUrls, linkTtl, ffmpeg, ffprobe, databaseUrl, role, heartbeat, soundfont, llm, media);
  }

  public StudioSettings withAllowPrivateUrls(boolean allowPrivateUrls) {
    return new StudioSettings(host, port, dataDir, publicUrl, maxUploadBytes, renderConcurrency,
        renderMinutesPerDay, allowPrivateUrls, linkTtl, ffmpeg, ffprobe, databaseUrl, role, heartbeat, soundfont, llm, media);
  }

  public StudioSettings withLinkTtl(Duration linkTtl) {
    return new StudioSettings(host, port, dataDir, publicUrl, maxUploadBytes, renderConcurrency,
        renderMinutesPerDay, allowPrivateUrls, linkTtl, ffmpeg, ffprobe, databaseUrl, role, heartbeat, soundfont, llm, media);
  }

  public StudioSettings withFfmpeg(String ffmpeg, String ffprobe) {
    return new StudioSettings(host, port, dataDir, publicUrl, maxUploadBytes, renderConcurrency,
        renderMinutesPerDay, allowPrivateUrls, linkTtl, ffmpeg, ffprobe, databaseUrl, role, heartbeat, soundfont, llm, media);
  }

  public StudioSettings withDatabaseUrl(String databaseUrl) {
    return new StudioSettings(host, port, dataDir, publicUrl, maxUploadBytes, renderConcurrency,
        renderMinutesPerDay, allowPrivateUrls, linkTtl, ffmpeg, ffprobe, databaseUrl, role, heartbeat, soundfont, llm, media);
  }

  public StudioSettings withRole(QueueSettings.Role role) {
    return new StudioSettings(host, port, dataDir, publicUrl, maxUploadBytes, renderConcurrency,
        renderMinutesPerDay, allowPrivateUrls, linkTtl, ffmpeg, ffprobe, databaseUrl, role, heartbeat, soundfont, llm, media);
  }

  public StudioSettings withHeartbeat(Duration heartbeat) {
    return new StudioSettings(host, port, dataDir, publicUrl, maxUploadBytes, renderConcurrency,
        renderMinutesPerDay, allowPrivateUrls, linkTtl, ffmpeg, ffprobe, databaseUrl, role, heartbeat, soundfont, llm, media);
  }

  public StudioSettings withSoundfont(Path soundfont) {
    return new StudioSettings(host, port, dataDir, publicUrl, maxUploadBytes, renderConcurrency,
        renderMinutesPerDay, allowPrivateUrls, linkTtl, ffmpeg, ffprobe, databaseUrl, role, heartbeat, soundfont, llm, media);
  }

  /** @param llm null for the rules alone */
  public StudioSettings withLlm(LlmSettings llm) {
    return new StudioSettings(host, port, dataDir, publicUrl, maxUploadBytes, renderConcurrency,
        renderMinutesPerDay, allowPrivateUrls, linkTtl, ffmpeg, ffprobe, databaseUrl, role, heartbeat, soundfont, llm, media);
  }

  /** How this studio takes part in rendering. */
  public QueueSettings queue() {
    return QueueSettings.of(renderConcurrency).withRole(role).withHeartbeat(heartbeat, 4);
  }

  public StudioSettings withMedia(MediaSettings media) {
    return new StudioSettings(host, port, dataDir, publicUrl, maxUploadBytes, renderConcurrency,
        renderMinutesPerDay, allowPrivateUrls, linkTtl, ffmpeg, ffprobe, databaseUrl, role, heartbeat, soundfont, llm, media);
  }
}
