package io.tunecut.studio.internal.analysis;

import java.util.List;

/**
 * What the beat tracker heard in a track.
 *
 * @param tempo beats per minute
 * @param beats beat times in seconds, ascending
 * @param downbeats the beats that start a bar, in seconds
 * @param beatsPerBar the metre: 3 for a waltz, 4 for most music (0, from analyses stored before
 *     the metre was known, reads as 4)
 */
public record Beats(double tempo, List<Double> beats, List<Double> downbeats, int beatsPerBar) {
  public static final int COMMON_TIME = 4;

  public Beats {
    beats = List.copyOf(beats);
    downbeats = List.copyOf(downbeats);
    if (beatsPerBar <= 0) {
      beatsPerBar = COMMON_TIME;
    }
  }

  /** Beats in four-four time. */
  public Beats(double tempo, List<Double> beats, List<Double> downbeats) {
    this(tempo, beats, downbeats, COMMON_TIME);
  }

  /** The mean beat period in seconds. */
  public double period() {
    return tempo > 0 ? 60.0 / tempo : 0;
  }

  /** The mean bar length in seconds. */
  public double barLength() {
    return beatsPerBar * period();
  }
}
