package io.tunecut.studio.internal.agent.beat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.tunecut.studio.internal.analysis.Beats;
import org.junit.jupiter.api.Test;

class PhraseEndingTest {
  @Test
  void theMusicPlaysToTheLastFrameFadingOutFromTheLastBarLine() {
    Beats beats = Grid.steady(120, 0.25, 120); // bars every 2 s from 0.25
    PhraseEnding.Plan plan = PhraseEnding.plan(beats, 10.0, 0, 30.0);

    assertThat(plan.length()).as("no silence under the picture's end").isEqualTo(30.0);
    double fadeStartOnTrack = 30.0 - plan.fadeOut() + 10.0;
    assertThat(beats.downbeats()).anySatisfy(d -> assertThat(d).isCloseTo(fadeStartOnTrack, offset(1e-6)));
    assertThat(plan.onBar()).isTrue();
    assertThat(plan.fadeOut()).isBetween(1.0, 3.0);
  }

  @Test
  void withNoBarNearTheEndTheMusicEndsWithTheVideo() {
    Beats beats = Grid.steady(120, 0.0, 10); // the track's beats stop at 10 s
    PhraseEnding.Plan plan = PhraseEnding.plan(beats, 0, 0, 30.0);
    assertThat(plan.onBar()).isFalse();
    assertThat(plan.length()).isEqualTo(30.0);
  }

  @Test
  void aWaltzFadesFromABarLineOfThreeBeats() {
    Beats waltz = Grid.steady(120, 0.0, 120, 3); // bars every 1.5 s
    PhraseEnding.Plan plan = PhraseEnding.plan(waltz, 0, 0, 29.9);
    double fadeStart = 29.9 - plan.fadeOut();
    assertThat(plan.onBar()).isTrue();
    assertThat(waltz.downbeats()).anySatisfy(d -> assertThat(d).isCloseTo(fadeStart, offset(1e-6)));
    assertThat(fadeStart % 1.5).as("a bar line of three beats").isCloseTo(0, offset(1e-6));
  }
}
