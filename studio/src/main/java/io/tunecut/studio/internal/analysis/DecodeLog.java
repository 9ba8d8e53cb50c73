package io.tunecut.studio.internal.analysis;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What ffmpeg says on stderr while it decodes with {@code showinfo} as its last filter: the
 * container's start and length, whether it has pictures, and when each frame is shown. So one
 * decoding pass needs no ffprobe before it: on a busy machine starting a program costs as
 * much as decoding a short clip.
 */
final class DecodeLog implements Consumer<String> {
  /** ffmpeg's options that make it say all this (and nothing per second of progress). */
  static final String LOG_LEVEL = "info";
  static final String FILTER = "showinfo";

  private static final Pattern INPUT = Pattern.compile("^\\s*Duration: ([^,]+)(?:, start: (-?[0-9.]+))?");
  private static final Pattern VIDEO = Pattern.compile("^\\s*Stream #0:\\d+.*: Video: ");
  private static final Pattern CONFIG =
      Pattern.compile("config in time_base: (\\d+)/(\\d+), frame_rate: (\\d+)/(\\d+)");
  private static final Pattern FRAME = Pattern.compile("\\] n: *\\d+ pts: *(-?\\d+) ");

  /** The log line comes on another thread just before the frame; this is ample slack. */
  private static final int CONFIG_WAIT_SECONDS = 5;

  private final Doubles times = new Doubles(4096);
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
    } else if ((m = FRAME.matcher(line)).find() && !Double.isNaN(timeBase)) {
      // the decoder counts from the container's start; ffprobe's packet times do not
      double t = Long.parseLong(m.group(1)) * timeBase + start;
      times.add(Math.round(t * 1e6) / 1e6);
    }
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
