package io.tunecut.studio.internal.agent.beat;

import io.tunecut.studio.internal.analysis.Beats;
import java.util.ArrayList;
import java.util.List;

/** Beats of a steady track, for planning tests. */
final class Grid {
  private Grid() {}

  static Beats steady(double bpm, double first, double seconds) {
    return steady(bpm, first, seconds, 4);
  }

  static Beats steady(double bpm, double first, double seconds, int beatsPerBar) {
    List<Double> beats = new ArrayList<>();
    List<Double> down = new ArrayList<>();
    double period = 60 / bpm;
    int i = 0;
    for (double t = first; t < seconds; t = first + ++i * period) {
      beats.add(t);
      if (i % beatsPerBar == 0) {
        down.add(t);
      }
    }
    return new Beats(bpm, beats, down, beatsPerBar);
  }
}
