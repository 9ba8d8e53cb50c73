package io.tunecut.studio.bench;

import io.tunecut.studio.internal.analysis.BeatTracker;
import io.tunecut.studio.internal.analysis.Beats;
import io.tunecut.studio.internal.analysis.CutDetector;
import io.tunecut.studio.internal.analysis.Cuts;
import io.tunecut.studio.ffmpeg.Ffmpeg;
import io.tunecut.studio.ffmpeg.FfmpegRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Measures analysis speed on generated media: beats as a multiple of real time on a 60 s
 * track, and cut detection against plain decoding of the same 60 s 1080p30 video in the same
 * run (the machine's speed varies; the ratio is what counts).
 */
public final class AnalysisBenchmark {
  private static final int SECONDS = 60;
  private static final int RUNS = 3;

  private AnalysisBenchmark() {}

  public static void main(String[] args) throws Exception {
    Ffmpeg ffmpeg = Ffmpeg.fromEnvironment(System.getenv());
    Path dir = Files.createTempDirectory("tunecut-bench");
    try {
      System.out.println("generating a 60 s track and a 60 s 1080p30 video with 11 cuts…");
      Path track = dir.resolve("track.m4a");
      run(ffmpeg, List.of("-v", "error", "-f", "lavfi", "-i",
          "aevalsrc=0.8*sin(2*PI*(50+100*exp(-mod(t\\,0.5)*40))*t)*exp(-mod(t\\,0.5)*12)"
              + "+0.2*sin(2*PI*220*t)+0.1*sin(2*PI*330*t):s=44100:d=" + SECONDS,
          "-c:a", "aac", "-b:a", "160k", track.toString()));
      Path video = dir.resolve("video.mp4");
      List<String> command = new ArrayList<>(List.of("-v", "error"));
      String[] sources = {"testsrc2", "smptebars", "rgbtestsrc", "testsrc"};
      StringBuilder graph = new StringBuilder();
      int shots = 12;
      for (int i = 0; i < shots; i++) {
        command.addAll(List.of("-f", "lavfi", "-t", "5", "-i",
            sources[i % sources.length] + "=size=1920x1080:rate=30"));
        graph.append('[').append(i).append(":v]").append(i % 2 == 1 ? "hflip," : "")
            .append("format=yuv420p,setsar=1[s").append(i).append("];");
      }
      for (int i = 0; i < shots; i++) {
        graph.append("[s").append(i).append(']');
      }
      graph.append("concat=n=").append(shots).append(":v=1:a=0[v]");
      command.addAll(List.of("-filter_complex", graph.toString(), "-map", "[v]",
          "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", video.toString()));
      run(ffmpeg, command);

      BeatTracker tracker = new BeatTracker(ffmpeg);
      tracker.track(track); // warm up the JIT
      double[] beatTimes = new double[RUNS];
      Beats beats = null;
      for (int r = 0; r < RUNS; r++) {
        long t0 = System.nanoTime();
        beats = tracker.track(track);
        beatTimes[r] = (System.nanoTime() - t0) / 1e9;
      }
      double beatSeconds = median(beatTimes);

      CutDetector detector = new CutDetector(ffmpeg);
      double[] cutTimes = new double[RUNS];
      double[] decodeTimes = new double[RUNS];
      Cuts cuts = null;
      for (int r = 0; r < RUNS; r++) {
        long t0 = System.nanoTime();
        run(ffmpeg, List.of("-v", "error", "-i", video.toString(), "-f", "null", "-"));
        decodeTimes[r] = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        cuts = detector.detect(video);
        cutTimes[r] = (System.nanoTime() - t0) / 1e9;
      }
      double cutSeconds = median(cutTimes);
      double decodeSeconds = median(decodeTimes);

      System.out.printf(Locale.ROOT, "beats: %.1f BPM, %d beats; %.3f s for %d s of audio = %.0f× real time (target ≥ 100×)%n",
          beats.tempo(), beats.beats().size(), beatSeconds, SECONDS, SECONDS / beatSeconds);
      System.out.printf(Locale.ROOT, "cuts: %d found (11 made); %.2f s = %.1f× real time (%d cores)%n",
          cuts.cuts().size(), cutSeconds, SECONDS / cutSeconds,
          Runtime.getRuntime().availableProcessors());
      System.out.printf(Locale.ROOT, "plain decoding (ffmpeg -i v -f null -): %.2f s = %.1f× real time%n",
          decodeSeconds, SECONDS / decodeSeconds);
      System.out.printf(Locale.ROOT, "cut detection / decoding = %.2f (target ≤ 1.0)%n",
          cutSeconds / decodeSeconds);
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static void run(Ffmpeg ffmpeg, List<String> args) throws IOException, InterruptedException {
    ffmpeg.run(FfmpegRun.of(args, Duration.ofMinutes(10)));
  }
}
