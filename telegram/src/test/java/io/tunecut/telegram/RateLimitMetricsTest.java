package io.tunecut.telegram;

import static io.tunecut.telegram.FakeBotApi.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tunecut.telegram.Updates.Person;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each time Telegram asks the bot to slow down is counted, for the operator's dashboards. */
class RateLimitMetricsTest {
  private static final Person ANN = new Person(101);

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private FakeBotApi api;
  private TelegramBot bot;

  @BeforeEach
  void setUp() throws Exception {
    Metrics.addRegistry(registry);
    api = new FakeBotApi();
    bot = TelegramBot.start(TelegramSettings.of(TOKEN).withApiUrl(api.url(), false), (m, p) -> CompletableFuture.completedFuture(null));
  }

  @AfterEach
  void tearDown() {
    bot.close();
    api.close();
    Metrics.removeRegistry(registry);
  }

  @Test
  void aTelegram429IsCountedAndTheMessageStillGoesOut() throws Exception {
    api.floodNextSends(1);
    bot.port().send(ANN.chat(), "hello again", List.of());

    assertThat(api.textsTo("101")).containsExactly("hello again");
    assertThat(registry.counter(BotApiException.PLATFORM_429, "platform", "telegram").count()).isEqualTo(1.0);
  }
}
