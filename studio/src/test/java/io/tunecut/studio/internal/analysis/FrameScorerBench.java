package io.tunecut.studio.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunecut.studio.internal.analysis.FrameFeatures.Kind;
import io.tunecut.studio.internal.analysis.RealFootage.Video;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * {@code bench scorer} (and {@code bench cuts}): the CPU time of scoring the thumbnails of
 * each real-footage video, decoded once beforehand, so the figure hardly depends on other work
 * on the machine; and a checksum of the numbers, to see that a faster scorer works out the same
 * ones. Run with {@code -Dbench=scorer}, or with the cut bench, which renders the videos; the
 * table goes to stdout and target/bench-scorer.txt.
 */
@EnabledIfSystemProperty(named = "bench", matches = "cuts|scorer")
class FrameScorerBench {
  private static final int FRAME = CutDetector.WIDTH * CutDetector.HEIGHT * 3;
  private static final int RUNS = 30;

  @Test
  void timesScoringEveryVideo() throws Exception {
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    Path dir = Path.of("target/cuts");
    StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
        "%-24s %6s %9s %9s %s%n", "video", "frames", "cpu ms", "median", "checksum (moved)"));
    double total = 0;
    for (Video video : RealFootage.videos()) {
      Path file = dir.resolve(video.id() + "-" + Integer.toHexString(video.toString().hashCode()) + ".mp4");
      if (!Files.isRegularFile(file)) {
        RealFootage.render(video, file);
      }
      byte[] thumbnails = thumbnails(file);
      int n = thumbnails.length / FRAME;
      int span = ShotBoundaries.span(1.0 / RealFootage.FPS);
      long[] times = new long[RUNS];
      double checksum = 0;
      for (int warm = 0; warm < 10; warm++) {
        score(thumbnails, n, span);
      }
      for (int run = 0; run < RUNS; run++) {
        long t0 = cpu.getCurrentThreadCpuTime();
        FrameFeatures features = score(thumbnails, n, span);
        times[run] = cpu.getCurrentThreadCpuTime() - t0;
        features.keepMotionNearCuts();
        checksum = Arrays.stream(features.column(Kind.MOVED)).sum();
      }
      Arrays.sort(times);
      total += times[RUNS / 2] / 1e6;
      table.append(String.format(Locale.ROOT, "%-24s %6d %9.2f %9.2f %.9f%n",
          video.id(), n, times[0] / 1e6, times[RUNS / 2] / 1e6, checksum));
    }
    table.append(String.format(Locale.ROOT, "%-24s %6s %9s %9.2f%n", "all", "", "", total));
    System.out.print(table);
    Files.writeString(Path.of("target/bench-scorer.txt"), table);
    assertThat(total).isPositive();
  }

  private static FrameFeatures score(byte[] thumbnails, int n, int span) {
    FrameScorer scorer = new FrameScorer(span, FRAME, false, n);
    for (int f = 0; f < n; f++) {
      scorer.accept(thumbnails, f * FRAME);
    }
    return scorer.features();
  }

  private static byte[] thumbnails(Path file) throws Exception {
    Process ffmpeg = new ProcessBuilder(List.of("ffmpeg", "-nostdin", "-v", "error",
        "-i", file.toString(), "-an", "-vf", "scale=" + CutDetector.WIDTH + ":" + CutDetector.HEIGHT
            + ":flags=fast_bilinear,format=rgb24", "-fps_mode", "passthrough",
        "-f", "rawvideo", "pipe:1")).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = ffmpeg.getInputStream()) {
      in.transferTo(out);
    }
    assertThat(ffmpeg.waitFor()).isZero();
    return out.toByteArray();
  }
}
