package io.tunecut.studio.internal.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunecut.studio.internal.compose.Style;
import io.tunecut.studio.internal.compose.Styles;
import io.tunecut.studio.internal.draft.Clip;
import io.tunecut.studio.internal.draft.Draft;
import org.junit.jupiter.api.Test;

/** What new users typed in the console, each once misread: the edit they meant, and nothing else. */
class NewUserPhrasesTest extends RuleAgentTest {
  Draft birthday() {
    Draft d = upload(agent.emptyDraft(), video("v1", "beach.mp4", 10), photo("p1", "cake.jpg"), video("v2", "toast.mp4", 8),
        photo("p2", "dog.jpg"), audio("a1", "hype.mp3", 120));
    return say(d, "add the music").draft();
  }

  Draft twoVideos() {
    return upload(agent.emptyDraft(), video("w1", "IMG_4022.mp4", 6), video("w2", "IMG_4021.mp4", 8));
  }

  @Test
  void theDropIsWhereTheSongStartsNotAnOrderToDropTheMusic() {
    Draft draft = birthday();
    assertThat(say(draft, "make the song start at the drop").draft().music()).isNotNull();
    assertThat(say(draft, "skip to the drop").draft().music()).isNotNull();
    assertThat(say(draft, "drop the music").draft().music()).isNull();
    assertThat(say(draft, "从最好听的部分开始").text()).as("where the song starts, not praise").doesNotContain("喜欢就好");
  }

  @Test
  void photosGoBeforeOrAfterTheVideosEachInTheirOrder() {
    Draft draft = birthday();
    AgentReply first = say(draft, "can you put the photos first and then the videos");
    assertThat(first.draft().clips()).extracting(Clip::src).containsExactly("p1", "p2", "v1", "v2");
    assertThat(first.text()).doesNotContain("didn't understand");
    assertThat(say(draft, "the photos should go at the end").draft().clips()).extracting(Clip::src).containsExactly("v1", "v2", "p1", "p2");
    assertThat(say(draft, "先放照片再放视频").draft().clips()).extracting(Clip::src).containsExactly("p1", "p2", "v1", "v2");
    assertThat(say(draft, "put the dog pic first").draft().clips()).extracting(Clip::src).containsExactly("p2", "v1", "p1", "v2");
  }

  @Test
  void aShareOfOneClipCutsThatClipNotTheVideo() {
    Draft draft = twoVideos();
    for (String said : new String[] {"第二段太长了 剪掉一半", "the 2nd clip is too long, cut half of it", "cut clip 2 in half"}) {
      Draft cut = say(draft, said).draft();
      assertThat(cut.clips()).as(said).extracting(Clip::durationMs).containsExactly(6000L, 4000L);
    }
    assertThat(say(draft, "make the video half as long").draft().durationMs()).isEqualTo(7000);
    assertThat(say(birthday(), "make the beach part shorter like 3 sec").draft().clips().get(0).durationMs()).isEqualTo(3000);
  }

  @Test
  void aTextOnAClipShowsWhileThatClipPlays() {
    Draft draft = birthday();
    var text = say(draft, "write Happy Birthday Lily! at the top of the first photo").draft().captions().get(0);
    assertThat(text.text()).isEqualTo("Happy Birthday Lily!");
    assertThat(text.position()).isEqualTo("top");
    assertThat(text.startMs()).isEqualTo(10000);
    assertThat(text.durationMs()).isEqualTo(3000);
    var zh = say(draft, "在第三段加上字幕“干杯”").draft().captions().get(0);
    assertThat(zh.startMs()).isEqualTo(13000);
    assertThat(zh.durationMs()).isEqualTo(8000);
    assertThat(say(draft, "put \"Day 1\" at the top").draft().captions().get(0).startMs()).isZero();
  }

  @Test
  void askingHowTheMusicEndsIsAnsweredWithItsEndAndChangesNothing() {
    Draft draft = birthday();
    AgentReply abrupt = say(draft, "is the music going to end suddenly?");
    assertThat(abrupt.draft()).isEqualTo(draft);
    assertThat(abrupt.text()).contains("no fade").contains("fade out the music");
    Draft faded = say(draft, "fade out the music").draft();
    AgentReply soft = say(faded, "does the song just stop at the end");
    assertThat(soft.text()).contains("fades out over its last 2 s");
    assertThat(say(draft, "音乐结尾会不会很突然").text()).contains("没有淡出");
  }

  @Test
  void aSlowFadeIsLongerThanTheUsualOne() {
    Draft draft = birthday();
    assertThat(say(draft, "can you add a slow fade at the end").draft().music().fadeOutMs()).isEqualTo(FadeMusic.SLOW_OUT);
    assertThat(say(draft, "淡出长一点").draft().music().fadeOutMs()).isEqualTo(FadeMusic.SLOW_OUT);
    assertThat(say(draft, "fade out").draft().music().fadeOutMs()).isEqualTo(FadeMusic.DEFAULT_OUT);
    assertThat(say(draft, "音乐最后慢慢淡出").draft().music().fadeOutMs()).as("慢慢淡出 is any fade").isEqualTo(FadeMusic.DEFAULT_OUT);
  }

  @Test
  void hypeAndSoftAreStylesOfMusic() {
    assertThat(Styles.find("帮我配个音乐，要那种很燃的")).map(Style::name).contains("cinematic");
    assertThat(Styles.find("make it hype")).map(Style::name).contains("electronic");
    assertThat(Styles.find("add some soft music")).map(Style::name).contains("ambient");
  }

  @Test
  void chatThatAsksForNothingIsAnsweredNotMetWithSilence() {
    Draft draft = birthday();
    for (String said : new String[] {"lol", "hmm", "wait"}) {
      AgentReply reply = say(draft, said);
      assertThat(reply.draft()).as(said).isEqualTo(draft);
      assertThat(reply.text()).as(said).containsIgnoringCase("take your time");
    }
    assertThat(say(draft, "lol").text()).contains("tell me what to change");
    assertThat(say(draft, "哈哈哈").text()).contains("想改什么");
  }

  @Test
  void theOccasionIsNamedByItsWordNotItsNumber() {
    AgentReply reply = say(birthday(), "hi i'm making a video for my daughters 5th birthday");
    assertThat(reply.text()).startsWith("A video for a birthday");
  }
}
