package io.tunecut.studio.internal.agent.beat;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunecut.studio.internal.agent.beat.BeatRequest.Kind;
import org.junit.jupiter.api.Test;

class BeatRequestTest {
  private static Kind kind(String message) {
    return BeatRequest.read(message).map(BeatRequest::kind).orElse(null);
  }

  @Test
  void syncRequestsInEnglishAndChinese() {
    assertThat(kind("add background music and sync it to the cuts")).isEqualTo(Kind.SYNC_TO_CUTS);
    assertThat(kind("Sync the music to the cuts")).isEqualTo(Kind.SYNC_TO_CUTS);
    assertThat(kind("sync it to the beat")).isEqualTo(Kind.SYNC_TO_CUTS);
    assertThat(kind("卡点")).isEqualTo(Kind.SYNC_TO_CUTS);
    assertThat(BeatRequest.read("sync to the cuts and snap the cuts onto beats").get().nudge()).isTrue();
    assertThat(BeatRequest.read("sync to the cuts").get().nudge()).isFalse();
  }

  @Test
  void cutsOnTheBeatAreSyncRequestsAndQuestionsAboutTheBeatAreNot() {
    for (String asked : new String[] {"make the cuts hit the beat", "cuts on the beat pls", "切换点卡在节拍上",
        "can you put the cuts on the beat?", "能卡点吗？", "剪辑点都对准节拍"}) {
      assertThat(kind(asked)).as(asked).isEqualTo(Kind.SYNC_TO_CUTS);
    }
    for (String question : new String[] {"does it cut on the beat?", "节拍对吗？", "卡点了吗？", "are the cuts on the beat?",
        "is it on the beat", "节拍准不准"}) {
      assertThat(kind(question)).as(question).isEqualTo(Kind.ASK);
    }
  }

  @Test
  void montageRequestsCarryTheirLengthAndShotLength() {
    BeatRequest travel = BeatRequest.read("make a 60-second travel montage").get();
    assertThat(travel.kind()).isEqualTo(Kind.MONTAGE);
    assertThat(travel.seconds()).isEqualTo(60);
    assertThat(kind("cut to the beat")).isEqualTo(Kind.MONTAGE);
    assertThat(BeatRequest.read("cut them to the beat, every 2 beats").get().beatsPerShot()).isEqualTo(2);
    assertThat(BeatRequest.read("one minute montage, every bar").get().seconds()).isEqualTo(60);
    assertThat(BeatRequest.read("剪成卡点视频，30秒，每小节一个镜头").get())
        .isEqualTo(new BeatRequest(Kind.MONTAGE, 30, BeatRequest.A_BAR, false, 0));
  }

  @Test
  void phraseEndingAndDucking() {
    assertThat(kind("end on a phrase")).isEqualTo(Kind.END_ON_PHRASE);
    assertThat(kind("音乐在小节上结束")).isEqualTo(Kind.END_ON_PHRASE);
    assertThat(kind("duck the music under speech")).isEqualTo(Kind.DUCK);
    assertThat(kind("lower the music when people talk")).isEqualTo(Kind.DUCK);
    assertThat(BeatRequest.read("duck the music by 10 dB").get().db()).isEqualTo(-10);
    assertThat(kind("说话时降低音乐")).isEqualTo(Kind.DUCK);
    assertThat(kind("don't duck")).isEqualTo(Kind.NO_DUCK);
    assertThat(kind("不要闪避")).isEqualTo(Kind.NO_DUCK);
  }

  @Test
  void otherInstructionsAreNotBeatRequests() {
    assertThat(BeatRequest.read("music at 35%")).isEmpty();
    assertThat(BeatRequest.read("title 'Urban Dreams'")).isEmpty();
    assertThat(BeatRequest.read("make it vertical")).isEmpty();
    assertThat(BeatRequest.read("fade it out at the end")).isEmpty();
  }
}
