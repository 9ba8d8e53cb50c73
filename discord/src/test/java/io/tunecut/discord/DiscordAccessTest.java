package io.tunecut.discord;

import static io.tunecut.discord.FakeDiscord.Option.file;
import static io.tunecut.discord.FakeDiscord.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tunecut.core.access.AccessRules;
import io.tunecut.core.chat.Chat;
import io.tunecut.core.chat.ChatUser;
import io.tunecut.core.chat.InboundMessage;
import io.tunecut.core.conversation.ConversationEngine;
import io.tunecut.core.testing.FakeNemoServer;
import io.tunecut.core.testing.FakeNemoServer.Call;
import io.tunecut.core.testing.MutableClock;
import io.tunecut.core.testing.RecordingPort;
import io.tunecut.core.user.UserDirectory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator's bot on Discord, through JDA and the fake gateway: who is let in, admin commands
 * in direct messages only, and one person across Discord and Telegram (the Telegram account
 * talks to the same engine through a recording port).
 */
class DiscordAccessTest {
  static final String ANN = "900000000000000001";
  static final String BOB = "900000000000000002";
  static final String ADMIN = "900000000000000009";
  static final Duration WAIT = Duration.ofSeconds(20);
  static final AccessRules RULES =
      AccessRules.of("discord:" + ANN + " telegram:101", null, "discord:" + ADMIN).withMessagesPerMinute(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
  private FakeDiscord discord;
  private FakeNemoServer nemo;
  private UserDirectory directory;
  private ConversationEngine engine;
  private DiscordBot bot;

  @BeforeEach
  void setUp() throws Exception {
    discord = new FakeDiscord();
    nemo = FakeNemoServer.start();
    directory = UserDirectory.open(Files.createDirectories(tmp.resolve("data")), null);
  }

  /** Starts the bot under the operator's {@code rules}: Ann (on Discord and Telegram) allowed, and an admin. */
  private void start(AccessRules rules) throws Exception {
    engine = ConversationEngine.builder()
        .nemo(nemo.clientBuilder().silenceTimeout(Duration.ofSeconds(3)).build())
        .directory(directory)
        .operatorToken(null)
        .access(rules)
        .clock(clock)
        .workDir(Files.createDirectories(tmp.resolve("work")))
        .progressTick(Duration.ofMillis(100))
        .build();
    bot = DiscordBot.start(discord.settings(), engine);
  }

  private void start() throws Exception {
    start(RULES);
  }

  /** Stops bot, engine and directory and starts them again on the same data, as after a crash or an update. */
  private void restart() throws Exception {
    bot.close();
    engine.close();
    directory.close();
    directory = UserDirectory.open(tmp.resolve("data"), null);
    start();
  }

  @AfterEach
  void tearDown() throws Exception {
    if (bot != null) bot.close();
    if (engine != null) engine.close();
    directory.close();
    nemo.close();
    discord.close();
  }

  @Test
  void someoneNotAllowedIsRefusedOnceAndMakesNoBackendCall() throws Exception {
    start();
    discord.message(BOB, "add background music", true, List.of());
    discord.message(BOB, "here is my clip", true, options(file("clip", "city.mp4", "video/mp4", bytes("clip"))));
    discord.message(BOB, "<@" + FakeDiscord.APP + "> /export", false, List.of());
    // /help costs no backend call: once Ann has her answer, Bob's messages were all handled.
    discord.message(ANN, "<@" + FakeDiscord.APP + "> /help", false, List.of());

    await().atMost(WAIT).until(() -> !posted(FakeDiscord.CHANNEL, "music-backed videos").isEmpty());
    assertThat(posted(FakeDiscord.DM_CHANNEL, "")).singleElement().asString().contains("this bot is private");
    assertThat(posted(FakeDiscord.CHANNEL, "this bot is private")).isEmpty();
    assertThat(nemo.allRequests()).isEmpty();
    assertThat(discord.calls(c -> c.path().startsWith("/files/"))).isEmpty();
  }

  @Test
  void anAdminsStatsAreAnsweredInADirectMessageAndTheSameCommandFromAnyoneElseOrInAChannelIsIgnored() throws Exception {
    start();
    discord.message(ANN, "<@" + FakeDiscord.APP + "> /stats", false, List.of());
    discord.message(ADMIN, "<@" + FakeDiscord.APP + "> /stats", false, List.of());
    discord.message(ANN, "<@" + FakeDiscord.APP + "> /help", false, List.of());
    await().atMost(WAIT).until(() -> !posted(FakeDiscord.CHANNEL, "music-backed videos").isEmpty());
    discord.message(ADMIN, "/stats", true, List.of());

    await().atMost(WAIT).until(() -> !dm("Today (2026-12-02 UTC)").isEmpty());
    assertThat(dm("")).singleElement().asString().isEqualTo("Today (2026-12-02 UTC): 1 person, 0 renders (0 min), 0 failed; 0 in progress now.");
    assertThat(posted(FakeDiscord.CHANNEL, "")).singleElement().asString().contains("music-backed videos");
    assertThat(nemo.allRequests()).isEmpty();
  }

  @Test
  void linkJoinsADiscordAndATelegramAccountIntoOneTimelineAndAWrongOrExpiredCodeIsRefused() throws Exception {
    start();
    RecordingPort telegram = RecordingPort.builder().platform("telegram").build();
    ChatUser annOnTelegram = new ChatUser("telegram", "101");
    Chat annsTelegramChat = new Chat("telegram", "101", false);
    // Ann's timeline on Telegram: one turn makes her session, which holds her video.
    engine.handle(InboundMessage.text(annOnTelegram, annsTelegramChat, "hello"), telegram).join();
    String telegramSession = directory.get(annOnTelegram).sessionId();
    nemo.draft(telegramSession, FakeNemoServer.EXAMPLE_DRAFT);

    engine.handle(InboundMessage.text(annOnTelegram, annsTelegramChat, "/link"), telegram).join();
    String code = code(telegram.sentTexts());

    discord.message(ANN, "/link WRONG123", true, List.of());
    await().atMost(WAIT).until(() -> !dm("That link code is not valid.").isEmpty());
    discord.message(ANN, "/link " + code, true, List.of());
    await().atMost(WAIT).until(() -> !dm("Linked with telegram:101").isEmpty());

    // On Discord now: the same timeline, and the same session on the backend.
    discord.message(ANN, "/status", true, List.of());
    await().atMost(WAIT).until(() -> !dm("Timeline: ").isEmpty());
    assertThat(dm("Timeline: ")).singleElement().asString().contains("lofi.mp3").contains("Urban Dreams");
    assertThat(nemo.sessionIds()).containsExactly(telegramSession);
    // A used code is gone.
    discord.message(ANN, "/link " + code, true, List.of());
    await().atMost(WAIT).until(() -> dm("That link code is not valid.").size() == 2);

    discord.message(ANN, "/unlink", true, List.of());
    await().atMost(WAIT).until(() -> !dm("Unlinked").isEmpty());
    engine.handle(InboundMessage.text(annOnTelegram, annsTelegramChat, "/link"), telegram).join();
    String late = code(telegram.sentTexts());
    clock.advance(Duration.ofMinutes(11));
    discord.message(ANN, "/link " + late, true, List.of());
    await().atMost(WAIT).until(() -> !dm("That link code has expired").isEmpty());

    // Apart again: Discord has its own (empty) timeline.
    discord.message(ANN, "/status", true, List.of());
    await().atMost(WAIT).until(() -> !dm("The timeline is empty").isEmpty());
    assertThat(nemo.sessionIds()).hasSize(2);
  }

  @Test
  void aServerInTheAllowedChatsLetsInEveryoneWritingInItButNotTheirDirectMessages() throws Exception {
    start(AccessRules.of(null, "discord:" + FakeDiscord.GUILD, "discord:" + ADMIN));

    discord.message(BOB, "<@" + FakeDiscord.APP + "> /help", false, List.of());
    await().atMost(WAIT).until(() -> !posted(FakeDiscord.CHANNEL, "music-backed videos").isEmpty());
    discord.message(BOB, "/help", true, List.of());
    await().atMost(WAIT).until(() -> !dm("this bot is private").isEmpty());

    assertThat(dm("music-backed videos")).isEmpty();
  }

  @Test
  void aRefusedSlashCommandIsAnsweredOnlyToTheSenderOnceAndLaterOnesVanishWithoutABackendCall() throws Exception {
    start();
    String first = discord.slashCommand(BOB, "status", options());
    await().atMost(WAIT).until(() -> !privateAnswers(first).isEmpty());
    assertThat(privateAnswers(first)).singleElement().asString().contains("this bot is private");
    // The "thinking…" the whole channel saw is gone; only Bob sees the answer.
    assertThat(withdrawn(first)).isTrue();

    String second = discord.slashCommand(BOB, "music", options(file("clip", "city.mp4", "video/mp4", bytes("clip"))));
    await().atMost(WAIT).until(() -> withdrawn(second));
    assertThat(answers(second)).isEmpty();
    assertThat(discord.calls(c -> c.path().startsWith("/files/"))).isEmpty();

    String ann = discord.slashCommand(ANN, "help", options());
    await().atMost(WAIT).until(() -> answers(ann).stream().anyMatch(t -> t.contains("music-backed videos")));
    assertThat(withdrawn(ann)).isFalse();
    assertThat(nemo.allRequests()).isEmpty();
  }

  @Test
  void aFloodOfSlashCommandsIsToldOnceToWaitAndABannedPersonIsToldOnceThatTheBotIsPrivate() throws Exception {
    start(RULES.withMessagesPerMinute(2));
    discord.slashCommand(ANN, "help", options());
    discord.slashCommand(ANN, "help", options());
    String third = discord.slashCommand(ANN, "help", options());
    String fourth = discord.slashCommand(ANN, "help", options());
    await().atMost(WAIT).until(() -> withdrawn(fourth) && !privateAnswers(third).isEmpty());
    assertThat(privateAnswers(third)).singleElement().asString().startsWith("You're sending messages faster than I can take them. Wait ");
    assertThat(answers(fourth)).isEmpty();

    discord.message(ADMIN, "/ban discord:" + ANN, true, List.of());
    await().atMost(WAIT).until(() -> !dm("is banned").isEmpty());
    clock.advance(Duration.ofMinutes(1));
    String banned = discord.slashCommand(ANN, "help", options());
    await().atMost(WAIT).until(() -> !privateAnswers(banned).isEmpty());
    String again = discord.slashCommand(ANN, "help", options());
    await().atMost(WAIT).until(() -> withdrawn(again));

    assertThat(privateAnswers(banned)).singleElement().asString().contains("this bot is private");
    assertThat(answers(again)).isEmpty();
    assertThat(nemo.allRequests()).isEmpty();
  }

  @Test
  void aRefusedPersonIsToldOnceADayEvenAcrossARestart() throws Exception {
    start();
    discord.message(BOB, "hello", true, List.of());
    await().atMost(WAIT).until(() -> !dm("this bot is private").isEmpty());

    restart();
    discord.message(BOB, "hello again", true, List.of());
    // Ann's answer comes after Bob's message was handled (one event after the other).
    discord.message(ANN, "<@" + FakeDiscord.APP + "> /help", false, List.of());
    await().atMost(WAIT).until(() -> !posted(FakeDiscord.CHANNEL, "music-backed videos").isEmpty());
    assertThat(dm("this bot is private")).hasSize(1);

    clock.advance(Duration.ofHours(14)); // just past midnight UTC
    discord.message(BOB, "a new day", true, List.of());
    await().atMost(WAIT).until(() -> dm("this bot is private").size() == 2);
  }

  /** What went out through the interaction's token: edits of its response and follow-ups. */
  private List<String> answers(String token) {
    return discord.calls(c -> c.path().startsWith("/webhooks/") && c.path().contains(token) && !c.method().equals("DELETE"))
        .stream().map(c -> content(c.body())).toList();
  }

  /** Follow-ups only the sender sees (ephemeral). */
  private List<String> privateAnswers(String token) {
    return discord.calls(c -> c.is("POST", "/webhooks/" + FakeDiscord.APP + "/" + token) && ephemeral(c.body())).stream()
        .map(c -> content(c.body())).toList();
  }

  /** Whether the deferred response ("thinking…") was deleted. */
  private boolean withdrawn(String token) {
    return !discord.calls(c -> c.is("DELETE", "/webhooks/" + FakeDiscord.APP + "/" + token + "/messages/@original")).isEmpty();
  }

  private static boolean ephemeral(String body) {
    try {
      return (JSON.readTree(body).path("flags").asInt() & 64) != 0;
    } catch (Exception e) {
      return false;
    }
  }

  private static String code(List<String> sent) {
    Matcher m = Pattern.compile("Your link code: ([A-Z0-9]{8})").matcher(sent.get(sent.size() - 1));
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  /** What the bot posted in the direct messages (the fake has one such channel), containing {@code text}. */
  private List<String> dm(String text) {
    return posted(FakeDiscord.DM_CHANNEL, text);
  }

  private List<String> posted(String channel, String text) {
    return discord.calls(c -> c.is("POST", "/channels/" + channel + "/messages")).stream()
        .map(c -> content(c.body())).filter(t -> t.contains(text)).toList();
  }

  private static String content(String body) {
    try {
      return JSON.readTree(body).path("content").asText();
    } catch (Exception e) {
      return body;
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
