package io.tunecut.studio.internal.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunecut.studio.internal.agent.beat.BeatRequest;
import io.tunecut.studio.internal.draft.Aspect;
import io.tunecut.studio.internal.draft.Caption;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.media.Media;
import io.tunecut.studio.internal.media.MediaInfo;
import io.tunecut.studio.internal.media.MediaKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleAgentTest {
  final RuleAgent agent = new RuleAgent();
  final List<Media> media = new ArrayList<>();

  static Media video(String id, String name, double seconds) {
    return new Media(id, name, new MediaInfo(MediaKind.VIDEO, seconds, 1920, 1080, 30, 0, 2, "h264", "aac", "mov"),
        Path.of(name));
  }

  static Media audio(String id, String name, double seconds) {
    return new Media(id, name, new MediaInfo(MediaKind.AUDIO, seconds, 0, 0, 0, 0, 2, null, "mp3", "mp3"), Path.of(name));
  }

  static Media photo(String id, String name) {
    return new Media(id, name, new MediaInfo(MediaKind.IMAGE, 0, 1080, 1920, 0, 0, 0, "mjpeg", null, "image2"), Path.of(name));
  }

  Draft upload(Draft draft, Media... added) {
    media.addAll(List.of(added));
    return agent.afterUpload(draft, media, List.of(added));
  }

  Draft travelDraft() {
    return upload(agent.emptyDraft(), video("v1", "beach.mp4", 10), video("v2", "city.mp4", 8),
        audio("a1", "lofi-chill.mp3", 120), audio("a2", "drums.wav", 30));
  }

  AgentReply say(Draft draft, String message) {
    return agent.respond(draft, media, message, "en");
  }

  @Test
  void uploadedClipsAndStillsGoOnTheVideoTrackInOrderButTracksWaitToBeAskedFor() {
    Draft draft = upload(agent.emptyDraft(), video("v1", "a.mp4", 4.5), photo("p1", "b.jpg"), audio("a1", "song.mp3", 60));
    Draft d = draft;
    assertThat(d.clips()).extracting(c -> c.src()).containsExactly("v1", "p1");
    assertThat(d.clips().get(1).durationMs()).isEqualTo(3000);
    assertThat(d.clips().get(1).isStill()).isTrue();
    assertThat(d.durationMs()).isEqualTo(7500);
    assertThat(d.music()).isNull();
    assertThat(draft.output().width()).isEqualTo(1920);

    // The tracks are named when the person looks for what to do, not after each edit
    assertThat(say(draft, "title 'Summer'").text()).doesNotContain("song.mp3");
    assertThat(say(draft, "what now?").text()).contains("song.mp3");
  }

  @Test
  void clipsNamedAfterWordsOfRequestsAreNamedByThoseWordsOnlyWithClipOrOneBesideThem() {
    Draft draft = upload(agent.emptyDraft(), video("v1", "fast60.mp4", 12), video("v2", "blue.mp4", 4));
    draft = say(draft, "title 'Day 1'").draft();

    Draft blue = say(draft, "make the title blue").draft();
    assertThat(blue.captions().get(0).color()).as("a colour, not the clip blue.mp4").isEqualTo("#1e6bff");
    assertThat(blue.clips()).isEqualTo(draft.clips());

    Draft slower = say(draft, "the clips are too fast, slow them down a bit").draft();
    assertThat(slower.clips()).as("both clips, a step slower").extracting(c -> c.speed()).containsExactly(0.8, 0.8);

    assertThat(say(draft, "move the blue clip first").draft().clips().get(0).name()).isEqualTo("blue.mp4");
  }

  @Test
  void noiseNamedAsTheReasonForAMuteIsNoRequestForNoiseRemoval() {
    for (String message : List.of("the first clip has wind noise can u mute it", "第一段有风声 静音吧")) {
      AgentReply reply = agent.respond(travelDraft(), media, message, message.startsWith("the") ? "en" : "zh");
      assertThat(reply.draft().clips().get(0).level()).as(message).isZero();
      assertThat(reply.text()).as(message).doesNotContain("can't").doesNotContain("没法").doesNotContain("没看懂");
    }
    assertThat(say(travelDraft(), "the first clip is so noisy").text()).contains("can't take noise out").contains("mute clip 1");
  }

  @Test
  void theSeedPhrasingAddsTheFirstTrackUnderTheWholeVideo() {
    AgentReply reply = say(travelDraft(), "add background music to a travel video");
    Draft d = reply.draft();
    assertThat(d.music().src()).isEqualTo("a1");
    assertThat(d.music().startMs()).isZero();
    assertThat(d.music().durationMs()).isEqualTo(18000);
    assertThat(d.music().loop()).isTrue();
    assertThat(reply.steps()).extracting(AgentStep::tool).containsExactly("add_music");
    assertThat(reply.text()).contains("lofi-chill.mp3");
  }

  @Test
  void severalInstructionsInOneMessageAreAllApplied() {
    AgentReply reply = say(travelDraft(), "add music at 35% and fade it out");
    Draft d = reply.draft();
    assertThat(d.music().volume()).isEqualTo(0.35);
    assertThat(d.music().fadeOutMs()).isEqualTo(2000);
    assertThat(reply.steps()).extracting(AgentStep::tool).containsExactly("add_music", "set_music_volume", "fade_music");
    assertThat(reply.text()).contains("35%").contains("fades out");
  }

  @Test
  void tracksArePickedByOrderOrByName() {
    Draft draft = travelDraft();
    assertThat(say(draft, "use the second track").draft().music().src()).isEqualTo("a2");
    assertThat(say(draft, "use lofi").draft().music().src()).isEqualTo("a1");
    Draft withLofi = say(draft, "use lofi").draft();
    AgentReply replaced = say(withLofi, "replace the music with drums");
    assertThat(replaced.draft().music().src()).isEqualTo("a2");
    assertThat(replaced.steps().get(0).tool()).isEqualTo("replace_music");
    assertThat(say(withLofi, "remove the music").draft().music()).isNull();
  }

  @Test
  void volumeInWordsFadesWithLengthsAndAStartTime() {
    Draft draft = say(travelDraft(), "add background music").draft();
    assertThat(say(draft, "a bit quieter").draft().music().volume()).isLessThan(1.0);
    assertThat(say(draft, "fade in 2 seconds").draft().music().fadeInMs()).isEqualTo(2000);
    Draft faded = say(draft, "fade in and out").draft();
    assertThat(faded.music().fadeInMs()).isPositive();
    assertThat(faded.music().fadeOutMs()).isPositive();
    Draft late = say(draft, "start the music at 5 s").draft();
    assertThat(late.music().startMs()).isEqualTo(5000);
    assertThat(late.music().endMs()).isEqualTo(18000);
  }

  @Test
  void wordsInsideAQuotedTitleAreNotInstructions() {
    Draft draft = say(travelDraft(), "add background music").draft();
    AgentReply reply = say(draft, "title 'Music at 50%, vertical'");
    Draft d = reply.draft();
    assertThat(d.captions()).extracting(Caption::text).containsExactly("Music at 50%, vertical");
    assertThat(d.captions().get(0).position()).isEqualTo("center");
    assertThat(d.music().volume()).isEqualTo(1.0);
    assertThat(d.output().aspect()).isNull();
    assertThat(d.output().title()).isEqualTo("Music at 50%, vertical");
  }

  @Test
  void aCaptionHasItsPositionStartAndLength() {
    AgentReply reply = say(travelDraft(), "caption 'Day 1' at the bottom for 4 seconds");
    Caption c = reply.draft().captions().get(0);
    assertThat(c.text()).isEqualTo("Day 1");
    assertThat(c.position()).isEqualTo("bottom");
    assertThat(c.durationMs()).isEqualTo(4000);
    assertThat(reply.steps().get(0).tool()).isEqualTo("add_caption");
  }

  @Test
  void shapeAndResolution() {
    Draft draft = travelDraft();
    Draft vertical = say(draft, "make it vertical").draft();
    assertThat(vertical.output().aspect()).isEqualTo(Aspect.PORTRAIT);
    assertThat(vertical.output().width()).isEqualTo(1080);
    assertThat(vertical.output().height()).isEqualTo(1920);
    assertThat(say(draft, "square please").draft().output().aspect()).isEqualTo(Aspect.SQUARE);
    Draft small = say(draft, "export 720p").draft();
    assertThat(small.output().resolution()).isEqualTo("720p");
    assertThat(small.output().width()).isEqualTo(1280);
    AgentReply export = say(draft, "export 1080p MP4");
    assertThat(export.draft().output().resolution()).isEqualTo("1080p");
    assertThat(export.text()).contains("1080p");
  }

  @Test
  void clipsAreReorderedAndTrimmed() {
    Draft draft = travelDraft();
    Draft swapped = say(draft, "put the second clip first").draft();
    assertThat(swapped.clips()).extracting(c -> c.src()).containsExactly("v2", "v1");
    Draft trimmed = say(draft, "trim the first clip to 5 seconds").draft();
    assertThat(trimmed.clips().get(0).durationMs()).isEqualTo(5000);
    assertThat(trimmed.durationMs()).isEqualTo(13000);
    Draft headCut = say(draft, "cut the first 2 seconds of clip 2").draft();
    assertThat(headCut.clips().get(1).inMs()).isEqualTo(2000);
    assertThat(headCut.clips().get(1).durationMs()).isEqualTo(6000);
  }

  @Test
  void musicUnderTheWholeVideoFollowsTrims() {
    Draft draft = say(travelDraft(), "add background music").draft();
    Draft trimmed = say(draft, "trim the first clip to 5 seconds").draft();
    assertThat(trimmed.music().endMs()).isEqualTo(13000);
  }

  @Test
  void aSixtySecondMontageFitsTheClipsIntoSixtySeconds() {
    Draft draft = upload(agent.emptyDraft(), video("v1", "a.mp4", 40), video("v2", "b.mp4", 30), video("v3", "c.mp4", 50));
    Draft d = say(draft, "60-second travel montage").draft();
    assertThat(d.durationMs()).isEqualTo(60000);
    assertThat(d.clips()).hasSize(3).allMatch(c -> c.durationMs() > 10000);
  }

  @Test
  void theClipsOwnSoundCanBeMutedLoweredOrKept() {
    Draft draft = travelDraft();
    assertThat(say(draft, "mute the clips' sound").draft().clips()).allMatch(c -> c.level() == 0);
    assertThat(say(draft, "lower the original sound").draft().clips()).allMatch(c -> c.level() > 0 && c.level() < 1);
    Draft quiet = say(draft, "original audio at 20%").draft();
    assertThat(quiet.clips()).allMatch(c -> c.level() == 0.2);
    assertThat(quiet.music()).isNull();
  }

  @Test
  void loudnessNormalisationCanBeTurnedOff() {
    Draft off = say(travelDraft(), "no loudness normalization").draft();
    assertThat(off.output().loudness()).isNull();
    assertThat(off.toJson().path("m").get("loudness").isNull()).isTrue();
  }

  @Test
  void chineseInstructionsAreAnsweredInChinese() {
    AgentReply reply = agent.respond(travelDraft(), media, "添加背景音乐，音量35%，淡出", "en");
    Draft d = reply.draft();
    assertThat(d.music().volume()).isEqualTo(0.35);
    assertThat(d.music().fadeOutMs()).isEqualTo(2000);
    assertThat(reply.text()).contains("背景音乐").doesNotContain("Added");

    Draft titled = agent.respond(travelDraft(), media, "标题“城市之梦”，竖屏", "zh").draft();
    assertThat(titled.captions().get(0).text()).isEqualTo("城市之梦");
    assertThat(titled.output().aspect()).isEqualTo(Aspect.PORTRAIT);
    assertThat(agent.respond(travelDraft(), media, "方形", "zh").draft().output().aspect()).isEqualTo(Aspect.SQUARE);
    assertThat(agent.respond(travelDraft(), media, "用第二首", "zh").draft().music().src()).isEqualTo("a2");
  }

  @Test
  void anInstructionNobodyUnderstandsChangesNothingAndGetsExamples() {
    Draft draft = travelDraft();
    AgentReply reply = say(draft, "make it pop like a fireworks show");
    assertThat(reply.steps()).isEmpty();
    assertThat(reply.draft()).isEqualTo(draft);
    assertThat(reply.text()).contains("music at 35%").contains("make it vertical");
    assertThat(agent.respond(draft, media, "随便弄弄", "zh").text()).contains("竖屏");
  }

  @Test
  void musicWithoutATrackAsksForOne() {
    Draft draft = upload(agent.emptyDraft(), video("v1", "a.mp4", 5));
    AgentReply reply = say(draft, "add background music and sync it to the cuts");
    assertThat(reply.draft().music()).isNull();
    assertThat(reply.text()).contains("Send me a music track");
    assertThat(reply.steps().get(0).result().path("ok").asBoolean()).isFalse();
  }

  @Test
  void syncingToTheCutsStillAddsTheMusic() {
    AgentReply reply = say(travelDraft(), "add background music to a travel video and sync it to the cuts");
    assertThat(reply.draft().music()).isNotNull();
  }

  @Test
  void askingForTheClipsSaysWhatIsOnTheTimeline() {
    AgentReply reply = say(travelDraft(), "add my video clips");
    assertThat(reply.text()).contains("2 clips");
    assertThat(say(agent.emptyDraft(), "add my video clips").text()).contains("Send your clips");
  }

  @Test
  void theArgumentsAreNeverMutated() {
    Draft draft = travelDraft();
    var before = draft.toJson();
    say(draft, "add music at 35% and fade it out, title 'X', make it square");
    assertThat(draft.toJson()).isEqualTo(before);
  }

  @Test
  void undoGoesBackOneChangeAtATimeAndRedoComesBack() {
    Draft start = travelDraft();
    AgentReply vertical = say(start, "make it vertical");
    AgentReply titled = agent.respond(vertical.draft(), vertical.history(), media, "title 'Lisbon'", "en");

    AgentReply undone = agent.respond(titled.draft(), titled.history(), media, "undo", "en");
    assertThat(undone.draft().captions()).isEmpty();
    assertThat(undone.draft().output().aspect()).isEqualTo(Aspect.PORTRAIT);
    assertThat(undone.text()).contains("Undone");

    AgentReply back = agent.respond(undone.draft(), undone.history(), media, "go back to how it was", "en");
    assertThat(back.draft()).isEqualTo(start);

    AgentReply redone = agent.respond(back.draft(), back.history(), media, "redo", "en");
    assertThat(redone.draft().output().aspect()).isEqualTo(Aspect.PORTRAIT);
    assertThat(agent.respond(start, History.none(), media, "撤销", "zh").text()).contains("没有可以撤销");
  }

  @Test
  void aCorrectionTakesTheLastChangesPlaceAndOneThatCannotBeMadeKeepsIt() {
    Draft start = travelDraft();
    AgentReply quiet = say(start, "music at 30%");
    AgentReply corrected = agent.respond(quiet.draft(), quiet.history(), media, "actually 50%", "en");
    assertThat(corrected.draft().music().volume()).isEqualTo(0.5);
    // the correction replaced the 30%: one undo goes back to before either
    AgentReply undone = agent.respond(corrected.draft(), corrected.history(), media, "undo", "en");
    assertThat(undone.draft()).isEqualTo(start);

    AgentReply muted = say(start, "mute the beach clip");
    AgentReply other = agent.respond(muted.draft(), muted.history(), media, "no, the other clip", "en");
    assertThat(other.draft().clips()).extracting(c -> c.level()).containsExactly(1.0, 0.0);

    AgentReply trimmed = say(start, "trim the beach clip to 5 seconds");
    AgentReply impossible = agent.respond(trimmed.draft(), trimmed.history(), media, "no, the third clip", "en");
    assertThat(impossible.draft()).isEqualTo(trimmed.draft());
    assertThat(impossible.history()).isEqualTo(trimmed.history());
  }

  @Test
  void whatATurnAskedAndItsLanguageReachTheNextTurnBesideTheDraftNeverInIt() {
    Draft start = travelDraft();
    // a session keeps the note as JSON beside the draft between turns: the next turn reads it back from there
    AgentReply asked = say(start, "how loud is the music?");
    assertThat(asked.history()).isEqualTo(History.none());
    assertThat(asked.draft()).as("a question changes nothing, and leaves no note in the draft").isEqualTo(start);
    assertThat(asked.draft().toJson().has("talk")).isFalse();
    Said kept = Said.read(asked.said().toJson());
    AgentReply set = agent.respond(asked.draft(), asked.history(), kept, media, "make it 80", "en");
    assertThat(set.draft().music().volume()).isEqualTo(0.8);
    // without the note, a number alone is not the music's volume
    assertThat(agent.respond(asked.draft(), asked.history(), media, "make it 80", "en").draft()).isNotEqualTo(set.draft());
    // undo goes back to the timeline as it was, and a note is never a change of its own
    assertThat(agent.respond(set.draft(), set.history(), set.said(), media, "undo", "en").draft()).isEqualTo(start);

    AgentReply chinese = agent.respond(start, History.none(), media, "视频多长", "en");
    AgentReply ok = agent.respond(chinese.draft(), chinese.history(), Said.read(chinese.said().toJson()), media, "ok", "en");
    assertThat(ok.text()).containsPattern("\\p{IsHan}");
    assertThat(say(start, "thanks").draft()).isEqualTo(start);

    // asked about one clip, a number alone is that clip's length, not the video's
    Fixtures.Start photo = Fixtures.of("photo");
    AgentReply howLong = agent.respond(photo.draft(), History.none(), photo.media(), "how long is the photo on screen", "en");
    AgentReply longer = agent.respond(howLong.draft(), howLong.history(), Said.read(howLong.said().toJson()), photo.media(),
        "make it 5", "en");
    assertThat(longer.draft().clips()).extracting(c -> c.durationMs()).containsExactly(10_000L, 5_000L, 8_000L);
  }

  /** Turns in a row, each with the history the one before left; the last reply. */
  AgentReply chat(Draft start, String... messages) {
    AgentReply r = null;
    Draft draft = start;
    History history = History.none();
    Said said = Said.NOTHING;
    for (String m : messages) {
      r = agent.respond(draft, history, said, media, m, "en");
      draft = r.draft();
      history = r.history();
      said = r.said();
    }
    return r;
  }

  @Test
  void aFollowUpRestylesTheTitleTheLastTurnWroteAndRenamesNoOther() {
    AgentReply r = chat(travelDraft(), "can the title say Beach Day", "actually make it bigger", "加个标题：毕业快乐", "再小一点");
    assertThat(r.draft().captions()).extracting(Caption::text).containsExactly("毕业快乐");
    Caption title = r.draft().captions().get(0);
    // 8% made bigger (10%), kept by the new words, then smaller again
    assertThat(title.size()).isEqualTo(0.08);
    assertThat(r.text()).contains("毕业快乐").doesNotContain("Beach Day");
  }

  @Test
  void aNewTitleOverAnotherReplacesItAndSaysSo() {
    AgentReply r = chat(travelDraft(), "title 'Beach Day'", "加个标题：毕业快乐");
    assertThat(r.draft().captions()).extracting(Caption::text).containsExactly("毕业快乐");
    assertThat(r.draft().output().title()).isEqualTo("毕业快乐");
    assertThat(r.text()).contains("Beach Day").contains("已改为");
  }

  @Test
  void praiseInAMessageThatExportsDoesNotAskForExport() {
    AgentReply r = say(travelDraft(), "looks good, send it");
    assertThat(r.text()).contains("Glad you like it").contains(Replies.EXPORT_EN).doesNotContain("/export");
    AgentReply zh = agent.respond(travelDraft(), media, "不错，导出吧", "zh");
    assertThat(zh.text()).doesNotContain("/export");
  }

  @Test
  void praiseBesideAChangeSaysWhatChangedWithoutAskingForExport() {
    Draft withMusic = say(travelDraft(), "use the lofi track").draft();
    double level = withMusic.music().volume();
    AgentReply r = say(withMusic, "lol this looks great, can u make the song quieter tho");
    assertThat(r.draft().music().volume()).isLessThan(level);
    assertThat(r.text()).contains("Glad you like it").doesNotContain("/export");
    AgentReply zh = agent.respond(withMusic, media, "太好看了 音乐小声一点", "zh");
    assertThat(zh.draft().music().volume()).isLessThan(level);
    assertThat(zh.text()).doesNotContain("/export");
  }

  @Test
  void theSongIsTheMusicPlayingEvenWhenTheTrackIsCalledSong() {
    Draft draft = upload(agent.emptyDraft(), video("v1", "beach.mp4", 10), audio("a1", "song.ogg", 310));
    AgentReply music = say(draft, "add music");
    AgentReply quieter = say(music.draft(), "can u make the song quieter");
    assertThat(quieter.draft().music().volume()).isEqualTo(0.7);
    assertThat(quieter.text()).doesNotContain("already");
    assertThat(say(music.draft(), "use song.ogg").text()).contains("already the background music");
  }

  @Test
  void aMessageNotUnderstoodIsEchoedAsTyped() {
    AgentReply r = agent.respond(travelDraft(), media, "第二段弄得酷炫一点", "zh");
    assertThat(r.text()).contains("没看懂“第二段弄得酷炫一点”").doesNotContain("clip 2");
  }

  @Test
  void atLeastTwentyEarlierDraftsAreKept() {
    Draft draft = say(travelDraft(), "add background music").draft();
    History history = History.none();
    for (int i = 1; i <= 25; i++) {
      AgentReply r = agent.respond(draft, history, media, "music at " + i + "%", "en");
      draft = r.draft();
      history = r.history();
    }
    for (int i = 0; i < 20; i++) {
      AgentReply r = agent.respond(draft, history, media, "undo", "en");
      draft = r.draft();
      history = r.history();
    }
    assertThat(draft.music().volume()).isEqualTo(0.05);
  }

  @Test
  void withAMusicMakerAskingForMusicWithoutATrackAddsComposedMusic() {
    Draft draft = upload(agent.emptyDraft(), video("v1", "a.mp4", 6));
    Media composed = audio("gen_1", "composed.wav", 6);
    RuleAgent composing = new RuleAgent(Instructions.standard(), (d, m, wish) -> composed);

    AgentReply reply = composing.respond(draft, media, "add background music", "en");

    assertThat(reply.draft().music().src()).isEqualTo("gen_1");
    assertThat(reply.draft().music().durationMs()).isEqualTo(6000);
    assertThat(reply.created()).containsExactly(composed);
  }

  @Test
  void whenMusicCannotBeMadeTheAnswerSaysWhyAndNothingChanges() {
    Draft draft = upload(agent.emptyDraft(), video("v1", "a.mp4", 6));
    RuleAgent composing = new RuleAgent(Instructions.standard(), (d, m, wish) -> {
      throw new java.io.IOException("no soundfont is installed: run ./tunecut setup");
    });

    AgentReply reply = composing.respond(draft, media, "add some music", "en");

    assertThat(reply.draft()).isEqualTo(draft);
    assertThat(reply.created()).isEmpty();
    assertThat(reply.text()).contains("no soundfont is installed");
  }

  @Test
  void aClauseNotUnderstoodIsNamedAndTheRestIsDone() {
    AgentReply reply = say(travelDraft(), "make it square and sprinkle some fairy dust");
    assertThat(reply.draft().output().aspect()).isEqualTo(Aspect.SQUARE);
    assertThat(reply.text()).contains("square").contains("I didn't understand \"sprinkle some fairy dust\"");
  }

  @Test
  void aChineseAnswerHasAChineseTimeline() {
    AgentReply reply = agent.respond(travelDraft(), media, "加背景音乐，淡出3秒", "zh");
    assertThat(reply.text()).contains("时间线：视频 0–18 秒（2 个片段）").contains("淡出 3 秒").doesNotContain("clips");
  }

  @Test
  void askingToExportEndsWithTheWordsTheBotExportsOn() {
    AgentReply reply = say(travelDraft(), "export it in 1080p please");
    assertThat(reply.draft().output().resolution()).isEqualTo("1080p");
    assertThat(reply.text()).endsWith("Click Export to render it.");
    assertThat(agent.respond(travelDraft(), media, "导出", "zh").text()).endsWith("点击「导出」即可生成视频。");
  }

  @Test
  void chatInPassingNeedsNoAnswerButARequestNotUnderstoodStillSaysSo() {
    Draft draft = travelDraft();
    AgentReply chat = say(draft, "lol my dog is in the beach clip");
    assertThat(chat.draft()).isEqualTo(draft);
    assertThat(chat.text()).doesNotContain("didn't understand").doesNotStartWith("Sorry");
    AgentReply request = say(draft, "i want it to look more dreamy and wavy");
    assertThat(request.draft()).isEqualTo(draft);
    assertThat(request.text()).contains("didn't understand");
    // Beside a request, chat needs no answer; a request not understood still does.
    AgentReply mixed = say(draft, "music at 50% and my dog is in the beach clip");
    assertThat(mixed.draft().music().volume()).isEqualTo(0.5);
    assertThat(mixed.text()).doesNotContain("didn't understand");
    AgentReply half = say(draft, "music at 50% and make it look more dreamy and wavy");
    assertThat(half.draft().music().volume()).isEqualTo(0.5);
    assertThat(half.text()).contains("didn't understand");
  }

  @Test
  void somethingTheStudioDoesNotDoGetsAnHonestNoAndChangesNothing() {
    Draft draft = travelDraft();
    for (String asked : List.of("can you add a glitch filter", "put some stickers on it", "加个美颜", "换个背景")) {
      AgentReply reply = agent.respond(draft, media, asked, asked.matches(".*\\p{IsHan}.*") ? "zh" : "en");
      assertThat(reply.draft()).as(asked).isEqualTo(draft);
      assertThat(reply.text()).as(asked).containsAnyOf("can't", "没法");
    }
    assertThat(say(draft, "blur the sides").draft()).isNotEqualTo(draft); // a fill, which the studio does
  }

  // What a new user saw at the console (round 3), each as typed.

  @Test
  void aChineseVolumeChangeWithATrackSentAndNoMusicAddsItAtThatLevelAsTheEnglishOneDoes() {
    Draft draft = upload(agent.emptyDraft(), video("v1", "red.mp4", 4), video("v2", "blue.mp4", 3), audio("a1", "song.ogg", 310));
    AgentReply zh = agent.respond(draft, media, "把音乐调小一点", "zh");
    AgentReply en = say(draft, "can u make the song quieter");
    assertThat(zh.draft().music()).isEqualTo(en.draft().music());
    assertThat(zh.draft().music().volume()).isEqualTo(0.7);
    assertThat(zh.text()).doesNotContain("还没有背景音乐");
    // asked, not told: nothing added
    assertThat(agent.respond(draft, media, "音乐是不是太大声了", "zh").draft()).isEqualTo(draft);
  }

  @Test
  void aLeadInBesideARequestIsNeitherNotUnderstoodNorAnsweredOnItsOwn() {
    Draft draft = travelDraft();
    for (String asked : List.of("好了 导出吧", "好的 导出", "行，导出吧", "ok 导出")) {
      AgentReply r = agent.respond(draft, media, asked, "zh");
      assertThat(r.text()).as(asked).isEqualTo(Replies.EXPORT_ZH);
    }
    for (String asked : List.of("alright, export it", "cool export please", "ok, make it vertical")) {
      assertThat(say(draft, asked).text()).as(asked).doesNotContain("didn't understand").doesNotContain("Tell me what to change");
    }
    // said alone, it gets its short answer and changes nothing
    AgentReply alone = agent.respond(draft, media, "好了", "zh");
    assertThat(alone.draft()).isEqualTo(draft);
    assertThat(alone.text()).doesNotContain("没看懂");
  }

  @Test
  void aVideoOfOnePhotoIsMadeLongerByHoldingThePhotoAndVideoClipsAloneSayTheyCannotGrow() {
    Draft photo = upload(agent.emptyDraft(), photo("p1", "photo.jpg"));
    AgentReply longer = say(photo, "make it 10 seconds");
    assertThat(longer.draft().durationMs()).isEqualTo(10_000);
    assertThat(longer.text()).contains("photo").contains("10 s").doesNotContain("nothing to cut");
    AgentReply zh = agent.respond(photo, media, "做成10秒", "zh");
    assertThat(zh.draft().durationMs()).isEqualTo(10_000);
    assertThat(zh.text()).contains("照片");

    Draft clips = upload(agent.emptyDraft(), video("v1", "red.mp4", 4), video("v2", "blue.mp4", 3));
    AgentReply cannot = say(clips, "make it 10 seconds");
    assertThat(cannot.draft()).isEqualTo(clips);
    assertThat(cannot.text()).contains("can't make the video longer").contains("slow motion").contains("loop the clips");
    assertThat(agent.respond(clips, media, "做成10秒", "zh").text()).contains("慢放").contains("循环");
    AgentReply looped = say(clips, "loop the clips to 10 seconds");
    assertThat(looped.draft().durationMs()).isEqualTo(10_000);
    assertThat(looped.draft().clips()).extracting(c -> c.name()).containsExactly("red.mp4", "blue.mp4", "red.mp4");
  }

  @Test
  void musicMadeForThePersonIsNamedAsMadeForThemNotAsATrackTheySent() {
    Draft draft = upload(agent.emptyDraft(), photo("p1", "photo.jpg"));
    RuleAgent composing = new RuleAgent(Instructions.standard(), new ComposeMusicTest.Maker());
    AgentReply made = composing.respond(draft, History.none(), media, "add music", "en");
    media.addAll(made.created());
    AgentReply undone = composing.respond(made.draft(), made.history(), media, "undo", "en");
    AgentReply hi = composing.respond(undone.draft(), undone.history(), media, "hi", "en");
    assertThat(hi.text()).contains("Music I made for you: upbeat pop for photo.jpg").doesNotContain("Tracks you sent");
    AgentReply zh = composing.respond(undone.draft(), undone.history(), media, "你好", "zh");
    assertThat(zh.text()).contains("我为你做的配乐").doesNotContain("可用的音乐");
    // "add the music", as the hint says, puts it back
    assertThat(composing.respond(undone.draft(), undone.history(), media, "add the music", "en").draft().music().src())
        .isEqualTo(made.draft().music().src());
  }

  @Test
  void cheerfulMusicIsComposedAndNothingIsAskedToBeFaster() {
    Draft draft = upload(agent.emptyDraft(), video("v1", "red.mp4", 4), video("v2", "blue.mp4", 3));
    RuleAgent composing = new RuleAgent(Instructions.standard(), new ComposeMusicTest.Maker());
    for (String asked : List.of("加点音乐 要欢快一点的", "配个轻快的音乐", "来点明快的音乐", "加点愉快的音乐")) {
      AgentReply r = composing.respond(draft, media, asked, "zh");
      assertThat(r.draft().music()).as(asked).isNotNull();
      assertThat(r.draft().clips()).as(asked).isEqualTo(draft.clips());
      assertThat(r.text()).as(asked).doesNotContain("更快").doesNotContain("加速");
    }
    // "快一点" alone still asks what should be faster
    assertThat(agent.respond(draft, media, "快一点", "zh").text()).contains("更快");
  }

  @Test
  void aComposedTracksNameIsAllChineseInAChineseTurn() throws java.io.IOException {
    // named as the studio's maker names music for two clips
    MusicMaker english = new MusicMaker() {
      @Override
      public Media make(Draft d, List<Media> m, Wish wish) {
        return audio("med_1", "upbeat pop for red.mp4 and 1 more clip, 120 BPM.m4a", 7);
      }

      @Override
      public String styleName(String style, boolean chinese) {
        return new ComposeMusicTest.Maker().styleName(style, chinese);
      }
    };
    Media made = TrackNames.in(english, true).make(agent.emptyDraft(), media, MusicMaker.Wish.defaults());
    assertThat(made.filename()).isEqualTo("red.mp4 等 2 个片段的欢快流行配乐，120 BPM.m4a");
  }

  @Test
  void aRequestNotUnderstoodIsQuotedInThePersonsOwnWords() {
    AgentReply r = agent.respond(travelDraft(), media, "加字幕 第一天 放左边", "zh");
    assertThat(r.draft().captions()).extracting(Caption::text).containsExactly("第一天");
    assertThat(r.text()).contains("没看懂：“放左边”").doesNotContain("caption");
    assertThat(say(travelDraft(), "add caption hello then blorp it").text()).contains("didn't understand \"blorp it\"");
  }

  @Test
  void aTextIsCalledTextInTheAnswerAndTheTimelineAlike() {
    AgentReply r = agent.respond(travelDraft(), media, "文字「第一天」，在底部", "zh");
    assertThat(r.text()).contains("文字「第一天」").contains("文字 '第一天'").doesNotContain("标题");
    AgentReply title = agent.respond(travelDraft(), media, "标题 夏天", "zh");
    assertThat(title.text()).contains("标题「夏天」").contains("标题 '夏天'");
  }

  @Test
  void removingWhatIsNotThereSaysSoAndChangesNothing() {
    Draft draft = travelDraft();
    for (String asked : List.of("remove the text", "remove the title", "删掉字幕", "remove the music", "remove the fades", "remove the slow motion", "取消慢放")) {
      AgentReply r = agent.respond(draft, media, asked, asked.matches(".*\\p{IsHan}.*") ? "zh" : "en");
      assertThat(r.draft()).as(asked).isEqualTo(draft);
      assertThat(r.text()).as(asked).doesNotContain("Removed").doesNotContain("已删除").doesNotContain("Which clip");
    }
    AgentReply text = say(draft, "remove the text");
    assertThat(text.text()).contains("no text");
  }

  @Test
  void textGoesInACornerAndTheAnswerSaysWhich() {
    AgentReply corner = say(travelDraft(), "put Day 1 in the corner");
    assertThat(corner.draft().captions().get(0).position()).isEqualTo("top-left");
    assertThat(corner.text()).contains("at the top left");
    AgentReply moved = chat(travelDraft(), "put Day 1 in the corner", "move the title to the bottom right");
    assertThat(moved.draft().captions()).extracting(Caption::position).containsExactly("bottom-right");
    AgentReply zh = agent.respond(travelDraft(), media, "加字幕 第一天 放右上角", "zh");
    assertThat(zh.draft().captions().get(0).position()).isEqualTo("top-right");
    assertThat(zh.text()).contains("在右上角").doesNotContain("在底部");
  }

  @Test
  void giveUpAndUndoInOneMessageOnlyUndoes() {
    AgentReply quieter = agent.respond(say(travelDraft(), "add background music").draft(), History.none(), media, "音乐小声点", "zh");
    AgentReply undone = agent.respond(quieter.draft(), quieter.history(), media, "算了 撤销", "zh");
    assertThat(undone.draft().music().volume()).isEqualTo(1.0);
    assertThat(undone.text()).contains("已撤销").doesNotContain("保持");
  }

  @Test
  void theTempoIsToldWhenKnownAndHowToHearItWhenNot() {
    Draft withLofi = say(travelDraft(), "add background music").draft();
    AgentReply unknown = say(withLofi, "whats the bpm");
    assertThat(unknown.draft()).isEqualTo(withLofi);
    assertThat(unknown.text()).contains("sync");
    Media made = audio("m9", "lo-fi for beach.mp4, 96 BPM.m4a", 30);
    media.add(made);
    Draft withMade = withLofi.withMusic(withLofi.music().withTrack(made.id(), made.filename()));
    AgentReply known = say(withMade, "这首歌多少bpm");
    assertThat(known.text()).contains("96 BPM");
    assertThat(known.draft().music()).isEqualTo(withMade.music());
  }

  @Test
  void aTitleWithoutWordsIsAskedForAndTheAnswerIsItsText() {
    AgentReply asked = say(travelDraft(), "add a title");
    assertThat(asked.draft().captions()).isEmpty();
    assertThat(asked.text()).contains("What should the title say");
    AgentReply named = agent.respond(asked.draft(), asked.history(), asked.said(), media, "Beach Day", "en");
    assertThat(named.draft().captions()).extracting(c -> c.text()).containsExactly("Beach Day");
    assertThat(named.text()).contains("Title 'Beach Day'");
    // a request instead of words is read as the request
    AgentReply other = agent.respond(asked.draft(), asked.history(), asked.said(), media, "make it vertical", "en");
    assertThat(other.draft().captions()).isEmpty();
    assertThat(other.draft().output().height()).isGreaterThan(other.draft().output().width());
  }

  @Test
  void theTempoOfMusicMadeHereIsSaidOnce() {
    ComposeMusicTest.Maker maker = new ComposeMusicTest.Maker();
    Fixtures.Start start = Fixtures.of("composed", maker);
    RuleAgent composing = new RuleAgent(PhraseCorpusTest.withBeats(), maker);
    for (String asked : List.of("这首歌多少bpm", "whats the bpm", "what tempo is the song")) {
      AgentReply r = composing.respond(start.draft(), start.media(), asked, "en");
      assertThat(DraftChange.between(start.draft(), r.draft())).as(asked).isEqualTo("-");
      assertThat(r.text().split("BPM", -1)).as(asked + ": " + r.text()).hasSize(2);
      assertThat(r.text()).as(asked).contains("112 BPM");
    }
  }

  /**
   * An answer the rest of the message makes unneeded (the purpose, "they're one video already") is
   * left out in Chinese as in English, and "what should the title say?" is followed by its words in
   * either: the answers are marked by what they are, not found by their English words.
   */
  @Test
  void answersAMessageLeavesOutAreKnownByWhatTheyAreInEitherLanguage() {
    for (String[] m : new String[][] {
        {"its for my dads birthday, make it vertical", "set its mood"},
        {"这是给我爸生日用的，改成竖屏", "定氛围"},
        {"combine these 2 videos into one and make it vertical", "one video already"},
        {"帮我把这两个视频剪成一个 然后改成竖屏", "已经是一个视频"}}) {
      AgentReply r = say(travelDraft(), m[0]);
      assertThat(r.draft().output().aspect()).as(m[0]).isNotNull();
      assertThat(r.text()).as(m[0]).doesNotContain(m[1]);
    }
    for (String[] asked : new String[][] {{"add a title", "Beach Day"}, {"加个标题", "毕业旅行"}}) {
      AgentReply question = say(travelDraft(), asked[0]);
      assertThat(question.draft().captions()).isEmpty();
      AgentReply words = agent.respond(question.draft(), question.history(), question.said(), media, asked[1], "en");
      assertThat(words.draft().captions()).as(asked[0]).singleElement().satisfies(c -> assertThat(c.text()).isEqualTo(asked[1]));
    }
  }

  /** After "music lower when she talks", wanting the speech the loudest asks for the ducking again (deeper), not something unknown. */
  @Test
  void theSpeechTheLoudestAfterDuckingIsMoreDucking() {
    RuleAgent beats = new RuleAgent(PhraseCorpusTest.withBeats());
    Draft draft = say(travelDraft(), "add music").draft();
    AgentReply ducked = beats.respond(draft, History.none(), Said.NOTHING, media, "music lower when she talks", "en");
    AgentReply louder = beats.respond(ducked.draft(), ducked.history(), ducked.said(), media, "make the speech part the loudest", "en");
    assertThat(louder.text()).doesNotContain("didn't understand").contains("duck");
    assertThat(BeatRequest.read("说话的部分要最清楚").map(r -> r.kind()))
        .contains(BeatRequest.Kind.DUCK);
  }
}
