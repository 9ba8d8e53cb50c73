package io.tunecut.studio.internal.agent;

import static io.tunecut.studio.internal.agent.Fixtures.audio;
import static io.tunecut.studio.internal.agent.Fixtures.video;
import static org.assertj.core.api.Assertions.assertThat;

import io.tunecut.studio.internal.compose.Style;
import io.tunecut.studio.internal.compose.Styles;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.media.Media;
import io.tunecut.studio.internal.media.MediaInfo;
import io.tunecut.studio.internal.media.MediaKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Asking for music made for the video, as people ask: the agent's side of composed music. The
 * maker here is a stand-in that remembers what it was asked for (the real one is tested in
 * {@code compose}); its styles are the real ones.
 */
class ComposeMusicTest {
  final Maker maker = new Maker();
  final RuleAgent agent = new RuleAgent(Instructions.standard(), maker);
  final List<Media> media = new ArrayList<>();

  @Test
  void aClipAloneAndAskingForMusicGetsMusicMadeForIt() {
    Draft draft = clips(video("v1", "travel.mp4", 20));

    AgentReply reply = say(draft, "add background music to a travel video");

    assertThat(maker.wishes).containsExactly(new MusicMaker.Wish(null, 1));
    assertThat(reply.draft().music().src()).isEqualTo(reply.created().get(0).id());
    assertThat(reply.draft().music().durationMs()).isEqualTo(20_000);
    assertThat(reply.text()).contains("Made music for you").contains("yours to use");
  }

  @Test
  void overClipsWithSoundOfTheirOwnTheMusicGoesInAt40PercentAndTheReplySaysSo() {
    Draft draft = clips(video("v1", "vlog.mp4", 20));

    AgentReply made = say(draft, "add background music");
    AgentReply louder = say(made.draft(), "make the music louder");
    AgentReply other = say(louder.draft(), "another version");

    assertThat(made.draft().music().volume()).isEqualTo(0.4);
    assertThat(made.text()).contains("40% under the clips' own sound");
    assertThat(other.draft().music().volume()).as("another version keeps the level the person chose")
        .isEqualTo(louder.draft().music().volume()).isGreaterThan(0.4);
  }

  @Test
  void overSilentClipsTheMusicPlaysAsMade() {
    Media silent = new Media("v1", "drone.mp4", new MediaInfo(MediaKind.VIDEO, 20, 1920, 1080, 30, 0, 0, "h264", null, "mov"),
        Path.of("drone.mp4"));

    AgentReply reply = say(clips(silent), "add background music");

    assertThat(reply.draft().music().volume()).isEqualTo(1.0);
    assertThat(reply.text()).doesNotContain("under the clips");
  }

  @Test
  void aStyleSaidAfterTheRequestInTheSameMessageIsTheMusicsStyle() {
    AgentReply hype = say(clips(video("v1", "ride.mp4", 20)), "帮我配个音乐，要那种很燃的");

    assertThat(maker.wishes).containsExactly(new MusicMaker.Wish("cinematic", 1));
    assertThat(hype.created()).hasSize(1);
    assertThat(hype.text()).doesNotContain("没看懂");
  }

  @Test
  void softMusicIsAStyleWhereMusicSofterIsALevel() {
    AgentReply soft = say(clips(video("v1", "toast.mp4", 20)), "add some soft music but i need to hear the toast");

    assertThat(maker.wishes).containsExactly(new MusicMaker.Wish("ambient", 1));
    assertThat(soft.created()).hasSize(1);
    assertThat(say(soft.draft(), "make the music softer").draft().music().volume()).isLessThan(soft.draft().music().volume());
    assertThat(maker.wishes).hasSize(1);
  }

  @Test
  void aStyleInAnAddMusicRequestComposesOnceInThatStyle() {
    AgentReply reply = say(clips(video("v1", "walk.mp4", 20)), "add some chill background music pls");
    AgentReply zh = say(clips(video("v1", "walk.mp4", 20)), "加点轻松的背景音乐");

    assertThat(maker.wishes).containsExactly(new MusicMaker.Wish("lo-fi", 1), new MusicMaker.Wish("lo-fi", 1));
    assertThat(reply.created()).hasSize(1);
    assertThat(reply.draft().music().src()).isEqualTo(reply.created().get(0).id());
    assertThat(reply.text()).containsOnlyOnce("Made music for you");
    assertThat(zh.created()).hasSize(1);
  }

  @Test
  void aTrackThePersonSentIsPreferred() {
    Draft draft = clips(video("v1", "travel.mp4", 20));
    media.add(audio("a1", "summer.mp3", 90));

    AgentReply reply = say(draft, "add background music");

    assertThat(maker.wishes).isEmpty();
    assertThat(reply.draft().music().name()).isEqualTo("summer.mp3");
  }

  @Test
  void askingForAStyleComposesEvenWithATrackSent() {
    Draft draft = clips(video("v1", "travel.mp4", 20));
    media.add(audio("a1", "summer.mp3", 90));

    say(draft, "can you make me some lo-fi music instead");

    assertThat(maker.wishes).containsExactly(new MusicMaker.Wish("lo-fi", 1));
  }

  @Test
  void aTrackNamedLikeAStyleIsTheTrackNotAStyle() {
    Draft draft = clips(video("v1", "travel.mp4", 20));
    media.add(audio("a1", "lofi-chill.mp3", 90));

    AgentReply reply = say(draft, "use lofi-chill.mp3 as the music");

    assertThat(maker.wishes).isEmpty();
    assertThat(reply.draft().music().name()).isEqualTo("lofi-chill.mp3");
  }

  @Test
  void anotherVersionKeepsTheStyleWithANewSeed() {
    Draft draft = say(clips(video("v1", "travel.mp4", 20)), "something epic please").draft();

    AgentReply reply = say(draft, "hmm another version");

    assertThat(maker.wishes).containsExactly(new MusicMaker.Wish("cinematic", 1), new MusicMaker.Wish("cinematic", 2));
    assertThat(reply.draft().music().src()).isEqualTo(reply.created().get(0).id());
    assertThat(reply.text()).contains("another version");
  }

  @Test
  void calmerAndLivelierMoveThroughTheStyles() {
    Draft draft = say(clips(video("v1", "travel.mp4", 20)), "add music").draft();

    say(draft, "make it more calm");
    say(draft, "more upbeat music");

    Style pop = Styles.standard();
    assertThat(maker.wishes).containsExactly(new MusicMaker.Wish(null, 1),
        new MusicMaker.Wish(Styles.calmerThan(pop).name(), 1), new MusicMaker.Wish(Styles.livelierThan(pop).name(), 1));
    assertThat(Styles.calmerThan(pop).maxBpm()).isLessThan(pop.maxBpm());
  }

  @Test
  void calmerThanTheCalmestStyleIsANewVersionOfItNotTheSameTrackAgain() {
    Style calmest = Styles.standard();
    while (!Styles.calmerThan(calmest).equals(calmest)) calmest = Styles.calmerThan(calmest);
    Draft draft = say(clips(video("v1", "travel.mp4", 20)), "make me some " + calmest.name() + " music").draft();

    AgentReply reply = say(draft, "calmer please");

    assertThat(maker.wishes).containsExactly(new MusicMaker.Wish(calmest.name(), 1), new MusicMaker.Wish(calmest.name(), 2));
    assertThat(reply.text()).contains("already my calmest style").contains("another version");
  }

  @Test
  void inChineseToo() {
    Draft draft = clips(video("v1", "旅行.mp4", 20));

    AgentReply made = say(draft, "配乐");
    AgentReply other = say(made.draft(), "换一首");
    AgentReply calm = say(other.draft(), "安静一点的音乐");

    assertThat(made.text()).contains("已为你创作配乐");
    assertThat(other.text()).contains("另一个版本");
    assertThat(calm.text()).contains("更舒缓");
    assertThat(maker.wishes).containsExactly(new MusicMaker.Wish(null, 1), new MusicMaker.Wish(Styles.standard().name(), 2),
        new MusicMaker.Wish(Styles.calmerThan(Styles.standard()).name(), 1));
  }

  @Test
  void aTrackMadeForSomeoneWritingChineseIsNamedInChinese() {
    Draft draft = clips(video("v1", "旅行.mp4", 20));

    AgentReply made = say(draft, "配乐");
    AgentReply other = say(made.draft(), "换一首");
    AgentReply english = say(other.draft(), "another version please");

    String name = "旅行.mp4 的" + Styles.standard().chinese() + "配乐，112 BPM";
    assertThat(made.created()).extracting(Media::filename).containsExactly(name + ".m4a");
    assertThat(made.draft().music().name()).isEqualTo(name + ".m4a");
    assertThat(made.text()).contains("「" + name + "」").doesNotContain("BPM,").doesNotContain(" for ");
    assertThat(other.text()).contains("「" + name + "，第 2 版」").doesNotContain("version");
    assertThat(english.created()).extracting(Media::filename).containsExactly("upbeat pop for 旅行.mp4, 112 BPM, version 3.m4a");
  }

  @Test
  void wordsThatAreNotAboutNewMusicComposeNothing() {
    Draft draft = say(clips(video("v1", "travel.mp4", 20)), "add music").draft();
    maker.wishes.clear();

    say(draft, "no music");
    say(draft, "don't make new music");
    say(draft, "music at 40%");
    say(draft, "title 'Another Version'");
    say(draft, "make the title calmer blue");
    say(draft, "a slow fade out at the end");
    say(draft, "make the music quiet");
    say(draft, "去掉原声");

    assertThat(maker.wishes).isEmpty();
  }

  @Test
  void withoutAComposerAskingForMadeMusicSaysToSendATrack() {
    RuleAgent plain = new RuleAgent(Instructions.standard());
    Draft draft = clips(video("v1", "travel.mp4", 20));

    AgentReply reply = plain.respond(draft, media, "compose some music for me", "en");

    assertThat(reply.draft().music()).isNull();
    assertThat(reply.text()).contains("Send me a track");
  }

  private AgentReply say(Draft draft, String message) {
    AgentReply reply = agent.respond(draft, media, message, "en");
    media.addAll(reply.created());
    return reply;
  }

  private Draft clips(Media... clips) {
    media.addAll(List.of(clips));
    return agent.afterUpload(agent.emptyDraft(), media, List.of(clips));
  }

  /** Makes a track of the video's length and remembers each wish, as the real maker's file name does. */
  static final class Maker implements MusicMaker {
    final List<Wish> wishes = new ArrayList<>();
    final Map<String, Wish> made = new HashMap<>();

    @Override
    public Media make(Draft draft, List<Media> media, Wish wish) {
      wishes.add(wish);
      String id = "med_" + wishes.size();
      String style = wish.style() == null ? Styles.standard().name() : wish.style();
      made.put(id, new Wish(style, wish.seed()));
      double seconds = draft.durationMs() / 1000.0;
      String version = wish.seed() > 1 ? ", version " + wish.seed() : "";
      return new Media(id, style + " for " + draft.clips().get(0).name() + ", 112 BPM" + version + ".m4a",
          new MediaInfo(MediaKind.AUDIO, seconds, 0, 0, 0, 0, 2, null, "aac", "mov"), Path.of(id + ".m4a"));
    }

    @Override
    public Optional<String> styleIn(String words) {
      return Styles.find(words).map(Style::name);
    }

    @Override
    public String calmer(String style) {
      return Styles.calmerThan(Styles.named(style)).name();
    }

    @Override
    public String livelier(String style) {
      return Styles.livelierThan(Styles.named(style)).name();
    }

    @Override
    public Optional<Wish> wishOf(Media track) {
      return Optional.ofNullable(made.get(track.id()));
    }

    @Override
    public String styleName(String style, boolean chinese) {
      return chinese ? Styles.named(style).chinese() : style;
    }
  }
}
