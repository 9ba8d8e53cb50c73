package io.tunecut.discord;

import static io.tunecut.discord.DiscordFlowTest.ANN;
import static io.tunecut.discord.DiscordFlowTest.WAIT;
import static io.tunecut.discord.FakeDiscord.Option.file;
import static io.tunecut.discord.FakeDiscord.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.tunecut.core.chat.Chat;
import io.tunecut.core.chat.ChatPort;
import io.tunecut.core.chat.InboundMessage;
import io.tunecut.core.chat.MessageRef;
import io.tunecut.core.chat.Suggestion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * An upload's quick timeline picture (drawn before the beats and cuts are found) and the full one
 * after it: on Discord the full picture takes the quick one's place in the same message, under
 * the same caption and buttons; where Discord will not edit that message, the full picture still
 * arrives, as a new message, and the chat shows one picture.
 */
class DiscordPicturesTest {
  static final Chat CHANNEL = new Chat(ChannelPort.PLATFORM, FakeDiscord.CHANNEL, true, FakeDiscord.GUILD);
  static final List<Suggestion> BUTTONS = List.of(new Suggestion("Export", "/export"), new Suggestion("Status", "/status"));

  @TempDir Path tmp;
  FakeDiscord discord;
  Stack stack;
  DiscordBot bot;
  Path quick;
  Path full;

  @BeforeEach
  void setUp() throws IOException {
    discord = new FakeDiscord();
    quick = Files.write(tmp.resolve("quick.png"), new byte[3_000]);
    full = Files.write(tmp.resolve("full.png"), new byte[5_000]);
  }

  @AfterEach
  void tearDown() throws IOException {
    if (bot != null) bot.close();
    if (stack != null) stack.close();
    discord.close();
  }

  /** The bot alone, answering nothing: the test speaks through its channel port. */
  private ChatPort startBot(Duration replacePatience) throws Exception {
    bot = DiscordBot.start(discord.settings(), (message, port) -> CompletableFuture.completedFuture(null), Clock.systemUTC(),
        replacePatience);
    return bot.port();
  }

  /**
   * The real engine on this fake Discord, against a studio that draws an upload's picture at
   * once, saying it still finds the beats and cuts, and the full one once they are found.
   */
  private void startStackWhoseStudioDrawsAQuickPictureFirst() throws Exception {
    discord.close();
    stack = new Stack(tmp);
    discord = stack.discord;
    stack.nemo.drawsPictures().drawsAtOnceWhileFinding("beats, cuts", "beats");
    stack.start();
  }

  private static String messageId(MessageRef ref) {
    return ChannelPort.where(ref)[1];
  }

  private List<FakeDiscord.Shown> picturesIn(String channel) {
    return discord.shownIn(channel).stream().filter(FakeDiscord.Shown::showsPicture).toList();
  }

  private static void assertShowsTheFullPicture(FakeDiscord.Shown shown) {
    assertThat(shown.attachments()).singleElement().satisfies(a -> {
      assertThat(a.fileName()).isEqualTo("full.png");
      assertThat(a.size()).isEqualTo(5_000);
    });
    assertThat(shown.content()).isEqualTo("Timeline: video 0–10 s");
    assertThat(shown.buttons()).containsExactly("/export", "/status");
  }

  @Test
  void theFullPictureReplacesTheQuickOneInTheSameMessageWithItsCaptionAndButtons() throws Exception {
    ChatPort port = startBot(ChannelPort.REPLACE_PATIENCE);

    MessageRef photo = port.sendReplaceablePhoto(CHANNEL, quick, "Timeline: video 0–10 s", BUTTONS);
    assertThat(discord.shown(messageId(photo)).attachments()).extracting(FakeDiscord.Attachment::fileName).containsExactly("quick.png");
    boolean replaced = port.replacePhoto(photo, full, "Timeline: video 0–10 s", BUTTONS);

    assertThat(replaced).isTrue();
    assertThat(picturesIn(FakeDiscord.CHANNEL)).as("one picture in the channel, the first message").singleElement()
        .satisfies(shown -> {
          assertThat(shown.id()).isEqualTo(messageId(photo));
          assertShowsTheFullPicture(shown);
        });
    // JDA's real edit: the message's PATCH, multipart with the payload and the new file.
    assertThat(discord.calls(c -> c.is("PATCH", "/channels/" + FakeDiscord.CHANNEL + "/messages/" + messageId(photo))))
        .singleElement().satisfies(edit -> {
          assertThat(edit.code()).isEqualTo(200);
          assertThat(edit.body()).contains("name=\"payload_json\"").contains("name=\"files[0]\"; filename=\"full.png\"");
        });
    assertThat(discord.calls(c -> c.is("POST", "/channels/" + FakeDiscord.CHANNEL + "/messages"))).hasSize(1);
  }

  @Test
  void aReplacementDiscordHoldsBackWithA429IsWaitedOutAndStillInPlace() throws Exception {
    ChatPort port = startBot(ChannelPort.REPLACE_PATIENCE);
    MessageRef photo = port.sendReplaceablePhoto(CHANNEL, quick, "Timeline: video 0–10 s", BUTTONS);
    discord.rateLimitNextPictureEdits(1, 1);

    assertThat(port.replacePhoto(photo, full, "Timeline: video 0–10 s", BUTTONS)).isTrue();

    List<FakeDiscord.Call> edits = discord.calls(c -> c.is("PATCH", "/messages/" + messageId(photo)));
    assertThat(edits).as("Discord's 429, then the same edit once it was over").extracting(FakeDiscord.Call::code)
        .containsExactly(429, 200);
    assertThat(Duration.between(edits.get(0).at(), edits.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    assertThat(picturesIn(FakeDiscord.CHANNEL)).singleElement().satisfies(shown -> {
      assertThat(shown.id()).isEqualTo(messageId(photo));
      assertShowsTheFullPicture(shown);
    });
  }

  @Test
  void whenTheQuickPictureWasDeletedTheFullOneComesAsANewMessageWithTheCaptionAndButtons() throws Exception {
    ChatPort port = startBot(ChannelPort.REPLACE_PATIENCE);
    MessageRef photo = port.sendReplaceablePhoto(CHANNEL, quick, "Timeline: video 0–10 s", BUTTONS);
    discord.delete(messageId(photo));

    assertThat(port.replacePhoto(photo, full, "Timeline: video 0–10 s", BUTTONS)).isTrue();

    assertThat(discord.calls(c -> c.is("PATCH", "/messages/" + messageId(photo)))).extracting(FakeDiscord.Call::code)
        .containsExactly(404);
    assertThat(picturesIn(FakeDiscord.CHANNEL)).singleElement().satisfies(shown -> {
      assertThat(shown.id()).isNotEqualTo(messageId(photo));
      assertShowsTheFullPicture(shown);
    });
    assertThat(discord.calls(c -> c.method().equals("DELETE"))).as("nothing left to withdraw").isEmpty();
  }

  @Test
  void whenTheEditIsRefusedTheFullPictureComesAnewAndTheQuickOneIsWithdrawn() throws Exception {
    ChatPort port = startBot(ChannelPort.REPLACE_PATIENCE);
    MessageRef photo = port.sendReplaceablePhoto(CHANNEL, quick, "Timeline: video 0–10 s", BUTTONS);
    discord.forbidNextPictureEdit();

    assertThat(port.replacePhoto(photo, full, "Timeline: video 0–10 s", BUTTONS)).isTrue();

    await().atMost(WAIT).until(() -> discord.shown(messageId(photo)) == null);
    assertThat(picturesIn(FakeDiscord.CHANNEL)).as("only the full picture shows").singleElement()
        .satisfies(DiscordPicturesTest::assertShowsTheFullPicture);
  }

  @Test
  void aReplacementHeldBackLongerThanTheBotWaitsGoesOutAsANewMessageAndTheEditNeverLandsLater() throws Exception {
    ChatPort port = startBot(Duration.ofMillis(300));
    MessageRef photo = port.sendReplaceablePhoto(CHANNEL, quick, "Timeline: video 0–10 s", BUTTONS);
    discord.rateLimitNextPictureEdits(1, 1);

    assertThat(port.replacePhoto(photo, full, "Timeline: video 0–10 s", BUTTONS)).isTrue();

    await().atMost(WAIT).until(() -> discord.shown(messageId(photo)) == null);
    assertThat(picturesIn(FakeDiscord.CHANNEL)).singleElement().satisfies(DiscordPicturesTest::assertShowsTheFullPicture);
    // JDA would send the edit again once Discord's second is over: it was withdrawn, so it never goes.
    await().during(Duration.ofMillis(1500)).atMost(WAIT)
        .until(() -> discord.calls(c -> c.is("PATCH", "/messages/" + messageId(photo))).size() == 1);
    assertThat(discord.calls(c -> c.is("PATCH", "/messages/" + messageId(photo)))).extracting(FakeDiscord.Call::code)
        .containsExactly(429);
  }

  @Test
  void aPictureSentThroughASlashCommandIsReplacedThroughTheInteractionAndARefusalNeitherLosesItNorLeaksATokenToTheLog()
      throws Exception {
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(log);
    List<Boolean> replaced = new CopyOnWriteArrayList<>();
    try {
      bot = DiscordBot.start(discord.settings(), (InboundMessage message, ChatPort port) -> CompletableFuture.runAsync(() -> {
        try {
          port.createStatus(message.chat(), "Adding city.mp4…");
          MessageRef photo = port.sendReplaceablePhoto(message.chat(), quick, "Timeline: video 0–10 s", BUTTONS);
          replaced.add(port.replacePhoto(photo, full, "Timeline: video 0–10 s", BUTTONS));
          MessageRef second = port.sendReplaceablePhoto(message.chat(), quick, "Timeline: video 0–10 s", BUTTONS);
          discord.forbidNextPictureEdit();
          replaced.add(port.replacePhoto(second, full, "Timeline: video 0–10 s", BUTTONS));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }));
      String token = discord.slashCommand(ANN, "status", options());

      await().atMost(WAIT).until(() -> replaced.size() == 2);
      assertThat(replaced).containsExactly(true, true);
      List<FakeDiscord.Call> followUps = discord.calls(c -> c.is("POST", "/webhooks/" + FakeDiscord.APP + "/" + token)
          && c.body().contains("filename=\"quick.png\""));
      assertThat(followUps).hasSize(2);
      // The first is edited through the interaction's token, in the same message.
      assertThat(discord.calls(c -> c.is("PATCH", "/webhooks/" + FakeDiscord.APP + "/" + token + "/messages/")
          && !c.path().endsWith("@original") && c.code() == 200)).singleElement()
          .satisfies(edit -> assertThat(edit.body()).contains("filename=\"full.png\""));
      // The second was refused: the full picture came anew and the quick one was withdrawn.
      await().atMost(WAIT).until(() -> picturesIn(FakeDiscord.CHANNEL).size() == 2);
      assertThat(picturesIn(FakeDiscord.CHANNEL)).hasSize(2).allSatisfy(DiscordPicturesTest::assertShowsTheFullPicture);
      assertThat(discord.calls(c -> c.is("DELETE", "/webhooks/"))).singleElement().satisfies(c -> assertThat(c.code()).isEqualTo(204));
      assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
          .anySatisfy(line -> assertThat(line).contains("could not be replaced in place"))
          .noneSatisfy(line -> assertThat(line).contains(FakeDiscord.TOKEN))
          .noneSatisfy(line -> assertThat(line).contains(token));
    } finally {
      root.detachAppender(log);
    }
  }

  @Test
  void aStatusSlashCommandShowsOnePictureTheFullOneTakingTheQuickOnesPlaceUnderTheSummaryAndButtons() throws Exception {
    startStackWhoseStudioDrawsAQuickPictureFirst();
    String music = discord.slashCommand(ANN, "music", options(file("clip", "city.mp4", "video/mp4", "clip".getBytes(StandardCharsets.UTF_8))));
    await().atMost(WAIT).until(() -> picturesIn(FakeDiscord.CHANNEL).size() == 1);

    String status = discord.slashCommand(ANN, "status", options());

    String answer = "/webhooks/" + FakeDiscord.APP + "/" + status + "/messages/@original";
    await().atMost(WAIT).until(() -> discord.calls(c -> c.is("PATCH", answer) && c.body().contains(".png\"")).size() == 2);
    List<FakeDiscord.Call> pictures = discord.calls(c -> c.is("PATCH", answer) && c.body().contains(".png\""));
    assertThat(pictures).extracting(FakeDiscord.Call::code).containsExactly(200, 200);
    FakeDiscord.Shown shown = discord.shown(discord.originalMessageId(status));
    assertThat(shown.content()).startsWith("Timeline: ");
    assertThat(shown.buttons()).contains("/export", "/status");
    assertThat(shown.attachments()).singleElement().satisfies(picture -> {
      assertThat(pictures.get(1).body()).as("the full picture").contains("filename=\"" + picture.fileName() + "\"");
      assertThat(pictures.get(0).body()).as("not the quick one").doesNotContain(picture.fileName());
    });
    assertThat(picturesIn(FakeDiscord.CHANNEL)).as("one for the upload, one for /status").hasSize(2);
    assertThat(discord.calls(c -> c.is("POST", "/webhooks/" + FakeDiscord.APP + "/" + music) && c.body().contains(".png\"")))
        .as("the upload's picture, a follow-up of /music, sent once").hasSize(1);
    assertThat(discord.calls(c -> c.is("POST", "/webhooks/" + FakeDiscord.APP + "/" + status))).isEmpty();
  }

  @Test
  void anUploadShowsOnePictureTheQuickOneBecomingTheFullOne() throws Exception {
    startStackWhoseStudioDrawsAQuickPictureFirst();

    discord.message(ANN, "", true, options(file("clip", "city.mp4", "video/mp4", "clip".getBytes(StandardCharsets.UTF_8))));

    await().atMost(WAIT).until(() -> !discord.calls(c -> c.is("PATCH", "/channels/" + FakeDiscord.DM_CHANNEL + "/messages/")
        && c.body().contains(".png\"") && c.code() == 200).isEmpty());
    List<FakeDiscord.Call> sent = discord.calls(c -> c.is("POST", "/channels/" + FakeDiscord.DM_CHANNEL + "/messages")
        && c.body().contains(".png\""));
    assertThat(sent).as("one picture sent").hasSize(1);
    assertThat(picturesIn(FakeDiscord.DM_CHANNEL)).singleElement().satisfies(shown -> {
      FakeDiscord.Call edit = discord.calls(c -> c.is("PATCH", "/messages/" + shown.id()) && c.body().contains(".png\"")).get(0);
      assertThat(shown.attachments()).singleElement().satisfies(picture -> {
        assertThat(edit.body()).contains("filename=\"" + picture.fileName() + "\"");
        assertThat(sent.get(0).body()).as("not the quick picture's file").doesNotContain(picture.fileName());
        assertThat(picture.size()).isEqualTo(stack.nemo.timelinePicture().length);
      });
    });
  }
}
