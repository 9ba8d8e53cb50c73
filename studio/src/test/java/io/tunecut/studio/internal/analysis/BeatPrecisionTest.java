package io.tunecut.studio.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunecut.studio.internal.analysis.SyntheticTrack.Style;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Syncing cuts to beats needs beats to the frame, not just within the ±70 ms that beat-tracking
 * scores forgive: each beat found lands on the onset it stands for.
 */
class BeatPrecisionTest {
  private final BeatTracker tracker = new BeatTracker();

  @Test
  void beatsLandOnTheirOnsetsWithinAFewMilliseconds() {
    List<Double> errors = new ArrayList<>();
    for (Style style : List.of(Style.CLICKS, Style.DRUMS)) {
      for (double bpm : new double[] {97, 110, 120, 128, 140, 150}) { // clean, jittered, and at 10 dB SNR
        for (double jitter : new double[] {0, 12}) {
          SyntheticTrack track = SyntheticTrack.of(style, bpm).jitterMs(jitter).seed((long) bpm).build();
          errors.addAll(errors(track.beats, tracker.track(track.samples, SyntheticTrack.RATE).beats()));
        }
        SyntheticTrack noisy = SyntheticTrack.of(style, bpm).noiseAtSnr(10).seed((long) bpm).build();
        errors.addAll(errors(noisy.beats, tracker.track(noisy.samples, SyntheticTrack.RATE).beats()));
      }
    }
    Collections.sort(errors);
    double median = errors.get(errors.size() / 2);
    double p95 = errors.get((int) (errors.size() * 0.95));
    assertThat(median).isLessThanOrEqualTo(0.002);
    assertThat(p95).as("95th percentile").isLessThanOrEqualTo(0.005);
  }

  /** For each true beat after 5 s with a found beat within 70 ms, how far that beat is. */
  private static List<Double> errors(List<Double> truth, List<Double> found) {
    List<Double> out = new ArrayList<>();
    for (double t : truth) {
      if (t < 5) continue;
      double best = Double.MAX_VALUE;
      for (double f : found) best = Math.min(best, Math.abs(f - t));
      if (best <= 0.070) out.add(best);
    }
    return out;
  }
}
