package io.tunecut.telegram;

import static io.tunecut.telegram.FakeBotApi.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tunecut.core.chat.ChatUser;
import io.tunecut.core.conversation.ConversationEngine;
import io.tunecut.core.render.PollSchedule;
import io.tunecut.core.nemo.NemoClient;
import io.tunecut.core.testing.FakeNemoServer;
import io.tunecut.core.testing.FakeNemoServer.Call;
import io.tunecut.core.testing.Turn;
import io.tunecut.core.user.UserDirectory;
import io.tunecut.telegram.Updates.Person;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole way: Telegram updates through the real TelegramBots client and our adapter, the
 * real conversation engine and protocol client, against fakes of the Bot API and NemoVideo.
 */
class TelegramConversationTest {
  private static final Person ANN = new Person(101);
  private static final Person BEN = new Person(202);
  private static final Person LI = new Person(303, "zh-hans");

  @TempDir Path tmp;
  private FakeBotApi telegram;
  private FakeNemoServer nemo;
  private NemoClient client;
  private UserDirectory directory;
  private ConversationEngine engine;
  private TelegramBot bot;
  private LogCapture logs;

  @BeforeEach
  void setUp() throws IOException {
    logs = new LogCapture();
    telegram = new FakeBotApi();
    // Telegram's flood control, a little stricter than what the adapter promises the core.
    telegram.floodControlOnEdits(Duration.ofMillis(250));
    nemo = FakeNemoServer.start();
    client = nemo.clientBuilder().silenceTimeout(Duration.ofSeconds(3)).build();
    directory = UserDirectory.open(Files.createDirectories(tmp.resolve("data")), "test-secret");
    engine = newEngine();
    bot = TelegramBot.start(settings(), engine);
  }

  private ConversationEngine newEngine() throws IOException {
    return newEngine(UnaryOperator.identity());
  }

  private ConversationEngine newEngine(UnaryOperator<ConversationEngine.Builder> tuned) throws IOException {
    return tuned.apply(ConversationEngine.builder())
        .nemo(client)
        .directory(directory)
        .operatorToken(null)
        .workDir(Files.createDirectories(tmp.resolve("work")))
        .renderPollSchedule(PollSchedule.every(Duration.ofMillis(40)))
        .silenceNotice(Duration.ofSeconds(2))
        .chatActionInterval(Duration.ofMillis(200))
        .progressTick(Duration.ofMillis(50))
        .build();
  }

  private TelegramSettings settings() {
    return TelegramSettings.of(TOKEN)
        .withApiUrl(telegram.url(), false)
        .withAlbumWait(Duration.ofMillis(400))
        .withEditIntervals(Duration.ofMillis(300), Duration.ofMillis(600));
  }

  @AfterEach
  void tearDown() throws IOException {
    if (bot != null) bot.close();
    engine.close();
    directory.close();
    nemo.close();
    telegram.close();
    logs.close();
    assertThat(logs.lines()).noneMatch(line -> line.contains(TOKEN));
    assertThat(telegram.calls()).allSatisfy(c -> assertThat(c.params().toString()).doesNotContain(TOKEN));
    assertThat(telegram.calls("editMessageText")).allSatisfy(c -> assertThat(c.answeredCode()).isNotEqualTo(429));
  }

  @Test
  void fromStartThroughClipTrackInstructionAndExportToTheDeliveredVideoAndLink() throws Exception {
    byte[] clip = bytes(40_000);
    byte[] track = bytes(20_000);
    telegram.file("city", clip);
    telegram.file("lofi", track);

    telegram.push(Updates.text(ANN, ANN.id(), "/start"));
    await().until(() -> sentTo("101").stream().anyMatch(t -> t.contains("music-backed videos")));

    // One turn per person at a time: each step waits until the status says the last one is done.
    int done = finishedTurns();
    telegram.push(Updates.video(ANN, ANN.id(), "city", clip.length, null, null));
    await().until(() -> sentTo("101").stream().anyMatch(t -> t.startsWith("Added city.mp4")));
    awaitFinishedTurns(done + 1);
    telegram.push(Updates.audio(ANN, ANN.id(), "lofi", track.length, "lofi.mp3"));
    await().until(() -> sentTo("101").stream().anyMatch(t -> t.startsWith("Added lofi.mp3")));
    awaitFinishedTurns(done + 2);
    assertThat(nemo.count(Call.UPLOAD)).isEqualTo(2);
    assertThat(nemo.requests(Call.UPLOAD).get(0).getBodySize()).isGreaterThan(clip.length);

    nemo.enqueueTurn(Turn.builder().tool("add_music").delay(Duration.ofMillis(700)).text("I added lofi.mp3 at 35% and synced it to the cuts.").build());
    telegram.push(Updates.text(ANN, ANN.id(), "add background music and sync it to the cuts"));
    await().until(() -> sentTo("101").contains("I added lofi.mp3 at 35% and synced it to the cuts."));
    FakeBotApi.Call answer = telegram.calls("sendMessage", c -> "I added lofi.mp3 at 35% and synced it to the cuts.".equals(c.text())).get(0);
    List<String> buttons = answer.params().path("reply_markup").path("inline_keyboard").findValuesAsText("callback_data");
    assertThat(buttons).contains("/export", "/status", "/credits");
    assertThat(nemo.allMessages()).contains("add background music and sync it to the cuts");
    assertThat(telegram.calls("sendChatAction")).isNotEmpty();
    awaitFinishedTurns(done + 3);

    nemo.draft(directory.get(new ChatUser("telegram", "101")).sessionId(), FakeNemoServer.EXAMPLE_DRAFT);
    telegram.push(Updates.press(ANN, ANN.id(), answer.params().path("message_id").asInt(), "/export"));

    await().until(() -> !telegram.calls("sendVideo").isEmpty() && sentTo("101").stream().anyMatch(t -> t.startsWith("Your video: ")));
    FakeBotApi.Call video = telegram.calls("sendVideo").get(0);
    String attached = video.params().path("video").asText().replace("attach://", "");
    assertThat(video.params().path(attached + ".bytes").asInt()).isEqualTo(nemo.renderFile().length);
    assertThat(video.params().path("supports_streaming").asText()).isEqualTo("true");
    assertThat(video.chatId()).isEqualTo("101");
    String renderId = nemo.renderIds().get(0);
    assertThat(sentTo("101")).anyMatch(t -> t.equals("Your video: " + nemo.baseUrl() + "/files/" + renderId + ".mp4"));
    assertThat(telegram.calls("answerCallbackQuery")).hasSize(1);
    assertThat(telegram.calls("sendChatAction")).anyMatch(c -> c.params().path("action").asText().equals("upload_video"));
    assertThat(sentTo("101")).noneMatch(t -> t.contains(TOKEN));
  }

  @Test
  void anAlbumOfThreeClipsIsAcknowledgedOnceCountingTheClips() throws Exception {
    for (String id : List.of("a1", "a2", "a3")) telegram.file(id, bytes(5_000));
    telegram.push(Updates.video(ANN, ANN.id(), "a1", 5_000, null, "trip"));
    telegram.push(Updates.video(ANN, ANN.id(), "a2", 5_000, null, "trip"));
    telegram.push(Updates.video(ANN, ANN.id(), "a3", 5_000, null, "trip"));

    await().until(() -> sentTo("101").stream().anyMatch(t -> t.startsWith("Added ")));
    List<String> acks = sentTo("101").stream().filter(t -> t.startsWith("Added ")).toList();
    assertThat(acks).hasSize(1);
    assertThat(acks.get(0)).contains("a1.mp4").contains("a2.mp4").contains("a3.mp4");
  }

  @Test
  void aFileTelegramCallsTooBigGetsTheLimitAndWhatToDo() throws Exception {
    telegram.push(Updates.video(ANN, ANN.id(), "huge", 64L * 1024 * 1024, null, null));
    await().until(() -> sentTo("101").stream().anyMatch(t -> t.contains("huge.mp4")));
    assertThat(sentTo("101")).anyMatch(t -> t.contains("64 MB") && t.contains("20 MB") && t.contains("trim") && t.contains("link"))
        .noneMatch(t -> t.contains("can't reach the video service"));
    telegram.push(Updates.video(LI, LI.id(), "huge2", 64L * 1024 * 1024, null, null));
    await().until(() -> sentTo("303").stream().anyMatch(t -> t.contains("huge2.mp4")));
    assertThat(sentTo("303")).anyMatch(t -> t.contains("64 MB") && t.contains("20 MB") && t.contains("链接"));
    assertThat(nemo.count(Call.UPLOAD)).isZero();
  }

  @Test
  void aDocumentThatIsNotMediaIsRefusedWithTheFormatsAndNotDownloaded() throws Exception {
    telegram.file("doc", bytes(3000));
    telegram.push(Updates.document(ANN, ANN.id(), "doc", 3000, "notes.pdf", "application/pdf"));
    await().until(() -> sentTo("101").stream().anyMatch(t -> t.contains("notes.pdf")));
    assertThat(sentTo("101")).anyMatch(t -> t.contains("notes.pdf") && t.contains("mp4"));
    assertThat(telegram.calls("getFile")).isEmpty();
    assertThat(nemo.count(Call.UPLOAD)).isZero();
  }

  @Test
  void twoPeopleAtOnceEachGetTheirOwnSessionAndAnswers() throws Exception {
    nemo.onMessage("ann's", Turn.builder().delay(Duration.ofMillis(400)).text("Done for Ann.").build());
    nemo.onMessage("ben's", Turn.builder().delay(Duration.ofMillis(400)).text("Done for Ben.").build());
    telegram.push(Updates.text(ANN, ANN.id(), "make ann's video vertical"));
    telegram.push(Updates.text(BEN, BEN.id(), "make ben's video vertical"));

    await().until(() -> sentTo("101").contains("Done for Ann.") && sentTo("202").contains("Done for Ben."));
    assertThat(sentTo("101")).noneMatch(t -> t.contains("Ben"));
    assertThat(sentTo("202")).noneMatch(t -> t.contains("Ann"));
    assertThat(directory.get(new ChatUser("telegram", "101")).sessionId())
        .isNotEqualTo(directory.get(new ChatUser("telegram", "202")).sessionId());
  }

  @Test
  void twoPeopleAtOnceWithProgressEditsDrawNoRateLimitFromTelegram() throws Exception {
    telegram.floodControl(Duration.ofMillis(800));
    nemo.onMessage("ann's", Turn.builder().delay(Duration.ofMillis(2500)).text("Done for Ann.").build());
    nemo.onMessage("ben's", Turn.builder().delay(Duration.ofMillis(2500)).text("Done for Ben.").build());
    telegram.push(Updates.text(ANN, ANN.id(), "make ann's video vertical"));
    telegram.push(Updates.text(BEN, BEN.id(), "make ben's video vertical"));

    await().until(() -> sentTo("101").contains("Done for Ann.") && sentTo("202").contains("Done for Ben.")
        && finishedTurns() == 2);
    // Each status message was kept up to date while the work ran, and Telegram never said "too many".
    for (String chat : List.of("101", "202")) {
      assertThat(telegram.calls("editMessageText", c -> chat.equals(c.chatId())).size()).isGreaterThanOrEqualTo(2);
    }
    assertThat(telegram.calls()).noneMatch(c -> c.answeredCode() == 429);
  }

  @Test
  void aRenderRunningAcrossARestartReportsToTheSameStatusMessageAndIsDelivered() throws Exception {
    telegram.push(Updates.text(ANN, ANN.id(), "hello"));
    awaitFinishedTurns(1);
    nemo.draft(directory.get(new ChatUser("telegram", "101")).sessionId(), FakeNemoServer.EXAMPLE_DRAFT);
    nemo.holdRenders(true);
    telegram.push(Updates.text(ANN, ANN.id(), "/export"));
    await().until(() -> !nemo.renderIds().isEmpty() && !directory.get(new ChatUser("telegram", "101")).renders().isEmpty());

    bot.close();
    engine.close();
    int sentBeforeRestart = telegram.calls().size();
    String status = directory.get(new ChatUser("telegram", "101")).renders().get(0).status().messageId();

    nemo.holdRenders(false);
    engine = newEngine();
    bot = TelegramBot.start(settings(), engine);
    engine.resume(bot.port());

    await().until(() -> sentTo("101").stream().anyMatch(t -> t.startsWith("Your video: ")));
    List<FakeBotApi.Call> after = telegram.calls().subList(sentBeforeRestart, telegram.calls().size());
    assertThat(after).anyMatch(c -> c.method().equals("editmessagetext") && c.params().path("message_id").asText().equals(status));
    assertThat(after).anyMatch(c -> c.method().equals("sendvideo"));
  }

  @Test
  void theTimelinePictureComesAsAPhotoAfterAnEditAndOnStatus() throws Exception {
    nemo.drawsPictures();
    telegram.push(Updates.text(ANN, ANN.id(), "hello"));
    awaitFinishedTurns(1);
    nemo.draft(directory.get(new ChatUser("telegram", "101")).sessionId(), FakeNemoServer.EXAMPLE_DRAFT);
    nemo.enqueueTurn(Turn.builder().tool("set_volume").draft(FakeNemoServer.EXAMPLE_DRAFT.replace("0.35", "0.8")).build());

    telegram.push(Updates.text(ANN, ANN.id(), "music at 80%"));
    await().until(() -> !telegram.calls("sendPhoto").isEmpty());
    FakeBotApi.Call photo = telegram.calls("sendPhoto").get(0);
    assertThat(photo.chatId()).isEqualTo("101");
    assertThat(photoBytes(photo)).isEqualTo(nemo.timelinePicture().length);
    assertThat(photo.params().path("caption").asText()).startsWith("Done. What changed: ").contains("80%");
    assertThat(photo.params().path("reply_markup").asText()).contains("/export");
    awaitFinishedTurns(2);

    telegram.push(Updates.text(ANN, ANN.id(), "/status"));
    await().until(() -> telegram.calls("sendPhoto").size() == 2);
    FakeBotApi.Call status = telegram.calls("sendPhoto").get(1);
    assertThat(photoBytes(status)).isEqualTo(nemo.timelinePicture().length);
    assertThat(status.params().path("caption").asText()).startsWith("Timeline: ").contains("lofi.mp3");
    assertThat(sentTo("101")).noneMatch(t -> t.startsWith("Timeline: "));
  }

  @Test
  void anUploadsFirstPictureBecomesTheFullOneInPlaceEvenThroughA429() throws Exception {
    // The studio draws at once while it still finds the beats and cuts; the full picture shows the beats.
    nemo.drawsPictures().drawsAtOnceWhileFinding("beats, cuts", "beats");
    telegram.file("city", bytes(40_000));
    telegram.floodNextMediaEditIn("101", 1);
    telegram.push(Updates.video(ANN, ANN.id(), "city", 40_000, null, null));

    await().until(() -> !telegram.calls("editMessageMedia", c -> c.answeredCode() == 200).isEmpty());
    awaitFinishedTurns(1);
    assertThat(telegram.calls("sendPhoto")).as("one picture in the chat").singleElement()
        .satisfies(photo -> assertThat(photo.answeredCode()).isEqualTo(200));
    FakeBotApi.Call photo = telegram.calls("sendPhoto").get(0);
    int photoId = telegram.photoMessageIds("101").get(0);
    List<FakeBotApi.Call> edits = telegram.calls("editMessageMedia");
    assertThat(edits).as("Telegram's 429, then the same edit once it was over").extracting(FakeBotApi.Call::answeredCode)
        .containsExactly(429, 200);
    FakeBotApi.Call edit = edits.get(1);
    assertThat(Duration.between(edits.get(0).at(), edit.at())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(edit.chatId()).isEqualTo("101");
    assertThat(edit.params().path("message_id").asInt()).isEqualTo(photoId);
    assertThat(edit.at()).isAfter(photo.at());
    assertThat(telegram.photoShownIn("101", photoId).bytes()).isEqualTo(nemo.timelinePicture().length);
    assertThat(telegram.calls("sendPhoto")).as("still one picture, once the turn is over").hasSize(1);

  }

  @Test
  void aLinkIsFollowedByThePictureOfTheTimelineAsAPhoto() throws Exception {
    nemo.drawsPictures();
    telegram.push(Updates.text(ANN, ANN.id(), "https://example.com/media/beach.mp4"));

    await().until(() -> !telegram.calls("sendPhoto").isEmpty());
    FakeBotApi.Call photo = telegram.calls("sendPhoto").get(0);
    assertThat(photo.chatId()).isEqualTo("101");
    assertThat(photoBytes(photo)).isEqualTo(nemo.timelinePicture().length);
    assertThat(sentTo("101")).anyMatch(t -> t.startsWith("Added beach.mp4"));
  }

  @Test
  void whileAnnsChatWaitsOutA429BenIsAnsweredAtOnceAndAnnsRepliesFollowInOrder() throws Exception {
    // One port thread: a reply that held it while its chat waited would hold up everybody else.
    bot.close();
    engine.close();
    engine = newEngine(b -> b.portThreads(1));
    bot = TelegramBot.start(settings(), engine);

    telegram.floodNextSendTo("101", 2);
    telegram.push(Updates.text(ANN, ANN.id(), "/help"));
    await().until(() -> !telegram.calls("sendMessage", c -> c.answeredCode() == 429).isEmpty());
    // Queued behind the first answer in Ann's chat.
    telegram.push(Updates.text(ANN, ANN.id(), "/cancel"));
    telegram.push(Updates.text(BEN, BEN.id(), "/help"));

    await().until(() -> sentTo("101").size() == 2 && sentTo("202").size() == 1);
    FakeBotApi.Call paused = telegram.calls("sendMessage", c -> c.answeredCode() == 429).get(0);
    FakeBotApi.Call forBen = answered("202").get(0);
    List<FakeBotApi.Call> forAnn = answered("101");
    // Ben's answer did not wait for Ann's chat; Ann's came once Telegram's retry_after was over.
    assertThat(forBen.at()).isBefore(forAnn.get(0).at());
    assertThat(Duration.between(paused.at(), forAnn.get(0).at())).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    assertThat(forBen.text()).contains("music-backed videos");
    assertThat(forAnn).extracting(FakeBotApi.Call::text).satisfiesExactly(
        help -> assertThat(help).contains("music-backed videos"),
        cancel -> assertThat(cancel).isEqualTo("Nothing to cancel."));
  }

  /** The bytes of the picture sent: a part of its own, or one the "photo" field points to. */
  private static int photoBytes(FakeBotApi.Call call) {
    if (call.params().has("photo.bytes")) return call.params().path("photo.bytes").asInt();
    String attached = call.params().path("photo").asText().replace("attach://", "");
    return call.params().path(attached + ".bytes").asInt();
  }

  /** Turns whose status message was last edited to "✓ …". */
  private int finishedTurns() {
    return (int) telegram.calls("editMessageText", c -> c.answeredCode() == 200 && c.text().startsWith("✓")).size();
  }

  private void awaitFinishedTurns(int n) {
    await().until(() -> finishedTurns() >= n);
  }

  private List<String> sentTo(String chatId) {
    return answered(chatId).stream().map(FakeBotApi.Call::text).toList();
  }

  private List<FakeBotApi.Call> answered(String chatId) {
    return telegram.calls("sendMessage", c -> chatId.equals(c.chatId()) && c.answeredCode() == 200);
  }

  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    new Random(n).nextBytes(b);
    return b;
  }
}
