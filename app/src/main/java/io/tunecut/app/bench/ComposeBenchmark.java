package io.tunecut.app.bench;

import com.sun.management.OperatingSystemMXBean;
import io.tunecut.studio.agent.MusicMaker.Wish;
import io.tunecut.studio.analysis.AnalysisCache;
import io.tunecut.studio.compose.ComposedMusic;
import io.tunecut.studio.compose.Soundfont;
import io.tunecut.studio.draft.Clip;
import io.tunecut.studio.draft.Draft;
import io.tunecut.studio.ffmpeg.Ffmpeg;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * {@code bench compose}: composing, playing and encoding music for 30, 60 and 120 s timelines
 * with a cut every 2–6 s, as a ratio to real time. Cold: a fresh soundfont (read, instruments
 * loaded); warm: the median of three more with it kept. Target: at most 2 s per minute of music.
 * The JVM's CPU seconds are shown too: on a busy machine wall time says more about the neighbours.
 */
public final class ComposeBenchmark {
  private static final int RUNS = 3;

  private ComposeBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("tunecut-bench-compose");
    Ffmpeg ffmpeg = Ffmpeg.fromEnvironment();
    AnalysisCache analysis = new AnalysisCache(dir.resolve("analysis"), ffmpeg);
    Soundfont soundfont = Soundfont.fromEnvironment();
    System.out.println("bench compose: upbeat pop with " + soundfont.file() + ", "
        + Runtime.getRuntime().availableProcessors() + " cores");
    for (int seconds : new int[] {30, 60, 120}) {
      Draft draft = timeline(seconds);
      ComposedMusic fresh = new ComposedMusic(dir, ffmpeg, analysis, new Soundfont(soundfont.file()));
      double[] cold = time(() -> fresh.make(draft, List.of(), new Wish(null, 1)));
      double[][] warm = new double[RUNS][];
      for (int i = 0; i < RUNS; i++) {
        long seed = i + 2;
        warm[i] = time(() -> fresh.make(draft, List.of(), new Wish(null, seed)));
      }
      Arrays.sort(warm, (a, b) -> Double.compare(a[0], b[0]));
      double[] median = warm[RUNS / 2];
      System.out.printf("  %3d s of music: cold %.2f s (%.1f× real time, %.2f s per minute, JVM CPU %.2f s), "
              + "warm %.2f s (%.1f× real time, %.2f s per minute, JVM CPU %.2f s; target ≤ 2 s per minute)%n",
          seconds, cold[0], seconds / cold[0], 60 * cold[0] / seconds, cold[1],
          median[0], seconds / median[0], 60 * median[0] / seconds, median[1]);
    }
  }

  /** Stills of 2–6 s: a cut at every change of still, no analysis needed. */
  private static Draft timeline(int seconds) {
    Random random = new Random(seconds);
    List<Clip> clips = new ArrayList<>();
    long left = seconds * 1000L;
    while (left > 0) {
      long length = Math.min(left, 2000 + random.nextInt(4000));
      clips.add(new Clip("c" + clips.size(), "still", "photo.jpg", "image", length, 0, 1, null));
      left -= length;
    }
    return Draft.empty().withClips(clips);
  }

  private interface Job {
    void run() throws Exception;
  }

  /** Wall seconds and the JVM's CPU seconds (ffmpeg's own are not counted). */
  private static double[] time(Job job) throws Exception {
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu = os.getProcessCpuTime();
    long start = System.nanoTime();
    job.run();
    return new double[] {(System.nanoTime() - start) / 1e9, (os.getProcessCpuTime() - cpu) / 1e9};
  }
}
