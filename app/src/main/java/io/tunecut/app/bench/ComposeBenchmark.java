package io.tunecut.app.bench;

import com.sun.management.OperatingSystemMXBean;
import io.tunecut.app.config.Settings;
import io.tunecut.studio.internal.agent.MusicMaker.Wish;
import io.tunecut.studio.internal.analysis.AnalysisCache;
import io.tunecut.studio.internal.compose.ComposedMusic;
import io.tunecut.studio.server.Soundfont;
import io.tunecut.studio.internal.compose.Style;
import io.tunecut.studio.internal.compose.Styles;
import io.tunecut.studio.internal.draft.Clip;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.draft.Music;
import io.tunecut.studio.ffmpeg.Ffmpeg;
import io.tunecut.studio.ffmpeg.FfmpegRun;
import io.tunecut.studio.internal.media.FfprobeMediaProbe;
import io.tunecut.studio.internal.media.Media;
import io.tunecut.studio.internal.render.FfmpegRenderer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bench compose}: composing, playing and storing music for 30, 60 and 120 s timelines with
 * a cut every 2–6 s, against a baseline measured in the same run: ffmpeg encoding one minute of
 * that music to AAC in one pass (what every track costs once in a render). Cold: a fresh
 * soundfont (read, instruments loaded); warm: the median of three with it kept. Then every style
 * at 60 s, the loudness of what was made, the first piece of a fresh JVM (what the studio's first
 * sync turn pays: Java compiling the synthesizer as it plays), and the headline flow: a 60 s 1080p clip alone with
 * composed music against the same clip with an uploaded track, composing and rendering.
 * CPU seconds (the JVM's and ffmpeg's) are shown too: on a busy machine wall time says more about
 * the neighbours. Targets: at most 2 s per minute of music; the flow at most 2× the uploaded one.
 */
public final class ComposeBenchmark {
  private static final int RUNS = 3;
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  private ComposeBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("tunecut-bench-compose");
    Settings settings = Settings.fromProcessEnvironment();
    Ffmpeg ffmpeg = settings.ffmpegPrograms();
    AnalysisCache analysis = new AnalysisCache(dir.resolve("analysis"), ffmpeg);
    Soundfont soundfont = new Soundfont(settings.soundfont());
    if (args.length > 0 && args[0].equals(FIRST_PIECE)) {
      firstPiece(dir, ffmpeg, analysis, soundfont);
      return;
    }
    System.out.println("bench compose: upbeat pop with " + soundfont.file().getFileName() + ", "
        + Runtime.getRuntime().availableProcessors() + " cores");

    // the baseline: a minute of this very music, encoded once to AAC 192k
    ComposedMusic maker = new ComposedMusic(dir, ffmpeg, analysis, new Soundfont(soundfont.file()));
    Path minute = dir.resolve("minute.wav");
    ffmpeg.run(FfmpegRun.of(List.of("-i", maker.make(timeline(60), List.of(), new Wish(null, 9)).file().toString(),
        minute.toString()), TIMEOUT));
    Cost baseline = median(() -> ffmpeg.run(FfmpegRun.of(List.of("-i", minute.toString(), "-c:a", "aac", "-b:a", "192k",
        dir.resolve("baseline.m4a").toString()), TIMEOUT)));
    System.out.printf("  baseline: ffmpeg encoding a minute of it to AAC once: %s%n", baseline);
    System.out.println("  per minute of music, and against the baseline (wall time; CPU time); target ≤ 2 s per minute:");

    for (int seconds : new int[] {30, 60, 120}) {
      Draft draft = timeline(seconds);
      ComposedMusic fresh = new ComposedMusic(dir, ffmpeg, analysis, new Soundfont(soundfont.file()));
      Cost cold = cost(() -> fresh.make(draft, List.of(), new Wish(null, 1)));
      Media[] made = new Media[1];
      long[] seed = {1};
      Cost warm = median(() -> made[0] = fresh.make(draft, List.of(), new Wish(null, ++seed[0])));
      double[] sound = ebur128(ffmpeg, made[0].file());
      System.out.printf("  %3d s: warm %s; cold %s — %.0f× real time; %s; the track at %.1f LUFS, %.1f dBTP%n",
          seconds, warm.perMinute(seconds, baseline), cold.perMinute(seconds, baseline), seconds / warm.wall, warm,
          sound[0], sound[1]);
    }

    Draft minuteDraft = timeline(60);
    for (Style style : Styles.all()) {
      Cost c = cost(() -> maker.make(minuteDraft, List.of(), new Wish(style.name(), 1)));
      System.out.printf("   60 s of %s: %s%n", style.name(), c.perMinute(60, baseline));
    }

    Cost warm = median(() -> maker.make(minuteDraft, List.of(), new Wish(null, 50 + System.nanoTime() % 1000)));
    String first = freshJvm();
    System.out.printf("  60 s in a fresh JVM, as the studio's first sync turn makes it: %s; warm in this one %s%n", first, warm);

    flow(dir, ffmpeg, analysis, maker);
  }

  private static final String FIRST_PIECE = "--first-piece";

  /**
   * The first piece a JVM makes pays for Java compiling the synthesizer (Gervill) as it plays:
   * {@code bench compose --first-piece} in a new one, as {@code ./tunecut} starts it, says what
   * that piece cost.
   */
  private static String freshJvm() throws Exception {
    Path jar = Path.of(ComposeBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child = new ProcessBuilder(java, "-jar", jar.toString(), "bench", "compose", FIRST_PIECE)
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (child.waitFor() != 0) throw new IllegalStateException("the fresh JVM failed: " + out);
    Matcher m = Pattern.compile("FIRST (.*)").matcher(out);
    return m.find() ? m.group(1) : "unknown (" + out.strip() + ")";
  }

  private static void firstPiece(Path dir, Ffmpeg ffmpeg, AnalysisCache analysis, Soundfont soundfont) throws Exception {
    ComposedMusic maker = new ComposedMusic(dir, ffmpeg, analysis, soundfont);
    Draft draft = timeline(60);
    Cost first = cost(() -> maker.make(draft, List.of(), new Wish(null, 1)));
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long players = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("tunecut-performer")) players += threads.getThreadCpuTime(t.getId());
    }
    System.out.printf("FIRST %s, the synthesizer's threads %.2f s of the JVM's CPU%n", first, players / 1e9);
  }

  /** A 60 s 1080p clip, rendered with an uploaded track, and with music composed for it (composing included). */
  private static void flow(Path dir, Ffmpeg ffmpeg, AnalysisCache analysis, ComposedMusic maker) throws Exception {
    Path clip = dir.resolve("travel.mp4");
    Path upload = dir.resolve("song.mp3");
    // shots of 4–8 s: a hard cut at each change of scene
    ffmpeg.run(FfmpegRun.of(List.of("-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=30:duration=60",
        "-vf", "hue=h=360*floor(t/6)/7:s=1+mod(floor(t/6)\\,2)", "-c:v", "libx264", "-preset", "veryfast", "-crf", "23",
        "-pix_fmt", "yuv420p", clip.toString()), TIMEOUT));
    ffmpeg.run(FfmpegRun.of(List.of("-f", "lavfi", "-i",
        "aevalsrc=0.3*sin(2*PI*440*t)+0.03*(2*random(0)-1)|0.3*sin(2*PI*550*t)+0.03*(2*random(1)-1):s=44100:d=90",
        "-c:a", "libmp3lame", "-b:a", "192k", upload.toString()), TIMEOUT));
    FfprobeMediaProbe probe = new FfprobeMediaProbe(ffmpeg);
    Media video = new Media("clip", "travel.mp4", probe.probe(clip, "travel.mp4"), clip);
    Media song = new Media("song", "song.mp3", probe.probe(upload, "song.mp3"), upload);
    // analysis runs on upload in both flows, before anyone asks for music
    analysis.cuts(clip);
    analysis.beats(upload);
    Draft draft = Draft.empty().withClips(List.of(new Clip("c1", "clip", "travel.mp4", "video", 60_000, 0, 1, null)));
    FfmpegRenderer renderer = new FfmpegRenderer(ffmpeg, Files.createDirectories(dir.resolve("work")));

    Cost uploaded = median(() -> renderer.render(draft.withMusic(music(song)), Map.of("clip", video, "song", song),
        dir.resolve("uploaded.mp4"), p -> {}));
    long[] seed = {100};
    Cost composed = median(() -> {
      Media made = maker.make(draft, List.of(video), new Wish(null, ++seed[0]));
      renderer.render(draft.withMusic(music(made)), Map.of("clip", video, made.id(), made), dir.resolve("composed.mp4"), p -> {});
    });
    System.out.printf("  headline flow, 60 s 1080p clip: with an uploaded track %s; with composed music %s → %.2f× "
        + "(CPU %.2f×; target ≤ 2×)%n", uploaded, composed, composed.wall / uploaded.wall, composed.cpu() / uploaded.cpu());
  }

  private static Music music(Media track) {
    return new Music("m1", track.id(), track.filename(), 0, 60_000, 0, 1.0, 0, 0, false, null, null);
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

  private static double[] ebur128(Ffmpeg ffmpeg, Path file) throws Exception {
    String err = ffmpeg.run(FfmpegRun.of(List.of("-nostats", "-i", file.toString(), "-af", "ebur128=peak=true",
        "-f", "null", "-"), TIMEOUT)).stderr();
    String summary = err.substring(err.lastIndexOf("Summary:"));
    return new double[] {number(summary, "I:\\s+(-?[\\d.]+) LUFS"), number(summary, "Peak:\\s+(-?[\\d.]+) dBFS")};
  }

  private static double number(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
  }

  private interface Job {
    void run() throws Exception;
  }

  /** Wall seconds, and CPU seconds of the JVM and of the ffmpeg runs it waited for. */
  private record Cost(double wall, double jvm, double ffmpeg) {
    double cpu() {
      return jvm + (Double.isNaN(ffmpeg) ? 0 : ffmpeg);
    }

    /** "1.62 s (0.91×; CPU 2.10 s, 0.98×)" for {@code seconds} of music, per minute. */
    String perMinute(int seconds, Cost baseline) {
      double wall = this.wall * 60 / seconds;
      double cpu = cpu() * 60 / seconds;
      return String.format("%.2f s (%.2f×; CPU %.2f s, %.2f×)", wall, wall / baseline.wall, cpu, cpu / baseline.cpu());
    }

    @Override
    public String toString() {
      return String.format("%.2f s (CPU: JVM %.2f s, ffmpeg %s)", wall, jvm,
          Double.isNaN(ffmpeg) ? "unknown" : String.format("%.2f s", ffmpeg));
    }
  }

  private static Cost median(Job job) throws Exception {
    Cost[] costs = new Cost[RUNS];
    for (int i = 0; i < RUNS; i++) costs[i] = cost(job);
    Arrays.sort(costs, Comparator.comparingDouble(Cost::wall));
    return costs[RUNS / 2];
  }

  private static Cost cost(Job job) throws Exception {
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpu = os.getProcessCpuTime();
    double children = childrenCpu();
    long start = System.nanoTime();
    job.run();
    return new Cost((System.nanoTime() - start) / 1e9, (os.getProcessCpuTime() - cpu) / 1e9, childrenCpu() - children);
  }

  /** CPU seconds of the child processes waited for (Linux's /proc; NaN elsewhere). */
  private static double childrenCpu() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"), StandardCharsets.US_ASCII);
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // after the name: state is field 3, cutime 16 and cstime 17, in ticks of 1/100 s
      return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / 100.0;
    } catch (Exception e) {
      return Double.NaN;
    }
  }
}
