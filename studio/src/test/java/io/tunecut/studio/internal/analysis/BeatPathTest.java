package io.tunecut.studio.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BeatPathTest {
  private final BeatTracker tracker = new BeatTracker();

  /**
   * The beats are chosen as a whole: a piece that stops on a softer note between the beats keeps
   * its beats on the louder notes, instead of following that last note back through the piece.
   */
  @Test
  void aPieceEndingOnANoteBetweenTheBeatsKeepsItsBeatsOnTheBeat() {
    double period = 0.5;
    float[] x = new float[(int) (19.6 * SyntheticTrack.RATE)];
    List<Double> beats = new ArrayList<>();
    for (double t = 0.25; t < 19.3; t += period) {
      beats.add(t);
      tone(x, t, 0.5, 110);
      tone(x, t + period / 2, 0.25, 165); // the last one, at 19.5 s, is the last sound heard
    }
    Beats found = tracker.track(x, SyntheticTrack.RATE);
    assertThat(found.beats()).as("beats").hasSizeGreaterThan(30);
    for (double b : found.beats()) {
      assertThat(beats).as("beat at %.3f s is on a louder note", b)
          .anySatisfy(t -> assertThat(Math.abs(t - b)).isLessThan(0.07));
    }
  }

  /** A plucked note: a sharp attack, then a decay. */
  private static void tone(float[] x, double at, double gain, double hz) {
    int start = (int) Math.round(at * SyntheticTrack.RATE);
    for (int i = 0; i < SyntheticTrack.RATE * 0.4 && start + i < x.length; i++) {
      double time = (double) i / SyntheticTrack.RATE;
      x[start + i] += (float) (gain * Math.exp(-time / 0.05) * Math.sin(2 * Math.PI * hz * time));
    }
  }
}
