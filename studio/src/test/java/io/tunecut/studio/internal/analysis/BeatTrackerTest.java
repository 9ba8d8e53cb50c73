package io.tunecut.studio.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tunecut.studio.internal.analysis.SyntheticTrack.Style;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BeatTrackerTest {
  private final BeatTracker tracker = new BeatTracker();

  private static final double[] TYPICAL_TEMPI = {97, 110, 120, 128, 140, 150};
  private static final List<UnaryOperator<SyntheticTrack.Builder>> VARIANTS = List.of(
      b -> b,
      b -> b.swing(0.17).jitterMs(10),
      b -> b.driftBpm(5),
      b -> b.noiseAtSnr(10),
      b -> b.noiseAtSnr(3));

  @Test
  void beatsOfClicksAndDrumsAt97To150BpmAreFoundWithinSeventyMilliseconds() {
    List<String> failures = new ArrayList<>();
    for (Style style : List.of(Style.CLICKS, Style.DRUMS)) {
      for (double bpm : TYPICAL_TEMPI) {
        for (int v = 0; v < VARIANTS.size(); v++) {
          SyntheticTrack track = VARIANTS.get(v).apply(SyntheticTrack.of(style, bpm).seed(v)).build();
          Beats found = tracker.track(track.samples, SyntheticTrack.RATE);
          double f = BeatScores.fMeasure(track.beats, found.beats(), 0.070);
          double trueTempo = bpm + (v == 2 ? 2.5 : 0);
          if (f < 0.95 || Math.abs(found.tempo() / trueTempo - 1) > 0.04) {
            failures.add(style + " " + bpm + " variant " + v + ": F=" + f + " tempo=" + found.tempo());
          }
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void slowAndFastTempiAgreeAtSomeMetricalLevel() {
    List<String> failures = new ArrayList<>();
    for (Style style : List.of(Style.CLICKS, Style.DRUMS)) {
      for (double bpm : new double[] {75, 85, 160, 175}) {
        for (int v = 0; v < VARIANTS.size(); v++) {
          SyntheticTrack track = VARIANTS.get(v).apply(SyntheticTrack.of(style, bpm).seed(v)).build();
          Beats found = tracker.track(track.samples, SyntheticTrack.RATE);
          double aml = BeatScores.anyMetricalLevel(track.beats, found.beats());
          double trueTempo = bpm + (v == 2 ? 2.5 : 0);
          double ratio = found.tempo() / trueTempo;
          boolean tempoAtSomeLevel = List.of(0.5, 1.0, 2.0).stream()
              .anyMatch(level -> Math.abs(ratio / level - 1) <= 0.04);
          if (aml < 0.95 || !tempoAtSomeLevel) {
            failures.add(style + " " + bpm + " variant " + v + ": AML=" + aml + " tempo=" + found.tempo());
          }
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void accentedOffBeatsMayFoolTheTrackerButOnlyByHalfABeat() {
    SyntheticTrack track = SyntheticTrack.of(Style.OFFBEAT_TRAP, 120).build();
    Beats found = tracker.track(track.samples, SyntheticTrack.RATE);
    assertThat(BeatScores.anyMetricalLevel(track.beats, found.beats())).isGreaterThan(0.9);
  }

  @Test
  void onSwungMusicWithTheEighthAccentedTheBeatsStayOnTheBeat() {
    double period = 0.5;
    float[] x = new float[20 * SyntheticTrack.RATE];
    List<Double> beats = new ArrayList<>();
    for (double t = 0.25; t < 19.5; t += period) {
      beats.add(t);
      tone(x, t, 0.12, 196); // the long note on the beat, soft
      tone(x, t + 2 * period / 3, 0.5, 523); // the short swung eighth, accented
    }
    Beats found = tracker.track(x, SyntheticTrack.RATE);
    assertThat(BeatScores.fMeasure(beats, found.beats(), 0.070)).isGreaterThan(0.9);
  }

  @Test
  void aSlowBeatWithNothingBetweenIsNotDoubled() {
    double period = 60 / 64.0;
    float[] x = new float[20 * SyntheticTrack.RATE];
    List<Double> beats = new ArrayList<>();
    for (double t = 0.25; t < 19.5; t += period) {
      beats.add(t);
      tone(x, t, 0.5, 196);
    }
    Beats found = tracker.track(x, SyntheticTrack.RATE);
    assertThat(found.tempo()).isCloseTo(64, within(2.0));
    assertThat(BeatScores.fMeasure(beats, found.beats(), 0.070)).isGreaterThan(0.9);
  }

  @Test
  void theBeatsAreWhereTheChordsChangeEvenWhereLouderStabsFallBetweenThem() {
    double period = 0.5;
    double[][] chords = {{261.6, 329.6, 392.0}, {220.0, 261.6, 329.6}, {174.6, 220.0, 261.6}, {196.0, 246.9, 293.7}};
    float[] x = new float[20 * SyntheticTrack.RATE];
    List<Double> beats = new ArrayList<>();
    int i = 0;
    for (double t = 0.25; t < 19.5; t += period, i++) {
      beats.add(t);
      for (double hz : chords[i % chords.length]) {
        held(x, t, period, 0.08, hz); // a new chord on every beat, softly
        stab(x, t + period / 2, 0.03, hz); // the same chord short and loud on the off-beat
      }
    }
    Beats found = tracker.track(x, SyntheticTrack.RATE);
    assertThat(BeatScores.fMeasure(beats, found.beats(), 0.070)).isGreaterThan(0.9);
  }

  /** A note held for {@code length} s: a soft attack, then a slow decay. */
  private static void held(float[] x, double at, double length, double gain, double hz) {
    int start = (int) Math.round(at * SyntheticTrack.RATE);
    int n = (int) Math.round(length * SyntheticTrack.RATE);
    for (int i = 0; i < n && start + i < x.length; i++) {
      double time = (double) i / SyntheticTrack.RATE;
      double ramp = Math.min(1, Math.min(time / 0.005, (length - time) / 0.005)) * Math.exp(-time / 0.25);
      x[start + i] += (float) (gain * ramp * octaves(hz, time));
    }
  }

  /** A short note. */
  private static void stab(float[] x, double at, double gain, double hz) {
    int start = (int) Math.round(at * SyntheticTrack.RATE);
    for (int i = 0; i < SyntheticTrack.RATE * 0.1 && start + i < x.length; i++) {
      double time = (double) i / SyntheticTrack.RATE;
      x[start + i] += (float) (gain * Math.exp(-time / 0.03) * octaves(hz, time));
    }
  }

  /** A pitch and three octaves above it: a rich sound that brings no other pitch class. */
  private static double octaves(double hz, double time) {
    double sound = 0;
    for (int octave = 1; octave <= 8; octave *= 2) {
      sound += Math.sin(2 * Math.PI * hz * octave * time);
    }
    return sound;
  }

  /** A plucked note: a sharp attack, then a decay. */
  private static void tone(float[] x, double at, double gain, double hz) {
    int start = (int) Math.round(at * SyntheticTrack.RATE);
    for (int i = 0; i < SyntheticTrack.RATE * 0.4 && start + i < x.length; i++) {
      double time = (double) i / SyntheticTrack.RATE;
      x[start + i] += (float) (gain * Math.exp(-time / 0.05) * Math.sin(2 * Math.PI * hz * time));
    }
  }

  @Test
  void downbeatsAreTheBeatsWithTheKickAndBass() {
    SyntheticTrack track = SyntheticTrack.of(Style.DRUMS, 120).build();
    Beats found = tracker.track(track.samples, SyntheticTrack.RATE);
    assertThat(found.beatsPerBar()).as("drums in four").isEqualTo(4);
    assertThat(found.downbeats()).isNotEmpty();
    for (double d : found.downbeats()) {
      assertThat(track.downbeats).anySatisfy(r -> assertThat(Math.abs(r - d)).isLessThan(0.07));
    }
  }

  @Test
  void aWaltzHasBarsOfThreeBeatsStartingOnTheBassNotes() {
    for (double bpm : new double[] {100, 150}) {
      SyntheticTrack track = SyntheticTrack.of(Style.WALTZ, bpm).build();
      Beats found = tracker.track(track.samples, SyntheticTrack.RATE);
      assertThat(found.beatsPerBar()).as("beats per bar at %s BPM", bpm).isEqualTo(3);
      assertThat(found.downbeats()).hasSizeGreaterThan(track.downbeats.size() / 2);
      for (double d : found.downbeats()) {
        assertThat(track.downbeats).anySatisfy(r -> assertThat(Math.abs(r - d)).isLessThan(0.07));
      }
    }
  }

  @Test
  void aWavFileIsDecodedWithFfmpegAndTracked(@TempDir Path dir) throws Exception {
    SyntheticTrack track = SyntheticTrack.of(Style.DRUMS, 128).seconds(20).build();
    Path wav = track.writeWav(dir.resolve("drums.wav"));
    Beats found = tracker.track(wav);
    assertThat(found.tempo()).isCloseTo(128, org.assertj.core.data.Percentage.withPercentage(4));
    assertThat(BeatScores.fMeasure(track.beats, found.beats(), 0.070)).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void silenceHasNoBeats() {
    Beats found = tracker.track(new float[SyntheticTrack.RATE * 5], SyntheticTrack.RATE);
    assertThat(found.beats()).isEmpty();
    assertThat(found.tempo()).isZero();
  }

  @Test
  void aFileThatIsNotAudioFailsWithItsName(@TempDir Path dir) throws Exception {
    Path junk = Files.writeString(dir.resolve("notes.mp3"), "not really music");
    assertThatThrownBy(() -> tracker.track(junk))
        .isInstanceOf(AnalysisException.class)
        .hasMessageContaining("notes.mp3");
  }
}
