package io.tunecut.studio.internal.draft;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DraftTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theDocumentedExampleRoundTripsWithUnknownFieldsKept() throws Exception {
    String doc = """
        {"d":10000,"future":{"x":1},
         "m":{"title":"Urban Dreams","width":1920,"height":1080,"fps":30,"aspect":"16:9","resolution":"1080p","loudness":-14,"theme":"warm"},
         "t":[
          {"id":"video","tt":0,"sg":[{"id":"c1","src":"med_1","n":"city.mp4","kind":"video","st":0,"d":10000,"in":0,"v":1.0,"speed":1}]},
          {"id":"music","tt":1,"sg":[{"id":"m1","src":"med_2","n":"lofi.mp3","st":0,"d":10000,"in":0,"v":0.35,"fi":0,"fo":2000,"loop":true,
             "duck":{"db":-12,"speech":[[1000,2500]]}}]},
          {"id":"text","tt":7,"sg":[{"id":"x1","text":"Urban Dreams","st":0,"d":3000,"pos":"center","size":0.08,"color":"#ffffff"}]},
          {"id":"stickers","tt":9,"sg":[{"id":"s1"}]}
         ]}""";
    JsonNode in = JSON.readTree(doc);
    Draft d = Draft.read(in);
    assertThat(d.music().volume()).isEqualTo(0.35);
    assertThat(d.music().duck().speech()).containsExactly(new Music.Range(1000, 2500));
    assertThat(d.clips().get(0).extra().path("speed").asInt()).isEqualTo(1);
    JsonNode out = d.toJson();
    // same tree; numbers compare by value (30 and 30.0 are the same frame rate)
    java.util.Comparator<JsonNode> byValue = (a, b) -> a.isNumber() && b.isNumber()
        ? Double.compare(a.asDouble(), b.asDouble()) : a.equals(b) ? 0 : 1;
    assertThat(out.equals(byValue, in)).as(out + "\n" + in).isTrue();
    assertThat(d.summary()).contains("music 'lofi.mp3' 0–10 s at 35%").contains("text 'Urban Dreams'");
  }

  @Test
  void anOldDraftHasHardCutsAndClipsAtTheirOwnSpeed() throws Exception {
    Draft old = Draft.read(JSON.readTree("{\"t\":[{\"tt\":0,\"sg\":[{\"src\":\"med_1\",\"d\":4000},{\"src\":\"med_2\",\"d\":6000}]}]}"));
    assertThat(old.transition()).isNull();
    assertThat(old.transitionMs(1)).isZero();
    assertThat(old.clips()).allSatisfy(c -> assertThat(c.speed()).isEqualTo(1.0));
    assertThat(old.toJson().has("xf")).isFalse();
    assertThat(old.toJson().path("t").get(0).path("sg").get(0).has("sp")).isFalse();
  }

  @Test
  void crossfadesAndSpeedsRoundTripAndBadValuesAreKeptInRange() throws Exception {
    Draft d = Draft.read(JSON.readTree("{\"xf\":{\"kind\":\"fade\",\"d\":800},\"t\":[{\"tt\":0,\"sg\":["
        + "{\"src\":\"med_1\",\"d\":4000,\"sp\":2},{\"src\":\"med_2\",\"d\":1000,\"sp\":99},"
        + "{\"src\":\"med_3\",\"kind\":\"image\",\"d\":3000,\"sp\":2}]}]}"));
    assertThat(d.transition().durationMs()).isEqualTo(800);
    assertThat(d.transitionMs(1)).isEqualTo(500); // half the 1 s clip at most
    assertThat(d.transitionMs(2)).isEqualTo(500);
    assertThat(d.clips().get(0).speed()).isEqualTo(2.0);
    assertThat(d.clips().get(0).sourceMs()).isEqualTo(8000);
    assertThat(d.clips().get(1).speed()).isEqualTo(Clip.MAX_SPEED);
    assertThat(d.clips().get(2).speed()).isEqualTo(1.0); // a still has no speed
    assertThat(Draft.read(d.toJson())).isEqualTo(d);
    assertThat(d.summary()).contains("3 clips, crossfades 0.8 s, clip 1 at 2×, clip 2 at 4×");
    assertThat(Draft.read(JSON.readTree("{\"xf\":\"yes\",\"t\":[]}")).transition()).isNull();
    assertThat(Draft.read(JSON.readTree("{\"xf\":{\"d\":60000},\"t\":[]}")).transition().durationMs()).isEqualTo(Transition.MAX_MS);
  }

  @Test
  void aClipAtAnotherSpeedShowsTheSameStretchOfItsSource() {
    Clip c = new Clip("c1", "med_1", "beach.mp4", "video", 10_000, 2000, 1.0, null);
    Clip fast = c.withSpeed(2);
    assertThat(fast.durationMs()).isEqualTo(5000);
    assertThat(fast.sourceMs()).isEqualTo(10_000);
    assertThat(fast.withSpeed(0.5).durationMs()).isEqualTo(20_000);
    Clip cut = fast.withoutHead(1000); // a second of screen time is two of the source
    assertThat(cut.inMs()).isEqualTo(4000);
    assertThat(cut.durationMs()).isEqualTo(4000);
  }

  @Test
  void aRenderNeedsAClipAndCountsTheVideosLengthInMinutes() throws Exception {
    Draft musicOnly = Draft.read(JSON.readTree(
        "{\"d\":5000,\"t\":[{\"tt\":1,\"sg\":[{\"id\":\"m1\",\"src\":\"med_2\",\"st\":0,\"d\":5000}]}]}"));
    Draft twoClips = Draft.read(JSON.readTree("{\"t\":[{\"tt\":0,\"sg\":[{\"src\":\"med_1\",\"d\":30000},"
        + "{\"src\":\"med_3\",\"d\":15000}]},{\"tt\":1,\"sg\":[{\"src\":\"med_2\",\"d\":45000}]},"
        + "{\"tt\":9,\"sg\":[{\"src\":\"med_4\"}]}]}"));
    Draft still = Draft.read(JSON.readTree("{\"t\":[{\"tt\":0,\"sg\":[{\"src\":\"med_1\",\"kind\":\"image\",\"d\":200}]}]}"));

    assertThat(musicOnly.canRender()).isFalse();
    assertThat(twoClips.canRender()).isTrue();
    assertThat(twoClips.renderMinutes()).isEqualTo(0.75);
    // A render is counted a second at least.
    assertThat(still.renderMinutes()).isEqualTo(1 / 60.0);
    assertThat(twoClips.sources()).containsExactly("med_1", "med_3", "med_2", "med_4");
  }

  @Test
  void aMalformedDraftReadsAsEmptyRatherThanFailing() throws Exception {
    Draft d = Draft.read(JSON.readTree("{\"t\":\"nope\",\"m\":[1]}"));
    assertThat(d.clips()).isEmpty();
    assertThat(d.isReady()).isFalse();
    assertThat(Draft.read(JSON.readTree("[]")).isReady()).isFalse();
  }

  @Test
  void framesPerAspectAndResolution() {
    assertThat(Aspect.LANDSCAPE.frame(1080)).isEqualTo(new Aspect.Frame(1920, 1080));
    assertThat(Aspect.PORTRAIT.frame(1080)).isEqualTo(new Aspect.Frame(1080, 1920));
    assertThat(Aspect.SQUARE.frame(720)).isEqualTo(new Aspect.Frame(720, 720));
    assertThat(Aspect.LANDSCAPE.frame(720)).isEqualTo(new Aspect.Frame(1280, 720));
  }

  @ParameterizedTest(name = "a {0}×{1} clip makes a {2} video")
  @CsvSource({
      "1440, 1080, 16:9", // 4:3 is landscape, not square
      "1080, 1440, 9:16",
      "1080, 1080, 1:1",
      "1280, 1024, 1:1", // 5:4 is as wide as square goes
      "1024, 1280, 1:1",
      "1000, 1100, 1:1",
      "1920, 1080, 16:9",
      "1080, 1920, 9:16",
      "2560, 1080, 16:9", // 21:9
      "1080, 2560, 9:16"})
  void aClipsShapeGivesTheFramePeopleExpect(int width, int height, String expected) {
    assertThat(Aspect.nearest(width, height).wire()).isEqualTo(expected);
  }
}
