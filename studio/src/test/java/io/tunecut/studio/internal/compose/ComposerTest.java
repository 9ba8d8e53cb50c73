package io.tunecut.studio.internal.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tunecut.studio.internal.compose.Score.Note;
import io.tunecut.studio.internal.compose.Score.Voice;
import io.tunecut.studio.internal.compose.TempoMap.Bar;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The notes of a composed piece, before anyone hears them. */
class ComposerTest {
  /** Cuts of a 30 s travel video: shots of uneven length, two clip changes among them. */
  static final Timeline TRAVEL = new Timeline(30, List.of(new Cue(3.1, 0.6), new Cue(7.4, 1.0), new Cue(11.0, 0.6),
      new Cue(15.2, 1.0), new Cue(20.9, 0.6), new Cue(24.0, 1.0)));

  static List<Style> styles() {
    return Styles.all();
  }

  @ParameterizedTest
  @MethodSource("styles")
  void everyCutFallsOnADownbeatWithinAMillisecond(Style style) {
    Score score = new Composer(style, 7).compose(TRAVEL);

    assertThat(score.tempo().missed()).isEmpty();
    for (Cue cue : TRAVEL.cues()) {
      Bar bar = score.tempo().bars().stream().filter(b -> cue.equals(b.cue())).findFirst().orElseThrow();
      assertThat(score.tempo().downbeat(bar)).as("the downbeat of the cut at %s s", cue.seconds())
          .isCloseTo(cue.seconds(), within(0.001));
    }
  }

  @ParameterizedTest
  @MethodSource("styles")
  void theTempoStaysInTheStyleAndChangesLittleAndRarely(Style style) {
    TempoMap tempo = new Composer(style, 3).compose(TRAVEL).tempo();
    int end = tempo.finalBar().firstBeat();
    int changes = 0;
    for (int i = 0; i < end; i++) {
      assertThat(tempo.bpm(i)).as("beat %d", i).isBetween(style.minBpm() - 1e-6, style.maxBpm() + 1e-6);
      if (i > 0 && Math.abs(tempo.bpm(i) / tempo.bpm(i - 1) - 1) > 1e-6) {
        changes++;
        assertThat(Math.abs(tempo.bpm(i) / tempo.bpm(i - 1) - 1)).as("change at beat %d", i)
            .isLessThanOrEqualTo(TempoPlanner.MAX_CHANGE + 1e-9);
      }
    }
    assertThat(changes).as("the tempo changes only at cuts").isLessThanOrEqualTo(TRAVEL.cues().size());
  }

  @ParameterizedTest
  @MethodSource("styles")
  void itEndsOnTheHomeChordAfterACadenceAndThenRingsOut(Style style) {
    Score score = new Composer(style, 5).compose(TRAVEL);
    List<Integer> chords = score.chords();
    double last = score.tempo().downbeat(score.tempo().finalBar());

    assertThat(chords.get(chords.size() - 1)).isEqualTo(1);
    assertThat(chords.get(chords.size() - 2)).isEqualTo(style.minor() ? 7 : 5);
    assertThat(last).as("the final chord, with a tail after it").isBetween(30 - 3.0, 30 - 1.0);
    List<Integer> home = score.harmony().chord(1);
    List<Note> finalNotes = score.notes().stream().filter(n -> n.seconds() >= last - 1e-9).toList();
    assertThat(finalNotes).isNotEmpty();
    finalNotes.stream().filter(n -> n.channel() != Score.DRUM_CHANNEL)
        .forEach(n -> assertThat(home).as("note %d of the final chord", n.pitch()).contains(n.pitch() % 12));
    assertThat(score.notes()).allSatisfy(n -> assertThat(n.seconds() + n.length()).isLessThanOrEqualTo(30 - 0.5));
  }

  @ParameterizedTest
  @MethodSource("styles")
  void everyNoteIsInTheKeyAndInItsInstrumentsRange(Style style) {
    Score score = new Composer(style, 11).compose(TRAVEL);
    Map<Integer, Voice> voices = score.voices().stream().collect(Collectors.toMap(Voice::channel, Function.identity()));

    assertThat(score.notes()).hasSizeGreaterThan(100);
    for (Note n : score.notes()) {
      Voice v = voices.get(n.channel());
      if (v.isDrums()) continue;
      assertThat(score.harmony().inKey(n.pitch())).as("%d in %s", n.pitch(), score.harmony().name()).isTrue();
      assertThat(n.pitch()).as("%s note", v.part().role()).isBetween(v.part().low(), v.part().high());
      assertThat(n.velocity()).isBetween(1, 127);
    }
  }

  @Test
  void theSameSeedGivesTheSameNotesAndAnotherSeedOthers() {
    Style pop = Styles.standard();
    Score first = new Composer(pop, 42).compose(TRAVEL);
    Score again = new Composer(pop, 42).compose(TRAVEL);
    Score other = new Composer(pop, 43).compose(TRAVEL);

    assertThat(again.notes()).isEqualTo(first.notes());
    assertThat(other.notes()).isNotEqualTo(first.notes());
  }

  @Test
  void theMusicBuildsFromAQuietIntroAndEveryCutIsHit() {
    Score score = new Composer(Styles.standard(), 1).compose(TRAVEL);
    double firstBar = score.tempo().seconds(4);
    long introNotes = score.notes().stream().filter(n -> n.seconds() < firstBar).count();
    double middle = 15.2;
    long middleNotes = score.notes().stream().filter(n -> n.seconds() >= middle && n.seconds() < middle + firstBar).count();

    assertThat(middleNotes).as("notes in a bar mid-video against the first bar").isGreaterThan(2 * introNotes);
    for (Cue cue : TRAVEL.cues()) {
      assertThat(score.notes()).as("a drum hit on the cut at %s", cue.seconds())
          .anySatisfy(n -> {
            assertThat(n.channel()).isEqualTo(Score.DRUM_CHANNEL);
            assertThat(n.seconds()).isCloseTo(cue.seconds(), within(0.001));
          });
    }
    assertThat(score.notes()).as("crashes on the clip changes")
        .filteredOn(n -> n.channel() == Score.DRUM_CHANNEL && n.pitch() == Composer.CRASH)
        .extracting(n -> Math.round(n.seconds() * 10) / 10.0).contains(7.4, 15.2, 24.0);
  }

  @Test
  void withAClipChangeEveryFewSecondsEveryCutIsHitButCrashesComeOnlyEveryFewBars() {
    List<Cue> cues = new ArrayList<>();
    for (double at = 2.3; at < 35; at += 2.3) cues.add(new Cue(at, 1.0));
    Timeline slideshow = new Timeline(40, cues);
    Score score = new Composer(Styles.standard(), 4).compose(slideshow);
    TempoMap tempo = score.tempo();
    double ending = tempo.downbeat(tempo.finalBar());

    assertThat(tempo.missed()).isEmpty();
    List<Double> crashes = score.notes().stream()
        .filter(n -> n.channel() == Score.DRUM_CHANNEL && n.pitch() == Composer.CRASH && n.seconds() < ending - 1e-6)
        .map(Note::seconds).toList();
    assertThat(crashes).as("crashes before the ending").hasSizeBetween(2, cues.size() / 2);
    for (int i = 1; i < crashes.size(); i++) {
      double gap = crashes.get(i) - crashes.get(i - 1);
      assertThat(gap).as("from the crash at %.2f s to the next", crashes.get(i - 1))
          .isGreaterThanOrEqualTo(Composer.SHORTEST_SECTION * 4 * 60 / Styles.standard().maxBpm() - 0.01);
    }
    for (Cue cue : cues) {
      assertThat(score.notes()).as("a drum hit on the cut at %s", cue.seconds())
          .anySatisfy(n -> {
            assertThat(n.channel()).isEqualTo(Score.DRUM_CHANNEL);
            assertThat(n.seconds()).isCloseTo(cue.seconds(), within(0.001));
          });
    }
  }
}
