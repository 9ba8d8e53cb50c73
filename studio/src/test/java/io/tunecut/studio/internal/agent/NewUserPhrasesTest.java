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

  @Test
  void anOrdinalAloneIsTheOccasionsNotARequestsNumber() {
    for (String said : new String[] {"its for my grandpas 90th", "this is for my moms 60th", "it's for our 25th"}) {
      AgentReply reply = say(birthday(), said);
      assertThat(reply.draft()).as(said).isEqualTo(birthday());
      assertThat(reply.text()).as(said).startsWith("A video for a ").doesNotContain("Take your time");
    }
    assertThat(say(birthday(), "这是给我爷爷九十大寿做的").text()).startsWith("是大寿用的视频");
    // beside a request, the purpose is why it was asked, and the request is done
    assertThat(say(birthday(), "its for my grandpas 90th, put happy 90th grandpa at the top").draft().captions()).hasSize(1);
    assertThat(say(birthday(), "cut it to 20 seconds, its for my dad").draft().durationMs()).isEqualTo(20000);
  }

  @Test
  void fasterOnOneClipPlaysThatClipFasterAndSaysSo() {
    Draft one = upload(agent.emptyDraft(), video("v1", "match.mp4", 40), audio("a1", "song.mp3", 90));
    for (String said : new String[] {"can u make it faster", "speed it up", "make the video faster pls"}) {
      AgentReply reply = say(one, said);
      assertThat(reply.draft().clips().get(0).speed()).as(said).isEqualTo(2.0);
      assertThat(reply.text()).as(said).contains("2× speed").contains("20 s on screen");
    }
    // with two clips and no montage, which one is asked
    assertThat(say(twoVideos(), "can u make it faster").text()).startsWith("What should be faster?");
  }

  @Test
  void theMusicComesInAfterAClipWhereTheNextOneStarts() {
    Draft draft = birthday(); // beach 10 s, cake 3 s, toast 8 s, dog 3 s
    for (String said : new String[] {"music should only come in after the first clip", "bring the music in once clip 1 is over",
        "第一段之后再进音乐", "start the song after the second clip", "音乐能不能晚一点进来 第一段结束再进"}) {
      var music = say(draft, said).draft().music();
      assertThat(music.startMs()).as(said).isEqualTo(said.contains("second") ? 13000 : 10000);
    }
    assertThat(say(draft, "start the music when the second clip starts").draft().music().startMs()).isEqualTo(10000);
    AgentReply last = say(draft, "music after the last clip");
    assertThat(last.draft()).isEqualTo(draft);
    assertThat(last.text()).contains("last one");
  }

  @Test
  void chatAboutTheDayOrThePeopleNeedsNoEditAndIsNotMisunderstood() {
    Draft draft = birthday();
    for (String said : new String[] {"we drove like 900 miles for this 😭", "she loved the beach so much", "the kitchen was just renovated",
        "sorry i keep crying while doing this", "road trip vid!!", "儿子第一次进球 太激动了", "现场太燃了", "毕业快乐🎓", "这个是我们自驾游拍的 哈哈",
        "ok im gonna think about it", "idk what to do next", "ok ill send one later"}) {
      AgentReply reply = say(draft, said);
      assertThat(reply.draft()).as(said).isEqualTo(draft);
      assertThat(reply.text()).as(said).doesNotContain("didn't understand").doesNotContain("没看懂").doesNotStartWith("Sorry");
    }
    // a number of the edit's is still a request: "we want it 30 sec" is not chat
    assertThat(say(draft, "we drove 900 miles, cut it to 20 seconds").draft().durationMs()).isEqualTo(20000);
    assertThat(say(draft, "keep the title").text()).doesNotContain("Got it!");
  }

  @Test
  void aStepOfTheMusicsLevelIsLargerWhenSaidWay() {
    Draft draft = say(birthday(), "music at 30").draft();
    assertThat(say(draft, "music way lower").draft().music().volume()).isEqualTo(0.15);
    assertThat(say(draft, "make the music much quieter").draft().music().volume()).isEqualTo(0.15);
    assertThat(say(draft, "music lower").draft().music().volume()).isEqualTo(0.21);
    assertThat(say(draft, "music a lot louder").draft().music().volume()).isEqualTo(0.6);
    assertThat(say(birthday(), "the bgm is way too loud").draft().music().volume()).as("too loud is the usual step").isEqualTo(0.7);
  }

  @Test
  void anAbruptEndingIsEasedWithAFadeOutAndATooLoudStartWithAFadeIn() {
    Draft draft = birthday();
    for (String said : new String[] {"the ending is abrupt", "the ending feels so sudden", "结尾太突然了", "the video ends too abruptly"}) {
      assertThat(say(draft, said).draft().music().fadeOutMs()).as(said).isEqualTo(FadeMusic.DEFAULT_OUT);
    }
    for (String said : new String[] {"the song starts way too loud", "music starts so loud", "song is too loud at the start"}) {
      var music = say(draft, said).draft().music();
      assertThat(music.fadeInMs()).as(said).isEqualTo(FadeMusic.DEFAULT_IN);
      assertThat(music.volume()).as(said).isEqualTo(1.0);
    }
    assertThat(say(draft, "the ending is my favourite part").draft()).isEqualTo(draft);
  }

  /** Each turn on what the one before left, as a chat goes. */
  AgentReply conversation(Fixtures.Start start, String... messages) {
    Draft draft = start.draft();
    History history = History.none();
    Said said = Said.NOTHING;
    AgentReply reply = null;
    for (String m : messages) {
      reply = agent.respond(draft, history, said, start.media(), m, "en");
      draft = reply.draft();
      history = reply.history();
      said = reply.said();
    }
    return reply;
  }

  static java.util.List<String> names(Draft d) {
    return d.clips().stream().map(Clip::name).toList();
  }

  @Test
  void aClipIsPlacedByAWordOfItsNameAPlaceOrAChineseWordForWhereItGoes() {
    Fixtures.Start house = Fixtures.of("house"); // front-door, kitchen, living-room, backyard
    assertThat(names(say(house.draft(), "start on the kitchen").draft())).startsWith("kitchen.mp4");
    assertThat(names(say(house.draft(), "open with the backyard").draft())).startsWith("backyard.mp4");
    assertThat(names(say(house.draft(), "put the backyard second").draft())).containsExactly("front-door.mp4", "backyard.mp4", "kitchen.mp4", "living-room.mp4");
    assertThat(names(say(house.draft(), "make the kitchen clip the third one").draft())).containsExactly("front-door.mp4", "living-room.mp4", "kitchen.mp4", "backyard.mp4");
    assertThat(names(conversation(house, "put the kitchen first", "and the backyard second").draft()))
        .containsExactly("kitchen.mp4", "backyard.mp4", "front-door.mp4", "living-room.mp4");
    assertThat(names(say(house.draft(), "把厨房那段放到客厅后面").draft())).containsExactly("front-door.mp4", "living-room.mp4", "kitchen.mp4", "backyard.mp4");
    assertThat(names(say(house.draft(), "把后院那段放到厨房前面").draft())).containsExactly("front-door.mp4", "backyard.mp4", "kitchen.mp4", "living-room.mp4");
    Fixtures.Start concert = Fixtures.of("tricky"); // title-card.jpg, music-festival.mp4, loop.mp4
    assertThat(names(say(concert.draft(), "festival clip first pls").draft())).startsWith("music-festival.mp4");
    assertThat(say(concert.draft(), "title card should stay 2 sec not 3").draft().clips().get(0).durationMs()).isEqualTo(2000);
    assertThat(say(concert.draft(), "remove the background track").draft().music()).isNull();
    assertThat(say(concert.draft(), "remove the background").text()).as("a background behind people is not done").contains("can't");
    assertThat(say(concert.draft(), "the second clip, not the first").draft()).isEqualTo(concert.draft());
    Fixtures.Start trip = Fixtures.of("named");
    assertThat(say(trip.draft(), "最后那段放慢一点").draft().clips().get(2).speed()).isEqualTo(0.5);
  }

  @Test
  void aClauseThatFinishesTheOneBeforeIsReadWithIt() {
    Fixtures.Start house = Fixtures.of("house");
    for (String said : new String[] {"living room is too long, 8 sec is enough", "the living room drags, 8s would be fine", "trim the living room to 8"}) {
      assertThat(say(house.draft(), said).draft().clips().get(2).durationMs()).as(said).isEqualTo(8000);
      assertThat(say(house.draft(), said).text()).as(said).doesNotContain("didn't understand");
    }
    assertThat(names(say(house.draft(), "kitchen first, 8 sec is enough").draft())).as("a place, not a length: 8 s is not read as its length").startsWith("kitchen.mp4");
    Fixtures.Start match = Fixtures.of("game"); // one 40 s clip
    assertThat(say(match.draft(), "first 5 seconds r just me walking to the field, cut them").draft().durationMs()).isEqualTo(35000);
    assertThat(say(match.draft(), "the last 3 seconds are blurry, cut them out").draft().durationMs()).isEqualTo(37000);
    Fixtures.Start listing = Fixtures.of("house");
    var texts = say(listing.draft(), "add 'JUST LISTED' at the top and '123 maple st' at the bottom").draft().captions();
    assertThat(texts).extracting(c -> c.text() + "@" + c.position()).containsExactly("JUST LISTED@top", "123 maple st@bottom");
    assertThat(say(listing.draft(), "add SOLD at the top").draft().captions().get(0).text()).isEqualTo("SOLD");
    assertThat(say(listing.draft(), "add some music at the top").draft().captions()).as("music is not words for the screen").isEmpty();
  }

  @Test
  void aFollowUpOfLengthIsAboutWhatTheTurnBeforeTimed() {
    Fixtures.Start photos = Fixtures.of("photos");
    assertThat(conversation(photos, "slow fade at the end", "even slower").draft().music().fadeOutMs()).isEqualTo(6000);
    assertThat(conversation(photos, "fade out", "longer").draft().music().fadeOutMs()).isEqualTo(4000);
    var fade = conversation(photos, "slow fade at the end", "even slower").draft();
    assertThat(fade.clips()).extracting(Clip::speed).as("no clip slowed down").containsOnly(1.0);
    assertThat(conversation(Fixtures.of("game"), "音乐淡出", "长一点 5秒").draft().music().fadeOutMs()).isEqualTo(5000);
    assertThat(conversation(photos, "show each photo for 6 sec", "a bit longer").draft().clips().get(0).durationMs()).isEqualTo(8000);
    assertThat(conversation(Fixtures.of("music"), "music starts at 5 sec", "a bit later").draft().music().startMs()).isEqualTo(7000);
    assertThat(conversation(Fixtures.of("music"), "music starts at 5 sec", "bit earlier").draft().music().startMs()).isEqualTo(3000);
    // without a timed change before, "slower" is still a clip's
    assertThat(conversation(Fixtures.of("game"), "music at 50", "slower").draft().clips().get(0).speed()).isEqualTo(0.5);
  }

  @Test
  void theOtherPhotoOrTheSameForAnotherClipFollowsTheTurnBefore() {
    Fixtures.Start birthday = Fixtures.of("birthday"); // candles, cake.jpg, IMG_3001.jpg, presents
    assertThat(names(conversation(birthday, "put the cake pic first", "no the other pic").draft()))
        .containsExactly("IMG_3001.jpg", "candles.mp4", "cake.jpg", "presents.mp4");
    Fixtures.Start photos = Fixtures.of("photos"); // IMG_2041, beach, IMG_2042
    assertThat(names(conversation(photos, "把第一张照片删掉", "不对 第二张").draft())).containsExactly("IMG_2041.jpg", "beach.mp4");
    Fixtures.Start trip = Fixtures.of("named");
    var muted = conversation(trip, "mute the beach clip", "same for clip 3").draft();
    assertThat(muted.clips()).extracting(Clip::level).containsExactly(0.0, 1.0, 0.0);
    assertThat(conversation(trip, "mute the beach clip", "do the same to the sunset one").draft().clips().get(2).level()).isEqualTo(0.0);
    var both = conversation(Fixtures.of("product"), "speed up the broll", "the other one too").draft();
    assertThat(both.clips()).extracting(Clip::speed).containsExactly(2.0, 2.0);
    assertThat(conversation(Fixtures.of("faded"), "music at 80", "nvm undo").draft()).isEqualTo(Fixtures.of("faded").draft());
  }

  @Test
  void yesToAnExplainedWordDoesWhatItOffered() {
    Fixtures.Start photos = Fixtures.of("photos");
    for (String yes : new String[] {"ok do that", "yes please", "好 加上吧"}) {
      assertThat(conversation(photos, "what does fade in mean", yes).draft().music().fadeInMs()).as(yes).isEqualTo(FadeMusic.DEFAULT_IN);
    }
    assertThat(conversation(photos, "whats a crossfade", "ok add it").draft().transition()).isNotNull();
    assertThat(conversation(photos, "what does fade in mean", "ok").draft()).as("an ok that only heard it").isEqualTo(photos.draft());
    assertThat(conversation(photos, "how long is it", "ok do that").draft()).as("nothing offered").isEqualTo(photos.draft());
  }

  @Test
  void theOtherOneAfterATrackWasPutInIsTheOtherTrack() {
    Fixtures.Start vlog = Fixtures.of("track"); // lofi-chill.mp3 and drums.wav sent, none playing
    assertThat(conversation(vlog, "use the lofi one", "no the other one").draft().music().name()).isEqualTo("drums.wav");
    assertThat(conversation(vlog, "add the drums track", "nah the other one").draft().music().name()).isEqualTo("lofi-chill.mp3");
    // after a clip's change, "the other one" is still the other clip
    assertThat(conversation(vlog, "mute the beach clip", "no the other one").draft().clips().get(1).level()).isEqualTo(0.0);
  }

  @Test
  void anotherMoodOfMusicWhereNoneIsMadeAsksForATrack() {
    Draft match = Fixtures.of("game").draft();
    for (String said : new String[] {"把音乐换成安静一点的", "change the song to something calmer", "swap the music for something more upbeat"}) {
      AgentReply reply = say(match, said);
      assertThat(reply.draft()).as(said).isEqualTo(match);
      assertThat(reply.text()).as(said).containsAnyOf("send me a", "发一首");
    }
    assertThat(say(Fixtures.of("wedding").draft(), "标题显示久一点 五秒").draft().captions().get(0).durationMs()).isEqualTo(5000);
    assertThat(say(Fixtures.of("wedding").draft(), "the title should stay longer, like 6s").draft().captions().get(0).durationMs()).isEqualTo(6000);
  }
}
