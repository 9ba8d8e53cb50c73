package io.tunecut.studio.internal.analysis;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What ffmpeg says on stderr while it decodes with {@link #FILTER} as its last filter: the
 * container's start and length, whether it has pictures, and when each frame is shown. So one
 * decoding pass needs no ffprobe before it: on a busy machine starting a program costs as
 * much as decoding a short clip.
 *
 * <p>The frame times come from the {@code metadata} filter, which buffers its lines and writes
 * them in a few large pieces, not from {@code showinfo}, which logs about sixteen small
 * pieces a frame: each piece wakes the thread that reads stderr, and on a busy machine those
 * wake-ups cost more than the rest of the work around the frames.
 */
final class DecodeLog implements Consumer<String> {
  private static final String MARK = "tunecut_frame";

  /**
   * ffmpeg's options that make it say all this (and nothing per second of progress): at this
   * level the filters' source says its time base and frame rate before the first frame.
   */
  static final String LOG_LEVEL = "verbose";
  /**
   * Marks every frame, then lists each marked frame's number and time on stderr (escaped
   * twice: once for the filter graph, once for the filter's options).
   */
  static final String FILTER = "metadata=mode=add:key=" + MARK + ":value=1,"
      + "metadata=mode=print:file=pipe\\\\:2";

  private static final Pattern INPUT = Pattern.compile("^\\s*Duration: ([^,]+)(?:, start: (-?[0-9.]+))?");
  private static final Pattern VIDEO = Pattern.compile("^\\s*Stream #0:\\d+.*: Video: ");
  /** The filter graph's source, which the filters after it keep the same. */
  private static final Pattern CONFIG =
      Pattern.compile("\\] w:\\d+ h:\\d+ pixfmt:\\S+ tb:(\\d+)/(\\d+) fr:(\\d+)/(\\d+)");
  /** A whole line or none: a line torn by another message does not give a wrong time. */
  private static final Pattern FRAME = Pattern.compile("^frame:\\d+ +pts:(-?\\d+) +pts_time:\\S+$");

  /** The log line comes on another thread just before the frame; this is ample slack. */
  private static final int CONFIG_WAIT_SECONDS = 5;

  private final Doubles times = new Doubles(4096);
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

  @Override
  public synchronized void accept(String line) {
    Matcher m;
    if (line.startsWith("frame:")) {
      if ((m = FRAME.matcher(line)).find() && !Double.isNaN(timeBase)) {
        // the decoder counts from the container's start; ffprobe's packet times do not
        double t = Long.parseLong(m.group(1)) * timeBase + start;
        times.add(Math.round(t * 1e6) / 1e6);
      }
      return;
    }
    if (line.startsWith(MARK + "=")) {
      return;
    }
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
   * Whether {@code line} is one of the frame list's or a file's statistics: both are written
   * as ffmpeg closes, after its own last words when it fails.
   */
  static boolean notAReason(String line) {
    return line.startsWith("frame:") || line.startsWith(MARK + "=")
        || line.contains("] Statistics: ");
  }

  /**
   * The last line ffmpeg wrote that is not one of the frame list's nor a file's statistics:
   * when it fails, the reason.
   */
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
    return new FrameTimes(times.toArray(), new double[0], start, seconds, video);
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
