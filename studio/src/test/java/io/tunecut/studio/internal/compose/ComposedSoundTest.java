package io.tunecut.studio.internal.compose;

import io.tunecut.studio.server.Soundfont;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tunecut.studio.internal.analysis.BeatTracker;
import io.tunecut.studio.internal.analysis.Beats;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Composed music as it sounds, played through the General MIDI soundfont. */
class ComposedSoundTest {
  /** One performer for the class: the soundfont is read once and its instruments stay loaded. */
  private static final Performer PERFORMER = new Performer(Soundfont.fromEnvironment(System.getenv()));
  private static final int RATE = Performer.SAMPLE_RATE;

  static List<Style> styles() {
    return Styles.all();
  }

  @Test
  void theStudiosBeatTrackerHearsThePlannedBeats() throws Exception {
    Score score = new Composer(Styles.standard(), 1).compose(new Timeline(30, List.of()));
    float[] mono = PERFORMER.play(score).mono();

    double end = score.tempo().downbeat(score.tempo().finalBar());
    // beats from 5 s on, as mir_eval counts them; a planned beat just before may be heard just after
    List<Double> planned = score.tempo().beats().stream().filter(b -> b >= 5 - 0.05 && b < end).toList();
    Beats heard = new BeatTracker().track(Hearing.half(mono), RATE / 2);
    List<Double> found = heard.beats().stream().filter(b -> b >= 5 && b < end).toList();

    assertThat(Hearing.fMeasure(planned, found, 0.050)).as("planned %s, heard %s", planned, found)
        .isGreaterThanOrEqualTo(0.95);
  }

  @ParameterizedTest
  @MethodSource("styles")
  void everyCutIsHeardWithin30MillisecondsAndTheMusicNeverStopsBeforeItsEnding(Style style) throws Exception {
    Score score = new Composer(style, 2).compose(ComposerTest.TRAVEL);
    Recording sound = PERFORMER.play(score);
    float[] mono = sound.mono();

    assertThat(sound.frames()).as("exactly the video's length").isEqualTo(30 * RATE);
    for (Cue cue : ComposerTest.TRAVEL.cues()) {
      assertThat(Hearing.onsetNear(mono, RATE, cue.seconds(), 0.1)).as("the onset near the cut at %s s", cue.seconds())
          .isBetween(cue.seconds() - 0.030, cue.seconds() + 0.030);
    }
    double end = score.tempo().downbeat(score.tempo().finalBar());
    assertThat(Hearing.longestSilence(mono, RATE, end, -50)).as("the longest silence, s").isLessThanOrEqualTo(1.0);
    double body = Hearing.level(mono, RATE, 2, end - 2);
    assertThat(Hearing.level(mono, RATE, 29.5, 0.5)).as("the last half second against the body (%.1f dB)", body)
        .isLessThanOrEqualTo(body - 20);
    assertThat(sound.peak()).as("peak").isLessThanOrEqualTo(Recording.CEILING + 1e-6);
    assertThat(sound.voices()).as("voices at once: below the synthesizer's limit, so none is stolen")
        .isLessThan(Take.POLYPHONY);
    assertThat(Hearing.flatness(mono)).as("spectral flatness: music, not noise").isLessThan(0.2);
  }

  /**
   * Electronic is the densest style: at the synthesizer's old limit of 96 voices, passages lost
   * notes inside that the bars around a join kept, and it was half a decibel louder there.
   */
  @ParameterizedTest
  @ValueSource(strings = {"upbeat pop", "electronic"})
  void playedInPassagesAtOnceItSoundsAsInOneGoWithNoClickOrSwellWherePassagesMeet(String style) throws Exception {
    Score score = new Composer(Styles.named(style), 3).compose(ComposerTest.TRAVEL);
    float[] inOneGo = new Performer(Soundfont.fromEnvironment(System.getenv()), Double.POSITIVE_INFINITY).play(score).mono();
    float[] inPassages = PERFORMER.play(score).mono();
    List<Integer> joins = PERFORMER.starts(score).subList(1, PERFORMER.starts(score).size());

    assertThat(joins).as("where passages meet").isNotEmpty();
    assertThat(Hearing.level(inPassages, RATE, 0, 30)).as("the level, against %.2f dB in one go", Hearing.level(inOneGo, RATE, 0, 30))
        .isCloseTo(Hearing.level(inOneGo, RATE, 0, 30), within(0.1));
    for (int join : joins) {
      double at = (double) join / RATE;
      // a click is a burst of high frequencies and a step from one sample to the next
      assertThat(Hearing.brightness(inPassages, RATE, at - 0.005, 0.020)).as("high frequencies at the join at %.3f s", at)
          .isCloseTo(Hearing.brightness(inOneGo, RATE, at - 0.005, 0.020), within(1.0));
      assertThat(Hearing.biggestStep(inPassages, RATE, at - 0.005, 0.020)).as("the biggest step at the join at %.3f s", at)
          .isLessThanOrEqualTo(1.1 * Hearing.biggestStep(inOneGo, RATE, at - 0.005, 0.020));
      // a swell: louder or brighter for the half second after the join than the same bars in one go
      assertThat(Hearing.level(inPassages, RATE, at, 0.5)).as("the level after the join at %.3f s", at)
          .isCloseTo(Hearing.level(inOneGo, RATE, at, 0.5), within(0.3));
      assertThat(Hearing.brightness(inPassages, RATE, at, 0.5)).as("the brightness after the join at %.3f s", at)
          .isCloseTo(Hearing.brightness(inOneGo, RATE, at, 0.5), within(0.3));
    }
  }

  @Test
  void theFlatnessCheckTellsNoiseFromMusic() {
    Random random = new Random(1);
    float[] noise = new float[RATE * 3];
    for (int i = 0; i < noise.length; i++) noise[i] = (float) (random.nextGaussian() * 0.2);

    assertThat(Hearing.flatness(noise)).isGreaterThan(0.4);
  }
}
