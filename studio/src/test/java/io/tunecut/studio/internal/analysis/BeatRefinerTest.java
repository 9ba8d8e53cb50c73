package io.tunecut.studio.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * After each beat is moved onto its attack, a beat whose attack is not a clear hit goes onto the
 * steady line of its neighbours: in busy music the loudest rise beside a beat is often a pickup.
 */
class BeatRefinerTest {
  private static final List<Double> TRACKED = List.of(0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5);
  private static final double WEAK = 6;
  private static final double CLEAR = 30;

  @Test
  void aWeakRiseBesideTheBeatGivesWayToTheSteadyBeat() {
    List<Double> attacks = List.of(0.5, 1.0, 1.5, 1.97, 2.5, 3.0, 3.5);
    List<Double> steady = BeatRefiner.steady(attacks, TRACKED, List.of(WEAK, WEAK, WEAK, WEAK, WEAK, WEAK, WEAK));
    assertThat(steady.get(3)).isCloseTo(2.0, within(0.01));
    assertThat(steady.get(1)).as("a neighbour stays within a few ms").isCloseTo(1.0, within(0.005));
  }

  @Test
  void aClearHitStaysWherePlayedEvenOffTheGrid() {
    List<Double> attacks = List.of(0.5, 1.0, 1.5, 1.97, 2.5, 3.0, 3.5);
    List<Double> steady = BeatRefiner.steady(attacks, TRACKED, List.of(CLEAR, CLEAR, CLEAR, CLEAR, CLEAR, CLEAR, CLEAR));
    assertThat(steady).isEqualTo(attacks);
  }

  @Test
  void aJumpOfPhaseIsNotSmoothedOver() {
    List<Double> jump = List.of(0.5, 1.0, 1.5, 2.25, 2.75, 3.25, 3.75);
    List<Double> steady = BeatRefiner.steady(jump, jump, List.of(WEAK, WEAK, WEAK, WEAK, WEAK, WEAK, WEAK));
    assertThat(steady.subList(1, 5)).isEqualTo(jump.subList(1, 5));
  }

  @Test
  void aSteadyBeatOnAttacksDoesNotMove() {
    List<Double> steady = BeatRefiner.steady(TRACKED, TRACKED, List.of(WEAK, WEAK, WEAK, WEAK, WEAK, WEAK, WEAK));
    for (int i = 0; i < TRACKED.size(); i++) {
      assertThat(steady.get(i)).isCloseTo(TRACKED.get(i), within(0.001));
    }
  }
}
