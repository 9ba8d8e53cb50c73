package io.tunecut.studio.internal.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What ffmpeg says while it decodes with {@link #filter()} as its last filter: the
 * container's start and length, whether it has pictures, and when each frame is shown. So one
 * decoding pass needs no ffprobe before it: on a busy machine starting a program costs as
 * much as decoding a short clip.
 *
 * <p>The frame times come from the {@code metadata} filter, which writes its list to a file of
 * its own in a few large pieces, not from {@code showinfo}, which logs about sixteen small
 * pieces a frame on stderr: each piece wakes the thread that reads stderr, and on a busy
 * machine those wake-ups cost more than the rest of the work around the frames. The list does
 * not go to stderr either: its last piece comes as ffmpeg closes, after ffmpeg's own closing
 * words, which then tear the line the piece before ended in, and one frame time fewer shifts
 * every later time (by 13 ms ten minutes into a video).
 */
final class DecodeLog implements Consumer<String>, AutoCloseable {
  private static final String MARK = "tunecut_frame";

  /**
   * ffmpeg's options that make it say all this (and nothing per second of progress): at this
   * level the filters' source says its time base and frame rate before the first frame.
   */
  static final String LOG_LEVEL = "verbose";

  private static final Pattern INPUT = Pattern.compile("^\\s*Duration: ([^,]+)(?:, start: (-?[0-9.]+))?");
  private static final Pattern VIDEO = Pattern.compile("^\\s*Stream #0:\\d+.*: Video: ");
  /** The filter graph's source, which the filters after it keep the same. */
  private static final Pattern CONFIG =
      Pattern.compile("\\] w:\\d+ h:\\d+ pixfmt:\\S+ tb:(\\d+)/(\\d+) fr:(\\d+)/(\\d+)");
  private static final Pattern FRAME = Pattern.compile("^frame:\\d+ +pts:(-?\\d+) ");

  /** The log line comes on another thread just before the frame; this is ample slack. */
  private static final int CONFIG_WAIT_SECONDS = 5;

  private final Path list;
  private String lastMessage = "";
  private boolean inputSeen;
  private boolean outputSeen;
  private double start;
  private double seconds = Double.NaN;
  private boolean video;
  private double timeBase = Double.NaN;
  private double frameSeconds = Double.NaN;
  /** Open once the filters are set up, which ffmpeg does before the first frame comes out. */
  private final CountDownLatch configured = new CountDownLatch(1);

  private DecodeLog(Path list) {
    this.list = list;
  }

  /** A log whose frame list goes to a new temporary file, deleted by {@link #close()}. */
  static DecodeLog open() {
    try {
      return new DecodeLog(Files.createTempFile("tunecut-frames", ".txt"));
    } catch (IOException e) {
      throw new AnalysisException("cannot make a temporary file for the frame times: "
          + e.getMessage(), e);
    }
  }

  /**
   * ffmpeg's last filters: they mark every frame, then list each marked frame's number and
   * time in this log's file.
   */
  String filter() {
    return "metadata=mode=add:key=" + MARK + ":value=1,"
        + "metadata=mode=print:file=" + inGraph(list.toAbsolutePath().toString());
  }

  /** {@code value} as a filter's option inside a filter graph: escaped for each in turn. */
  private static String inGraph(String value) {
    return escaped(escaped(value, "\\':"), "\\'[],;");
  }

  private static String escaped(String value, String special) {
    StringBuilder out = new StringBuilder(value.length() + 8);
    for (char c : value.toCharArray()) {
      if (special.indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  @Override
  public synchronized void accept(String line) {
    Matcher m;
    if (!notAReason(line)) {
      lastMessage = line.strip();
    }
    if (line.startsWith("Output #")) {
      outputSeen = true; // its streams are ours, not the file's
    } else if (!inputSeen && (m = INPUT.matcher(line)).find()) {
      inputSeen = true;
      seconds = clock(m.group(1));
      start = m.group(2) == null ? 0 : Double.parseDouble(m.group(2));
    } else if (!outputSeen && VIDEO.matcher(line).find()) {
      video = true;
    } else if (Double.isNaN(timeBase) && (m = CONFIG.matcher(line)).find()) {
      timeBase = ratio(m.group(1), m.group(2));
      frameSeconds = ratio(m.group(4), m.group(3));
      configured.countDown();
    }
  }

  /**
   * Whether {@code line} is a file's statistics, which ffmpeg writes as it closes, after its
   * own last words when it fails.
   */
  static boolean notAReason(String line) {
    return line.contains("] Statistics: ");
  }

  /** The last line ffmpeg wrote that is not a file's statistics: when it fails, the reason. */
  synchronized String lastMessage() {
    return lastMessage;
  }

  /**
   * The frame interval the stream declares, 1/30 s when it declares none; waits for ffmpeg to
   * say it, which it has done when the first frame arrives.
   */
  double frameSeconds() throws InterruptedException {
    configured.await(CONFIG_WAIT_SECONDS, TimeUnit.SECONDS);
    synchronized (this) {
      return frameSeconds > 0 && Double.isFinite(frameSeconds) ? frameSeconds : 1 / 30.0;
    }
  }

  /** Whether ffmpeg read the file's header and found no picture stream in it. */
  synchronized boolean noPictures() {
    return inputSeen && !video;
  }

  /** What the pass showed; call after ffmpeg has ended. */
  synchronized FrameTimes times() {
    Doubles times = new Doubles(4096);
    if (!Double.isNaN(timeBase)) {
      try (BufferedReader lines = Files.newBufferedReader(list, StandardCharsets.US_ASCII)) {
        String line;
        while ((line = lines.readLine()) != null) {
          Matcher m = FRAME.matcher(line);
          if (m.find()) {
            // exact: the frame's own count of time-base ticks. The decoder counts from the
            // container's start; ffprobe's packet times do not
            double t = Long.parseLong(m.group(1)) * timeBase + start;
            times.add(Math.round(t * 1e6) / 1e6);
          }
        }
      } catch (IOException e) {
        throw new AnalysisException("cannot read the frame times ffmpeg listed: "
            + e.getMessage(), e);
      }
    }
    return new FrameTimes(times.toArray(), new double[0], start, seconds, video);
  }

  /** Deletes the frame list. */
  @Override
  public void close() {
    try {
      Files.deleteIfExists(list);
    } catch (IOException e) {
      // a temporary file left behind costs a few bytes a frame; the answer stands
    }
  }

  private static double ratio(String num, String den) {
    long d = Long.parseLong(den);
    return d == 0 ? Double.NaN : Long.parseLong(num) / (double) d;
  }

  /** "00:01:02.50" in seconds; NaN for "N/A". */
  private static double clock(String hms) {
    String[] parts = hms.replace(",", "").split(":");
    if (parts.length != 3) {
      return Double.NaN;
    }
    try {
      return Integer.parseInt(parts[0]) * 3600 + Integer.parseInt(parts[1]) * 60
          + Double.parseDouble(parts[2]);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
