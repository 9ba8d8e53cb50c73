package io.tunecut.studio.internal.agent.beat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tunecut.studio.internal.agent.DuckMusic;
import io.tunecut.studio.internal.agent.Edit;
import io.tunecut.studio.internal.analysis.Beats;
import io.tunecut.studio.internal.analysis.Cuts;
import io.tunecut.studio.internal.analysis.TimeRange;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.media.Media;
import io.tunecut.studio.internal.media.MediaInfo;
import io.tunecut.studio.internal.media.MediaKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BeatEditsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Beats beats = Grid.steady(120, 0.3, 180);
  private final Media song = media("med_song", "song.mp3", MediaKind.AUDIO, 180, true);
  private final Media city = media("med_city", "city.mp4", MediaKind.VIDEO, 20, true);
  private final Media beach = media("med_beach", "beach.mp4", MediaKind.VIDEO, 15, false);
  private final Map<Path, Cuts> cutsByFile = Map.of(
      city.file(), new Cuts(List.of(3.0), List.of()), beach.file(), new Cuts(List.of(), List.of()));
  private final Map<Path, List<TimeRange>> speechByFile = Map.of(
      city.file(), List.of(new TimeRange(1.0, 2.5)), beach.file(), List.of());
  private final BeatEdits edits = new BeatEdits(f -> beats, cutsByFile::get, speechByFile::get);

  private static Media media(String id, String name, MediaKind kind, double seconds, boolean audio) {
    return new Media(id, name, new MediaInfo(kind, seconds, kind == MediaKind.AUDIO ? 0 : 1920,
        kind == MediaKind.AUDIO ? 0 : 1080, 30, 0, audio ? 2 : 0, "h264", "aac", "mp4"), Path.of(name));
  }

  private ObjectNode draft() throws Exception {
    return (ObjectNode) JSON.readTree("""
        {"d": 12000, "m": {"fps": 30},
         "t": [
          {"id": "video", "tt": 0, "sg": [
            {"id": "c1", "src": "med_city", "n": "city.mp4", "kind": "video", "st": 0, "d": 5000, "in": 0, "v": 1.0},
            {"id": "c2", "src": "med_beach", "n": "beach.mp4", "kind": "video", "st": 5000, "d": 7000, "in": 1000, "v": 1.0}]},
          {"id": "music", "tt": 1, "sg": [
            {"id": "m1", "src": "med_song", "n": "song.mp3", "st": 0, "d": 12000, "in": 0, "v": 0.35, "fi": 0, "fo": 2000, "loop": true}]}
         ]}""");
  }

  private List<Media> all() {
    return List.of(city, beach, song);
  }

  @Test
  void syncingShiftsTheMusicSoTheClipCutsLandOnBeatsAndLeavesTheClipsAlone() throws Exception {
    ObjectNode before = draft();

    BeatEdits.Edit edit = edits.syncToCuts(Draft.read(before), all(), false, "en");

    long in = edit.draft().toJson().at("/t/1/sg/0/in").asLong();
    // cuts at 3.0 s (inside city.mp4) and 5.0 s (between clips); beats at 0.3 + k/2
    for (double cut : List.of(3.0, 5.0)) {
      double onTrack = cut + in / 1000.0;
      assertThat(Math.abs(CutSync.nearest(beats.beats(), onTrack) - onTrack)).isLessThan(0.04);
    }
    assertThat(edit.draft().clips()).isEqualTo(Draft.read(before).clips());
    assertThat(before).isEqualTo(draft()); // the argument is untouched
    assertThat(edit.text()).startsWith("120 BPM, 2 cuts — the song plays from ").endsWith("so 2 of 2 cuts land on a beat.");
  }

  @Test
  void syncingWithoutMusicSaysWhatIsMissing() throws Exception {
    ObjectNode noMusic = draft();
    ((com.fasterxml.jackson.databind.node.ArrayNode) noMusic.get("t")).remove(1);
    BeatEdits.Edit edit = edits.syncToCuts(Draft.read(noMusic), all(), false, "zh");
    assertThat(edit.changed()).isFalse();
    assertThat(edit.text()).contains("背景音乐");
    assertThat(edit.draft()).isEqualTo(Draft.read(noMusic));
  }

  @Test
  void aMontageReplacesTheClipsWithWholeBeatShotsAndStartsTheMusicOnADownbeat() throws Exception {
    BeatEdits.Edit edit = edits.montage(Draft.read(draft()), all(), 24, 0, "en");

    JsonNode shots = edit.draft().toJson().at("/t/0/sg");
    assertThat(shots.size()).isGreaterThan(5);
    long at = 0;
    for (JsonNode s : shots) {
      assertThat(s.get("st").asLong()).isEqualTo(at);
      at += s.get("d").asLong();
    }
    assertThat(edit.draft().toJson().get("d").asLong()).isEqualTo(at);
    assertThat(edit.draft().toJson().at("/t/1/sg/0/d").asLong()).isEqualTo(at);
    assertThat(beats.downbeats()).contains(edit.draft().toJson().at("/t/1/sg/0/in").asLong() / 1000.0);
    assertThat(edit.text()).startsWith("Made a ").contains(" s montage of the ").contains("at 120 BPM, every cut on a beat");
    // the draft knows the shots lie on the beats, and laying them again moves nothing
    assertThat(edit.draft().grid().src()).isEqualTo("med_song");
    assertThat(edit.draft().isShot(0)).isTrue();
    assertThat(edit.draft().withClips(edit.draft().clips())).isEqualTo(edit.draft());
  }

  @Test
  void aMontageAskedForRightAfterSendingATrackIsCutToThatTrack() throws Exception {
    ObjectNode withoutMusic = (ObjectNode) JSON.readTree("{\"d\": 0, \"m\": {\"fps\": 30}, \"t\": []}");

    BeatEdits.Edit edit = edits.montage(Draft.read(withoutMusic), all(), 24, 2, "en");

    assertThat(edit.changed()).as(edit.text()).isTrue();
    assertThat(edit.draft().toJson().at("/t/1/sg/0/src").asText()).isEqualTo("med_song");
    JsonNode shots = edit.draft().toJson().at("/t/0/sg");
    assertThat(shots).extracting(s -> s.get("src").asText()).contains("med_city", "med_beach");
    // 2 beats at 120 BPM: every shot but the last lasts a second
    for (int i = 0; i + 1 < shots.size(); i++) {
      assertThat(shots.get(i).get("d").asLong()).isBetween(967L, 1033L);
    }
  }

  @Test
  void aMontageShorterThanAskedSaysTheClipsRanOut() throws Exception {
    // 35 s of clips: a 60 s montage cannot be made without showing shots twice
    BeatEdits.Edit longer = edits.montage(Draft.read(draft()), all(), 60, 2, "en");
    assertThat(longer.draft().toJson().get("d").asLong()).isLessThanOrEqualTo(35_000);
    assertThat(longer.text()).contains("shorter than the 60 s you asked for").contains("the clips have 35.0 s");
    assertThat(edits.montage(Draft.read(draft()), all(), 60, 2, "zh").text()).contains("比你要的 60 秒短");

    assertThat(edits.montage(Draft.read(draft()), all(), 24, 2, "en").text()).doesNotContain("shorter than");
  }

  @Test
  void aMontageLowersTheClipsOwnSoundAndSaysSo() throws Exception {
    BeatEdits.Edit edit = edits.montage(Draft.read(draft()), all(), 24, 0, "en");

    assertThat(edit.draft().toJson().at("/t/0/sg")).allSatisfy(s -> assertThat(s.get("v").asDouble()).isEqualTo(0.3));
    assertThat(edit.text()).contains("The clips' own sound is down to 30%");
  }

  @Test
  void endingOnAPhraseFadesTheMusicOutFromABarLineToTheVideosLastFrame() throws Exception {
    ObjectNode draft = draft();
    BeatEdits.Edit edit = edits.endOnPhrase(Draft.read(draft), all(), "en");
    long d = edit.draft().toJson().at("/t/1/sg/0/d").asLong();
    long fade = edit.draft().toJson().at("/t/1/sg/0/fo").asLong();
    assertThat(d).as("the music lasts to the end").isEqualTo(draft.path("d").asLong() - draft.at("/t/1/sg/0/st").asLong());
    double fadeStart = (d - fade + draft.at("/t/1/sg/0/in").asLong()) / 1000.0;
    assertThat(beats.downbeats()).anySatisfy(b -> assertThat(Math.abs(b - fadeStart)).isLessThan(0.001));
    assertThat(fade).isPositive();
  }

  @Test
  void musicIsDuckedWhereSomeoneSpeaksAndOnlyInClipsWithSound() throws Exception {
    Draft draft = Draft.read(draft());
    Edit edit = DuckMusic.duck(draft, -12, edits.heard(draft, all()));

    JsonNode duck = edit.draft().toJson().at("/t/1/sg/0/duck");
    assertThat(duck.get("db").asInt()).isEqualTo(-12);
    assertThat(duck.get("speech")).hasSize(1);
    assertThat(duck.at("/speech/0/0").asLong()).isEqualTo(850);
    assertThat(duck.at("/speech/0/1").asLong()).isEqualTo(2750);
    assertThat(edit.english()).isEqualTo("The music goes down 12 dB in 1 place where people talk.");
  }

  @Test
  void duckingHappensByItselfUnlessTheUserSaidNotTo() throws Exception {
    assertThat(edits.followTimeline(Draft.read(draft()), all(), "en")).isPresent();

    Draft declined = DuckMusic.keepLevel(Draft.read(draft())).draft();
    assertThat(declined.toJson().at("/t/1/sg/0").has("duck")).isFalse();
    assertThat(edits.followTimeline(declined, all(), "en")).isEmpty();
  }
}
