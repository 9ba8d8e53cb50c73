package io.tunecut.studio.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class MetreTest {
  private static final int BEATS = 64;
  private final Random random = new Random(3);

  @Test
  void accentsAndBassEveryThreeBeatsMakeBarsOfThree() {
    assertThat(Metre.beatsPerBar(beats(i -> i % 3 == 0 ? 1 : 0.3), beats(i -> i % 3 == 0 ? 2 : 1)))
        .isEqualTo(3);
  }

  @Test
  void accentsEveryFourBeatsMakeBarsOfFour() {
    assertThat(Metre.beatsPerBar(beats(i -> i % 4 == 0 ? 1 : i % 2 == 0 ? 0.6 : 0.3),
        beats(i -> i % 4 == 0 ? 2 : 1))).isEqualTo(4);
  }

  @Test
  void aSwellWithNoPatternIsNotTakenForBarsOfThree() {
    // slow changes correlate more at 3 beats than at 4, which is no metre
    assertThat(Metre.beatsPerBar(beats(i -> Math.sin(i / 10.0)), beats(i -> i / 8.0))).isEqualTo(4);
  }

  @Test
  void tooFewBeatsShowNoMetre() {
    double[] short3 = {1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0};
    assertThat(Metre.beatsPerBar(short3, short3)).isEqualTo(4);
  }

  @Test
  void theBarStartsWhereTheSoundChangesMost() {
    double[] change = beats(i -> i % 3 == 1 ? 0.8 : 0.2);
    assertThat(Metre.phase(change, 3)).isEqualTo(1);
  }

  private double[] beats(IntToDoubleFunction level) {
    double[] x = new double[BEATS];
    for (int i = 0; i < BEATS; i++) {
      x[i] = level.applyAsDouble(i) + 0.05 * random.nextGaussian();
    }
    return x;
  }
}
