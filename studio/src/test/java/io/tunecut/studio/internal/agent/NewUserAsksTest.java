package io.tunecut.studio.internal.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunecut.studio.internal.draft.Clip;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.draft.Look;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What people typed in the console as new users, and what they should get. */
class NewUserAsksTest {
  /** The rule agent's fixtures: a 10 s beach.mp4, an 8 s city.mp4 and two tracks. */
  private final RuleAgentTest studio = new RuleAgentTest();
  private final RuleAgent agent = studio.agent;
  private History history = History.none();

  private AgentReply say(Draft draft, String message) {
    return studio.say(draft, message);
  }

  private Draft travelDraft() {
    return studio.travelDraft();
  }

  /** One turn with the history the studio keeps between turns. */
  private AgentReply turn(Draft draft, String message) {
    AgentReply reply = agent.respond(draft, history, studio.media, message, "en");
    history = reply.history();
    return reply;
  }

  private Draft withMusic() {
    return say(travelDraft(), "use lofi").draft();
  }

  @Test
  void whatDidYouChangeSaysTheLastChangeAndChangesNothing() {
    Draft draft = withMusic();
    assertThat(turn(draft, "what did you change?").text()).contains("haven't changed anything");
    draft = turn(draft, "music 50%").draft();
    draft = turn(draft, "fade out 3s").draft();
    for (String asked : List.of("what did you change", "what changed?", "wait what did u just do", "你刚才改了什么")) {
      AgentReply reply = turn(draft, asked);
      assertThat(reply.draft()).as(asked).isEqualTo(draft);
      assertThat(reply.text()).as(asked).containsAnyOf("fade-out none → 3 s", "音乐淡出 无 → 3 秒");
    }
  }

  @Test
  void undoSaysWhatItTookBack() {
    Draft draft = withMusic();
    draft = turn(draft, "music 50%").draft();
    AgentReply undone = turn(draft, "hmm go back");
    assertThat(undone.draft().music().volume()).isEqualTo(1.0);
    assertThat(undone.text()).contains("Undone").contains("music 50% → 100%");
  }

  @Test
  void aStretchOfTheVideoIsCutOutAcrossClipsAndTextsAfterItMoveUp() {
    Draft draft = say(withMusic(), "add 'the end' at 15s").draft(); // beach 10 s, city 8 s
    for (String asked : List.of("cut out 8s to 12s", "remove the part from 8 to 12 seconds", "can you cut 0:08-0:12", "把8秒到12秒剪掉")) {
      Draft cut = say(draft, asked).draft();
      assertThat(cut.durationMs()).as(asked).isEqualTo(14_000);
      assertThat(cut.clips()).as(asked).extracting(Clip::name).containsExactly("beach.mp4", "city.mp4");
      assertThat(cut.clips().get(0).durationMs()).isEqualTo(8_000);
      assertThat(cut.clips().get(1).inMs()).as("city plays on from 2 s in").isEqualTo(2_000);
      assertThat(cut.captions().get(0).startMs()).as("the text stays with its picture").isEqualTo(11_000);
      assertThat(cut.music().durationMs()).isEqualTo(14_000);
    }
    Draft middle = say(draft, "cut out 2s to 4s").draft();
    assertThat(middle.clips()).as("inside one clip: its two sides play as two clips")
        .extracting(Clip::src, Clip::inMs, Clip::durationMs)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("v1", 0L, 2_000L), org.assertj.core.groups.Tuple.tuple("v1", 4_000L, 6_000L),
            org.assertj.core.groups.Tuple.tuple("v2", 0L, 8_000L));
    assertThat(middle.clips()).extracting(Clip::id).doesNotHaveDuplicates();

    AgentReply beyond = say(draft, "cut 20s to 30s");
    assertThat(beyond.draft()).isEqualTo(draft);
    assertThat(beyond.text()).contains("18 s long");
  }

  @Test
  void aPartNamedByHowItFeelsIsAskedForAndNothingElseIsTouched() {
    Draft draft = say(travelDraft(), "add \"Happy Birthday Mom\"").draft();
    history = History.none().edited(travelDraft());
    for (String asked : List.of("can you cut out the boring part in the middle", "cut the boring part", "把无聊的部分剪掉")) {
      AgentReply reply = turn(draft, asked);
      assertThat(reply.draft()).as(asked + ": not the text moved to the middle").isEqualTo(draft);
      assertThat(reply.text()).as(asked).containsAnyOf("which seconds", "剪掉哪几秒");
    }
  }

  @Test
  void resolutionQuestionsAreAnsweredAndFourKIsMoreThanTheStudioMakes() {
    Draft draft = withMusic();
    for (String asked : List.of("is it in 4k?", "what resolution is it", "is it 1080p", "画质是高清吗")) {
      AgentReply reply = say(draft, asked);
      assertThat(reply.draft()).as(asked).isEqualTo(draft);
      assertThat(reply.text()).as(asked).contains("1920×1080");
    }
    AgentReply fourK = say(draft, "make it 4k");
    assertThat(fourK.draft()).isEqualTo(draft);
    assertThat(fourK.text()).contains("up to 1080p");
    assertThat(say(draft, "export in 720p so its smaller").draft().output().height()).isEqualTo(720);
  }

  @Test
  void shuffleGivesAnotherOrderOfTheSameClips() {
    Draft draft = studio.upload(agent.emptyDraft(), RuleAgentTest.video("v1", "a.mp4", 3), RuleAgentTest.video("v2", "b.mp4", 3),
        RuleAgentTest.video("v3", "c.mp4", 3), RuleAgentTest.video("v4", "d.mp4", 3));
    for (String asked : List.of("can the clips be in random order", "shuffle the clips", "打乱顺序")) {
      Draft shuffled = say(draft, asked).draft();
      assertThat(shuffled.clips()).as(asked).containsExactlyInAnyOrderElementsOf(draft.clips()).isNotEqualTo(draft.clips());
    }
    assertThat(say(draft, "pick a random song").draft().clips()).as("a random song is no shuffle").isEqualTo(draft.clips());
  }

  @Test
  void theChorusIsAskedForByTimeAndPraiseIsNoRequest() {
    Draft draft = withMusic();
    for (String asked : List.of("make the music start at the chorus", "从副歌开始放")) {
      AgentReply reply = say(draft, asked);
      assertThat(reply.draft()).as(asked).isEqualTo(draft);
      assertThat(reply.text()).as(asked).containsAnyOf("start the song at 0:45", "第45秒");
    }
    for (String praise : List.of("love it so far", "loving this", "really love it")) {
      AgentReply reply = say(draft, praise);
      assertThat(reply.draft()).as(praise).isEqualTo(draft);
      assertThat(reply.text()).as(praise).doesNotContain("didn't understand");
    }
  }

  @Test
  void textAskedBigIsBigAndSaysSoAndAHeartIsDrawnWithTheWords() {
    Draft draft = travelDraft();
    AgentReply big = say(draft, "put \"Lisbon 2026\" big in the middle");
    assertThat(big.draft().captions().get(0).size()).isGreaterThan(0.08);
    assertThat(big.draft().captions().get(0).position()).isEqualTo("center");
    assertThat(big.text()).contains("% of the frame height");
    assertThat(say(draft, "add \"Day 1\" at the top").text()).as("the usual size goes unsaid").doesNotContain("frame height");

    AgentReply heart = say(draft, "add \"Happy Birthday Mom\" with a heart");
    assertThat(heart.draft().captions().get(0).text()).isEqualTo("Happy Birthday Mom ❤");
  }

  @Test
  void blackAndWhiteAndVintageAreLooksAndOtherFiltersAreStillRefused() {
    Draft draft = withMusic();
    for (String asked : List.of("make the whole thing black and white", "can u do b&w", "黑白的", "make it grayscale pls")) {
      AgentReply reply = say(draft, asked);
      assertThat(reply.draft().output().look()).as(asked).isEqualTo(Look.BLACK_AND_WHITE);
      assertThat(reply.draft().clips()).as(asked).isEqualTo(draft.clips());
    }
    for (String asked : List.of("give it a vintage look", "make it look like an old film", "复古一点")) {
      assertThat(say(draft, asked).draft().output().look()).as(asked).isEqualTo(Look.SEPIA);
    }
    Draft grey = say(draft, "black and white").draft();
    for (String asked : List.of("back to colour", "actually remove the black and white", "不要黑白了", "恢复彩色")) {
      assertThat(say(grey, asked).draft().output().look()).as(asked).isNull();
    }
    for (String kept : List.of("is it black and white?", "title 'Black and White'", "no filter please", "add a beauty filter")) {
      assertThat(say(draft, kept).draft().output().look()).as(kept).isNull();
    }
    assertThat(say(draft, "add a beauty filter").text()).contains("can't");
    assertThat(say(grey, "what's on the timeline?").text()).contains("black and white");
  }

  @Test
  void musicMadeForADislikeIsSaidWithoutOfferingToSwapATrack() {
    ComposeMusicTest.Maker maker = new ComposeMusicTest.Maker();
    Fixtures.Start start = Fixtures.of("composed", maker);
    RuleAgent composing = new RuleAgent(Instructions.standard(), maker);
    AgentReply reply = composing.respond(start.draft(), History.none(), Said.NOTHING, start.media(),
        "the music is kinda cheesy, something more chill?", "en");
    assertThat(reply.text()).startsWith("Made music for you").doesNotContain("Send me another track");
    assertThat(reply.draft().music().name()).startsWith("lo-fi");
    AgentReply alone = composing.respond(start.draft(), History.none(), Said.NOTHING, start.media(), "the music is kinda cheesy", "en");
    assertThat(alone.draft()).isEqualTo(start.draft());
    assertThat(alone.text()).contains("another track");
  }
}
