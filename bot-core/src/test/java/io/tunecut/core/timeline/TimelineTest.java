package io.tunecut.core.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tunecut.core.access.RenderSize;
import io.tunecut.core.language.Language;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimelineTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A draft as our studio sends it: two clips, ducked music with a fade-out, a title, output settings. */
  private static final String STUDIO_DRAFT = """
      {"d":14500,
       "m":{"title":"Urban Dreams","aspect":"9:16","resolution":"1080p","width":1080,"height":1920,"fps":30,
            "fill":"blur","loudness":-14},
       "t":[{"id":"video","tt":0,"sg":[
              {"id":"c1","src":"med_1","n":"city.mp4","kind":"video","st":0,"d":10000,"in":0,"v":1.0},
              {"id":"c2","src":"med_2","n":"beach.jpg","kind":"image","st":10000,"d":4500,"in":0,"v":1.0}]},
            {"id":"music","tt":1,"sg":[
              {"id":"m1","src":"med_3","n":"lofi.mp3","st":0,"d":14500,"in":0,"v":0.35,"fi":0,"fo":2000,"loop":true,
               "duck":{"db":-12,"speech":[[1350,4250]]}}]},
            {"id":"text","tt":7,"sg":[
              {"id":"title","text":"Urban Dreams","st":0,"d":3000,"pos":"center","size":0.08,"color":"#ffffff"}]}]}
      """;

  @Test
  void aStudioDraftReadsAsClipsMusicTitleAndFrame() throws Exception {
    Timeline timeline = Timeline.of(JSON.readTree(STUDIO_DRAFT));

    assertThat(timeline.lengthMs()).isEqualTo(14_500);
    assertThat(timeline.endMs()).isEqualTo(14_500);
    assertThat(timeline.hasClip()).isTrue();
    assertThat(timeline.empty()).isFalse();
    assertThat(timeline.clips()).extracting(Timeline.Segment::name).containsExactly("city.mp4", "beach.jpg");
    assertThat(timeline.clips().get(1).startMs()).isEqualTo(10_000);
    assertThat(timeline.clips().get(1).endMs()).isEqualTo(14_500);
    assertThat(timeline.frame()).isEqualTo(new Timeline.Frame(1080, 1920, "9:16"));

    Timeline.Segment music = timeline.tracks().get(1).segments().get(0);
    assertThat(timeline.tracks().get(1).type()).isEqualTo(Timeline.MUSIC);
    assertThat(music.name()).isEqualTo("lofi.mp3");
    assertThat(music.volume()).isEqualTo(OptionalDouble.of(0.35));
    assertThat(music.fadeOutMs()).isEqualTo(2000);
    assertThat(music.ducked()).isTrue();

    Timeline.Segment title = timeline.tracks().get(2).segments().get(0);
    assertThat(title.text()).isEqualTo("Urban Dreams");
    assertThat(title.length()).isEqualTo(OptionalLong.of(3000));
  }

  @Test
  void everyReaderOfTheDraftAgrees() throws Exception {
    JsonNode draft = JSON.readTree(STUDIO_DRAFT);
    assertThat(RenderSize.of(draft)).isEqualTo(new RenderSize(15, 10, "city.mp4"));
    assertThat(TimelineSummary.of(draft, Language.EN).toString())
        .isEqualTo("video 0–14.5 s (2 clips) · music 'lofi.mp3' 0–14.5 s at 35%, fade-out 2 s, lowered under speech"
            + " · title 'Urban Dreams' 0–3 s · frame 1080×1920 9:16");
  }

  @Test
  void withoutItsOwnLengthTheVideoLastsUntilItsLastSegmentEnds() throws Exception {
    Timeline timeline = Timeline.of(JSON.readTree(STUDIO_DRAFT.replace("\"d\":14500,\n", "")));
    assertThat(timeline.lengthMs()).isZero();
    assertThat(timeline.endMs()).isEqualTo(14_500);
  }

  @Test
  void clipsWithoutAStartFollowOneAnother() throws Exception {
    Timeline timeline = Timeline.of(JSON.readTree("{\"t\":[{\"tt\":0,\"sg\":[{\"d\":4000},{\"d\":2500}]}]}"));
    assertThat(timeline.clips()).extracting(Timeline.Segment::startMs).containsExactly(0L, 4000L);
    assertThat(timeline.endMs()).isEqualTo(6500);
  }

  @Test
  void aTrackWithoutATypeIsAVideoTrackAsTheStudioRendersIt() throws Exception {
    assertThat(Timeline.of(JSON.readTree("{\"t\":[{\"sg\":[{\"n\":\"a.mp4\",\"d\":1000}]}]}")).hasClip()).isTrue();
    assertThat(Timeline.of(JSON.readTree("{\"t\":[{\"tt\":1,\"sg\":[{\"n\":\"a.mp3\",\"d\":1000}]}]}")).hasClip()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{}", "[]", "null", "42", "\"draft\"", "{\"t\":null}", "{\"t\":{\"tt\":0}}", "{\"t\":\"tracks\"}", "{\"t\":[null, 3, \"x\"]}",
      "{\"d\":\"long\",\"m\":[],\"t\":[{\"tt\":\"video\",\"sg\":{\"d\":5}}]}",
      "{\"m\":{\"width\":\"wide\",\"height\":null,\"aspect\":{\"w\":16}},\"t\":[{\"tt\":0,\"sg\":\"clips\"}]}"})
  void oddDraftsReadAsEmptyWithoutAnError(String json) throws Exception {
    Timeline timeline = Timeline.of(JSON.readTree(json));
    assertThat(timeline.hasClip()).isFalse();
    assertThat(timeline.empty()).isTrue();
    assertThat(timeline.endMs()).isZero();
    assertThat(timeline.frame().sized()).isFalse();
    assertThat(timeline.frame().aspect()).isEmpty();
    assertThat(RenderSize.of(JSON.readTree(json))).isEqualTo(new RenderSize(0, 0, null));
  }

  @Test
  void oddSegmentFieldsReadAsAbsent() throws Exception {
    Timeline timeline = Timeline.of(JSON.readTree(
        "{\"t\":[{\"tt\":1,\"sg\":[{\"n\":{\"x\":1},\"st\":\"soon\",\"d\":null,\"v\":\"loud\",\"fi\":-5,\"duck\":true}, 7]}]}"));
    Timeline.Segment odd = timeline.tracks().get(0).segments().get(0);
    assertThat(odd.name()).isEmpty();
    assertThat(odd.startMs()).isZero();
    assertThat(odd.fadeInMs()).isZero();
    assertThat(odd.ducked()).isFalse();
    assertThat(odd.length()).isEmpty();
    assertThat(odd.volume()).isEmpty();
    assertThat(timeline.tracks().get(0).segments()).hasSize(2);
    assertThat(Timeline.of(null)).isEqualTo(Timeline.EMPTY);
  }
}
