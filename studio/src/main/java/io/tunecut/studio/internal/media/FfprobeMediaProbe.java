package io.tunecut.studio.internal.media;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunecut.studio.ffmpeg.Ffmpeg;
import io.tunecut.studio.ffmpeg.FfmpegException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides with ffprobe whether an upload is something we can edit: a video (a gif is one),
 * a still image, or audio. Refuses, with a reason a user understands, files that are not
 * media, are truncated or corrupt, have no usable stream, or have absurd dimensions or length.
 */
public final class FfprobeMediaProbe implements MediaProbe {
  static final int MIN_SIDE = 16;
  static final int MAX_SIDE = 8192;
  static final double MAX_SECONDS = 4 * 3600;
  private static final Set<String> STILL_CODECS = Set.of("png", "mjpeg", "webp", "bmp", "tiff", "jpeg2000");
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final Ffmpeg ffmpeg;

  public FfprobeMediaProbe(Ffmpeg ffmpeg) {
    this.ffmpeg = ffmpeg;
  }

  @Override
  public MediaInfo probe(Path file, String filename) throws MediaRejectedException, IOException {
    if (!Files.isRegularFile(file) || Files.size(file) == 0) {
      throw new MediaRejectedException("the file is empty");
    }
    JsonNode probe;
    try {
      probe = ffmpeg.probe(file, TIMEOUT);
    } catch (FfmpegException e) {
      throw new MediaRejectedException(unreadable(e.stderrTail(), file));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("probe interrupted");
    }
    JsonNode format = probe.path("format");
    String container = format.path("format_name").asText("");
    if (container.equals("tty") || container.isEmpty()) {
      throw new MediaRejectedException("not a video, audio or image file");
    }

    JsonNode video = null;
    JsonNode audio = null;
    for (JsonNode s : probe.path("streams")) {
      String type = s.path("codec_type").asText();
      boolean coverArt = s.path("disposition").path("attached_pic").asInt(0) == 1;
      if (type.equals("video") && !coverArt && video == null) video = s;
      if (type.equals("audio") && audio == null) audio = s;
    }
    if (video == null && audio == null) {
      throw new MediaRejectedException("no video or audio stream in the file");
    }

    double duration = firstPositive(format.path("duration"),
        video == null ? null : video.path("duration"), audio == null ? null : audio.path("duration"));
    MediaKind kind = video == null ? MediaKind.AUDIO : isStill(video, container, duration) ? MediaKind.IMAGE : MediaKind.VIDEO;

    int width = 0;
    int height = 0;
    int rotation = 0;
    double fps = 0;
    if (video != null) {
      width = video.path("width").asInt(0);
      height = video.path("height").asInt(0);
      if (width == 0 || height == 0) {
        throw new MediaRejectedException("the picture has no size: the file is damaged");
      }
      if (width < MIN_SIDE || height < MIN_SIDE || width > MAX_SIDE || height > MAX_SIDE) {
        throw new MediaRejectedException(String.format(Locale.ROOT,
            "the picture is %d×%d; we take %d to %d pixels a side", width, height, MIN_SIDE, MAX_SIDE));
      }
      rotation = rotation(video);
      if (Math.abs(rotation) % 180 == 90) {
        int w = width;
        width = height;
        height = w;
      }
      if (kind == MediaKind.VIDEO) {
        fps = rate(video.path("avg_frame_rate").asText(""));
        if (fps <= 0 || fps > 240) fps = rate(video.path("r_frame_rate").asText(""));
        if (fps <= 0 || fps > 240) fps = 30;
      }
    }

    if (kind == MediaKind.IMAGE) {
      duration = 0;
    } else {
      if (duration <= 0) {
        throw new MediaRejectedException("the file has no length: it is truncated or damaged");
      }
      if (duration > MAX_SECONDS) {
        throw new MediaRejectedException(String.format(Locale.ROOT,
            "the file is %.1f hours long; we take up to 4 hours", duration / 3600));
      }
    }
    checkDecodes(file, kind, duration);

    return new MediaInfo(kind, duration, width, height, fps, rotation,
        audio == null ? 0 : Math.max(1, audio.path("channels").asInt(2)),
        video == null ? null : video.path("codec_name").asText(null),
        audio == null ? null : audio.path("codec_name").asText(null),
        container);
  }

  private static String unreadable(String ffprobeSays, Path file) throws IOException {
    String says = ffprobeSays.toLowerCase(Locale.ROOT);
    boolean cutOff = says.contains("moov atom not found") && looksLikeMp4(file);
    if (cutOff || says.contains("end of file") || says.contains("truncat")) {
      return "the file is truncated or damaged (it may not have finished uploading)";
    }
    return "not a video, audio or image file we can read";
  }

  /** The mp4 reader blames a missing index for any file named .mp4: check the box header. */
  private static boolean looksLikeMp4(Path file) throws IOException {
    byte[] head = new byte[8];
    try (var in = Files.newInputStream(file)) {
      if (in.readNBytes(head, 0, 8) < 8) return false;
    }
    String box = new String(head, 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
    return Set.of("ftyp", "moov", "mdat", "free", "wide", "skip", "pnot").contains(box);
  }

  /**
   * Headers can look fine on a cut-off or corrupt file: decode the first frames, and for
   * video also the last second, which is missing from a truncated file.
   */
  private void checkDecodes(Path file, MediaKind kind, double duration)
      throws MediaRejectedException, IOException {
    String stream = kind == MediaKind.AUDIO ? "a:0" : "v:0";
    if (framesDecoded(file, stream, "%+#3") == 0) {
      throw new MediaRejectedException("no picture or sound could be decoded: the file is damaged");
    }
    if (kind != MediaKind.IMAGE && endIsMissing(file, stream, duration)) {
      throw new MediaRejectedException("the end of the file is missing: it is truncated");
    }
  }

  /** Reads (without decoding) the packets of the last seconds: a cut-off file lacks their bytes. */
  private boolean endIsMissing(Path file, String stream, double duration) throws IOException {
    String interval = String.format(Locale.ROOT, "%.3f%%", Math.max(0, duration - 1.5));
    try {
      Ffmpeg.ProbeOutput out = ffmpeg.ffprobe(List.of("-v", "error", "-select_streams", stream,
          "-read_intervals", interval, "-count_packets", "-show_entries", "stream=nb_read_packets",
          "-of", "csv=p=0", file.toString()), TIMEOUT);
      return out.exitCode() != 0 || out.stderr().contains("partial file");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("probe interrupted");
    }
  }

  private int framesDecoded(Path file, String stream, String interval) throws IOException {
    try {
      JsonNode counted = ffmpeg.probe(file, TIMEOUT, "-select_streams", stream, "-read_intervals", interval,
          "-count_frames", "-show_entries", "stream=nb_read_frames");
      JsonNode streams = counted.path("streams");
      return streams.isEmpty() ? 0 : streams.get(0).path("nb_read_frames").asInt(0);
    } catch (FfmpegException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("probe interrupted");
    }
  }

  private static boolean isStill(JsonNode video, String container, double duration) {
    String codec = video.path("codec_name").asText("");
    if (!STILL_CODECS.contains(codec)) return false; // gif and every real video codec
    if (container.startsWith("image2") || container.endsWith("_pipe")) return true;
    int frames = video.path("nb_frames").asInt(0);
    return frames <= 1 && duration <= 0.1;
  }

  /** Display rotation in degrees, from the display matrix side data or the old rotate tag. */
  static int rotation(JsonNode video) {
    for (JsonNode side : video.path("side_data_list")) {
      if (side.has("rotation")) return normalise(side.path("rotation").asInt());
    }
    JsonNode tag = video.path("tags").path("rotate");
    if (!tag.isMissingNode()) {
      try {
        return normalise(Integer.parseInt(tag.asText().strip()));
      } catch (NumberFormatException ignored) {
        return 0;
      }
    }
    return 0;
  }

  private static int normalise(int degrees) {
    int d = ((degrees % 360) + 360) % 360;
    return d;
  }

  static double rate(String fraction) {
    try {
      int slash = fraction.indexOf('/');
      if (slash < 0) return Double.parseDouble(fraction);
      double num = Double.parseDouble(fraction.substring(0, slash));
      double den = Double.parseDouble(fraction.substring(slash + 1));
      return den == 0 ? 0 : num / den;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static double firstPositive(JsonNode... values) {
    List<JsonNode> list = new ArrayList<>();
    for (JsonNode v : values) if (v != null) list.add(v);
    for (JsonNode v : list) {
      double d = v.asDouble(0);
      if (d > 0 && Double.isFinite(d)) return d;
    }
    return 0;
  }
}
