package io.tunecut.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tunecut.core.chat.Attachment;
import io.tunecut.core.chat.ChatAction;
import io.tunecut.core.chat.MessageRef;
import io.tunecut.core.chat.Suggestion;
import io.tunecut.core.testing.FakeNemoServer;
import io.tunecut.core.testing.FakeNemoServer.Call;
import io.tunecut.core.testing.RecordingPort;
import io.tunecut.core.testing.Turn;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConversationEngineTest {
  @TempDir Path tmp;
  Harness h;

  @BeforeEach
  void start() throws Exception {
    h = new Harness(tmp);
  }

  @AfterEach
  void stop() throws Exception {
    h.close();
  }

  @Test
  void helpAndStartExplainWhatTheBotDoesWithExamplesAndCommands() throws Exception {
    h.run("ann", "/start");
    assertThat(h.lastSentTo("ann")).contains("music-backed videos").contains("add background music").contains("/export")
        .contains("/cancel").contains("/new").contains("/status").contains("/credits");
    h.run(h.message("li", "/help", Locale.SIMPLIFIED_CHINESE));
    assertThat(h.lastSentTo("li")).contains("配乐视频").contains("/export");
    assertThat(h.server.count(Call.TURN)).isZero();
  }

  @Test
  void progressWordsAreInThePersonsLanguage() throws Exception {
    h.server.enqueueTurn(Turn.builder().tool("add_music").delay(Duration.ofMillis(400)).text("好了。").build());
    h.run("li", "加背景音乐");
    List<String> shown = h.port.statusTexts(h.port.statuses().get(0));
    assertThat(shown).anyMatch(t -> t.startsWith("⏳ 正在添加音乐… · "))
        .noneMatch(t -> t.matches(".*[A-Za-z]{3,}.*"));
  }

  @Test
  void aChatTurnPostsAStatusAtOnceThenAnswersWithSuggestions() throws Exception {
    h.server.enqueueTurn(Turn.builder().tool("add_music").delay(Duration.ofMillis(200)).text("I added lofi.mp3 at 35%.").build());
    h.run("ann", "add background music");
    List<RecordingPort.Call> calls = h.port.calls(Harness.chat("ann"));
    assertThat(calls.get(0).kind()).isEqualTo(RecordingPort.Kind.CREATE_STATUS);
    RecordingPort.Call answer = h.port.calls(RecordingPort.Kind.SEND).get(0);
    assertThat(answer.text()).isEqualTo("I added lofi.mp3 at 35%.");
    assertThat(answer.suggestions()).extracting(Suggestion::command).containsExactly("/export", "/status", "/credits");
    MessageRef status = h.port.statuses().get(0);
    assertThat(h.port.statusTexts(status)).last().asString().startsWith("✓ done");
    assertThat(h.server.allMessages()).containsExactly("add background music");
  }

  @Test
  void theStatusShowsTheCurrentActivityAndElapsedTime() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    h.server.enqueueTurn(Turn.builder().tool("add_music").hold(release).text("ok").build());
    CompletableFuture<Void> done = h.send("ann", "add music");
    await().atMost(Duration.ofSeconds(5)).until(() -> h.port.anyShown(t -> t.matches("⏳ adding music… · \\d+ s")));
    release.countDown();
    done.get(10, TimeUnit.SECONDS);
  }

  @Test
  void aSilentBackendShowsStillWorkingAndTheChatActionIsRepeated() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    h.server.enqueueTurn(Turn.builder().hold(release).text("ok").build());
    CompletableFuture<Void> done = h.send("ann", "make it vertical");
    await().atMost(Duration.ofSeconds(5)).until(() -> h.port.anyShown(t -> t.contains("still working")));
    await().atMost(Duration.ofSeconds(5)).until(() -> h.port.calls(RecordingPort.Kind.CHAT_ACTION).size() >= 3);
    assertThat(h.port.calls(RecordingPort.Kind.CHAT_ACTION)).extracting(RecordingPort.Call::action).contains(ChatAction.TYPING);
    release.countDown();
    done.get(10, TimeUnit.SECONDS);
  }

  @Test
  void editsOfTheStatusRespectThePlatformsIntervalThroughAWholeTurn() throws Exception {
    Duration interval = Duration.ofMillis(250);
    h.close();
    h = new Harness(tmp.resolve("b"), RecordingPort.builder().minEditInterval(interval).build(), b -> b);
    Turn.Builder busy = Turn.builder();
    for (int i = 0; i < 15; i++) busy.tool("step_" + i).delay(Duration.ofMillis(60));
    h.server.enqueueTurn(busy.text("finished").build());
    h.run("ann", "do many things");
    MessageRef status = h.port.statuses().get(0);
    List<RecordingPort.Call> edits = h.port.calls(h.port.statuses().get(0).chat()).stream()
        .filter(c -> c.kind() == RecordingPort.Kind.CREATE_STATUS || c.kind() == RecordingPort.Kind.EDIT_STATUS).toList();
    assertThat(edits.size()).isGreaterThan(1);
    for (int i = 1; i < edits.size(); i++) {
      assertThat(Duration.between(edits.get(i - 1).at(), edits.get(i).at())).isGreaterThanOrEqualTo(interval);
      assertThat(edits.get(i).text()).isNotEqualTo(edits.get(i - 1).text());
    }
    assertThat(h.port.statusTexts(status)).last().asString().startsWith("✓");
  }

  @Test
  void theNextMessageIsTakenAsSoonAsTheTurnIsAnsweredNotWhenItsLastStatusEditGoesOut() throws Exception {
    h.close();
    // A long edit interval, as in Telegram groups: the final status edit waits its turn.
    h = new Harness(tmp.resolve("lane"), RecordingPort.builder().minEditInterval(Duration.ofSeconds(30)).build(), b -> b);
    h.server.enqueueTurn(Turn.text("Added the music."));
    h.server.enqueueTurn(Turn.text("Faded it out."));
    CompletableFuture<Void> first = h.send("ann", "add music");
    await().atMost(Duration.ofSeconds(10)).until(() -> h.port.anyShown(t -> t.contains("Added the music.")));

    CompletableFuture<Void> second = h.send("ann", "fade it out");

    await().atMost(Duration.ofSeconds(10)).until(() -> h.port.anyShown(t -> t.contains("Faded it out.")));
    assertThat(h.port.anyShown(t -> t.contains("still working"))).isFalse();
    assertThat(first).isNotDone();
    assertThat(second).isNotDone();
  }

  @Test
  void creditsInEnglishAndChinese() throws Exception {
    h.server.credits(42);
    h.run("ann", "credits");
    assertThat(h.lastSentTo("ann")).isEqualTo("You have 42 credits.");
    h.run("li", "余额");
    assertThat(h.lastSentTo("li")).isEqualTo("你有 42 积分。");
    h.run("li", "/credits");
    assertThat(h.lastSentTo("li")).as("the language is remembered").isEqualTo("你有 42 积分。");
    assertThat(h.server.count(Call.TURN)).isZero();
  }

  @Test
  void statusSummarisesTheTimelineTracks() throws Exception {
    h.run("ann", "hello");
    h.server.draft(h.sessionOf("ann"), FakeNemoServer.EXAMPLE_DRAFT);
    h.run("ann", "show tracks");
    assertThat(h.lastSentTo("ann"))
        .startsWith("Timeline: video 0–10 s · music 'lofi.mp3' 0–10 s at 35%, fade-out 2 s · title 'Urban Dreams' 0–3 s");
    h.run("ann", "状态");
    assertThat(h.lastSentTo("ann")).startsWith("时间线：视频 0–10 秒");
  }

  @Test
  void anEmptyTimelineSaysSo() throws Exception {
    h.run("ann", "/status");
    assertThat(h.lastSentTo("ann")).contains("empty");
  }

  @Test
  void filesAreCheckedDownloadedUploadedAndDeleted() throws Exception {
    AtomicBoolean refusedOpened = new AtomicBoolean();
    Attachment clip = new Attachment("city.mp4", 2048, "video/mp4", () -> new ByteArrayInputStream(new byte[2048]));
    Attachment exe = new Attachment("virus.exe", 10, null, () -> {
      refusedOpened.set(true);
      return new ByteArrayInputStream(new byte[10]);
    });
    h.run(h.files("ann", "", clip, exe));
    assertThat(h.sentTo("ann")).anyMatch(t -> t.contains("“virus.exe”") && t.contains("mp4, mov"));
    assertThat(h.sentTo("ann")).anyMatch(t -> t.startsWith("Added city.mp4 (video, 10 s, 1920×1080)"));
    assertThat(refusedOpened).isFalse();
    assertThat(h.server.requests(Call.UPLOAD).get(0).getBody().utf8()).contains("filename=\"city.mp4\"");
    assertThat(h.workDirEmpty()).isTrue();
  }

  @Test
  void aFileOverTheLimitIsRefusedBeforeDownloading() throws Exception {
    AtomicBoolean opened = new AtomicBoolean();
    Attachment big = new Attachment("big.mov", 600L * 1024 * 1024, "video/quicktime", () -> {
      opened.set(true);
      return new ByteArrayInputStream(new byte[1]);
    });
    h.run(h.files("ann", "", big));
    assertThat(h.lastSentTo("ann")).contains("“big.mov”").contains("500 MB").contains("Trim or compress");
    assertThat(opened).isFalse();
    assertThat(h.server.count(Call.UPLOAD)).isZero();
  }

  @Test
  void aFileWhoseSizeWasUnknownIsStoppedAtTheLimitWhileStreaming() throws Exception {
    h.close();
    h = new Harness(tmp.resolve("b"), RecordingPort.create(), b -> b.maxFileBytes(1000));
    Attachment unknown = new Attachment("long.mp4", -1, null, () -> new ByteArrayInputStream(new byte[5000]));
    h.run(h.files("ann", "", unknown));
    assertThat(h.lastSentTo("ann")).contains("“long.mp4”");
    assertThat(h.server.count(Call.UPLOAD)).isZero();
    assertThat(h.workDirEmpty()).isTrue();
  }

  @Test
  void aCaptionWithFilesBecomesTheInstructionAfterTheUpload() throws Exception {
    Attachment song = new Attachment("lofi.mp3", 100, "audio/mpeg", () -> new ByteArrayInputStream(new byte[100]));
    h.server.enqueueTurn(Turn.text("Music added."));
    h.run(h.files("ann", "use this as background music", song));
    assertThat(h.server.allMessages()).containsExactly("use this as background music");
    assertThat(h.sentTo("ann")).anyMatch(t -> t.startsWith("Added lofi.mp3 (audio")).contains("Music added.");
  }

  @Test
  void aBareLinkIsUploadedByUrl() throws Exception {
    h.run("ann", "https://example.com/media/beach.mp4");
    assertThat(h.server.requests(Call.UPLOAD).get(0).getBody().utf8()).contains("\"urls\"").contains("beach.mp4");
    assertThat(h.lastSentTo("ann")).startsWith("Added beach.mp4");
    assertThat(h.server.count(Call.TURN)).isZero();
  }

  @Test
  void newStartsAFreshSessionAndConfirms() throws Exception {
    h.run("ann", "hello");
    String first = h.sessionOf("ann");
    h.run("ann", "/new");
    assertThat(h.sessionOf("ann")).isNotEqualTo(first);
    assertThat(h.lastSentTo("ann")).contains("new timeline");
  }

  @Test
  void oneTurnPerPersonAtATimeButQuickCommandsStillAnswer() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    h.server.enqueueTurn(Turn.builder().hold(release).text("Title added.").build());
    CompletableFuture<Void> first = h.send("ann", "title 'Urban Dreams'");
    await().atMost(Duration.ofSeconds(5)).until(() -> h.server.count(Call.TURN) == 1);
    h.run("ann", "make it vertical");
    assertThat(h.lastSentTo("ann")).isEqualTo("I'm still working on your last request — wait, or /cancel.");
    h.run("ann", "/credits");
    assertThat(h.lastSentTo("ann")).contains("100 credits");
    h.run("ann", "/help");
    assertThat(h.lastSentTo("ann")).contains("/export");
    release.countDown();
    first.get(10, TimeUnit.SECONDS);
    assertThat(h.server.allMessages()).containsExactly("title 'Urban Dreams'");
    h.server.enqueueTurn(Turn.text("Vertical now."));
    h.run("ann", "make it vertical");
    assertThat(h.lastSentTo("ann")).isEqualTo("Vertical now.");
  }

  @Test
  void cancelStopsTheRunningTurnAndSaysSo() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    h.server.enqueueTurn(Turn.builder().tool("add_music").hold(release).text("too late").build());
    CompletableFuture<Void> turn = h.send("ann", "add music");
    await().atMost(Duration.ofSeconds(5)).until(() -> h.server.count(Call.TURN) == 1);
    h.run("ann", "/cancel");
    turn.get(10, TimeUnit.SECONDS);
    release.countDown();
    assertThat(h.sentTo("ann")).contains("Cancelled your request.").doesNotContain("too late");
    assertThat(h.port.statusTexts(h.port.statuses().get(0))).last().asString().contains("cancelled");
    h.run("ann", "/cancel");
    assertThat(h.lastSentTo("ann")).isEqualTo("Nothing to cancel.");
  }

  @Test
  void aSilentTurnIsAnsweredWithWhatChanged() throws Exception {
    h.run("ann", "hello");
    h.server.draft(h.sessionOf("ann"), FakeNemoServer.VIDEO_ONLY_DRAFT);
    h.server.enqueueTurn(Turn.builder().tool("add_music").toolResult("add_music").draft(FakeNemoServer.EXAMPLE_DRAFT).build());
    h.run("ann", "add lofi music at 35% and a title");
    assertThat(h.lastSentTo("ann")).startsWith("Done. What changed: ").contains("added music 'lofi.mp3' 0–10 s at 35%")
        .contains("added title 'Urban Dreams'");
  }

  @Test
  void aSilentTurnThatChangedNothingSaysSo() throws Exception {
    h.server.enqueueTurn(Turn.builder().tool("think").build());
    h.run("ann", "do something");
    assertThat(h.lastSentTo("ann")).contains("did not change");
  }

  @Test
  void aDroppedStreamIsNeverResentAndTheStateTellsWhetherTheEditWentThrough() throws Exception {
    h.run("ann", "hello");
    h.server.draft(h.sessionOf("ann"), FakeNemoServer.VIDEO_ONLY_DRAFT);
    h.server.enqueueTurn(Turn.builder().tool("add_music").draft(FakeNemoServer.EXAMPLE_DRAFT).drop().build());
    h.run("ann", "add music");
    assertThat(h.lastSentTo("ann")).contains("dropped").contains("went through").contains("lofi.mp3");
    assertThat(h.server.allMessages()).containsExactly("hello", "add music");
  }

  @Test
  void aDroppedStreamWithNoChangeGivesUpAfterTheChecks() throws Exception {
    h.run("ann", "hello");
    h.server.enqueueTurn(Turn.builder().text("Working").drop().build());
    int statesBefore = h.server.count(Call.STATE);
    h.run("ann", "add music");
    assertThat(h.lastSentTo("ann")).contains("dropped").contains("did not change");
    assertThat(h.server.count(Call.STATE) - statesBefore).as("state before + 3 checks").isEqualTo(4);
    assertThat(h.server.allMessages()).containsExactly("hello", "add music");
  }

  @Test
  void theBackendsGuiWordsAreTranslated() throws Exception {
    h.server.enqueueTurn(Turn.text("Done! You can preview it in the timeline, or drag the title to move it."));
    h.run("ann", "add a title");
    assertThat(h.lastSentTo("ann")).contains("/status").contains("tell me the change").doesNotContainIgnoringCase("drag");
  }

  @Test
  void longAnswersAreSplitAtThePlatformsLength() throws Exception {
    h.close();
    h = new Harness(tmp.resolve("b"), RecordingPort.builder().maxTextLength(100).build(), b -> b);
    String longText = "word ".repeat(70).strip();
    h.server.enqueueTurn(Turn.text(longText));
    h.run("ann", "tell me a story");
    List<String> parts = h.sentTo("ann");
    assertThat(parts).hasSizeGreaterThan(3).allMatch(p -> p.length() <= 100);
    assertThat(String.join(" ", parts)).isEqualTo(longText);
  }

  @Test
  void chineseMessagesGetChineseAnswers() throws Exception {
    h.server.enqueueTurn(Turn.builder().tool("add_music").build());
    h.run("li", "加背景音乐");
    assertThat(h.lastSentTo("li")).contains("时间线");
    assertThat(h.port.statusTexts(h.port.statuses().get(0)).get(0)).isEqualTo("⏳ 处理中…");
  }

  @Test
  void filesSentWithoutWordsAreAnsweredInTheLanguageLastWritten() throws Exception {
    h.server.enqueueTurn(Turn.text("你好！"));
    h.run("li", "你好");
    Attachment clip = new Attachment("city.mp4", 2048, "video/mp4", () -> new ByteArrayInputStream(new byte[2048]));
    h.run(h.files("li", "", clip));
    assertThat(h.port.statusTexts(h.port.statuses().get(1)).get(0)).isEqualTo("⏳ 处理中…");
    assertThat(h.sentTo("li")).anyMatch(t -> t.startsWith("已添加 city.mp4"));
  }

  @Test
  void twoPeopleRunInParallelAndNothingCrosses() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    h.server.onMessage("alpha", Turn.builder().hold(release).text("Answer for alpha").build());
    h.server.onMessage("beta", Turn.builder().hold(release).text("Answer for beta").build());
    CompletableFuture<Void> a = h.send("ann", "alpha");
    CompletableFuture<Void> b = h.send("bob", "beta");
    await().atMost(Duration.ofSeconds(5)).until(() -> h.server.count(Call.TURN) == 2);
    release.countDown();
    CompletableFuture.allOf(a, b).get(10, TimeUnit.SECONDS);
    assertThat(h.sentTo("ann")).containsExactly("Answer for alpha");
    assertThat(h.sentTo("bob")).containsExactly("Answer for beta");
    assertThat(h.sessionOf("ann")).isNotEqualTo(h.sessionOf("bob"));
    assertThat(h.server.messages(h.sessionOf("ann"))).containsExactly("alpha");
    assertThat(h.server.messages(h.sessionOf("bob"))).containsExactly("beta");
    assertThat(h.directory.get(Harness.user("ann")).token()).isNotEqualTo(h.directory.get(Harness.user("bob")).token());
  }

  @Test
  void anExpiredTokenIsRenewedWithTheSameClientIdAndKept() throws Exception {
    h.run("ann", "hello");
    String clientId = h.directory.get(Harness.user("ann")).clientId();
    String old = h.directory.get(Harness.user("ann")).token();
    h.server.revokeAllTokens();
    h.run("ann", "/credits");
    assertThat(h.lastSentTo("ann")).contains("100 credits");
    assertThat(h.directory.get(Harness.user("ann")).token()).isNotEqualTo(old);
    assertThat(h.server.requests(Call.TOKEN)).allMatch(r -> clientId.equals(r.getHeaders().get("X-Client-Id")));
  }

  @Test
  void withAnOperatorTokenEveryoneSharesItButHasTheirOwnSession() throws Exception {
    h.close();
    h = new Harness(tmp.resolve("b"), RecordingPort.create(), b -> b.operatorToken("nmv_operator_secret"));
    h.server.acceptToken("nmv_operator_secret");
    h.run("ann", "hello");
    h.run("bob", "hello");
    assertThat(h.server.count(Call.TOKEN)).isZero();
    assertThat(h.sessionOf("ann")).isNotEqualTo(h.sessionOf("bob"));
    assertThat(h.port.everythingShown()).noneMatch(t -> t.contains("nmv_operator_secret"));
  }
}
