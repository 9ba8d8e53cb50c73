package io.tunecut.telegram;

import static io.tunecut.telegram.FakeBotApi.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tunecut.core.chat.MessageHandler;
import io.tunecut.core.chat.MessageRef;
import io.tunecut.telegram.Updates.Person;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stopping the bot while messages wait their turn (Telegram's retry_after): they go out before
 * it stops, or, when they cannot within the grace time, their senders hear so and the log says
 * which chat lost what. The real TelegramBots client against a fake Bot API server.
 */
class TelegramStopTest {
  private static final Person ANN = new Person(101);
  private static final String LINK = "Your video: https://example.org/v.mp4";

  private FakeBotApi api;
  private TelegramBot bot;
  private LogCapture logs;

  @BeforeEach
  void setUp() throws IOException {
    logs = new LogCapture();
    api = new FakeBotApi();
    bot = TelegramBot.start(TelegramSettings.of(TOKEN).withApiUrl(api.url(), false), (message, port) ->
        CompletableFuture.completedFuture(null));
  }

  @AfterEach
  void tearDown() {
    api.close();
    logs.close();
    assertThat(logs.lines()).noneMatch(line -> line.contains(TOKEN));
  }

  @Test
  void aLinkWaitingOutRetryAfterGoesOutBeforeTheBotStops() throws Exception {
    api.floodNextSendTo("101", 1);
    CompletableFuture<MessageRef> link = bot.port().sendAsync(ANN.chat(), LINK, List.of(), null);
    await().until(() -> api.calls("sendMessage").size() == 1);

    bot.close();

    assertThat(link).as("the sender heard it went out").isCompleted();
    assertThat(api.textsTo("101")).containsExactly(LINK);
    assertThat(api.calls("sendMessage")).extracting(FakeBotApi.Call::answeredCode).containsExactly(429, 200);
  }

  @Test
  void whatCannotGoOutWithinTheGraceFailsAndIsLoggedWithItsChat() throws Exception {
    api.floodNextSendTo("101", 30);
    CompletableFuture<MessageRef> link = bot.port().sendAsync(ANN.chat(), LINK, List.of(), null);
    await().until(() -> api.calls("sendMessage").size() == 1);

    long start = System.nanoTime();
    bot.close(Duration.ofMillis(300));

    // Bounded by the grace time (and the workers' own stop), not by Telegram's 30 s.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(link).isCompletedExceptionally();
    try {
      link.get(0, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      assertThat(e.getCause()).isInstanceOf(IOException.class).hasMessageContaining("stopped before this went out");
    }
    assertThat(api.textsTo("101")).isEmpty();
    assertThat(logs.lines()).anyMatch(line -> line.contains("Not sent to Telegram chat 101") && line.contains("sendMessage"));
    // Nothing sent late, after the bot said it was not sent.
    assertThat(api.calls("sendMessage")).hasSize(1);
  }

  @Test
  void statusEditsPacingThemselvesAreDroppedAndDoNotHoldTheStop() throws Exception {
    bot.close();
    bot = TelegramBot.start(TelegramSettings.of(TOKEN).withApiUrl(api.url(), false)
        .withEditIntervals(Duration.ofSeconds(4), Duration.ofSeconds(4)), (message, port) -> CompletableFuture.completedFuture(null));
    MessageRef status = bot.port().createStatus(ANN.chat(), "⏳ Rendering · 0 s");
    bot.port().editStatus(status, "⏳ Rendering · 1 s");
    await().until(() -> api.calls("editMessageText").size() == 1);
    // Its turn is 4 s away; the link is not.
    bot.port().editStatus(status, "⏳ Rendering · 2 s");
    CompletableFuture<MessageRef> link = bot.port().sendAsync(ANN.chat(), LINK, List.of(), null);

    long start = System.nanoTime();
    bot.close();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    assertThat(link).isCompleted();
    assertThat(api.textsTo("101")).contains(LINK).doesNotContain("⏳ Rendering · 2 s");
  }

  @Test
  void messagesAroundARestartAreEachAnsweredOnce() throws Exception {
    List<String> handled = new CopyOnWriteArrayList<>();
    MessageHandler recording = (message, port) -> {
      handled.add(message.text());
      return CompletableFuture.completedFuture(null);
    };
    bot.close();
    bot = TelegramBot.start(TelegramSettings.of(TOKEN).withApiUrl(api.url(), false), recording);
    api.push(Updates.text(ANN, 101, "make it vertical"));
    await().until(() -> handled.contains("make it vertical"));
    // Sent while the bot stops: its last poll may take it, or not; the next start must not lose it.
    api.push(Updates.text(ANN, 101, "music at 35%"));
    bot.close();
    api.push(Updates.text(ANN, 101, "export"));

    bot = TelegramBot.start(TelegramSettings.of(TOKEN).withApiUrl(api.url(), false), recording);

    await().until(() -> handled.contains("export"));
    // Telegram hands out again what no later poll confirmed, in order: a message taken by the
    // stopped bot's last poll would come again before "export".
    assertThat(handled).containsExactly("make it vertical", "music at 35%", "export");
    bot.close();
  }

  @Test
  void aMessageAfterTheBotStoppedFailsAtOnce() throws Exception {
    bot.close();

    CompletableFuture<MessageRef> late = bot.port().sendAsync(ANN.chat(), LINK, List.of(), null);

    assertThat(late).isCompletedExceptionally();
    assertThat(logs.lines()).anyMatch(line -> line.contains("Not sent to Telegram chat 101") && line.contains("after the bot stopped"));
    assertThat(api.calls("sendMessage")).isEmpty();
  }
}
