package io.tunecut.studio.internal.agent.beat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tunecut.studio.internal.analysis.TimeRange;
import io.tunecut.studio.internal.draft.Clip;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.draft.Music;
import io.tunecut.studio.internal.media.Media;
import io.tunecut.studio.internal.media.MediaInfo;
import io.tunecut.studio.internal.media.MediaKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The music's ducking always matches the timeline as it is now, whatever changed it. */
class SpeechDuckingTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Media city = media("med_city", "city.mp4", MediaKind.VIDEO, 20);
  private final Media beach = media("med_beach", "beach.mp4", MediaKind.VIDEO, 15);
  private final List<Media> all = List.of(city, beach, media("med_song", "song.mp3", MediaKind.AUDIO, 180));
  /** Someone speaks 1.0–2.5 s into city.mp4; nobody in beach.mp4. */
  private final Map<Path, List<TimeRange>> speech = Map.of(
      city.file(), List.of(new TimeRange(1.0, 2.5)), beach.file(), List.of());
  private final SpeechDucking ducking = new SpeechDucking(speech::get);

  private static Media media(String id, String name, MediaKind kind, double seconds) {
    return new Media(id, name, new MediaInfo(kind, seconds, kind == MediaKind.AUDIO ? 0 : 1920,
        kind == MediaKind.AUDIO ? 0 : 1080, 30, 0, 2, "h264", "aac", "mp4"), Path.of(name));
  }

  /** city (5 s) then beach (7 s), music ducked as it was when the music was added. */
  private static Draft draft() throws Exception {
    return Draft.read(JSON.readTree("""
        {"d": 12000, "m": {"fps": 30},
         "t": [
          {"id": "video", "tt": 0, "sg": [
            {"id": "c1", "src": "med_city", "n": "city.mp4", "kind": "video", "st": 0, "d": 5000, "in": 0, "v": 1.0},
            {"id": "c2", "src": "med_beach", "n": "beach.mp4", "kind": "video", "st": 5000, "d": 7000, "in": 1000, "v": 1.0}]},
          {"id": "music", "tt": 1, "sg": [
            {"id": "m1", "src": "med_song", "n": "song.mp3", "st": 0, "d": 12000, "in": 0, "v": 0.35,
             "duck": {"db": -14, "speech": [[850, 2750]]}}]}
         ]}"""));
  }

  @Test
  void whenTheTalkingClipMovesSecondTheDuckingMovesWithIt() throws Exception {
    Draft before = draft();
    Draft reordered = before.withClips(List.of(before.clips().get(1), before.clips().get(0)));

    Music music = ducking.follow(reordered, all).music();

    // beach plays 0–7 s, so the words at 1.0–2.5 s of city are heard at 8.0–9.5 s (padded)
    assertThat(music.duck().speech()).containsExactly(new Music.Range(7850, 9750));
    assertThat(music.duck().db()).as("the depth asked for stays").isEqualTo(-14);
  }

  @Test
  void aTrimmedClipTakesItsSpeechWithIt() throws Exception {
    Draft before = draft();
    Clip city = before.clips().get(0);
    Draft trimmed = before.withClips(List.of(city.withIn(2000).withDuration(3000), before.clips().get(1)));

    // from 2.0 s on, only the last half second of the words is left, at the very start
    assertThat(ducking.follow(trimmed, all).music().duck().speech())
        .containsExactly(new Music.Range(0, 750));

    Draft cutOut = before.withClips(List.of(city.withIn(3000).withDuration(2000), before.clips().get(1)));
    assertThat(ducking.follow(cutOut, all).music().duck()).as("the words were cut out").isNull();
  }

  @Test
  void mutedClipsDuckNothingAndTheDepthWaitsForTheirSoundToComeBack() throws Exception {
    Draft before = draft();
    Draft muted = before.withClips(before.clips().stream().map(c -> c.withLevel(0)).toList());

    Draft after = ducking.follow(muted, all);

    assertThat(after.music().duck()).as("nobody can be heard, nothing is ducked").isNull();
    assertThat(after.toJson().at("/t/1/sg/0").has("duck")).isFalse();
    Draft unmuted = after.withClips(before.clips());
    assertThat(ducking.follow(unmuted, all).music().duck())
        .isEqualTo(new Music.Duck(-14, List.of(new Music.Range(850, 2750))));
  }

  @Test
  void aRenderRedoesTheDuckingADraftAsksForButAddsNone() throws Exception {
    Draft before = draft();
    Draft movedByAnotherClient = before.withClips(List.of(before.clips().get(1), before.clips().get(0)));

    assertThat(ducking.refresh(movedByAnotherClient, all).music().duck().speech())
        .containsExactly(new Music.Range(7850, 9750));

    Draft neverDucked = before.withMusic(before.music().ducked(-12, List.of()));
    Draft noWish = Draft.read(withoutDuck(before));
    assertThat(ducking.refresh(noWish, all)).isEqualTo(noWish);
    assertThat(ducking.refresh(neverDucked, all).music().duck()).as("depth kept from an earlier turn")
        .isEqualTo(new Music.Duck(-12, List.of(new Music.Range(850, 2750))));
  }

  private static JsonNode withoutDuck(Draft d) {
    ObjectNode json = d.toJson();
    ((ObjectNode) json.at("/t/1/sg/0")).remove("duck");
    return json;
  }
}
