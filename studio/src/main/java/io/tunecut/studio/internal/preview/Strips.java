package io.tunecut.studio.internal.preview;

import io.tunecut.studio.ffmpeg.Ffmpeg;
import io.tunecut.studio.ffmpeg.FfmpegRun;
import io.tunecut.studio.internal.media.Media;
import io.tunecut.studio.internal.media.MediaKind;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Makes a clip's thumbnail strip with one ffmpeg run: one input per thumbnail, each seeked
 * straight to the key frame at its time (one frame decoded per thumbnail, not the whole
 * clip), scaled and stacked side by side into one JPEG.
 */
final class Strips {
  static final int CELL_HEIGHT = 108;
  /** One thumbnail per this many seconds of clip, at most {@link #MOST}. */
  private static final double SECONDS_PER_CELL = 2;
  private static final int MOST = 24;

  private final Ffmpeg ffmpeg;

  Strips(Ffmpeg ffmpeg) {
    this.ffmpeg = ffmpeg;
  }

  /** How many thumbnails a clip of this length gets. */
  static int count(Media media) {
    if (media.info().kind() != MediaKind.VIDEO) return 1;
    return (int) Math.max(1, Math.min(MOST, Math.round(media.info().durationSeconds() / SECONDS_PER_CELL)));
  }

  /** A cell's width: the clip's own shape at {@link #CELL_HEIGHT}, within sane bounds. */
  static int cellWidth(Media media) {
    int w = media.info().width();
    int h = media.info().height();
    double shape = w > 0 && h > 0 ? (double) w / h : 16 / 9.0;
    int width = (int) Math.round(CELL_HEIGHT * Math.max(0.5, Math.min(2.4, shape)) / 2) * 2;
    return Math.max(2, width);
  }

  /** Writes {@code media}'s strip of {@link #count} cells to {@code jpeg}. */
  void make(Media media, Path jpeg) throws IOException, InterruptedException {
    int n = count(media);
    int w = cellWidth(media);
    double seconds = Math.max(0, media.info().durationSeconds());
    List<String> args = new ArrayList<>(List.of("-v", "error"));
    StringBuilder graph = new StringBuilder();
    for (int k = 0; k < n; k++) {
      if (media.info().kind() == MediaKind.VIDEO) {
        double at = Math.max(0, Math.min(seconds - 0.1, (k + 0.5) * seconds / n));
        // The key frame at or before each time: one frame decoded per thumbnail, whatever the clip.
        args.addAll(List.of("-noaccurate_seek", "-skip_frame", "nokey", "-ss", String.format(Locale.ROOT, "%.3f", at)));
      }
      args.addAll(List.of("-i", media.file().toString()));
      graph.append(String.format(Locale.ROOT,
          "[%d:v:0]setpts=PTS-STARTPTS,scale=%d:%d:force_original_aspect_ratio=increase,crop=%d:%d,setsar=1,format=yuvj420p[c%d];",
          k, w, CELL_HEIGHT, w, CELL_HEIGHT, k));
    }
    if (n == 1) {
      graph.append("[c0]null[strip]");
    } else {
      for (int k = 0; k < n; k++) graph.append("[c").append(k).append(']');
      graph.append("hstack=inputs=").append(n).append("[strip]");
    }
    args.addAll(List.of("-filter_complex", graph.toString(), "-map", "[strip]", "-frames:v", "1",
        "-q:v", "5", "-f", "image2", jpeg.toString()));
    ffmpeg.run(FfmpegRun.of(args, Duration.ofMinutes(2)).deletingOnFailure(jpeg));
  }
}
