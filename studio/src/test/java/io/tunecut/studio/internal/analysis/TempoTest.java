package io.tunecut.studio.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunecut.studio.internal.analysis.SyntheticTrack.Style;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TempoTest {
  /**
   * The beat path is only as steady as the period it is given: a period a few percent long lets
   * the beats fall behind the music until they sit on the off-beats.
   */
  @Test
  void theTempoOfASteadyBeatIsMeasuredToAFewTenthsOfAPercent() {
    List<String> failures = new ArrayList<>();
    for (Style style : List.of(Style.CLICKS, Style.DRUMS)) {
      for (double bpm : new double[] {97, 123, 150, 162, 171}) {
        SyntheticTrack track = SyntheticTrack.of(style, bpm).build();
        Tempo tempo = Tempo.of(BeatTracker.envelope(track.samples).onset());
        double found = 60 * BeatTracker.FRAME_RATE / tempo.period();
        // which level the beat is (the octave) is decided after: here only how exact the period is
        boolean exact = List.of(0.5, 1.0, 2.0).stream().anyMatch(level -> Math.abs(found / (bpm * level) - 1) <= 0.004);
        if (!exact) {
          failures.add(style + " at " + bpm + " BPM measured " + found);
        }
      }
    }
    assertThat(failures).isEmpty();
  }
}
