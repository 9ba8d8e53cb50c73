package io.tunecut.telegram;

import static io.tunecut.telegram.FakeBotApi.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tunecut.core.access.AccessRules;
import io.tunecut.core.access.Budget;
import io.tunecut.core.chat.ChatUser;
import io.tunecut.core.conversation.ConversationEngine;
import io.tunecut.core.render.PollSchedule;
import io.tunecut.core.testing.FakeNemoServer;
import io.tunecut.core.testing.FakeNemoServer.Call;
import io.tunecut.core.testing.MutableClock;
import io.tunecut.core.user.UserDirectory;
import io.tunecut.telegram.Updates.Person;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator's bot on Telegram: only listed people get in, admins have their commands in
 * private chats, and each person has a daily budget. The real TelegramBots client and the
 * real engine against fakes of the Bot API and NemoVideo; days pass on an injected clock.
 */
class TelegramAccessTest {
  private static final Person ANN = new Person(101);
  private static final Person BEN = new Person(202);
  private static final Person STRANGER = new Person(303);
  private static final Person ADMIN = new Person(999);
  private static final long GROUP = -100777;

  @TempDir Path tmp;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
  private FakeBotApi telegram;
  private FakeNemoServer nemo;
  private UserDirectory directory;
  private ConversationEngine engine;
  private TelegramBot bot;

  @BeforeEach
  void setUp() throws IOException {
    telegram = new FakeBotApi();
    nemo = FakeNemoServer.start();
    // A key file rather than a secret: no key derivation to wait for.
    directory = UserDirectory.open(Files.createDirectories(tmp.resolve("data")), null);
    AccessRules rules = AccessRules.of("telegram:101, telegram:202", "telegram:" + GROUP, "telegram:999")
        .withBudget(new Budget(1, Budget.NO_LIMIT, Budget.NO_LIMIT, Budget.NO_LIMIT))
        .withMessagesPerMinute(30);
    engine = ConversationEngine.builder()
        .nemo(nemo.clientBuilder().silenceTimeout(Duration.ofSeconds(3)).build())
        .directory(directory)
        .operatorToken(null)
        .access(rules)
        .clock(clock)
        .workDir(Files.createDirectories(tmp.resolve("work")))
        .renderPollSchedule(PollSchedule.every(Duration.ofMillis(40)))
        .progressTick(Duration.ofMillis(50))
        .build();
    bot = TelegramBot.start(TelegramSettings.of(TOKEN).withApiUrl(telegram.url(), false)
        .withAlbumWait(Duration.ofMillis(200)).withEditIntervals(Duration.ofMillis(100), Duration.ofMillis(200)), engine);
  }

  @AfterEach
  void tearDown() throws IOException {
    bot.close();
    engine.close();
    directory.close();
    nemo.close();
    telegram.close();
  }

  @Test
  void someoneNotAllowedIsToldOnceADayAndNothingOfTheirsReachesTheBackend() throws Exception {
    telegram.file("clip", new byte[4_000]);
    telegram.push(Updates.text(STRANGER, STRANGER.id(), "/start"));
    telegram.push(Updates.text(STRANGER, STRANGER.id(), "add some music"));
    telegram.push(Updates.video(STRANGER, STRANGER.id(), "clip", 4_000, null, null));
    telegram.push(Updates.text(STRANGER, STRANGER.id(), "/export"));
    // /help costs no backend call: once Ann has her answer, everything before it was handled.
    telegram.push(Updates.text(ANN, ANN.id(), "/help"));

    await().until(() -> sentTo(ANN.id()).stream().anyMatch(t -> t.contains("music-backed videos")));
    await().until(() -> sentTo(STRANGER.id()).size() == 1);
    assertThat(sentTo(STRANGER.id())).singleElement().asString().contains("this bot is private");
    assertThat(nemo.allRequests()).isEmpty();
    assertThat(telegram.calls("getFile")).isEmpty();

    clock.advance(Duration.ofDays(1));
    telegram.push(Updates.text(STRANGER, STRANGER.id(), "hello?"));
    await().until(() -> sentTo(STRANGER.id()).size() == 2);
    assertThat(nemo.allRequests()).isEmpty();
  }

  @Test
  void everyoneInAnAllowedGroupMayUseTheBotThereButNotInPrivate() throws Exception {
    telegram.push(Updates.text(STRANGER, GROUP, "/help"));
    await().until(() -> sentTo(String.valueOf(GROUP)).stream().anyMatch(t -> t.contains("music-backed videos")));
    telegram.push(Updates.text(STRANGER, STRANGER.id(), "/help"));
    await().until(() -> !sentTo(STRANGER.id()).isEmpty());
    assertThat(sentTo(STRANGER.id())).singleElement().asString().contains("this bot is private");
  }

  @Test
  void anAdminsCommandsAreAnsweredInPrivateAndTheSameCommandsFromAnyoneElseAreIgnored() throws Exception {
    telegram.push(Updates.text(BEN, BEN.id(), "/stats"));
    telegram.push(Updates.text(BEN, BEN.id(), "/allow telegram:303"));
    telegram.push(Updates.text(ADMIN, GROUP, "/stats"));
    telegram.push(Updates.text(BEN, BEN.id(), "/help"));
    await().until(() -> sentTo(BEN.id()).stream().anyMatch(t -> t.contains("music-backed videos")));
    telegram.push(Updates.text(ADMIN, ADMIN.id(), "/stats"));

    await().until(() -> sentTo(ADMIN.id()).stream().anyMatch(t -> t.startsWith("Today (2026-12-02 UTC): ")));
    assertThat(sentTo(ADMIN.id()).get(0)).isEqualTo("Today (2026-12-02 UTC): 1 person, 0 renders (0 min), 0 failed; 0 in progress now.");
    assertThat(sentTo(BEN.id())).hasSize(1).noneMatch(t -> t.contains("Today") || t.contains("303"));
    assertThat(sentTo(String.valueOf(GROUP))).isEmpty();
    assertThat(nemo.allRequests()).isEmpty();

    // What an admin decides is kept and holds at once.
    telegram.push(Updates.text(ADMIN, ADMIN.id(), "/allow telegram:303"));
    await().until(() -> sentTo(ADMIN.id()).contains("telegram:303 may use the bot now."));
    telegram.push(Updates.text(STRANGER, STRANGER.id(), "/help"));
    await().until(() -> sentTo(STRANGER.id()).stream().anyMatch(t -> t.contains("music-backed videos")));

    telegram.push(Updates.text(ADMIN, ADMIN.id(), "/ban telegram:202"));
    await().until(() -> sentTo(ADMIN.id()).contains("telegram:202 is banned: they are told once a day that the bot is private, and get nothing else."));
    telegram.push(Updates.text(BEN, BEN.id(), "/help"));
    telegram.push(Updates.text(BEN, BEN.id(), "/help"));
    await().until(() -> sentTo(BEN.id()).stream().anyMatch(t -> t.contains("this bot is private")));
    telegram.push(Updates.text(ADMIN, ADMIN.id(), "/quota telegram:101 renders=3 minutes=10"));
    await().until(() -> sentTo(ADMIN.id()).stream().anyMatch(t -> t.startsWith("Budget of telegram:101: renders=3 minutes=10")));
    assertThat(sentTo(BEN.id())).filteredOn(t -> t.contains("music-backed videos")).hasSize(1);
  }

  @Test
  void aBudgetRunsOutWithAClearAnswerAndRenewsTheNextDay() throws Exception {
    telegram.file("clip", new byte[4_000]);
    telegram.push(Updates.video(ANN, ANN.id(), "clip", 4_000, null, null));
    await().until(() -> sentTo(ANN.id()).stream().anyMatch(t -> t.startsWith("Added clip.mp4")));
    await().until(() -> finished() >= 1);
    nemo.draft(directory.get(new ChatUser("telegram", "101")).sessionId(), FakeNemoServer.EXAMPLE_DRAFT);

    telegram.push(Updates.text(ANN, ANN.id(), "/export"));
    await().until(() -> sentTo(ANN.id()).stream().anyMatch(t -> t.startsWith("Your video: ")));
    await().until(() -> finished() >= 2);
    telegram.push(Updates.text(ANN, ANN.id(), "/credits"));
    await().until(() -> sentTo(ANN.id()).stream().anyMatch(t -> t.contains("Left for you today: 0 of 1 renders")));

    telegram.push(Updates.text(ANN, ANN.id(), "/export"));
    await().until(() -> sentTo(ANN.id()).stream().anyMatch(t -> t.startsWith("You've used today's 1 render.")));
    assertThat(sentTo(ANN.id())).filteredOn(t -> t.startsWith("You've used today's 1 render."))
        .singleElement().asString().contains("renews at midnight UTC").contains("timeline is kept");
    assertThat(nemo.count(Call.RENDER_START)).isEqualTo(1);
    await().until(() -> finished() >= 2 && stopped() >= 1);

    clock.advance(Duration.ofHours(14)); // past midnight UTC
    telegram.push(Updates.text(ANN, ANN.id(), "/export"));
    await().until(() -> sentTo(ANN.id()).stream().filter(t -> t.startsWith("Your video: ")).count() == 2);
    assertThat(nemo.count(Call.RENDER_START)).isEqualTo(2);
  }

  private long finished() {
    return telegram.calls("editMessageText", c -> c.answeredCode() == 200 && c.text().startsWith("✓")).size();
  }

  private long stopped() {
    return telegram.calls("editMessageText", c -> c.answeredCode() == 200 && c.text().startsWith("✗")).size();
  }

  private List<String> sentTo(long chatId) {
    return sentTo(String.valueOf(chatId));
  }

  private List<String> sentTo(String chatId) {
    return telegram.calls("sendMessage", c -> chatId.equals(c.chatId()) && c.answeredCode() == 200).stream()
        .map(FakeBotApi.Call::text).toList();
  }
}
