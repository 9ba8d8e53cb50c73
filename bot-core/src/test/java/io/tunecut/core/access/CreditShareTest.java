package io.tunecut.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tunecut.core.chat.Attachment;
import io.tunecut.core.chat.Chat;
import io.tunecut.core.chat.ChatUser;
import io.tunecut.core.chat.InboundMessage;
import io.tunecut.core.testing.FakeNemoServer;
import io.tunecut.core.testing.FakeNemoServer.Call;
import io.tunecut.core.testing.MutableClock;
import io.tunecut.core.testing.RecordingPort;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With an operator's token on the cloud everyone draws on one balance: each person's share per
 * day is capped, measured by what their renders spent, and renews the next day.
 */
class CreditShareTest {
  private static final String OPERATOR_TOKEN = "nmv_operator_7c1d";
  private static final ChatUser ANN = new ChatUser("telegram", "1");
  private static final ChatUser BOB = new ChatUser("telegram", "2");

  @TempDir Path tmp;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
  private final RecordingPort port = RecordingPort.builder().platform("telegram").build();
  private RuledBot bot;

  @BeforeEach
  void setUp() throws Exception {
    bot = new RuledBot(tmp, FakeNemoServer.start().acceptToken(OPERATOR_TOKEN).credits(100), OPERATOR_TOKEN, AccessRules.open().withBudget(new Budget(Budget.NO_LIMIT, Budget.NO_LIMIT, Budget.NO_LIMIT, 5)), clock);
  }

  @AfterEach
  void tearDown() throws Exception {
    bot.close();
  }

  @Test
  void aPersonsShareOfTheOperatorsCreditsRunsOutWithoutTouchingAnothersAndRenewsTheNextDay() throws Exception {
    say(ANN, "", new Attachment("beach.mp4", 1000, "video/mp4", () -> new ByteArrayInputStream(new byte[1000])));
    bot.nemo.draft(bot.directory.get(ANN).sessionId(), FakeNemoServer.EXAMPLE_DRAFT);

    // The render spends 8 of the shared credits while it runs.
    bot.nemo.holdRenders(true);
    CompletableFuture<Void> export = bot.engine.handle(message(ANN, "/export"), port);
    await().until(() -> bot.nemo.count(Call.RENDER_STATUS) > 0);
    bot.nemo.credits(92);
    bot.nemo.holdRenders(false);
    export.join();
    assertThat(sentTo(ANN)).anyMatch(t -> t.startsWith("Your video: "));

    say(ANN, "/credits");
    // The operator's balance (92) is not hers to see; her share is.
    assertThat(sentTo(ANN)).last().asString().startsWith("Left for you today: 0 credits of your share").doesNotContain("92");
    say(ANN, "/export");
    assertThat(sentTo(ANN)).last().asString().startsWith("You've used your share of today's credits (5).");
    assertThat(bot.nemo.count(Call.RENDER_START)).isEqualTo(1);

    say(BOB, "/credits");
    assertThat(sentTo(BOB)).last().asString().contains("Left for you today: 5 credits of your share");

    clock.advance(Duration.ofDays(1));
    say(ANN, "/export");
    assertThat(bot.nemo.count(Call.RENDER_START)).isEqualTo(2);
  }

  private void say(ChatUser who, String text, Attachment... files) {
    bot.say(who, port, text, files);
  }

  private static InboundMessage message(ChatUser who, String text) {
    return InboundMessage.text(who, chat(who), text);
  }

  private List<String> sentTo(ChatUser who) {
    return port.sentTexts(chat(who));
  }

  private static Chat chat(ChatUser who) {
    return RuledBot.chat(who);
  }
}
