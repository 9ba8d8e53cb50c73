package io.tunecut.app.bench;

import io.tunecut.app.config.Settings;
import io.tunecut.studio.internal.analysis.AnalysisCache;
import io.tunecut.studio.internal.draft.Caption;
import io.tunecut.studio.internal.draft.Clip;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.draft.Music;
import io.tunecut.studio.ffmpeg.Ffmpeg;
import io.tunecut.studio.internal.media.FfprobeMediaProbe;
import io.tunecut.studio.internal.media.Media;
import io.tunecut.studio.internal.preview.PictureWords;
import io.tunecut.studio.internal.preview.QuickPreview;
import io.tunecut.studio.internal.preview.Sketches;
import io.tunecut.studio.internal.preview.TimelinePictures;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * {@code bench timeline}: drawing the picture of a 60 s timeline (six 1080p clips, a track with
 * fades and ducking, a title and a caption) once its thumbnails are made, against writing a
 * blank PNG of the same size (the floor), in one run.
 * {@code bench preview}: the quick 360p preview of 60 s of 1080p30 video with music and a title,
 * against real time and against bare ffmpeg only decoding the same clip.
 */
public final class PictureBenchmark {
  private static final int DRAWS = 21;
  /** Preview and decoding runs, taken in turns. */
  private static final int RUNS = 5;
  /** Fresh studios of each kind, taken in turns. */
  private static final int FRESH_RUNS = 7;
  private static final long UPLOAD_MS = 1700;

  private PictureBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 3 && args[0].equals("fresh-studio")) {
      freshStudio(Path.of(args[1]), args[2].equals("warm-up"));
      return;
    }
    boolean preview = args.length > 0 && args[0].equals("preview");
    Path dir = Files.createTempDirectory("tunecut-bench-pictures");
    Path clip = dir.resolve("clip.mp4");
    Path track = dir.resolve("track.mp3");
    System.out.println("bench " + (preview ? "preview" : "timeline") + ": generating a 60 s 1080p30 clip and a 90 s track …");
    RenderBenchmark.bare(List.of("-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=30:duration=60", "-f", "lavfi", "-i",
        "sine=frequency=220:sample_rate=48000:duration=60", "-c:v", "libx264", "-preset", "veryfast", "-crf", "23",
        "-g", "30", // a key frame a second, as phones record
        "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "128k", "-shortest", clip.toString()));
    RenderBenchmark.bare(List.of("-f", "lavfi", "-i", "aevalsrc=0.8*sin(2*PI*220*t)*exp(-12*mod(t\\,0.5)):s=44100:d=90",
        "-ac", "2", "-c:a", "libmp3lame", "-b:a", "192k", track.toString()));
    Ffmpeg ffmpeg = Settings.fromProcessEnvironment().ffmpegPrograms();
    FfprobeMediaProbe probe = new FfprobeMediaProbe(ffmpeg);
    List<Media> media = List.of(new Media("clip", "clip.mp4", probe.probe(clip, "clip.mp4"), clip),
        new Media("track", "track.mp3", probe.probe(track, "track.mp3"), track));
    Draft draft = draft();
    if (preview) preview(ffmpeg, dir, draft, media);
    else timeline(ffmpeg, dir, draft, media);
  }

  private static void timeline(Ffmpeg ffmpeg, Path dir, Draft draft, List<Media> media) throws Exception {
    AnalysisCache analysis = new AnalysisCache(dir.resolve("analysis"), ffmpeg);
    try (Sketches sketches = new Sketches(dir.resolve("pictures"), ffmpeg)) {
      TimelinePictures pictures = new TimelinePictures(sketches, analysis::beats, analysis::cuts);
      long made = System.nanoTime();
      byte[] first = pictures.png(draft, media);
      double making = (System.nanoTime() - made) / 1e9;
      BufferedImage size = ImageIO.read(new java.io.ByteArrayInputStream(first));
      // Steady state, as in a studio that has drawn a few: the JIT warmed up on both sides.
      for (int i = 0; i < 10; i++) {
        pictures.png(draft, media);
        ImageIO.write(new BufferedImage(size.getWidth(), size.getHeight(), BufferedImage.TYPE_INT_RGB), "png",
            new ByteArrayOutputStream());
      }
      double drawing = median(() -> pictures.png(draft, media));
      double blank = median(() -> {
        BufferedImage b = new BufferedImage(size.getWidth(), size.getHeight(), BufferedImage.TYPE_INT_RGB);
        ImageIO.write(b, "png", new ByteArrayOutputStream());
      });
      System.out.printf("  first picture (thumbnails, waveform and beats made, as right after upload): %.2f s%n", making);
      firstInFreshStudios(dir);
      System.out.printf("  timeline picture of 60 s, %d×%d, cached: %.0f ms; a blank PNG of that size %.0f ms"
          + " → %.1f× the blank PNG; %.2f of the 300 ms budget%n",
          size.getWidth(), size.getHeight(), drawing * 1000, blank * 1000, drawing / blank, drawing / 0.3);
    }
  }

  /**
   * The quick picture ({@code at_once}) of the same timeline as the first one a fresh studio
   * draws, with and without the warm-up at start, in fresh JVMs taken in turns: each against the
   * second picture of the same JVM. The thumbnails, waveform and analyses are on disk already.
   */
  private static void firstInFreshStudios(Path dir) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Map<Boolean, List<double[]>> runs = new LinkedHashMap<>();
    for (int i = 0; i < FRESH_RUNS; i++) {
      for (boolean warm : new boolean[] {false, true}) {
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
            PictureBenchmark.class.getName(), "fresh-studio", dir.toString(), warm ? "warm-up" : "none")
            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        if (p.waitFor() != 0 || !out.startsWith("fresh ")) throw new IllegalStateException("a fresh studio failed: " + out);
        String[] f = out.lines().reduce((a, b) -> b).orElseThrow().split(" ");
        runs.computeIfAbsent(warm, k -> new ArrayList<>())
            .add(new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                Double.parseDouble(f[4])});
      }
    }
    double[] ratio = new double[2];
    for (boolean warm : new boolean[] {false, true}) {
      List<double[]> r = runs.get(warm);
      double first = median(r.stream().mapToDouble(x -> x[0]).toArray());
      double second = median(r.stream().mapToDouble(x -> x[1]).toArray());
      ratio[warm ? 1 : 0] = median(r.stream().mapToDouble(x -> x[0] / x[1]).toArray());
      System.out.printf("  first quick picture in a fresh studio, %s: %.0f ms, the second %.0f ms → %.1f× the second"
          + " (median of %d; its parts made at start in %.0f ms)%s%n", warm ? "warmed up at start" : "no warm-up",
          first * 1000, second * 1000, ratio[warm ? 1 : 0], FRESH_RUNS,
          median(r.stream().mapToDouble(x -> x[3]).toArray()) * 1000, warm ? String.format(" (warm-up %.0f ms, aside)",
              median(r.stream().mapToDouble(x -> x[2]).toArray()) * 1000) : "");
    }
    System.out.printf("  warm-up: the first picture %.2f× its time without (as ratios to the second)%n", ratio[1] / ratio[0]);
  }

  /** One fresh studio's picture parts, as Studio starts them; then an upload's wait; then two quick pictures. */
  private static void freshStudio(Path dir, boolean warmUp) throws Exception {
    Ffmpeg ffmpeg = Settings.fromProcessEnvironment().ffmpegPrograms();
    FfprobeMediaProbe probe = new FfprobeMediaProbe(ffmpeg);
    Path clip = dir.resolve("clip.mp4");
    Path track = dir.resolve("track.mp3");
    List<Media> media = List.of(new Media("clip", "clip.mp4", probe.probe(clip, "clip.mp4"), clip),
        new Media("track", "track.mp3", probe.probe(track, "track.mp3"), track));
    AnalysisCache analysis = new AnalysisCache(dir.resolve("analysis"), ffmpeg);
    try (Sketches sketches = new Sketches(dir.resolve("pictures"), ffmpeg)) {
      long making = System.nanoTime();
      TimelinePictures pictures = new TimelinePictures(sketches, analysis::beats, analysis::cuts);
      double made = (System.nanoTime() - making) / 1e9;
      long started = System.nanoTime();
      double[] warming = {0};
      if (warmUp) pictures.warmUp().thenRun(() -> warming[0] = (System.nanoTime() - started) / 1e9);
      // An upload takes a while after the start: bench e2e acknowledges the first about 1.7 s after it.
      Thread.sleep(UPLOAD_MS);
      Draft draft = draft();
      double first = seconds(() -> pictures.picture(draft, media, true, PictureWords.ENGLISH));
      double second = seconds(() -> pictures.picture(draft, media, true, PictureWords.ENGLISH));
      System.out.printf(Locale.ROOT, "fresh %.4f %.4f %.4f %.4f%n", first, second, warming[0], made);
    }
    System.exit(0); // the analysis threads are the cache's, not ours to wait for
  }

  private static void preview(Ffmpeg ffmpeg, Path dir, Draft draft, List<Media> media) throws Exception {
    Map<String, Media> byId = new LinkedHashMap<>();
    media.forEach(m -> byId.put(m.id(), m));
    QuickPreview preview = new QuickPreview(ffmpeg, Files.createDirectories(dir.resolve("work")));
    Path out = dir.resolve("preview.mp4");
    // In turns, so that a load coming or going on a shared machine weighs on both sides alike.
    double[] ours = new double[RUNS];
    double[] decode = new double[RUNS];
    for (int i = 0; i < RUNS; i++) {
      ours[i] = seconds(() -> preview.render(draft, byId, out));
      decode[i] = seconds(() -> RenderBenchmark.bare(List.of("-i", media.get(0).file().toString(), "-f", "null", "-")));
    }
    System.out.printf("  quick preview of 60 s (360p, %d kB): %.2f s → %.1f× real time (target ≥ 7.5×, i.e. ≤ 8 s);"
        + " %.2f× bare ffmpeg only decoding the clip (%.2f s)%n",
        Files.size(out) / 1000, median(ours), 60 / median(ours), median(ours) / median(decode), median(decode));
  }

  private static double seconds(RenderBenchmark.Job job) throws Exception {
    long start = System.nanoTime();
    job.run();
    return (System.nanoTime() - start) / 1e9;
  }

  private static double median(double[] seconds) {
    double[] sorted = seconds.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /** Six clips cut from the one file, a faded and ducked track, a title and a caption. */
  private static Draft draft() {
    List<Clip> clips = new ArrayList<>();
    for (int i = 0; i < 6; i++) clips.add(new Clip("c" + i, "clip", "clip " + (i + 1) + ".mp4", "video", 10_000, i * 9_000L, 1.0, null));
    Music music = new Music("m", "track", "track.mp3", 0, 60_000, 0, 0.35, 2000, 3000, true, null, null)
        .ducked(-12, List.of(new Music.Range(12_000, 18_000), new Music.Range(40_000, 44_000)));
    return Draft.empty().withClips(clips).withMusic(music).withCaptions(List.of(
        Caption.of("t", "Urban Dreams 城市之梦", 0, 3000, "center"), Caption.of("c", "day one", 20_000, 5000, "bottom")));
  }

  private static double median(RenderBenchmark.Job job) throws Exception {
    return RenderBenchmark.median(job, DRAWS);
  }

}
