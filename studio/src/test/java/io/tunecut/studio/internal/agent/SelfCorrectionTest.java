package io.tunecut.studio.internal.agent;

import static org.assertj.core.api.Assertions.assertThat;

import static io.tunecut.studio.internal.agent.Fixtures.audio;
import static io.tunecut.studio.internal.agent.Fixtures.video;

import io.tunecut.studio.internal.draft.Clip;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.draft.Fill;
import io.tunecut.studio.internal.draft.Look;
import io.tunecut.studio.internal.media.Media;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A message that takes back its own request half way ("…first? no wait, last"): what the person settled on, once. */
class SelfCorrectionTest {
  final RuleAgent agent = new RuleAgent();
  final List<Media> media = new ArrayList<>();

  Draft graduation() {
    List<Media> sent = List.of(video("v1", "walk.mp4", 8), video("v2", "speech.mp4", 7), video("v3", "cap_toss.mp4", 5),
        audio("a1", "song.mp3", 60));
    media.addAll(sent);
    return say(agent.afterUpload(agent.emptyDraft(), media, sent), "use song.mp3").draft();
  }

  AgentReply say(Draft draft, String message) {
    return agent.respond(draft, media, message, message.codePoints().anyMatch(Character::isIdeographic) ? "zh" : "en");
  }

  @Test
  void theClipGoesWhereTheCorrectionSays() {
    Draft draft = graduation();
    for (String said : new String[] {"can the cap toss be first? no wait last", "put the cap toss first, no actually last",
        "move clip 3 to the start... no wait, the end", "把第三段放第一个 不对 放最后"}) {
      AgentReply reply = say(draft, said);
      assertThat(reply.draft().clips()).as(said).extracting(Clip::name).containsExactly("walk.mp4", "speech.mp4", "cap_toss.mp4");
      assertThat(reply.text()).as(said).doesNotContain("didn't understand").doesNotContain("没看懂");
    }
  }

  @Test
  void theValueSaidLastIsTheOneMade() {
    Draft draft = graduation();
    assertThat(say(draft, "music at 30% no 50%").draft().music().volume()).isEqualTo(0.5);
    assertThat(say(draft, "音乐30% 不对 50%").draft().music().volume()).isEqualTo(0.5);
    assertThat(say(draft, "fade out 3 sec, no wait 5").draft().music().fadeOutMs()).isEqualTo(5000);
    assertThat(say(draft, "trim clip 1 to 5 sec, no actually 4").draft().clips().get(0).durationMs()).isEqualTo(4000);
    assertThat(say(draft, "make it vertical no wait square").draft().output().width()).isEqualTo(1080);
    assertThat(say(draft, "make it vertical no wait square").draft().output().height()).isEqualTo(1080);
    assertThat(say(draft, "title \"Day 1\" at the top, no actually bottom").draft().captions().get(0).position()).isEqualTo("bottom");
    Draft muted = say(draft, "mute clip 2 no wait clip 1").draft();
    assertThat(muted.clips()).extracting(Clip::level).containsExactly(0.0, 1.0, 1.0);
    assertThat(say(draft, "remove clip 2, sorry i mean clip 3").draft().clips()).extracting(Clip::name).containsExactly("walk.mp4", "speech.mp4");
  }

  @Test
  void takenBackWholeNothingChanges() {
    Draft draft = graduation();
    for (String said : new String[] {"remove the music no wait keep it", "make it vertical. no thanks actually keep it", "把音乐去掉 算了 不用了"}) {
      AgentReply reply = say(draft, said);
      assertThat(reply.draft()).as(said).isEqualTo(draft);
      assertThat(reply.text()).as(said).containsAnyOf("left it as it was", "保持原样");
    }
  }

  @Test
  void oneUndoTakesTheCorrectedRequestBack() {
    Draft draft = graduation();
    AgentReply corrected = agent.respond(draft, History.none(), Said.NOTHING, media, "fade out 3 sec, no wait 5", "en");
    AgentReply undone = agent.respond(corrected.draft(), corrected.history(), corrected.said(), media, "undo", "en");
    assertThat(undone.draft()).isEqualTo(draft);
  }

  @Test
  void aNoThatIsNotATurnAboutIsReadAsBefore() {
    Draft draft = graduation();
    assertThat(say(draft, "add a title 'No Way'").draft().captions().get(0).text()).isEqualTo("No Way");
    assertThat(say(draft, "put \"no way\" at the top").draft().captions().get(0).text()).isEqualTo("no way");
    assertThat(say(draft, "no music at the start pls").draft().music()).isNull();
    assertThat(say(draft, "make it vertical, no black bars pls").draft().output().height()).isEqualTo(1920);
    assertThat(say(draft, "put clip 1 last, no rush").draft().clips()).extracting(Clip::name).containsExactly("speech.mp4", "cap_toss.mp4", "walk.mp4");
    Draft faded = say(draft, "fade out at the end, no fade in").draft();
    assertThat(faded.music().fadeOutMs()).isPositive();
    assertThat(faded.music().fadeInMs()).isZero();
  }

  /** Said after the move, in its own message: "first" is where the walk was, not where it went, and the answer says it is back. */
  @Test
  void aMoveCorrectedInTheNextMessageMovesTheClipThatWasMoved() {
    Draft draft = graduation();
    AgentReply moved = agent.respond(draft, History.none(), Said.NOTHING, media, "put the walk clip last", "en");
    assertThat(moved.draft().clips()).extracting(Clip::name).containsExactly("speech.mp4", "cap_toss.mp4", "walk.mp4");
    AgentReply back = agent.respond(moved.draft(), moved.history(), moved.said(), media, "no wait first", "en");
    assertThat(back.draft().clips()).extracting(Clip::name).containsExactly("walk.mp4", "speech.mp4", "cap_toss.mp4");
    assertThat(back.text()).doesNotContain("already").contains("back to how it was");
    AgentReply second = agent.respond(moved.draft(), moved.history(), moved.said(), media, "no wait second", "en");
    assertThat(second.draft().clips()).extracting(Clip::name).containsExactly("speech.mp4", "walk.mp4", "cap_toss.mp4");
  }

  @Test
  void aMoveTakenBackInTheSameMessageIsNotAlreadySo() {
    Draft draft = graduation();
    for (String said : new String[] {"put the walk clip last, no wait first", "把第一段放最后 不对 放第一个"}) {
      AgentReply reply = say(draft, said);
      assertThat(reply.draft()).as(said).isEqualTo(draft);
      assertThat(reply.text()).as(said).doesNotContain("already").doesNotContain("已经是").containsAnyOf("left it as it was", "保持原样");
    }
    assertThat(say(draft, "put the walk clip last, no wait, second").draft().clips()).extracting(Clip::name)
        .containsExactly("speech.mp4", "walk.mp4", "cap_toss.mp4");
  }

  /** A bare no after a request, then the same kind of thing: what follows the no is meant, not taken off. */
  @Test
  void aNoBeforeTheThingMeantIsTheTurnAbout() {
    Draft draft = graduation();
    assertThat(say(draft, "make the song louder no quieter").draft().music().volume()).isEqualTo(0.7);
    assertThat(say(draft, "black and white pls. hmm no sepia").draft().output().look()).isEqualTo(Look.SEPIA);
    assertThat(say(draft, "start the music at 5s, or no, at 3").draft().music().startMs()).isEqualTo(3000);
    assertThat(say(draft, "music调到50 啊不 40吧").draft().music().volume()).isEqualTo(0.4);
    for (String said : new String[] {"i was gonna ask for black and white but nah", "fade out 3s, hmm never mind", "put clip 3 first... hmm no leave the order"}) {
      assertThat(say(draft, said).draft()).as(said).isEqualTo(draft);
    }
  }

  @Test
  void verticalWithNoBordersFillsTheFrame() {
    Draft draft = graduation();
    AgentReply reply = say(draft, "make it vertical no borders");
    assertThat(reply.draft().output().height()).isEqualTo(1920);
    assertThat(reply.draft().output().fill()).isEqualTo(Fill.CROP);
    assertThat(reply.text()).doesNotContain("keeps its shape");
    assertThat(say(draft, "no rush but can u make it square").draft().output().width()).isEqualTo(1080);
  }

  /** "once clip 1 has played, then the music": it comes in where clip 2 starts. */
  @Test
  void musicAfterTheFirstClipHasPlayed() {
    AgentReply reply = say(graduation(), "第一段放完了再放音乐");
    assertThat(reply.draft().music().startMs()).isEqualTo(8000);
    assertThat(reply.text()).doesNotContain("没看懂");
  }
}
