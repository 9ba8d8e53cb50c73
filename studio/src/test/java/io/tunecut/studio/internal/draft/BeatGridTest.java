package io.tunecut.studio.internal.draft;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A montage's shots laid on the music's beats: whatever is trimmed, moved or removed, every cut stays on a beat. */
class BeatGridTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final double FPS = 30;

  /** A draft as a client saved it before drafts knew montages: its clips are plain clips and keep their lengths. */
  @Test
  void anOldDraftStillLoadsAsBeforeAndItsClipsKeepTheirLengths() throws Exception {
    String saved = """
        {"d":7000,"m":{"fps":30},"t":[
          {"id":"video","tt":0,"sg":[
            {"id":"b1","src":"med_1","n":"a.mp4","kind":"video","st":0,"d":2000,"in":0,"v":0.3},
            {"id":"b2","src":"med_2","n":"b.mp4","kind":"video","st":2000,"d":2000,"in":500,"v":0.3},
            {"id":"b3","src":"med_3","n":"c.mp4","kind":"video","st":4000,"d":3000,"in":0,"v":0.3}]},
          {"id":"music","tt":1,"sg":[{"id":"m1","src":"med_4","n":"drums.wav","st":0,"d":7000,"in":300,"v":1.0,"fi":0,"fo":0,"loop":true}]}]}""";
    Draft old = Draft.read(JSON.readTree(saved));

    assertThat(old.grid()).isNull();
    assertThat(old.clips()).extracting(Clip::beats).containsOnly(0);
    assertThat(old.isShot(0)).isFalse();
    assertThat(old.toJson().get("t").toString()).as("the tracks as saved").isEqualTo(JSON.readTree(saved).get("t").toString());
    assertThat(old.toJson().has("grid")).isFalse();
    List<Clip> trimmed = new ArrayList<>(old.clips());
    trimmed.set(1, trimmed.get(1).withDuration(1300));
    assertThat(old.withClips(trimmed).clips()).extracting(Clip::durationMs).containsExactly(2000L, 1300L, 3000L);
  }

  @Test
  void aMontageKeepsItsGridAndShotsWhenSavedAndRead() throws Exception {
    Draft montage = montage(steady(0.3, 0.5, 40), 4, 4, 4, 2);
    Draft read = Draft.read(JSON.readTree(montage.toJson().toString()));

    assertThat(read).isEqualTo(montage);
    assertThat(read.toJson().path("grid").path("src").asText()).isEqualTo("med_song");
    assertThat(read.toJson().at("/t/0/sg/1/beats").asInt()).isEqualTo(4);
    assertThat(read.isShot(1)).isTrue();
    assertThat(read.clips()).extracting(Clip::durationMs).containsExactly(2000L, 2000L, 2000L, 1000L);
  }

  @Test
  void trimmingAShotByBeatsMovesEveryLaterCutByWholeBeats() throws Exception {
    for (List<Long> beats : List.of(steady(0.3, 0.5, 40), realSong())) {
      Draft montage = montage(beats, 4, 4, 4, 4, 4);
      List<Clip> clips = new ArrayList<>(montage.clips());
      Clip second = clips.get(1);
      clips.set(1, second.withDuration(Math.round(second.durationMs() / 2.0)).withBeats(2));

      Draft trimmed = montage.withClips(clips);

      assertThat(trimmed.clips()).extracting(Clip::beats).containsExactly(4, 2, 4, 4, 4);
      assertOnBeats(trimmed, beats);
      assertThat(trimmed.clipStartMs(2)).isEqualTo(montage.grid().cutMs(6, montage.music(), FPS));
    }
  }

  @Test
  void removingOrMovingShotsKeepsEveryCutOnABeatOfTheSong() throws Exception {
    List<Long> beats = realSong(); // a real song's beats are uneven: lengths in ms do not add up to beats
    Draft montage = montage(beats, 4, 2, 4, 1, 4, 3);

    List<Clip> removed = new ArrayList<>(montage.clips());
    removed.remove(1);
    List<Clip> moved = new ArrayList<>(montage.clips());
    moved.add(0, moved.remove(5));

    assertOnBeats(montage.withClips(removed), beats);
    assertThat(montage.withClips(removed).clips()).extracting(Clip::beats).containsExactly(4, 4, 1, 4, 3);
    assertOnBeats(montage.withClips(moved), beats);
    assertThat(montage.withClips(moved).clips()).extracting(Clip::beats).containsExactly(3, 4, 2, 4, 1, 4);
    assertThat(montage.withClips(montage.clips())).as("laid again, nothing moves").isEqualTo(montage);
  }

  @Test
  void aShotMadeSlowerBySecondsTakesTheNearestWholeBeats() throws Exception {
    Draft montage = montage(steady(0.3, 0.5, 40), 4, 4, 4);
    List<Clip> clips = new ArrayList<>(montage.clips());
    clips.set(0, clips.get(0).withSpeed(0.8)); // 2 s → 2.5 s: five beats

    Draft slower = montage.withClips(clips);

    assertThat(slower.clips()).extracting(Clip::beats).containsExactly(5, 4, 4);
    assertOnBeats(slower, steady(0.3, 0.5, 40));
  }

  @Test
  void withTheMusicStartingLaterTheShotsBeforeItKeepTheirLengthAndTheCutsAfterFollowItsBeats() throws Exception {
    List<Long> beats = steady(0.3, 0.5, 40);
    Draft montage = montage(beats, 4, 4, 4, 4, 4);
    Draft later = montage.withMusic(montage.music().withTiming(2250, montage.durationMs() - 2250, montage.music().inMs()));
    List<Clip> clips = new ArrayList<>(later.clips());
    clips.remove(3);

    Draft laid = later.withClips(clips);

    assertThat(laid.clips().get(0).durationMs()).as("before the music").isEqualTo(2000);
    assertThat(laid.clips()).allSatisfy(c -> assertThat(c.durationMs()).isPositive());
    for (int i = 2; i < laid.clips().size(); i++) {
      long cut = laid.clipStartMs(i);
      assertThat(beats).as("a beat at %d ms", cut).anySatisfy(b -> assertThat(b + 2250 - beats.get(0) - cut).isBetween(0L, 34L));
    }
  }

  @Test
  void anotherTrackTakesTheGridWithItAndTheShotsArePlainClips() throws Exception {
    Draft montage = montage(steady(0.3, 0.5, 40), 4, 4);
    Music other = new Music("m2", "med_other", "other.mp3", 0, 4000, 0, 1.0, 0, 0, true, null, null);

    Draft swapped = montage.withMusic(other);

    assertThat(swapped.grid()).isNull();
    assertThat(swapped.isShot(0)).isFalse();
    assertThat(swapped.toJson().has("grid")).isFalse();
    List<Clip> clips = new ArrayList<>(swapped.clips());
    clips.set(0, clips.get(0).withDuration(1234));
    assertThat(swapped.withClips(clips).clips().get(0).durationMs()).isEqualTo(1234);
    assertThat(Draft.read(JSON.readTree("{\"grid\":{\"src\":\"med_x\",\"beats\":[1,\"x\"]},\"t\":[]}")).grid()).isNull();
  }

  /** Each cut, with the music where it is, on the frame at or before a beat of {@code beats} (track ms). */
  private static void assertOnBeats(Draft draft, List<Long> beats) {
    long offset = draft.music().startMs() - draft.music().inMs();
    for (int i = 1; i < draft.clips().size(); i++) {
      long cut = draft.clipStartMs(i);
      assertThat(beats).as("a beat at the cut at %d ms (%s)", cut, draft.clips())
          .anySatisfy(b -> assertThat(b + offset - cut).isBetween(0L, Math.round(1000 / FPS)));
    }
  }

  /** Shots of these many beats, laid from the first beat, the music from that beat at 0. */
  private static Draft montage(List<Long> beats, int... shots) {
    long in = beats.get(0);
    Music music = new Music("m1", "med_song", "song.mp3", 0, 0, in, 1.0, 0, 0, true, null, null);
    List<Clip> clips = new ArrayList<>();
    double period = (beats.get(beats.size() - 1) - in) / (beats.size() - 1.0);
    for (int i = 0; i < shots.length; i++) {
      clips.add(new Clip("b" + (i + 1), "med_" + (i % 3 + 1), "clip" + i + ".mp4", "video", Math.round(shots[i] * period),
          500, 0.3, 1, shots[i], null));
    }
    Draft d = Draft.empty().withMusic(music)
        .withGrid(new BeatGrid("med_song", beats)).withClips(clips);
    return d.withMusic(d.music().withTiming(0, d.durationMs(), in));
  }

  private static List<Long> steady(double first, double period, double seconds) {
    List<Long> beats = new ArrayList<>();
    for (double t = first; t < seconds; t += period) beats.add(Math.round(t * 1000));
    return beats;
  }

  /** The beats aubio hears in 30 s of a real song (test resources), ms. */
  private static List<Long> realSong() throws IOException {
    try (InputStream in = BeatGridTest.class.getResourceAsStream("/beats/hyperrogue-hr3-hell.aubio.txt")) {
      List<Long> beats = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) beats.add(Math.round(Double.parseDouble(line.strip()) * 1000));
      }
      return beats;
    }
  }
}
