package io.tunecut.discord;

import static io.tunecut.discord.FakeDiscord.Option.file;
import static io.tunecut.discord.FakeDiscord.Option.text;
import static io.tunecut.discord.FakeDiscord.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tunecut.core.testing.FakeNemoServer.Call;
import io.tunecut.core.testing.Turn;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscordFlowTest {
  static final String ANN = "900000000000000001";
  static final String BOB = "900000000000000002";
  static final Duration WAIT = Duration.ofSeconds(15);

  @TempDir Path tmp;
  Stack stack;
  FakeDiscord discord;

  @BeforeEach
  void setUp() throws Exception {
    stack = new Stack(tmp);
    discord = stack.discord;
  }

  @AfterEach
  void tearDown() throws Exception {
    for (FakeDiscord.Call c : discord.calls()) {
      System.out.println("CALL " + c.method() + " " + c.path().replaceAll("itoken-[^/]*", "itoken") + " " + c.body().substring(0, Math.min(300, c.body().length())).replace("\r\n", " "));
    }
    stack.close();
  }

  private List<FakeDiscord.Call> viaToken(String token) {
    return discord.calls(c -> c.path().contains(token));
  }

  /** Sends a first clip, as every export needs something to render. */
  private void clipFrom(String user) {
    String music = discord.slashCommand(user, "music", options(file("clip", "city.mp4", "video/mp4", bytes("clip"))));
    await().atMost(WAIT).until(() -> viaToken(music).stream().anyMatch(c -> c.body().contains("Added city.mp4")));
    awaitFinished(music);
  }

  /** The engine's last word on a turn is its status turned into ✓ or ✗. */
  private void awaitFinished(String token) {
    await().atMost(WAIT).until(() -> viaToken(token).stream().anyMatch(c -> c.body().contains("\"content\":\"✓")));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void musicWithAClipAndATrackThenExportDeliversTheVideoAndTheLinkInTheInteraction() throws Exception {
    stack.start();
    stack.nemo.onMessage("sync it to the cuts", Turn.builder().tool("add_music").text("Music added and synced to 4 cuts.").build());

    String music = discord.slashCommand(ANN, "music", options(
        file("clip", "city.mp4", "video/mp4", bytes("clip")),
        file("track", "lofi.mp3", "audio/mpeg", bytes("track")),
        text("instruction", "add background music and sync it to the cuts")));

    await().atMost(WAIT).until(() -> viaToken(music).stream().anyMatch(c -> c.body().contains("Music added and synced")));
    assertThat(viaToken(music)).first().satisfies(c -> assertThat(c.path()).endsWith("/callback"));
    assertThat(viaToken(music)).filteredOn(c -> c.is("PATCH", "/messages/@original")).isNotEmpty();
    assertThat(stack.nemo.requests(Call.UPLOAD)).extracting(r -> r.getBody().utf8())
        .anySatisfy(b -> assertThat(b).contains("filename=\"city.mp4\"").contains("clip"))
        .anySatisfy(b -> assertThat(b).contains("filename=\"lofi.mp3\""));
    // The answer offers the next steps as buttons.
    assertThat(viaToken(music)).filteredOn(c -> c.body().contains("Music added and synced"))
        .anySatisfy(c -> assertThat(c.body()).contains("\"custom_id\":\"/export\""));

    awaitFinished(music);
    String export = discord.pressButton(ANN, "/export");

    await().atMost(WAIT).until(() -> viaToken(export).stream().anyMatch(c -> c.body().contains("Your video: ")));
    assertThat(viaToken(export)).filteredOn(c -> c.body().contains("filename=\"") && c.body().contains(".mp4\""))
        .singleElement().satisfies(c -> assertThat(c.method()).isIn("POST", "PATCH"));
    assertThat(discord.calls()).noneMatch(c -> c.body().contains(FakeDiscord.TOKEN) || c.path().contains(FakeDiscord.TOKEN));
  }

  @Test
  void statusShowsTheTimelinePictureAsAnAttachmentWithTheSummaryAndButtons() throws Exception {
    stack.start();
    stack.nemo.drawsPictures();
    clipFrom(ANN);

    String status = discord.slashCommand(ANN, "status", options());

    await().atMost(WAIT).until(() -> viaToken(status).stream().anyMatch(c -> c.body().contains(".png\"")));
    assertThat(viaToken(status)).filteredOn(c -> c.body().contains("filename=\"") && c.body().contains(".png\""))
        .singleElement().satisfies(c -> {
          assertThat(c.method()).isIn("POST", "PATCH");
          assertThat(c.body()).contains("Timeline: video 0–10 s").contains("\"custom_id\":\"/export\"").contains("PNG");
        });
  }

  @Test
  void aVideoDiscordRefusesAsTooLargeGoesOutAsALinkOnly() throws Exception {
    stack.start();
    clipFrom(ANN);
    discord.refuseUploadsOver(16 * 1024);
    stack.nemo.renderBytes(64 * 1024);

    String export = discord.slashCommand(ANN, "export", List.of());

    await().atMost(WAIT).until(() -> viaToken(export).stream().anyMatch(c -> c.body().contains("too large to send here")));
    assertThat(viaToken(export)).filteredOn(c -> c.body().contains("filename=\"")).hasSize(1); // tried once, refused
    assertThat(viaToken(export)).filteredOn(c -> c.body().contains("Your video: ")).isEmpty();
  }

  @Test
  void aVideoOverTheInteractionsAttachmentLimitIsNotEvenTried() throws Exception {
    stack.start();
    clipFrom(ANN);
    stack.nemo.renderBytes(64 * 1024);

    String export = discord.slashCommand(ANN, "export", List.of(), 0, 32 * 1024, false);

    await().atMost(WAIT).until(() -> viaToken(export).stream().anyMatch(c -> c.body().contains("too large to send here")));
    assertThat(viaToken(export)).noneMatch(c -> c.body().contains("filename=\""));
  }

  @Test
  void nearTheEndOfTheInteractionsFifteenMinutesReportingAndDeliveryMoveToTheChannel() throws Exception {
    stack.start();
    clipFrom(ANN);
    stack.nemo.holdRenders(true);
    // Discord stamped this interaction 13 min 57 s ago: with the 60 s margin its token is good for 3 s more.
    long age = Duration.ofMinutes(13).plusSeconds(57).toMillis();

    String export = discord.slashCommand(ANN, "export", List.of(), age, 10L * 1024 * 1024, false);

    await().atMost(WAIT).until(() -> discord.calls(c -> c.is("POST", "/channels/" + FakeDiscord.CHANNEL + "/messages")).size() == 1);
    assertThat(viaToken(export)).anyMatch(c -> c.is("PATCH", "/messages/@original"));
    int hookCallsAtHandOver = viaToken(export).size();
    stack.nemo.holdRenders(false);

    await().atMost(WAIT).until(() -> discord.calls(c -> c.path().startsWith("/channels/") && c.body().contains("Your video: ")).size() == 1);
    assertThat(discord.calls(c -> c.is("POST", "/channels/" + FakeDiscord.CHANNEL + "/messages") && c.body().contains("filename=\"")))
        .hasSize(1);
    // The status goes on in the new channel message, never again through the old token.
    await().atMost(WAIT).until(() -> discord.calls(c -> c.is("PATCH", "/channels/" + FakeDiscord.CHANNEL + "/messages/")
        && c.body().contains("✓")).size() == 1);
    assertThat(viaToken(export)).hasSize(hookCallsAtHandOver);
  }

  @Test
  void twoPeopleAtOnceEachSeeOnlyTheirOwnAnswers() throws Exception {
    stack.start();
    stack.nemo.onMessage("title 'Urban Dreams'", Turn.builder().delay(Duration.ofMillis(300)).text("Title Urban Dreams set.").build());
    stack.nemo.onMessage("make it vertical", Turn.builder().delay(Duration.ofMillis(300)).text("Now 9:16.").build());

    String ann = discord.slashCommand(ANN, "edit", options(text("instruction", "title 'Urban Dreams'")));
    String bob = discord.slashCommand(BOB, "edit", options(text("instruction", "make it vertical")));

    await().atMost(WAIT).until(() -> viaToken(ann).stream().anyMatch(c -> c.body().contains("Title Urban Dreams set."))
        && viaToken(bob).stream().anyMatch(c -> c.body().contains("Now 9:16.")));
    assertThat(viaToken(ann)).noneMatch(c -> c.body().contains("9:16"));
    assertThat(viaToken(bob)).noneMatch(c -> c.body().contains("Urban Dreams"));
    assertThat(stack.nemo.sessionIds()).hasSize(2);
  }

  @Test
  void aRestartDuringARenderResumesReportingAndDeliversInTheChannel() throws Exception {
    stack.start();
    clipFrom(ANN);
    stack.nemo.holdRenders(true);
    String export = discord.slashCommand(ANN, "export", List.of());
    await().atMost(WAIT).until(() -> stack.nemo.count(Call.RENDER_STATUS) > 0 && discord.originalMessageId(export) != null);
    String statusMessage = discord.originalMessageId(export);

    stack.restart();
    stack.nemo.holdRenders(false);
    stack.engine.resume(stack.bot.port()).get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);

    assertThat(discord.calls(c -> c.is("PATCH", "/channels/" + FakeDiscord.CHANNEL + "/messages/" + statusMessage))).isNotEmpty();
    assertThat(discord.calls(c -> c.is("POST", "/channels/" + FakeDiscord.CHANNEL + "/messages") && c.body().contains("filename=\"")))
        .hasSize(1);
    assertThat(discord.calls(c -> c.is("POST", "/channels/" + FakeDiscord.CHANNEL + "/messages") && c.body().contains("Your video: ")))
        .hasSize(1);
  }

  @Test
  void aFileThatIsNotMediaIsRefusedByTheCoreInItsWordsAndNothingStarts() throws Exception {
    stack.start();

    String music = discord.slashCommand(ANN, "music", options(file("clip", "notes.pdf", "application/pdf", bytes("%PDF"))));

    await().atMost(WAIT).until(() -> viaToken(music).stream().anyMatch(c -> c.body().contains("I can't use “notes.pdf”: it isn't a video, audio or image file")));
    assertThat(stack.nemo.count(Call.UPLOAD)).isZero();
    assertThat(stack.nemo.count(Call.TURN)).isZero();
  }
}
