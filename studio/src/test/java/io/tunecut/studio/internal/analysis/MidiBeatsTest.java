package io.tunecut.studio.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * Beats and bars of a MIDI file, rendered with the General MIDI soundfont, land where the file
 * writes them: an exact truth, where the real-music test has only other trackers to compare
 * with. The file is kept in the test resources (resources/beats/midi), so the test runs wherever
 * the soundfont is installed, as {@code ./tunecut} installs it; {@code bench beats} scores the
 * whole set.
 */
class MidiBeatsTest {
  @Test
  void beatsAndBarsOfARenderedMidiFileLandWhereItWritesThem() {
    MidiMusic.Excerpt excerpt = MidiMusic.named("openmsx-mosey-along").first(20);
    assumeTrue(excerpt.installed(), "fluid-soundfont-gm is not installed");
    MidiTruth.Truth truth = excerpt.truth();

    Beats beats = new BeatTracker().track(excerpt.samples(), BeatTracker.SAMPLE_RATE);

    assertThat(BeatScores.fMeasure(truth.beats(), beats.beats(), 0.070)).as("F against the written beats")
        .isGreaterThanOrEqualTo(0.9);
    assertThat(RealMusicBench.downbeatRecall(truth.downbeats(), beats.downbeats())).as("written bar lines found")
        .isGreaterThanOrEqualTo(0.8);
    assertThat(beats.beatsPerBar()).as("beats to the bar").isEqualTo(truth.beatsPerBar());
  }
}
