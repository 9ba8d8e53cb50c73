package io.tunecut.studio.internal.agent;

import static org.assertj.core.api.Assertions.assertThat;

import static io.tunecut.studio.internal.agent.Fixtures.audio;
import static io.tunecut.studio.internal.agent.Fixtures.video;

import io.tunecut.studio.internal.draft.Clip;
import io.tunecut.studio.internal.draft.Draft;
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
}
