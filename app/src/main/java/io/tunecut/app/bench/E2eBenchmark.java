package io.tunecut.app.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code bench e2e}: the headline flow as a new user runs it — {@code ./tunecut} in a terminal on
 * the embedded studio, a fresh data directory, a 60 s 1080p clip with cuts and speech and an 85 s
 * track: {@code /attach} both, "add background music and sync it to the cuts", {@code export}.
 * Each run is a new JVM (its start counted, on the class-data archive ./tunecut makes), timed
 * from launch to exit and step by step from what it prints; the baseline is one bare ffmpeg command adding the music in one pass (picture
 * copied, mix, loudnorm, AAC), measured in the same run. Then the same without a track: the
 * studio composes the music (three runs, the median told).
 */
public final class E2eBenchmark {
  private static final String INSTRUCTION = "add background music and sync it to the cuts";
  /** A brisk typist's pace (60 words a minute): the instruction takes 9 s to type after reading the upload's answer. */
  private static final double CHARACTERS_A_SECOND = 5;
  private static final int COMPOSED_RUNS = 3;

  private E2eBenchmark() {}

  /**
   * One console run: its steps in seconds (NaN when not seen). {@code musicAfterCuts}: from the
   * clip's cuts written to the composed track written (NaN with a track), read from the files'
   * times: what a turn asking before the cuts were found waits for beyond them, whatever the
   * console held back of its output meanwhile. The pictures are the time from a
   * line's answer to its first timeline picture; {@code uploadFullPicture}, from that to the full
   * one drawn once the beats and cuts were found (0 when the first was complete). A script's next
   * line runs meanwhile, its output held until the pictures are out, so a turn counts only what it
   * took beyond the picture before it.
   */
  record Run(double total, double started, double upload, double uploadPicture, double uploadFullPicture,
      double syncTurn, double turnPicture, double export, double exit, double renderEndToLink, double analysedAfterAck,
      double musicAfterCuts, String transcript) {
    /** What no step above covers: the gaps between one line's last output and the next's first. */
    double between() {
      return total - started - upload - uploadPicture - uploadFullPicture - syncTurn - turnPicture - export - exit;
    }
  }

  public static void main(String[] args) throws Exception {
    String loadStart = load();
    Path dir = Files.createTempDirectory("tunecut-bench-e2e");
    System.out.println("bench e2e: generating a 60 s 1080p30 clip (11 shots, speech) and an 85 s track …");
    BenchMedia media = BenchMedia.generate(dir);

    double bare = RenderBenchmark.median(() -> RenderBenchmark.bare(media.barePass(dir.resolve("bare.mp4"))));
    String both = "/attach " + media.clip() + " " + media.track();
    Run headline = console(dir.resolve("run-track"), both, false);
    // the composed turn varies most from run to run: its median of a few, with their range
    List<Run> composedRuns = new ArrayList<>();
    for (int i = 0; i < COMPOSED_RUNS; i++) composedRuns.add(console(dir.resolve("run-composed-" + i), "/attach " + media.clip(), false));
    composedRuns.sort(Comparator.comparingDouble(Run::total));
    Run composed = composedRuns.get(COMPOSED_RUNS / 2);
    Run typed = console(dir.resolve("run-typed"), both, true);
    Run typedComposed = console(dir.resolve("run-typed-composed"), "/attach " + media.clip(), true);

    System.out.printf(Locale.ROOT, "  bare single pass (copy picture, mix, loudnorm, AAC): %.2f s (median of 3)%n", bare);
    report("clip + track", headline, bare);
    report("clip alone, composed music (the run of median length of " + COMPOSED_RUNS + ")", composed, bare);
    System.out.printf(Locale.ROOT, "    its %d runs: end to end %s× bare%n", COMPOSED_RUNS,
        composedRuns.stream().map(r -> String.format(Locale.ROOT, "%.2f", r.total() / bare)).collect(Collectors.joining(", ")));
    double[] afterCuts = composedRuns.stream().mapToDouble(Run::musicAfterCuts).sorted().toArray();
    System.out.printf(Locale.ROOT, "    the instruction sent before the clip's cuts were found: its music written %.2f s after them"
        + " (median of %d, %.2f–%.2f s; target ≤ 1 s)%n", afterCuts[afterCuts.length / 2], afterCuts.length, afterCuts[0],
        afterCuts[afterCuts.length - 1]);
    System.out.printf(Locale.ROOT, "  composed / uploaded track, end to end: %.2f× (target ≤ 2×)%n", composed.total() / headline.total());
    System.out.printf(Locale.ROOT, "  typed by a person: the analysis was done %.2f s after the upload was acknowledged; "
        + "the sync turn sent then answered in %.2f s (target ≤ 1 s); export %.2f s, render end → link %.3f s%n",
        typed.analysedAfterAck(), typed.syncTurn(), typed.export(), typed.renderEndToLink());
    System.out.printf(Locale.ROOT, "  clip alone, typed by a person: the analysis was done %.2f s after the upload was acknowledged; "
        + "the sync turn sent once typed (%.0f s after the upload's answer) answered in %.2f s (target ≤ 1 s); export %.2f s%n",
        typedComposed.analysedAfterAck(), INSTRUCTION.length() / CHARACTERS_A_SECOND, typedComposed.syncTurn(), typedComposed.export());
    if (args.length > 0 && args[0].equals("--transcripts")) {
      System.out.println(headline.transcript() + "\n" + composed.transcript() + "\n" + typed.transcript() + "\n"
          + typedComposed.transcript());
    }
    System.out.printf(Locale.ROOT, "  machine: %d cores, load average %s at the start, %s at the end%n",
        Runtime.getRuntime().availableProcessors(), loadStart, load());
  }

  /** The one-minute load average, or "unknown" off Linux: other work on the machine slows every figure. */
  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static void report(String name, Run run, double bare) {
    System.out.printf(Locale.ROOT, "  %s: end to end %.2f s, JVM start included → %.2f× bare (target ≤ 3×)%n",
        name, run.total(), run.total() / bare);
    System.out.printf(Locale.ROOT,
        "    JVM and studio start %.2f s · upload acknowledged %.2f s · its timeline picture %.2f s more"
            + " (the full one, with beats and cuts, %.2f s after it) · sync turn %.2f s beyond that (target ≤ 1 s)"
            + " · its picture %.2f s more · export %.2f s · link → exit %.2f s · between lines %.2f s; render end → link %.3f s (target ≤ 0.5 s)%n",
        run.started(), run.upload(), run.uploadPicture(), run.uploadFullPicture(), run.syncTurn(), run.turnPicture(), run.export(), run.exit(), run.between(),
        run.renderEndToLink());
  }

  /**
   * {@code tunecut console} in a new JVM on a fresh data directory, fed the flow as a script:
   * all at once, or ({@code afterAnalysis}) the instruction only once the studio has analysed
   * the files, as when someone reads the answer before typing; a clip alone, once the
   * instruction is typed too (at {@link #CHARACTERS_A_SECOND} from the upload's answer).
   */
  static Run console(Path data, String attach, boolean afterAnalysis) throws IOException, InterruptedException {
    Files.createDirectories(data);
    // -jar, as ./tunecut runs it (the manifest opens Java's synthesizer for composed music), on its class-data archive,
    // with the console's quick compiler and the person's own TUNECUT_JAVA_OPTS after it, so they can override it.
    List<String> command = new ArrayList<>(List.of(javaProgram(), sharedClasses(), "-XX:TieredStopAtLevel=1"));
    String own = System.getenv().getOrDefault("TUNECUT_JAVA_OPTS", "").strip();
    if (!own.isEmpty()) command.addAll(List.of(own.split("\\s+")));
    command.addAll(List.of("-jar", ownJar().toString(), "console"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(data.resolve("stderr.log").toFile());
    Map<String, String> env = builder.environment();
    env.put("TUNECUT_DATA_DIR", data.toString());
    env.remove("NEMO_API_URL");
    long start = System.nanoTime();
    Process process = builder.start();
    List<Line> lines = Collections.synchronizedList(new ArrayList<>());
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          lines.add(new Line((System.nanoTime() - start) / 1e9, Instant.now(), line));
        }
      } catch (IOException e) {
        // the console ended
      }
    });
    reader.start();
    double analysed = Double.NaN;
    try (OutputStream in = process.getOutputStream()) {
      in.write((attach + "\n").getBytes(StandardCharsets.UTF_8));
      in.flush();
      if (afterAnalysis) {
        boolean track = attach.split("\\s+").length > 2;
        analysed = waitForAnalysis(data.resolve("studio").resolve("analysis"), start, track ? 3 : 2);
        if (!track) waitForTyping(lines, start);
      }
      in.write((INSTRUCTION + "\nexport\n").getBytes(StandardCharsets.UTF_8));
    }
    reader.join();
    if (process.waitFor() != 0) throw new IOException("the console failed: see " + data.resolve("stderr.log"));
    double total = (System.nanoTime() - start) / 1e9;
    return steps(total, List.copyOf(lines), analysed, musicAfterCuts(data.resolve("studio")));
  }

  /** Seconds from the newest cuts on disk to the newest composed track; NaN when either is missing. */
  private static double musicAfterCuts(Path studio) throws IOException {
    double cuts = newest(studio.resolve("analysis"), ".*\\.cuts\\.v\\d+\\.json");
    double music = newest(studio.resolve("media").resolve("composed"), ".*\\.m4a");
    return music - cuts;
  }

  private static double newest(Path dir, String names) throws IOException {
    if (!Files.isDirectory(dir)) return Double.NaN;
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().matches(names)).mapToDouble(f -> {
        try {
          return Files.getLastModifiedTime(f).toMillis() / 1000.0;
        } catch (IOException e) {
          return Double.NaN;
        }
      }).max().orElse(Double.NaN);
    }
  }

  /**
   * The class-data archive ./tunecut starts Java with, beside the jar: made, when missing or
   * older than the jar, by one untimed start (./tunecut's first run after a build).
   */
  private static String sharedClasses() throws IOException, InterruptedException {
    Path jar = ownJar();
    Path archive = jar.resolveSibling("tunecut.jsa");
    if (!Files.isRegularFile(archive) || Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) <= 0) {
      Files.deleteIfExists(archive);
      Path data = Files.createTempDirectory("tunecut-bench-archive");
      ProcessBuilder first = new ProcessBuilder(javaProgram(), "-XX:ArchiveClassesAtExit=" + archive, "-jar", jar.toString(),
          "console").redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(data.resolve("stderr.log").toFile());
      first.environment().put("TUNECUT_DATA_DIR", data.toString());
      first.environment().remove("NEMO_API_URL");
      Process process = first.start();
      process.getOutputStream().close();
      if (process.waitFor() != 0 || !Files.isRegularFile(archive)) {
        throw new IOException("the class-data archive was not made: see " + data.resolve("stderr.log"));
      }
    }
    return "-XX:SharedArchiveFile=" + archive;
  }

  /** Waits until the upload's answer is out and the instruction typed after it. */
  private static void waitForTyping(List<Line> lines, long start) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + 600_000_000_000L;
    while (System.nanoTime() < deadline) {
      double answered = List.copyOf(lines).stream().filter(l -> l.text().startsWith("bot> Added ")).mapToDouble(Line::at)
          .findFirst().orElse(Double.NaN);
      double now = (System.nanoTime() - start) / 1e9;
      if (!Double.isNaN(answered) && now >= answered + INSTRUCTION.length() / CHARACTERS_A_SECOND) return;
      Thread.sleep(50);
    }
    throw new IOException("the upload was not answered within 10 minutes");
  }

  /** Waits until the clip's cuts and speech (and the track's beats) are on disk; when, in seconds from launch. */
  private static double waitForAnalysis(Path dir, long start, int results) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + 600_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (Files.isDirectory(dir)) {
        try (Stream<Path> files = Files.list(dir)) {
          long done = files.map(f -> f.getFileName().toString())
              .filter(n -> n.matches(".*\\.(beats|cuts|speech)\\.v\\d+\\.json")).count();
          if (done >= results) return (System.nanoTime() - start) / 1e9;
        }
      }
      Thread.sleep(50);
    }
    throw new IOException("the analysis did not finish within 10 minutes");
  }

  private record Line(double at, Instant wall, String text) {}

  /** Each piece of work starts with its status ("bot> ⏳ …"); its answer is the first message after it. */
  private static Run steps(double total, List<Line> lines, double analysed, double musicAfterCuts) throws IOException {
    List<Integer> starts = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) if (lines.get(i).text().startsWith("bot> ⏳")) starts.add(i);
    StringBuilder transcript = new StringBuilder();
    lines.forEach(l -> transcript.append(String.format(Locale.ROOT, "%7.2f %s%n", l.at(), l.text())));
    if (starts.size() < 3) throw new IOException("the flow did not run to its end:\n" + transcript);
    double upload = answer(lines, starts.get(0)) - lines.get(starts.get(0)).at();
    double uploadPicture = picture(lines, starts.get(0), starts.get(1));
    double uploadFullPicture = fullPicture(lines, starts.get(0), starts.get(1));
    double sync = answer(lines, starts.get(1)) - lines.get(starts.get(1)).at();
    double turnPicture = picture(lines, starts.get(1), starts.get(2));
    Line link = null;
    Path video = null;
    for (int i = starts.get(2); i < lines.size(); i++) {
      String text = lines.get(i).text();
      if (text.startsWith("bot> video: ")) video = Path.of(text.substring("bot> video: ".length()).strip());
      if (link == null && text.matches("bot> .*https?://\\S+/files/\\S+")) link = lines.get(i);
    }
    if (link == null) throw new IOException("no link in:\n" + transcript);
    double export = link.at() - lines.get(starts.get(2)).at();
    double endToLink = Double.NaN;
    if (video != null && Files.exists(video)) {
      // The render's file was last written when ffmpeg finished it (the export folder links it).
      Instant ffmpegEnd = Files.getLastModifiedTime(video).toInstant();
      endToLink = (link.wall().toEpochMilli() - ffmpegEnd.toEpochMilli()) / 1000.0;
    }
    double analysedAfterAck = analysed - answer(lines, starts.get(0));
    double started = lines.get(starts.get(0)).at();
    return new Run(total, started, upload, uploadPicture, uploadFullPicture, sync, turnPicture, export, total - link.at(), endToLink,
        analysedAfterAck, musicAfterCuts, transcript.toString());
  }

  /** From a line's answer to its timeline picture (0 when it drew none), the line's work starting at {@code from}. */
  private static double picture(List<Line> lines, int from, int next) {
    double answered = answer(lines, from);
    for (int i = from + 1; i < next; i++) {
      if (lines.get(i).text().startsWith("bot> photo: ")) return lines.get(i).at() - answered;
    }
    return 0;
  }

  /** From a line's first timeline picture to the one after it, the full picture (0 when there is one only). */
  private static double fullPicture(List<Line> lines, int from, int next) {
    double first = Double.NaN;
    for (int i = from + 1; i < next; i++) {
      if (!lines.get(i).text().startsWith("bot> photo: ")) continue;
      if (Double.isNaN(first)) first = lines.get(i).at();
      else return lines.get(i).at() - first;
    }
    return 0;
  }

  private static double answer(List<Line> lines, int start) {
    for (int i = start + 1; i < lines.size(); i++) {
      if (lines.get(i).text().startsWith("bot> ")) return lines.get(i).at();
    }
    return Double.NaN;
  }

  private static String javaProgram() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  private static Path ownJar() throws IOException {
    try {
      return Path.of(E2eBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IOException("cannot find the jar this runs from", e);
    }
  }
}
