package io.tunecut.telegram;

import static io.tunecut.telegram.FakeBotApi.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tunecut.core.chat.Attachment;
import io.tunecut.core.chat.AttachmentTooLargeException;
import io.tunecut.core.chat.ChatAction;
import io.tunecut.core.chat.ChatPort;
import io.tunecut.core.chat.InboundMessage;
import io.tunecut.core.chat.MessageHandler;
import io.tunecut.core.chat.MessageRef;
import io.tunecut.core.chat.Suggestion;
import io.tunecut.telegram.Updates.Person;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adapter driven by the real TelegramBots client against a fake Bot API server. */
class TelegramBotTest {
  private static final Person ANN = new Person(101);
  private static final Person BEN = new Person(202);
  private static final Person LI = new Person(303, "zh-hans");
  private static final long GROUP = -100777;

  private final List<InboundMessage> inbound = new CopyOnWriteArrayList<>();
  private FakeBotApi api;
  private TelegramBot bot;
  private LogCapture logs;

  @BeforeEach
  void setUp() throws IOException {
    logs = new LogCapture();
    api = new FakeBotApi();
  }

  @AfterEach
  void tearDown() {
    if (bot != null) bot.close();
    api.close();
    logs.close();
    assertThat(logs.lines()).noneMatch(line -> line.contains(TOKEN));
    assertThat(api.calls()).allSatisfy(c -> assertThat(c.params().toString()).doesNotContain(TOKEN));
  }

  private TelegramSettings settings() {
    return TelegramSettings.of(TOKEN)
        .withApiUrl(api.url(), false)
        .withAlbumWait(Duration.ofMillis(400))
        .withEditIntervals(Duration.ofMillis(300), Duration.ofMillis(600));
  }

  /** A handler that records each message and answers with what it understood. */
  private MessageHandler echo() {
    return (message, port) -> {
      inbound.add(message);
      return CompletableFuture.runAsync(() -> {
        try {
          String files = message.attachments().stream().map(Attachment::name).collect(Collectors.joining(","));
          port.send(message.chat(), "user " + message.user().id() + " said '" + message.text() + "' files=[" + files + "]",
              List.of(new Suggestion("Export", "/export"), new Suggestion("Status", "/status")));
        } catch (IOException e) {
          throw new RuntimeException(e);
        }
      });
    };
  }

  private void start(MessageHandler handler) throws IOException {
    bot = TelegramBot.start(settings(), handler);
  }

  @Test
  void startRegistersTheCommandsAndStartIsAnsweredWithButtons() throws IOException {
    start(echo());
    assertThat(api.calls("deleteWebhook")).hasSize(1);
    List<String> registered = new ArrayList<>();
    api.calls("setMyCommands").get(0).params().path("commands").forEach(c -> registered.add(c.path("command").asText()));
    assertThat(registered).containsExactly("start", "help", "credits", "status", "export", "preview", "new", "cancel");
    assertThat(api.calls("setMyCommands")).anySatisfy(c -> assertThat(c.params().path("language_code").asText()).isEqualTo("zh"));

    api.push(Updates.text(ANN, ANN.id(), "/start"));

    await().until(() -> !api.calls("sendMessage").isEmpty());
    FakeBotApi.Call reply = api.calls("sendMessage").get(0);
    assertThat(reply.chatId()).isEqualTo("101");
    assertThat(reply.text()).isEqualTo("user 101 said '/start' files=[]");
    assertThat(reply.params().path("reply_markup").path("inline_keyboard").get(0).get(0).path("callback_data").asText())
        .isEqualTo("/export");
    assertThat(inbound.get(0).locale().getLanguage()).isEqualTo("en");
    assertThat(inbound.get(0).chat().group()).isFalse();
  }

  @Test
  void aSecondProcessPollingWithTheSameTokenIsOutlivedAndNothingIsLost() throws IOException {
    start(echo());
    api.conflictOnNextPolls(2);
    api.push(Updates.text(ANN, ANN.id(), "add background music"));

    await().atMost(Duration.ofSeconds(15)).until(() -> !api.calls("sendMessage").isEmpty());
    assertThat(api.calls("sendMessage")).singleElement()
        .satisfies(c -> assertThat(c.text()).isEqualTo("user 101 said 'add background music' files=[]"));
    assertThat(logs.lines()).anyMatch(line -> line.contains("409"));
  }

  @Test
  void aClipAndATrackArriveAsAttachmentsThatDownloadOnlyWhenOpened() throws Exception {
    byte[] clip = bytes(200_000);
    byte[] track = bytes(50_000);
    api.file("clip1", clip);
    api.file("track1", track);
    start(echo());

    api.push(Updates.video(ANN, ANN.id(), "clip1", clip.length, null, null));
    api.push(Updates.audio(ANN, ANN.id(), "track1", track.length, "beat.mp3"));

    await().until(() -> inbound.size() == 2);
    assertThat(api.calls("getFile")).isEmpty();
    Attachment video = inbound.get(0).attachments().get(0);
    Attachment audio = inbound.get(1).attachments().get(0);
    assertThat(video.name()).isEqualTo("clip1.mp4");
    assertThat(video.mimeType()).isEqualTo("video/mp4");
    assertThat(video.size()).isEqualTo(clip.length);
    assertThat(audio.name()).isEqualTo("beat.mp3");
    assertThat(audio.mimeType()).isEqualTo("audio/mpeg");
    try (InputStream in = video.source().open()) {
      assertThat(in.readAllBytes()).isEqualTo(clip);
    }
    assertThat(api.downloads()).isEqualTo(1);
    try (InputStream in = audio.source().open()) {
      assertThat(in.readAllBytes()).isEqualTo(track);
    }
  }

  @Test
  void aFileTelegramCallsTooBigIsOverTheCloudsLimitAndNamesNoToken() throws Exception {
    start(echo());
    api.push(Updates.video(ANN, ANN.id(), "gone", 1000, null, null));
    await().until(() -> inbound.size() == 1);

    assertThatThrownBy(() -> inbound.get(0).attachments().get(0).source().open())
        .isInstanceOfSatisfying(AttachmentTooLargeException.class,
            e -> assertThat(e.limitBytes()).isEqualTo(20L * 1024 * 1024))
        .hasMessageNotContaining(TOKEN);
  }

  @Test
  void theLargestSizeOfAPhotoIsTaken() throws Exception {
    start(echo());
    api.push(Updates.photo(ANN, ANN.id(), "small", "large"));
    await().until(() -> inbound.size() == 1);
    Attachment photo = inbound.get(0).attachments().get(0);
    assertThat(photo.mimeType()).isEqualTo("image/jpeg");
    assertThat(photo.size()).isEqualTo(90000);
    api.file("large", bytes(10));
    try (InputStream in = photo.source().open()) {
      assertThat(in.readAllBytes()).hasSize(10);
    }
  }

  @Test
  void withALocalBotApiServerBigFilesComeInAndAreReadFromItsPath(@TempDir Path dir) throws Exception {
    api.localFilesIn(dir);
    byte[] clip = bytes(5000);
    api.file("big", clip);
    bot = TelegramBot.start(settings().withApiUrl(api.url(), true), echo());

    api.push(Updates.video(ANN, ANN.id(), "big", 300L * 1024 * 1024, null, null));

    await().until(() -> inbound.size() == 1);
    try (InputStream in = inbound.get(0).attachments().get(0).source().open()) {
      assertThat(in.readAllBytes()).isEqualTo(clip);
    }
    assertThat(api.downloads()).isZero();
    assertThat(bot.port().limits(ANN.chat()).maxUploadBytes()).isEqualTo(2000L * 1000 * 1000);
  }

  @Test
  void theDownloadLimitIsLearntFromTelegramsAnswerEvenBehindAnApiUrl() throws Exception {
    // TELEGRAM_API_URL set, as for a proxy of the cloud: the address says nothing of the limits.
    bot = TelegramBot.start(TelegramSettings.fromEnvironment(
        java.util.Map.of("TELEGRAM_BOT_TOKEN", TOKEN, "TELEGRAM_API_URL", api.url())), echo());
    api.push(Updates.video(ANN, ANN.id(), "huge", 25L * 1024 * 1024, "make it vertical", null));
    api.push(Updates.video(LI, LI.id(), "huge2", 30L * 1024 * 1024, null, null));
    await().until(() -> inbound.size() == 2);

    assertThatThrownBy(() -> inbound.get(0).attachments().get(0).source().open())
        .isInstanceOf(AttachmentTooLargeException.class);
    assertThatThrownBy(() -> inbound.get(1).attachments().get(0).source().open())
        .isInstanceOfSatisfying(AttachmentTooLargeException.class, e -> {
          assertThat(e.sizeBytes()).isEqualTo(30L * 1024 * 1024);
          assertThat(e.limitBytes()).isEqualTo(20L * 1024 * 1024);
        });
    // Learnt once: the second file is refused without asking Telegram.
    assertThat(api.calls("getFile")).hasSize(1);
  }

  @Test
  void anAlbumOfThreeClipsIsOneMessageWithThreeAttachments() throws IOException {
    start(echo());
    api.push(Updates.video(ANN, ANN.id(), "a1", 1000, "my trip", "album-9"));
    api.push(Updates.video(ANN, ANN.id(), "a2", 1000, null, "album-9"));
    api.push(Updates.video(ANN, ANN.id(), "a3", 1000, null, "album-9"));

    await().until(() -> api.calls("sendMessage").size() == 1);
    assertThat(inbound).hasSize(1);
    assertThat(inbound.get(0).attachments()).extracting(Attachment::name).containsExactly("a1.mp4", "a2.mp4", "a3.mp4");
    assertThat(inbound.get(0).text()).isEqualTo("my trip");
  }

  @Test
  void aMessageRightAfterAnAlbumComesAfterTheAlbum() throws IOException {
    start(echo());
    api.push(Updates.video(ANN, ANN.id(), "b1", 1000, null, "album-10"));
    api.push(Updates.video(ANN, ANN.id(), "b2", 1000, null, "album-10"));
    api.push(Updates.text(ANN, ANN.id(), "add background music"));

    await().until(() -> inbound.size() == 2);
    assertThat(inbound.get(0).attachments()).hasSize(2);
    assertThat(inbound.get(1).text()).isEqualTo("add background music");
  }

  @Test
  void aDocumentThatIsNotMediaGoesToTheCoreWithItsType() throws IOException {
    start(echo());
    api.push(Updates.document(ANN, ANN.id(), "doc1", 3000, "notes.pdf", "application/pdf"));
    api.push(Updates.document(ANN, ANN.id(), "doc2", 3000, "clip.mov", "video/quicktime"));

    await().until(() -> inbound.size() == 2);
    assertThat(inbound.get(0).attachments().get(0).mimeType()).isEqualTo("application/pdf");
    assertThat(inbound.get(1).attachments().get(0).mimeType()).isEqualTo("video/quicktime");
  }

  @Test
  void aLinkToAVideoPassesAsText() throws IOException {
    start(echo());
    api.push(Updates.text(ANN, ANN.id(), "https://example.com/clip.mp4"));
    await().until(() -> inbound.size() == 1);
    assertThat(inbound.get(0).text()).isEqualTo("https://example.com/clip.mp4");
    assertThat(inbound.get(0).attachments()).isEmpty();
  }

  @Test
  void inAGroupOnlyCommandsRepliesAndMentionsAreAnsweredEachPersonTheirOwn() throws IOException {
    start(echo());
    api.push(Updates.text(ANN, GROUP, "nice weather today"));
    api.push(Updates.video(BEN, GROUP, "holiday", 1000, null, null));
    api.push(Updates.text(ANN, GROUP, "/status@" + FakeBotApi.BOT_USERNAME));
    api.push(Updates.text(BEN, GROUP, "/status@some_other_bot"));
    api.push(Updates.text(BEN, GROUP, "@" + FakeBotApi.BOT_USERNAME + " make it vertical"));
    api.push(Updates.replyToBot(ANN, GROUP, "fade it out at the end", 42));

    await().until(() -> inbound.size() == 3);
    assertThat(inbound).extracting(InboundMessage::text)
        .containsExactly("/status", "make it vertical", "fade it out at the end");
    assertThat(inbound).extracting(m -> m.user().id()).containsExactly("101", "202", "101");
    assertThat(inbound).allSatisfy(m -> {
      assertThat(m.chat().group()).isTrue();
      assertThat(m.chat().id()).isEqualTo(String.valueOf(GROUP));
    });
  }

  @Test
  void aButtonPressIsAnsweredAndComesInAsItsCommand() throws IOException {
    start(echo());
    api.push(Updates.press(BEN, BEN.id(), 17, "/export"));

    await().until(() -> inbound.size() == 1 && api.calls("answerCallbackQuery").size() == 1);
    assertThat(inbound.get(0).text()).isEqualTo("/export");
    assertThat(inbound.get(0).user().id()).isEqualTo("202");
  }

  @Test
  void aBurstOfProgressEditsNeverDrawsA429AndTheLastTextLands() throws Exception {
    api.floodControlOnEdits(Duration.ofMillis(280));
    start(echo());
    ChatPort port = bot.port();
    MessageRef status = port.createStatus(ANN.chat(), "Rendering 0%");
    for (int i = 1; i <= 20; i++) {
      port.editStatus(status, "Rendering " + (i * 5) + "%");
      Thread.onSpinWait();
    }

    await().until(() -> api.calls("editMessageText").stream().anyMatch(c -> "Rendering 100%".equals(c.text())));
    assertThat(api.calls("editMessageText")).allSatisfy(c -> assertThat(c.answeredCode()).isEqualTo(200));
    assertThat(api.calls("editMessageText").size()).isLessThan(20);
    assertThat(api.calls("editMessageText")).allSatisfy(c -> assertThat(c.params().path("message_id").asText()).isEqualTo(status.messageId()));
  }

  @Test
  void whenTelegramAsksToWaitTheMessageIsSentAfterRetryAfter() throws Exception {
    start(echo());
    api.floodNextSends(1);
    long started = System.nanoTime();
    bot.port().send(ANN.chat(), "hello again", List.of());
    long tookMillis = (System.nanoTime() - started) / 1_000_000;

    assertThat(api.calls("sendMessage")).extracting(FakeBotApi.Call::answeredCode).containsExactly(429, 200);
    assertThat(tookMillis).isGreaterThanOrEqualTo(1000);
    assertThat(api.textsTo("101")).containsExactly("hello again");
  }

  @Test
  void editingToTheSameTextIsNotAnError() throws Exception {
    start(echo());
    MessageRef status = bot.port().createStatus(ANN.chat(), "Working");
    bot.port().editStatus(status, "Working");

    await().until(() -> !api.calls("editMessageText").isEmpty());
    assertThat(api.calls("editMessageText")).extracting(FakeBotApi.Call::answeredCode).containsExactly(400);
    assertThat(logs.lines()).noneMatch(line -> line.contains("status edit failed"));
  }

  @Test
  void aStatusMessageCanBeEditedByAnotherBotInstanceAfterARestart() throws Exception {
    start(echo());
    MessageRef status = bot.port().createStatus(ANN.chat(), "Rendering 10%");
    bot.close();
    bot = TelegramBot.start(settings(), echo());

    bot.port().editStatus(new MessageRef(status.chat(), status.messageId()), "Rendering 60%");

    await().until(() -> !api.calls("editMessageText").isEmpty());
    FakeBotApi.Call edit = api.calls("editMessageText").get(0);
    assertThat(edit.params().path("message_id").asText()).isEqualTo(status.messageId());
    assertThat(edit.chatId()).isEqualTo("101");
  }

  @Test
  void longTextsAreSplitAt4096Characters() throws Exception {
    start(echo());
    String longText = "word ".repeat(2000);
    bot.port().send(ANN.chat(), longText, List.of(new Suggestion("Export", "/export")));

    List<FakeBotApi.Call> sent = api.calls("sendMessage");
    assertThat(sent).hasSize(3);
    assertThat(sent).allSatisfy(c -> assertThat(c.text().length()).isLessThanOrEqualTo(4096));
    assertThat(sent.stream().map(FakeBotApi.Call::text).collect(Collectors.joining(" ")).replaceAll("\\s+", " ").trim())
        .isEqualTo(longText.trim());
    assertThat(sent.get(2).params().has("reply_markup")).isTrue();
    assertThat(sent.get(0).params().has("reply_markup")).isFalse();
  }

  @Test
  void aFinishedVideoIsUploadedForStreamingWithItsCaption(@TempDir Path dir) throws Exception {
    Path video = dir.resolve("urban-dreams.mp4");
    Files.write(video, bytes(300_000));
    start(echo());

    bot.port().chatAction(ANN.chat(), ChatAction.UPLOADING_VIDEO);
    boolean sent = bot.port().sendVideo(ANN.chat(), video, "Urban Dreams — https://example.com/r/1");

    assertThat(sent).isTrue();
    FakeBotApi.Call upload = api.calls("sendVideo").get(0);
    String attached = upload.params().path("video").asText().replace("attach://", "");
    assertThat(upload.params().path(attached + ".bytes").asInt()).isEqualTo(300_000);
    assertThat(upload.params().path("supports_streaming").asText()).isEqualTo("true");
    assertThat(upload.params().path("caption").asText()).contains("https://example.com/r/1");
    assertThat(upload.chatId()).isEqualTo("101");
    assertThat(api.calls("sendChatAction").get(0).params().path("action").asText()).isEqualTo("upload_video");
    assertThat(bot.port().limits(ANN.chat()).maxUploadBytes()).isEqualTo(50L * 1024 * 1024);
  }

  @Test
  void aPictureReplacedInPlaceKeepsItsCaptionAndButtons(@TempDir Path dir) throws Exception {
    Path first = Files.write(dir.resolve("first.png"), bytes(3_000));
    Path full = Files.write(dir.resolve("full.png"), bytes(5_000));
    List<Suggestion> buttons = List.of(new Suggestion("Export", "/export"), new Suggestion("Status", "/status"));
    start(echo());

    MessageRef photo = bot.port().sendReplaceablePhoto(ANN.chat(), first, "Timeline: 0:10", buttons);
    assertThat(bot.port().replacePhoto(photo, full, "Timeline: 0:10", buttons)).isTrue();

    assertThat(api.calls("sendPhoto")).hasSize(1);
    FakeBotApi.Call edit = api.calls("editMessageMedia").get(0);
    assertThat(edit.answeredCode()).isEqualTo(200);
    assertThat(edit.params().path("message_id").asText()).isEqualTo(photo.messageId());
    FakeBotApi.Shown shown = api.photoShownIn("101", Integer.parseInt(photo.messageId()));
    assertThat(shown.bytes()).isEqualTo(5_000);
    assertThat(shown.caption()).isEqualTo("Timeline: 0:10");
    assertThat(shown.buttons()).contains("/export").contains("/status");
  }

  @Test
  void aPictureWhoseCaptionFollowedAsAMessageIsReplacedWithoutOne(@TempDir Path dir) throws Exception {
    Path first = Files.write(dir.resolve("first.png"), bytes(3_000));
    Path full = Files.write(dir.resolve("full.png"), bytes(5_000));
    String caption = "Timeline: " + "clip ".repeat(300);
    start(echo());

    MessageRef photo = bot.port().sendReplaceablePhoto(ANN.chat(), first, caption, List.of(new Suggestion("Export", "/export")));
    assertThat(bot.port().replacePhoto(photo, full, caption, List.of(new Suggestion("Export", "/export")))).isTrue();

    assertThat(api.calls("sendMessage")).as("the caption, with the buttons, as a message").singleElement()
        .satisfies(m -> assertThat(m.params().path("reply_markup").toString()).contains("/export"));
    FakeBotApi.Shown shown = api.photoShownIn("101", Integer.parseInt(photo.messageId()));
    assertThat(shown.bytes()).isEqualTo(5_000);
    assertThat(shown.caption()).isEmpty();
    assertThat(shown.buttons()).isEmpty();
  }

  @Test
  void anAlbumStillBeingCollectedAtShutdownIsHandedOver() throws Exception {
    bot = TelegramBot.start(settings().withAlbumWait(Duration.ofMinutes(5)), echo());
    api.push(Updates.video(ANN, ANN.id(), "a1", 1000, "our trip", "album-7"));
    api.push(Updates.video(ANN, ANN.id(), "a2", 1000, null, "album-7"));
    api.push(Updates.text(BEN, BEN.id(), "/status"));
    // Updates are taken in order: Ben's message in means Ann's album is being collected.
    await().until(() -> inbound.size() == 1);

    bot.close();

    assertThat(inbound).hasSize(2);
    assertThat(inbound.get(1).attachments()).extracting(Attachment::name).containsExactly("a1.mp4", "a2.mp4");
    assertThat(inbound.get(1).text()).isEqualTo("our trip");
  }

  @Test
  void aVideoTelegramRefusesAsTooLargeReportsFalse(@TempDir Path dir) throws Exception {
    Path video = dir.resolve("big.mp4");
    Files.write(video, bytes(1000));
    api.refuseVideosAsTooLarge();
    start(echo());

    assertThat(bot.port().sendVideo(ANN.chat(), video, "too big")).isFalse();
  }

  @Test
  void twoPeopleAtOnceNeverSeeEachOthersReplies() throws IOException {
    for (int i = 0; i < 5; i++) {
      api.file("ann" + i, bytes(1000 + i));
      api.file("ben" + i, bytes(2000 + i));
    }
    start((message, port) -> CompletableFuture.runAsync(() -> {
      inbound.add(message);
      try (InputStream in = message.attachments().get(0).source().open()) {
        int size = in.readAllBytes().length;
        port.send(message.chat(), "user " + message.user().id() + " got " + size + " bytes", List.of());
      } catch (IOException e) {
        throw new RuntimeException(e);
      }
    }));
    for (int i = 0; i < 5; i++) {
      api.push(Updates.video(ANN, ANN.id(), "ann" + i, 1000 + i, null, null));
      api.push(Updates.video(BEN, BEN.id(), "ben" + i, 2000 + i, null, null));
    }

    await().until(() -> api.calls("sendMessage").size() == 10);
    assertThat(api.textsTo("101")).hasSize(5).allMatch(t -> t.startsWith("user 101 got 10"));
    assertThat(api.textsTo("202")).hasSize(5).allMatch(t -> t.startsWith("user 202 got 20"));
  }

  @Test
  void webhookModeChecksTheSecretOnEveryRequest() throws Exception {
    TelegramSettings settings = settings().withWebhook("https://bot.example.com/telegram/hook", "s3cret-s3cret", 0);
    bot = TelegramBot.start(settings, echo());
    FakeBotApi.Call setWebhook = api.calls("setWebhook").get(0);
    assertThat(setWebhook.params().path("url").asText()).isEqualTo("https://bot.example.com/telegram/hook");
    assertThat(setWebhook.params().path("secret_token").asText()).isEqualTo("s3cret-s3cret");

    OkHttpClient http = new OkHttpClient();
    String update = Updates.text(ANN, ANN.id(), "/credits").put("update_id", 1).toString();
    String hook = "http://127.0.0.1:" + bot.webhookPort() + "/telegram/hook";
    try (Response wrong = http.newCall(new Request.Builder().url(hook)
        .header(WebhookServer.SECRET_HEADER, "guess")
        .post(RequestBody.create(update, MediaType.get("application/json"))).build()).execute()) {
      assertThat(wrong.code()).isEqualTo(401);
    }
    try (Response none = http.newCall(new Request.Builder().url(hook)
        .post(RequestBody.create(update, MediaType.get("application/json"))).build()).execute()) {
      assertThat(none.code()).isEqualTo(401);
    }
    try (Response right = http.newCall(new Request.Builder().url(hook)
        .header(WebhookServer.SECRET_HEADER, "s3cret-s3cret")
        .post(RequestBody.create(update, MediaType.get("application/json"))).build()).execute()) {
      assertThat(right.code()).isEqualTo(200);
    }
    await().until(() -> inbound.size() == 1);
    assertThat(inbound.get(0).text()).isEqualTo("/credits");
  }

  @Test
  void aWebhookSecretIsGeneratedWhenNoneIsGiven() throws Exception {
    bot = TelegramBot.start(settings().withWebhook("https://bot.example.com/hook", null, 0), echo());
    assertThat(api.calls("setWebhook").get(0).params().path("secret_token").asText()).matches("[A-Za-z0-9_-]{32,256}");
  }

  @Test
  void closingStopsEveryThreadTheBotStarted() throws Exception {
    start(echo());
    api.push(Updates.text(ANN, ANN.id(), "/help"));
    await().until(() -> inbound.size() == 1);
    bot.close();
    bot = null;

    await().until(() -> Thread.getAllStackTraces().keySet().stream()
        .noneMatch(t -> t.isAlive() && t.getName().startsWith("telegram-")));
  }

  @Test
  void aRefusedTokenFailsStartWithoutShowingIt() {
    TelegramSettings wrong = TelegramSettings.of("999:wrong-token-value").withApiUrl(api.url(), false);
    assertThatThrownBy(() -> TelegramBot.start(wrong, echo()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("401")
        .hasMessageNotContaining("wrong-token-value");
  }

  @Test
  void settingsNeverPrintTheToken() {
    TelegramSettings s = TelegramSettings.fromEnvironment(java.util.Map.of(
        "TELEGRAM_BOT_TOKEN", TOKEN, "TELEGRAM_WEBHOOK_SECRET", "hush", "TELEGRAM_API_URL", "http://127.0.0.1:8081"));
    assertThat(s.toString()).doesNotContain(TOKEN).doesNotContain("hush");
    assertThat(s.localServer()).isTrue();
    assertThat(s.maxUploadBytes()).isEqualTo(2000L * 1000 * 1000);
  }

  private static byte[] bytes(int n) {
    byte[] b = new byte[n];
    new Random(n).nextBytes(b);
    return b;
  }
}
