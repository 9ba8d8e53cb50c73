package io.tunecut.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tunecut.core.chat.Chat;
import io.tunecut.core.chat.ChatUser;
import io.tunecut.core.chat.InboundMessage;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a load balancer and Prometheus see on the admin port. */
class AdminServerTest {
  private final OkHttpClient http = new OkHttpClient();
  private final AtomicBoolean ready = new AtomicBoolean();
  private final PrometheusMeterRegistry registry = Meters.prometheus();
  private final AdminServer admin = AdminServer.start(0, registry, ready::get);

  @AfterEach
  void tearDown() {
    admin.close();
    Metrics.removeRegistry(registry);
  }

  @Test
  void aliveAtOnceAndReadyOnlyOnceItCanTakeMessages() throws IOException {
    assertThat(get("/livez").code).isEqualTo(200);
    assertThat(get("/readyz").code).isEqualTo(503);
    ready.set(true);
    assertThat(get("/readyz").code).isEqualTo(200);
  }

  @Test
  void metricsCountTurnsPlatformLimitsAndTheJvmInPrometheusFormat() throws IOException {
    var handler = TurnMeter.around((m, p) -> CompletableFuture.completedFuture(null), registry);
    var message = new InboundMessage(new ChatUser("telegram", "101"), new Chat("telegram", "101", false), "/help", List.of(), null);
    handler.handle(message, null).join();
    handler.handle(message, null).join();
    // As the Telegram adapter counts a 429, in the global registry.
    Metrics.counter("tunecut.platform.rate.limited", "platform", "telegram").increment();

    Got metrics = get("/metrics");
    assertThat(metrics.code).isEqualTo(200);
    assertThat(metrics.body)
        .contains("tunecut_turns_seconds_count{platform=\"telegram\"} 2")
        .contains("tunecut_platform_rate_limited_total{platform=\"telegram\"} 1.0")
        .contains("jvm_memory_used_bytes")
        .contains("jvm_threads_live_threads");
  }

  private record Got(int code, String body) {}

  private Got get(String path) throws IOException {
    try (Response r = http.newCall(new Request.Builder().url("http://127.0.0.1:" + admin.port() + path).build()).execute()) {
      return new Got(r.code(), r.body().string());
    }
  }
}
