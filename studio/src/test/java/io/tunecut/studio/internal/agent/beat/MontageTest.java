package io.tunecut.studio.internal.agent.beat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.tunecut.studio.internal.analysis.Beats;
import java.util.List;
import org.junit.jupiter.api.Test;

class MontageTest {
  private static final double FPS = 30;

  @Test
  void aSixtySecondMontageHasWholeBeatShotsWithCutsAtOrJustBeforeEachBeat() {
    Beats beats = Grid.steady(128, 0.31, 180);
    List<Montage.Clip> clips = List.of(new Montage.Clip(0, 40), new Montage.Clip(1, 25),
        new Montage.Clip(2, 30));

    Montage.Plan plan = Montage.plan(clips, beats, 180, 60, 0, FPS);

    assertThat(plan.length()).isCloseTo(60, offset(60 / 128.0 * plan.beatsPerShot()));
    assertThat(plan.length()).isLessThanOrEqualTo(60);
    double period = 60 / 128.0;
    for (Montage.Shot shot : plan.shots()) {
      double beatsLong = shot.length() / period;
      assertThat(beatsLong).isCloseTo(plan.beatsPerShot(), offset(1.5 / FPS / period));
    }
    for (double cut : plan.cuts()) {
      double onTrack = cut + plan.musicIn();
      double beat = CutSync.nearest(beats.beats(), onTrack);
      assertThat(beat - onTrack).isBetween(-1e-6, 1 / FPS); // up to one frame early
      assertThat(cut * FPS).isCloseTo(Math.rint(cut * FPS), offset(1e-3)); // on a frame
    }
    assertThat(beats.downbeats()).contains(plan.musicIn());
  }

  @Test
  void everyClipSentGetsAShotEvenBesideAMuchLongerOne() {
    Beats beats = Grid.steady(100, 0.2, 120);
    List<Montage.Clip> clips = List.of(new Montage.Clip(0, 12), new Montage.Clip(1, 4), new Montage.Clip(2, 3));

    Montage.Plan plan = Montage.plan(clips, beats, 120, 12, 4, FPS);

    assertThat(plan.shots()).hasSize(5);
    assertThat(plan.shots().stream().map(Montage.Shot::clip).distinct()).containsExactly(0, 1, 2);
  }

  @Test
  void everyShotIsWholeBeatsTheLastOneTooSoTheVideoEndsOnABeat() {
    Beats beats = Grid.steady(100, 0.2, 120); // 0.6 s a beat: 4-beat shots do not divide 20 s
    Montage.Plan plan = Montage.plan(List.of(new Montage.Clip(0, 30), new Montage.Clip(1, 30)), beats, 120, 20, 4, FPS);

    assertThat(plan.shots()).allSatisfy(s -> assertThat(s.beats()).isBetween(1, 4));
    assertThat(plan.shots().stream().mapToInt(Montage.Shot::beats).sum()).isEqualTo(plan.grid().size() - 1);
    double end = (plan.grid().get(plan.grid().size() - 1) / 1000.0) - plan.musicIn();
    assertThat(plan.length()).as("the video ends on the frame of its last beat").isCloseTo(end, offset(1 / FPS));
    assertThat(plan.length()).as("within a shot of 20 s").isLessThanOrEqualTo(20).isGreaterThan(20 - 4 * 0.6);
  }

  @Test
  void shotsFollowTheClipOrderAndTakeDifferentPartsOfEachClip() {
    Beats beats = Grid.steady(120, 0.0, 120);
    List<Montage.Clip> clips = List.of(new Montage.Clip(0, 20), new Montage.Clip(1, 20));

    Montage.Plan plan = Montage.plan(clips, beats, 120, 24, 4, FPS);

    List<Integer> order = plan.shots().stream().map(Montage.Shot::clip).toList();
    assertThat(order).isSorted().contains(0, 1);
    List<Double> insOfFirst = plan.shots().stream().filter(s -> s.clip() == 0)
        .map(Montage.Shot::in).toList();
    assertThat(insOfFirst).doesNotHaveDuplicates();
    for (Montage.Shot s : plan.shots()) {
      assertThat(s.in() + s.length()).isLessThanOrEqualTo(20 + 1e-6);
    }
    // shots are back to back
    for (int i = 1; i < plan.shots().size(); i++) {
      assertThat(plan.shots().get(i).start()).isEqualTo(plan.shots().get(i - 1).end(), offset(1e-6));
    }
  }

  @Test
  void aClipWithASingleShotGivesItsMiddleNotItsOpeningFrames() {
    Beats beats = Grid.steady(120, 0.0, 120);
    List<Montage.Clip> clips = List.of(new Montage.Clip(0, 10), new Montage.Clip(1, 10),
        new Montage.Clip(2, 10));

    Montage.Plan plan = Montage.plan(clips, beats, 120, 6, 4, FPS);

    assertThat(plan.shots()).hasSize(3).allSatisfy(s -> {
      assertThat(s.in()).as("shot of clip " + s.clip()).isCloseTo(4.0, offset(0.05));
    });
  }

  @Test
  void withoutALengthTheMontageIsAsLongAsTheClipsAllow() {
    Beats beats = Grid.steady(100, 0.0, 200);
    Montage.Plan plan = Montage.plan(List.of(new Montage.Clip(0, 12), new Montage.Clip(1, 9)),
        beats, 200, 0, 0, FPS);
    assertThat(plan.length()).isBetween(21 - 2 * 2.4, 21.0);
  }

  @Test
  void theShotLengthIsAboutTwoSecondsInWholeBeats() {
    assertThat(Montage.chooseBeatsPerShot(0.5, 4)).isEqualTo(4);
    assertThat(Montage.chooseBeatsPerShot(60 / 75.0, 4)).isEqualTo(2);
    assertThat(Montage.chooseBeatsPerShot(60 / 175.0, 4)).isEqualTo(4);
    assertThat(Montage.chooseBeatsPerShot(0.2, 4)).isEqualTo(8);
  }

  @Test
  void inAWaltzShotsAreWholeBarsOfThreeBeats() {
    assertThat(Montage.chooseBeatsPerShot(0.5, 3)).isEqualTo(3);
    assertThat(Montage.chooseBeatsPerShot(0.2, 3)).isEqualTo(6);
    Beats waltz = Grid.steady(150, 0.2, 120, 3);
    Montage.Plan plan = Montage.plan(List.of(new Montage.Clip(0, 30), new Montage.Clip(1, 30)),
        waltz, 120, 30, BeatRequest.A_BAR, FPS);
    assertThat(plan.beatsPerShot()).as("every bar is three beats in a waltz").isEqualTo(3);
    for (double cut : plan.cuts()) {
      double onTrack = cut + plan.musicIn();
      assertThat(CutSync.nearest(waltz.downbeats(), onTrack)).as("cut at %s on a bar line", cut)
          .isCloseTo(onTrack, offset(1.5 / FPS));
    }
  }
}
