package io.tunecut.studio.internal.song;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class SongEarTest {
  @Test
  void theChorusIsTheFirstLoudPartThatRepeatsNotTheRepeatedVerse() {
    List<MadeSongs.Section> song = MadeSongs.popForm();
    SongParts parts = SongEar.hear(MadeSongs.samples(song), MadeSongs.beats(song));
    assertThat(MadeSongs.starts(song, "chorus")).containsExactly(20.0, 52.0, 76.0);
    assertThat(parts.chorus()).hasValueSatisfying(c -> assertThat(c).isCloseTo(20.0, within(0.01)));
  }

  @Test
  void theDropIsWhereTheBassAndBeatComeInAfterTheBuild() {
    List<MadeSongs.Section> song = MadeSongs.dropForm();
    SongParts parts = SongEar.hear(MadeSongs.samples(song), MadeSongs.beats(song));
    assertThat(parts.drop()).hasValueSatisfying(d -> assertThat(d).isCloseTo(32.0, within(0.01)));
  }

  @Test
  void aSongThatNeverRepeatsHasNoChorusAndItsLoudestPartIsWhereTheLoudStretchStarts() {
    List<MadeSongs.Section> song = MadeSongs.throughComposed();
    SongParts parts = SongEar.hear(MadeSongs.samples(song), MadeSongs.beats(song));
    assertThat(parts.chorus()).isEmpty();
    assertThat(parts.loudest()).isCloseTo(40.0, within(0.01));
  }
}
