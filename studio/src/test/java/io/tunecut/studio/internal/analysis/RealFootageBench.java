package io.tunecut.studio.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunecut.studio.internal.analysis.RealFootage.Video;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * {@code bench cuts}: the cut detector on every video of the real-footage set, one row per
 * video (precision, recall, F1 at ±1 frame; cuts reported inside dissolves, fades or flashes)
 * and the totals; and its time against plain decoding of the same file, measured in the same
 * run: the median of {@value #RUNS} runs, each timed against a plain decoding next to it (which
 * one goes first alternates), so a burst of other work on a shared machine moves one pair, not
 * the figure; the spread of all pairs is printed too. Run with {@code -Dbench=cuts}; the table
 * goes to stdout and target/bench-cuts.txt.
 */
@EnabledIfSystemProperty(named = "bench", matches = "cuts")
class RealFootageBench {
  static final double ONE_FRAME = 1.0 / RealFootage.FPS + 0.001;

  private static final int RUNS = 5;

  @Test
  void scoresEveryVideoAndTimesItAgainstDecoding() throws Exception {
    assertThat(RealFootage.installed())
        .as("the photographs of the set: apt-get install -y " + RealFootage.PACKAGE).isTrue();
    Path dir = Files.createDirectories(Path.of("target/cuts"));
    CutDetector detector = new CutDetector();
    StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
        "%-24s %5s %5s %5s %6s %6s %6s %6s %7s%n",
        "video", "cuts", "found", "hits", "P", "R", "F1", "wrong", "×decode"));
    CutScores all = new CutScores(0, 0, 0);
    int wrong = 0;
    List<Double> ratios = new ArrayList<>();
    List<Double> pairs = new ArrayList<>();
    StringBuilder misses = new StringBuilder();
    for (Video video : RealFootage.videos()) {
      // named after its whole description, so a changed video is rendered again
      Path file = dir.resolve(video.id() + "-" + Integer.toHexString(video.toString().hashCode()) + ".mp4");
      if (!Files.isRegularFile(file)) {
        RealFootage.render(video, file);
      }
      Cuts cuts = detector.detect(file); // warm up
      double[] paired = new double[RUNS];
      for (int run = 0; run < RUNS; run++) {
        long decoding = run % 2 == 0 ? 0 : decode(file);
        long t0 = System.nanoTime();
        cuts = detector.detect(file);
        long detecting = System.nanoTime() - t0;
        if (run % 2 == 0) {
          decoding = decode(file);
        }
        paired[run] = (double) detecting / decoding;
        pairs.add(paired[run]);
      }
      Arrays.sort(paired);
      double ratio = paired[RUNS / 2];
      ratios.add(ratio);
      CutScores s = CutScores.of(video.cutTimes(), cuts.cuts(), ONE_FRAME);
      int inside = insideNotCuts(video, cuts.cuts());
      all = all.plus(s);
      wrong += inside;
      table.append(line(video.id(), s, inside, ratio));
      misses.append(missed(video, cuts.cuts(), detector.score(file).features()));
    }
    ratios.sort(Double::compare);
    table.append(line("all (median speed)", all, wrong, ratios.get(ratios.size() / 2)));
    pairs.sort(Double::compare);
    table.append(String.format(Locale.ROOT, "speed of the %d paired runs: quartiles %.2f %.2f %.2f,"
        + " range %.2f-%.2f; load average %.1f%n", pairs.size(), pairs.get(pairs.size() / 4),
        pairs.get(pairs.size() / 2), pairs.get(pairs.size() * 3 / 4), pairs.get(0),
        pairs.get(pairs.size() - 1), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
    table.append(misses);
    System.out.print(table);
    Files.writeString(Path.of("target/bench-cuts.txt"), table);
    assertThat(all.truth()).as("true cuts in the set").isPositive();
  }

  /** The time ffmpeg takes to decode {@code file} and nothing else, with its own threads. */
  private static long decode(Path file) throws Exception {
    long t0 = System.nanoTime();
    SyntheticVideo.run(List.of("ffmpeg", "-nostdin", "-v", "error", "-i", file.toString(),
        "-an", "-f", "null", "-"));
    return System.nanoTime() - t0;
  }

  /** Found cuts that fall within a dissolve, a fade or a flash (±1 frame). */
  static int insideNotCuts(Video video, List<Double> found) {
    int n = 0;
    for (double c : found) {
      double frame = c * RealFootage.FPS;
      if (video.notCuts().stream().anyMatch(r -> frame >= r[0] - 1 && frame <= r[1] + 1)) {
        n++;
      }
    }
    return n;
  }

  /** Each missed and each false cut with the frame changes around it, to see why. */
  private static String missed(Video video, List<Double> found, FrameFeatures features) {
    double[] change = features.column(FrameFeatures.Kind.CHANGE);
    StringBuilder out = new StringBuilder();
    for (int f : video.cutFrames()) {
      double t = (double) f / RealFootage.FPS;
      if (found.stream().noneMatch(c -> Math.abs(c - t) <= ONE_FRAME)) {
        out.append(String.format(Locale.ROOT, "missed %s frame %d, changes:", video.id(), f));
        for (int k = Math.max(1, f - 5); k <= Math.min(change.length - 1, f + 5); k++) {
          out.append(String.format(Locale.ROOT, " %.3f", change[k]));
        }
        out.append('\n');
      }
    }
    for (double c : found) {
      if (video.cutTimes().stream().noneMatch(t -> Math.abs(c - t) <= ONE_FRAME)) {
        int f = (int) Math.round(c * RealFootage.FPS);
        out.append(String.format(Locale.ROOT, "false %s frame %d, changes:", video.id(), f));
        for (int k = Math.max(1, f - 5); k <= Math.min(change.length - 1, f + 5); k++) {
          out.append(String.format(Locale.ROOT, " %.3f", change[k]));
        }
        out.append('\n');
      }
    }
    return out.toString();
  }

  private static String line(String label, CutScores s, int wrong, double ratio) {
    return String.format(Locale.ROOT, "%-24s %5d %5d %5d %6.3f %6.3f %6.3f %6d %7.2f%n",
        label, s.truth(), s.found(), s.hits(), s.precision(), s.recall(), s.f1(), wrong, ratio);
  }
}
