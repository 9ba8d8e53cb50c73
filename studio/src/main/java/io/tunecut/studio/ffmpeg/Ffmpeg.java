package io.tunecut.studio.ffmpeg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The ffmpeg and ffprobe programs, run as processes with argument lists (never a shell).
 * Thread-safe; one instance serves the whole studio.
 */
public final class Ffmpeg {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int STDERR_KEEP = 256 * 1024;

  private final String ffmpeg;
  private final String ffprobe;

  private Ffmpeg(String ffmpeg, String ffprobe) {
    this.ffmpeg = ffmpeg;
    this.ffprobe = ffprobe;
  }

  /**
   * @param ffmpeg a program name the system finds on the PATH when it runs ("ffmpeg"), or a path
   *     to the binary
   * @param ffprobe likewise ("ffprobe")
   */
  public static Ffmpeg of(String ffmpeg, String ffprobe) {
    return new Ffmpeg(blankTo(ffmpeg, "ffmpeg"), blankTo(ffprobe, "ffprobe"));
  }

  /**
   * The binaries named by {@code TUNECUT_FFMPEG} / {@code TUNECUT_FFPROBE}, else the ones on the
   * environment's {@code PATH}, looked up now so errors name the real file. Only the app reads
   * the real environment; everything else is handed the result.
   */
  public static Ffmpeg fromEnvironment(Map<String, String> env) {
    String path = env.get("PATH");
    return new Ffmpeg(resolve(blankTo(env.get("TUNECUT_FFMPEG"), "ffmpeg"), path),
        resolve(blankTo(env.get("TUNECUT_FFPROBE"), "ffprobe"), path));
  }

  public String ffmpegProgram() {
    return ffmpeg;
  }

  public String ffprobeProgram() {
    return ffprobe;
  }

  /** Whether both programs start and answer {@code -version}. */
  public boolean isAvailable() {
    return answers(ffmpeg) && answers(ffprobe);
  }

  /**
   * {@code ffprobe -show_format -show_streams} as JSON.
   *
   * @throws FfmpegException ffprobe could not read the file (its reason in the message)
   * @throws IOException ffprobe could not be started
   */
  public JsonNode probe(Path file, Duration timeout, String... extraArgs)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(ffprobe, "-v", "error", "-print_format", "json",
        "-show_format", "-show_streams"));
    command.addAll(List.of(extraArgs));
    command.add(file.toString());
    Finished done = execute(command, timeout, null, 0, null);
    if (done.exitCode != 0) {
      throw new FfmpegException("ffprobe failed: " + lastLine(done.stderr), done.exitCode, done.stderr);
    }
    String out = done.stdout.strip();
    if (out.isEmpty()) return JSON.createObjectNode();
    return JSON.readTree(out);
  }

  /** What ffprobe printed, for checks that read its warnings as well as its answer. */
  public record ProbeOutput(int exitCode, String stdout, String stderr) {}

  /** Runs ffprobe with these arguments (the program name is added). */
  public ProbeOutput ffprobe(List<String> args, Duration timeout) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ffprobe);
    command.addAll(args);
    Finished done = execute(command, timeout, null, 0, null);
    return new ProbeOutput(done.exitCode, done.stdout, done.stderr);
  }

  /**
   * Runs ffmpeg to the end.
   *
   * @throws FfmpegException ffmpeg failed or timed out (the output is deleted)
   * @throws InterruptedException the thread was interrupted: ffmpeg and its children were
   *     stopped and the output deleted
   */
  public FfmpegResult run(FfmpegRun run) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(ffmpeg, "-hide_banner", "-nostdin", "-y",
        "-progress", "pipe:1", "-nostats"));
    command.addAll(run.args());
    long started = System.nanoTime();
    Finished done;
    try {
      done = execute(command, run.timeout(), run.progress(), run.plannedSeconds(), run.output());
    } catch (IOException | InterruptedException | RuntimeException e) {
      deleteQuietly(run.output());
      throw e;
    }
    if (done.exitCode != 0) {
      deleteQuietly(run.output());
      throw new FfmpegException("ffmpeg failed: " + lastLine(done.stderr), done.exitCode, done.stderr);
    }
    run.progress().accept(1.0);
    return new FfmpegResult(done.stderr, Duration.ofNanos(System.nanoTime() - started));
  }

  /** Consumes a program's standard output as it comes; returning early discards the rest. */
  @FunctionalInterface
  public interface OutputReader {
    void read(InputStream stdout) throws IOException;
  }

  /**
   * Runs ffmpeg with these arguments (the program name is added) and hands its standard output
   * to {@code reader} as it comes, never holding it whole: decoding to raw samples or pictures.
   *
   * @param errorLines each line ffmpeg writes on stderr, as it comes (on another thread), or null
   * @throws FfmpegException ffmpeg failed (its last line in the message), or ran past
   *     {@code timeout} and was stopped with everything it started (exit code -1)
   * @throws IOException ffmpeg could not be started, or the reader failed
   */
  public void streamFfmpeg(List<String> args, Duration timeout, OutputReader reader,
      Consumer<String> errorLines) throws IOException, InterruptedException {
    stream("ffmpeg", ffmpeg, args, timeout, reader, errorLines);
  }

  /** As {@link #streamFfmpeg}, for ffprobe. */
  public void streamFfprobe(List<String> args, Duration timeout, OutputReader reader)
      throws IOException, InterruptedException {
    stream("ffprobe", ffprobe, args, timeout, reader, null);
  }

  private static void stream(String tool, String program, List<String> args, Duration timeout,
      OutputReader reader, Consumer<String> errorLines) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(program);
    command.addAll(args);
    Process process = new ProcessBuilder(command).start();
    process.getOutputStream().close();
    TailCollector stderr = new TailCollector(process.getErrorStream(), STDERR_KEEP, errorLines);
    Thread errThread = daemon(stderr, tool + "-stderr");
    AtomicBoolean timedOut = new AtomicBoolean();
    ScheduledFuture<?> watchdog = Watchdog.TIMER.schedule(() -> {
      timedOut.set(true);
      kill(process);
    }, timeout.toMillis(), TimeUnit.MILLISECONDS);
    try {
      try (InputStream out = new BufferedInputStream(process.getInputStream(), 1 << 16)) {
        reader.read(out);
        out.transferTo(OutputStream.nullOutputStream());
      }
      int code = process.waitFor();
      errThread.join(5000);
      if (timedOut.get()) {
        throw tooSlow(tool, timeout, stderr);
      }
      if (code != 0) {
        throw new FfmpegException(tool + " failed: " + lastLine(stderr.text()), code, stderr.text());
      }
    } catch (IOException | RuntimeException e) {
      kill(process);
      // a reader cut off by the watchdog fails in its own words; the cause is the time
      if (timedOut.get() && !(e instanceof FfmpegException)) {
        throw tooSlow(tool, timeout, stderr);
      }
      throw e;
    } catch (InterruptedException e) {
      kill(process);
      throw e;
    } finally {
      watchdog.cancel(false);
    }
  }

  private static FfmpegException tooSlow(String tool, Duration timeout, TailCollector stderr) {
    return new FfmpegException(tool + " took longer than " + timeout.toSeconds() + " s and was stopped",
        -1, stderr.text());
  }

  /** Kills the program and anything it started, which could otherwise hold the pipes open. */
  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  /** Stops streaming runs that go past their time; created on first use. */
  private static final class Watchdog {
    static final ScheduledThreadPoolExecutor TIMER = timer();

    private static ScheduledThreadPoolExecutor timer() {
      ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "ffmpeg-watchdog");
        t.setDaemon(true);
        return t;
      });
      executor.setRemoveOnCancelPolicy(true);
      return executor;
    }
  }

  private record Finished(int exitCode, String stdout, String stderr) {}

  private static Finished execute(List<String> command, Duration timeout,
      java.util.function.DoubleConsumer progress, double plannedSeconds, Path output)
      throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start();
    process.getOutputStream().close();
    TailCollector stderr = new TailCollector(process.getErrorStream(), STDERR_KEEP);
    Thread errThread = daemon(stderr, "ffmpeg-stderr");
    StringBuilder stdoutText = new StringBuilder();
    Runnable stdoutReader = progress == null
        ? () -> readAll(process.getInputStream(), stdoutText)
        : new ProgressReader(process.getInputStream(), plannedSeconds, progress);
    Thread outThread = daemon(stdoutReader, "ffmpeg-stdout");
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        stop(process);
        errThread.join(2000);
        throw new FfmpegException("ffmpeg took longer than " + timeout.toSeconds() + " s and was stopped",
            -1, stderr.text());
      }
    } catch (InterruptedException e) {
      stop(process);
      deleteQuietly(output);
      throw e;
    }
    outThread.join(5000);
    errThread.join(5000);
    return new Finished(process.exitValue(), stdoutText.toString(), stderr.text());
  }

  /** Kills ffmpeg and anything it started, and waits (briefly) so the output file is closed. */
  private static void stop(Process process) {
    kill(process);
    try {
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void readAll(InputStream in, StringBuilder into) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      char[] buf = new char[8192];
      int n;
      while ((n = r.read(buf)) >= 0) {
        synchronized (into) {
          into.append(buf, 0, n);
        }
      }
    } catch (IOException ignored) {
      // the process went away; what we have is what there is
    }
  }

  static String lastLine(String stderr) {
    String[] lines = stderr.strip().split("\n");
    for (int i = lines.length - 1; i >= 0; i--) {
      if (!lines[i].isBlank()) return lines[i].strip();
    }
    return "no message";
  }

  private static void deleteQuietly(Path file) {
    if (file == null) return;
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // best effort: a leftover partial file is cleaned with its render directory
    }
  }

  private static boolean answers(String program) {
    try {
      Process p = new ProcessBuilder(program, "-version").redirectErrorStream(true).start();
      p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String blankTo(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.strip();
  }

  private static String resolve(String program, String path) {
    if (program.contains("/") || program.contains(File.separator)) return program;
    return onPath(program, path).map(Path::toString).orElse(program);
  }

  private static Optional<Path> onPath(String name, String path) {
    if (path == null) return Optional.empty();
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isBlank()) continue;
      Path candidate = Path.of(dir, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return Optional.of(candidate);
    }
    return Optional.empty();
  }
}
