package io.tunecut.core.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tunecut.core.language.Language;
import io.tunecut.core.testing.FakeNemoServer;
import org.junit.jupiter.api.Test;

class TimelineSummaryTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void ourStudiosDraftReadsAsTracks() throws Exception {
    String summary = TimelineSummary.of(JSON.readTree(FakeNemoServer.EXAMPLE_DRAFT), Language.EN).toString();
    assertThat(summary).startsWith("video 0–10 s · music 'lofi.mp3' 0–10 s at 35%, fade-out 2 s · title 'Urban Dreams' 0–3 s");
  }

  @Test
  void inChineseToo() throws Exception {
    String summary = TimelineSummary.of(JSON.readTree(FakeNemoServer.EXAMPLE_DRAFT), Language.ZH).toString();
    assertThat(summary).contains("视频 0–10 秒").contains("音乐 'lofi.mp3'").contains("音量 35%").contains("标题 'Urban Dreams' 0–3 秒");
  }

  @Test
  void aColourLookIsNamedWithTheFrame() throws Exception {
    JsonNode grey = JSON.readTree(FakeNemoServer.EXAMPLE_DRAFT.replace("\"loudness\":-14}", "\"loudness\":-14,\"look\":\"bw\"}"));
    assertThat(TimelineSummary.of(grey, Language.EN).toString()).endsWith("frame 1920×1080 16:9 black and white");
    assertThat(TimelineSummary.of(grey, Language.ZH).toString()).endsWith("画面 1920×1080 16:9 黑白");
    assertThat(TimelineSummary.of(JSON.readTree(FakeNemoServer.EXAMPLE_DRAFT), Language.EN).toString()).endsWith("frame 1920×1080 16:9");
  }

  @Test
  void aTextBesideTheTitleIsCalledTextAsTheStudioCallsIt() throws Exception {
    JsonNode draft = JSON.readTree(FakeNemoServer.EXAMPLE_DRAFT.replace(
        "{\"id\":\"title\",\"text\":\"Urban Dreams\"",
        "{\"id\":\"c1\",\"text\":\"Day 1\",\"st\":4000,\"d\":2000},{\"id\":\"title\",\"text\":\"Urban Dreams\""));
    assertThat(TimelineSummary.of(draft, Language.EN).toString()).contains("text 'Day 1' 4–6 s").contains("title 'Urban Dreams'");
    assertThat(TimelineSummary.of(draft, Language.ZH).toString()).contains("文字 'Day 1'").contains("标题 'Urban Dreams'");
  }

  @Test
  void anUnknownCloudDraftIsSummarisedByCountsAndDurations() throws Exception {
    JsonNode draft = JSON.readTree("{\"t\":[{\"tt\":3,\"sg\":[{\"x\":1,\"st\":0,\"d\":4000},{\"x\":2,\"st\":4000,\"d\":2500}]},"
        + "{\"tt\":0,\"sg\":[{\"foo\":\"bar\"}]}]}");
    String summary = TimelineSummary.of(draft, Language.EN).toString();
    assertThat(summary).contains("track (type 3): 2 segments 0–6.5 s").contains("video");
    assertThat(TimelineSummary.hasClip(draft)).isTrue();
  }

  @Test
  void theMusicIsSaidToDuckOnlyWhileSomethingIsDucked() throws Exception {
    String ducked = "{\"t\":[{\"tt\":1,\"sg\":[{\"n\":\"song.wav\",\"st\":0,\"d\":6000,"
        + "\"duck\":{\"db\":-12,\"speech\":[[1350,4250]]}}]}]}";
    // the studio's draft once the clips are muted: the depth is kept, nothing is ducked
    String muted = "{\"t\":[{\"tt\":1,\"sg\":[{\"n\":\"song.wav\",\"st\":0,\"d\":6000,\"duckDb\":-12}]}]}";
    assertThat(TimelineSummary.of(JSON.readTree(ducked), Language.EN).toString()).contains("lowered under speech");
    assertThat(TimelineSummary.of(JSON.readTree(muted), Language.EN).toString()).doesNotContain("lowered");
  }

  @Test
  void anEmptyDraftIsEmptyAndHasNoClip() throws Exception {
    JsonNode draft = JSON.readTree("{\"t\":[{\"tt\":0,\"sg\":[]}]}");
    assertThat(TimelineSummary.of(draft, Language.EN).empty()).isTrue();
    assertThat(TimelineSummary.hasClip(draft)).isFalse();
    assertThat(TimelineSummary.hasClip(JSON.createObjectNode())).isFalse();
  }

  @Test
  void aTrackWithoutAClipIsNotEmptyButHasNoClip() throws Exception {
    JsonNode draft = JSON.readTree("{\"t\":[{\"tt\":1,\"sg\":[{\"n\":\"lofi.mp3\",\"st\":0,\"d\":10000}]}]}");
    assertThat(TimelineSummary.of(draft, Language.EN).empty()).isFalse();
    assertThat(TimelineSummary.hasClip(draft)).isFalse();
  }

  @Test
  void theDiffNamesWhatChanged() throws Exception {
    TimelineSummary before = TimelineSummary.of(JSON.readTree(FakeNemoServer.VIDEO_ONLY_DRAFT), Language.EN);
    TimelineSummary after = TimelineSummary.of(JSON.readTree(FakeNemoServer.EXAMPLE_DRAFT), Language.EN);
    String diff = before.diff(after);
    assertThat(diff).contains("added music 'lofi.mp3' 0–10 s at 35%").contains("added title 'Urban Dreams'");
    assertThat(after.diff(after)).isEmpty();
    String louder = FakeNemoServer.EXAMPLE_DRAFT.replace("\"v\":0.35", "\"v\":0.8");
    assertThat(after.diff(TimelineSummary.of(JSON.readTree(louder), Language.EN)))
        .contains("at 80%").contains("(was: music 'lofi.mp3' 0–10 s at 35%");
  }

  private static final String THREE_CLIPS = "{\"d\":9000,%s\"t\":[{\"tt\":0,\"sg\":["
      + "{\"n\":\"a.mp4\",\"st\":0,\"d\":3000%s},{\"n\":\"b.mp4\",\"st\":3000,\"d\":3000%s},"
      + "{\"n\":\"c.mp4\",\"st\":6000,\"d\":3000%s}]}]}";

  private static String summary(Language lang, String xf, String sp1, String sp2, String sp3) throws Exception {
    return TimelineSummary.of(JSON.readTree(String.format(THREE_CLIPS, xf, sp1, sp2, sp3)), lang).toString();
  }

  @Test
  void crossfadesAndClipSpeedsAreNamed() throws Exception {
    String xf = "\"xf\":{\"kind\":\"fade\",\"d\":500},";
    assertThat(summary(Language.EN, xf, "", ",\"sp\":2", ",\"sp\":0.5"))
        .isEqualTo("video 0–9 s (3 clips) · crossfades 0.5 s · clip 2 at 2×, clip 3 at 0.5×");
    assertThat(summary(Language.ZH, xf, "", ",\"sp\":2", ",\"sp\":0.5"))
        .contains("转场淡入淡出 0.5 秒").contains("片段2 2倍速").contains("片段3 0.5倍速");
    assertThat(summary(Language.EN, "", ",\"sp\":1.25", ",\"sp\":1.25", ",\"sp\":1.25"))
        .endsWith("all clips at 1.25×").doesNotContain("crossfade");
  }

  @Test
  void aDraftWithoutThemReadsAsBefore() throws Exception {
    assertThat(summary(Language.EN, "", "", ",\"sp\":1", "")).isEqualTo("video 0–9 s (3 clips)");
    assertThat(summary(Language.EN, "\"xf\":{\"d\":0},", ",\"sp\":\"fast\"", ",\"sp\":-2", ""))
        .isEqualTo("video 0–9 s (3 clips)");
  }

  @Test
  void theDiffSaysWhenCrossfadesOrASpeedChange() throws Exception {
    TimelineSummary cuts = TimelineSummary.of(JSON.readTree(String.format(THREE_CLIPS, "", "", "", "")), Language.EN);
    TimelineSummary faded = TimelineSummary.of(JSON.readTree(String.format(THREE_CLIPS,
        "\"xf\":{\"kind\":\"fade\",\"d\":1000},", "", ",\"sp\":2", "")), Language.EN);
    assertThat(cuts.diff(faded)).contains("added crossfades 1 s").contains("added clip 2 at 2×");
    assertThat(faded.diff(cuts)).contains("removed crossfades 1 s").contains("every clip at normal speed (was: clip 2 at 2×)")
        .doesNotContain("removed clip");
  }
}
