package io.tunecut.core.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunecut.core.chat.Chat;
import io.tunecut.core.chat.ChatUser;
import io.tunecut.core.testing.FakeNemoServer;
import io.tunecut.core.testing.MutableClock;
import io.tunecut.core.testing.RecordingPort;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Messages per minute per person: past the rate one clear answer, then quiet until it refills. */
class MessageRateTest {
  private static final ChatUser ANN = new ChatUser("telegram", "1");
  private static final ChatUser BOB = new ChatUser("telegram", "2");
  private static final ChatUser ADMIN = new ChatUser("telegram", "9");

  @TempDir Path tmp;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
  private final RecordingPort port = RecordingPort.builder().platform("telegram").build();
  private RuledBot bot;

  @BeforeEach
  void setUp() throws Exception {
    bot = new RuledBot(tmp, FakeNemoServer.start(), null, AccessRules.of(null, null, "telegram:9").withMessagesPerMinute(3), clock);
  }

  @AfterEach
  void tearDown() throws Exception {
    bot.close();
  }

  @Test
  void pastTheRateAPersonIsToldOnceHowLongToWaitAndOthersAreNotSlowedDown() {
    for (int i = 0; i < 6; i++) say(ANN, "/help");
    assertThat(port.sentTexts(chat(ANN))).hasSize(4).first().asString().contains("music-backed videos");
    assertThat(port.sentTexts(chat(ANN)).get(3))
        .isEqualTo("You're sending messages faster than I can take them. Wait 20 s, then go on — nothing you did is lost.");

    say(BOB, "/help");
    for (int i = 0; i < 6; i++) say(ADMIN, "/help");
    assertThat(port.sentTexts(chat(BOB))).singleElement().asString().contains("music-backed videos");
    assertThat(port.sentTexts(chat(ADMIN))).hasSize(6).allMatch(t -> t.contains("music-backed videos"));

    clock.advance(Duration.ofSeconds(20));
    say(ANN, "/help");
    assertThat(port.sentTexts(chat(ANN))).hasSize(5).last().asString().contains("music-backed videos");
  }

  private void say(ChatUser who, String text) {
    bot.say(who, port, text);
  }

  private static Chat chat(ChatUser who) {
    return RuledBot.chat(who);
  }
}
