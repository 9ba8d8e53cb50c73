package io.tunecut.studio.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Beats and bars of a MIDI file, rendered with the General MIDI soundfont, land where the file
 * writes them: an exact truth, where the real-music test has only other trackers to compare
 * with. A swing tune at 140 BPM, and one at 170 BPM whose drums accent every other beat (its
 * beat was halved before the bass was heard). The files are kept in the test resources
 * (resources/beats/midi), so the test runs wherever the soundfont is installed, as
 * {@code ./tunecut} installs it; {@code bench beats} scores the whole set.
 */
class MidiBeatsTest {
  @ParameterizedTest
  @ValueSource(strings = {"openmsx-mosey-along", "openmsx-run-for-your-life"})
  void beatsAndBarsOfARenderedMidiFileLandWhereItWritesThem(String id) {
    MidiMusic.Excerpt excerpt = MidiMusic.named(id).first(20);
    assumeTrue(excerpt.installed(), "fluid-soundfont-gm is not installed");
    MidiTruth.Truth truth = excerpt.truth();

    Beats beats = new BeatTracker().track(excerpt.samples(), BeatTracker.SAMPLE_RATE);

    assertThat(beats.tempo()).as("tempo").isCloseTo(truth.bpm(), withinPercentage(3));
    assertThat(BeatScores.fMeasure(truth.beats(), beats.beats(), 0.070)).as("F against the written beats")
        .isGreaterThanOrEqualTo(0.9);
    assertThat(RealMusicBench.downbeatRecall(truth.downbeats(), beats.downbeats())).as("written bar lines found")
        .isGreaterThanOrEqualTo(0.8);
    assertThat(beats.beatsPerBar()).as("beats to the bar").isEqualTo(truth.beatsPerBar());
  }
}
