package io.tunecut.studio.internal.agent.beat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.tunecut.studio.internal.analysis.Beats;
import java.util.List;
import org.junit.jupiter.api.Test;

class CutSyncTest {
  @Test
  void theMusicStartIsShiftedSoCutsLandOnBeats() {
    Beats beats = Grid.steady(120, 0.37, 120); // beats at 0.37 + k/2
    List<Double> cuts = List.of(2.0, 4.5, 7.0, 9.0);

    CutSync.Plan plan = CutSync.plan(cuts, beats, 120, 12, 30, false);

    assertThat(plan.onBeat()).isEqualTo(4);
    for (double c : plan.cuts()) {
      double onTrack = c + plan.musicIn();
      assertThat(CutSync.nearest(beats.beats(), onTrack)).isCloseTo(onTrack, offset(0.040));
    }
    assertThat(plan.cuts()).isEqualTo(cuts);
  }

  @Test
  void downbeatsAreChosenOverPlainBeatsWhenBothFit() {
    Beats beats = Grid.steady(120, 0.5, 60); // downbeats every 2 s from 0.5
    List<Double> cuts = List.of(2.0, 4.0, 6.0);

    CutSync.Plan plan = CutSync.plan(cuts, beats, 60, 8, 30, false);

    for (double c : cuts) {
      assertThat(CutSync.nearest(beats.downbeats(), c + plan.musicIn()))
          .isCloseTo(c + plan.musicIn(), offset(0.001));
    }
  }

  @Test
  void aStartThatFitsAlmostAsWellButKeepsTheIntroWins() {
    Beats grid = Grid.steady(120, 0.0, 60); // downbeats every 2 s from 0
    List<Double> beats = new java.util.ArrayList<>(grid.beats());
    beats.set(10, 5.015); // the beat under the first cut is 15 ms late, as tracked beats are
    Beats tracked = new Beats(120, beats, grid.downbeats());

    CutSync.Plan plan = CutSync.plan(List.of(5.0, 10.0), tracked, 60, 15, 30, false);

    assertThat(plan.musicIn()).isZero();
    assertThat(plan.onBeat()).isEqualTo(2);
  }

  @Test
  void theStartStaysWithinTheTrackSoTheMusicCoversTheVideo() {
    Beats beats = Grid.steady(100, 0.0, 30);
    CutSync.Plan plan = CutSync.plan(List.of(3.3, 7.1, 12.9), beats, 30, 28, 30, false);
    assertThat(plan.musicIn()).isBetween(0.0, 2.0);
  }

  @Test
  void unevenCutsAreNudgedOntoBeatsByAtMostHalfABeatAndAQuarterSecond() {
    Beats beats = Grid.steady(120, 0.0, 60);
    // 2.0 fits; the others are 2, 3 and 7 frames off the beat grid
    List<Double> cuts = List.of(2.0, 3.0 + 2 / 30.0, 5.5 - 3 / 30.0, 7.25 - 1 / 30.0);

    CutSync.Plan kept = CutSync.plan(cuts, beats, 60, 10, 30, false);
    CutSync.Plan nudged = CutSync.plan(cuts, beats, 60, 10, 30, true);

    assertThat(kept.onBeat()).isLessThan(4);
    assertThat(nudged.onBeat()).isEqualTo(4);
    assertThat(nudged.moved()).isEqualTo(3);
    for (int i = 0; i < cuts.size(); i++) {
      assertThat(Math.abs(nudged.cuts().get(i) - cuts.get(i))).isLessThanOrEqualTo(0.25);
    }
    assertThat(CutSync.nudgeLimit(0.5, 30)).isCloseTo(0.25, offset(1e-6));
    assertThat(CutSync.nudgeLimit(60 / 90.0, 30)).as("a quarter second at most").isCloseTo(0.25, offset(1e-6));
    assertThat(CutSync.nudgeLimit(60 / 180.0, 30)).as("half a beat").isCloseTo(60 / 360.0, offset(1e-6));
  }

  @Test
  void theSentenceSaysTempoCutsShiftAndHits() {
    CutSync.Plan plan = new CutSync.Plan(118.2, 0.42, List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0,
        8.0, 9.0, 10.0, 11.0, 12.0, 13.0, 14.0), 11, java.util.Collections.nCopies(14, 0.0));
    assertThat(SyncSentence.synced(plan, 0, 30, "en"))
        .isEqualTo("118 BPM, 14 cuts — the song plays from 0.42 s in so 11 of 14 cuts land on a beat.");
    assertThat(SyncSentence.synced(plan, 0, 30, "zh"))
        .isEqualTo("118 BPM，14 个剪辑点——音乐从歌曲的第 0.42 秒开始播放，14 个剪辑点中有 11 个卡在节拍上。");
  }
}
