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
  void anUnknownCloudDraftIsSummarisedByCountsAndDurations() throws Exception {
    JsonNode draft = JSON.readTree("{\"t\":[{\"tt\":3,\"sg\":[{\"x\":1,\"st\":0,\"d\":4000},{\"x\":2,\"st\":4000,\"d\":2500}]},"
        + "{\"tt\":0,\"sg\":[{\"foo\":\"bar\"}]}]}");
    String summary = TimelineSummary.of(draft, Language.EN).toString();
    assertThat(summary).contains("track (type 3): 2 segments 0–6.5 s").contains("video");
    assertThat(TimelineSummary.hasClip(draft)).isTrue();
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
}
