package io.tunecut.studio.internal.analysis;

import java.time.Duration;

/**
 * How long one ffmpeg or ffprobe run may take: a floor for starting up and reading headers,
 * plus a multiple of the media's length, so a hung decoder cannot hold a chat turn for ever
 * while a long clip still gets the time its decoding needs.
 *
 * @param perMediaSecond seconds allowed per second of media
 */
record TimeLimit(Duration floor, double perMediaSecond) {
  /** Decoding on the studio's machine runs many times faster than real time; this is slack. */
  static final TimeLimit STANDARD = new TimeLimit(Duration.ofSeconds(30), 2.0);

  /** The intake's longest file, which also stands in when a container does not say. */
  static final double LONGEST_MEDIA_SECONDS = 4 * 3600;

  TimeLimit {
    if (floor.isNegative() || floor.isZero() || !(perMediaSecond >= 0)) {
      throw new IllegalArgumentException("a time limit needs a positive floor and a rate of at least 0: "
          + floor + ", " + perMediaSecond);
    }
  }

  Duration forMedia(double seconds) {
    double known = Double.isFinite(seconds) && seconds >= 0 ? seconds : LONGEST_MEDIA_SECONDS;
    double clamped = Math.min(known, LONGEST_MEDIA_SECONDS);
    return floor.plusMillis(Math.round(clamped * perMediaSecond * 1000));
  }
}
