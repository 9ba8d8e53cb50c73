package io.tunecut.studio.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BarPhaseTest {
  private static final int RATE = BeatTracker.SAMPLE_RATE;
  private static final double BEAT = 0.5;
  private static final int BEATS = 32;
  /** A bass walk that moves on every beat and repeats every bar: it says nothing of where bars start. */
  private static final double[] WALK = {65.4, 82.4, 98.0, 110.0};
  /** Chords above the bass (G, A minor, A flat, B flat), one a bar. */
  private static final double[][] CHORDS = {{392, 494, 587}, {440, 523, 659}, {415, 523, 622}, {466, 587, 698}};

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void theBarStartsWhereTheChordChangesWhenTheBassMovesOnEveryBeat(int chordBeat) {
    BarPhase bars = new BarPhase(RATE);
    float[] samples = music(chordBeat);
    bars.accept(samples, samples.length);
    List<Double> beats = new ArrayList<>();
    for (int i = 0; i < BEATS; i++) {
      beats.add(i * BEAT);
    }
    assertThat(Metre.phase(bars.changes(beats, 4), 4)).isEqualTo(chordBeat);
  }

  @Test
  void theChangeOverTwoBeatsPeaksWhereTwoBeatsOfOneSoundFollowTwoOfAnother() {
    double[][] spectra = new double[12][];
    for (int i = 0; i < spectra.length; i++) {
      spectra[i] = i % 4 < 2 ? new double[] {1, 0} : new double[] {0.5, 0.5};
    }
    SpectralChange overTwo = new SpectralChange(2, spectra.length);
    for (double[] spectrum : spectra) {
      overTwo.add(spectrum);
    }
    double[] change = overTwo.change();
    assertThat(change[0]).isNaN();
    assertThat(change[11]).isNaN();
    for (int i = 2; i <= 10; i++) {
      if (i % 2 == 0) {
        assertThat(change[i]).as("beat %d", i).isGreaterThan(0.1);
      } else {
        assertThat(change[i]).as("beat %d", i).isLessThan(change[i - 1] / 2);
      }
    }
  }

  /** The walk on every beat, the chord changing on beat {@code chordBeat} of each bar. */
  private static float[] music(int chordBeat) {
    float[] out = new float[(int) (BEATS * BEAT * RATE)];
    for (int n = 0; n < out.length; n++) {
      double t = (double) n / RATE;
      int beat = (int) (t / BEAT);
      double bass = WALK[beat % 4];
      double[] chord = CHORDS[Math.floorMod(Math.floorDiv(beat - chordBeat, 4), CHORDS.length)];
      double v = 0.3 * Math.sin(2 * Math.PI * bass * t);
      for (double f : chord) {
        v += 0.1 * Math.sin(2 * Math.PI * f * t);
      }
      out[n] = (float) v;
    }
    return out;
  }
}
