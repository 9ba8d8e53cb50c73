package io.tunecut.studio.internal.analysis;

import java.util.List;

/**
 * What the beat tracker heard in a track.
 *
 * @param tempo beats per minute
 * @param beats beat times in seconds, ascending
 * @param downbeats the beats that start a bar (every fourth beat), in seconds
 */
public record Beats(double tempo, List<Double> beats, List<Double> downbeats) {
  public Beats {
    beats = List.copyOf(beats);
    downbeats = List.copyOf(downbeats);
  }

  /** The mean beat period in seconds. */
  public double period() {
    return tempo > 0 ? 60.0 / tempo : 0;
  }
}
