package io.tunecut.studio.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tunecut.studio.ffmpeg.TestMedia;
import io.tunecut.studio.server.QueueSettings;
import io.tunecut.studio.internal.media.FfprobeMediaProbe;
import io.tunecut.studio.internal.store.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Studios sharing one PostgreSQL: two serving the API, one rendering. What a person does on one
 * studio holds on the others: the render runs on the worker, a cancel sent to another studio
 * stops it, and the day's render minutes cannot be overspent by asking two studios at once.
 */
class QueueAcrossStudiosTest extends StudioTestBase {
  private final List<Studio> mine = new ArrayList<>();

  private Studio studio(String url, QueueSettings.Role role, ScriptedRenderer renderer,
      UnaryOperator<StudioSettings> more) {
    try {
      Studio s = Studio.start(more.apply(StudioSettings.defaults(dataDir).withDatabaseUrl(url).withRole(role)),
          new FfprobeMediaProbe(TestMedia.FFMPEG), agent, renderer, Duration.ofMillis(200));
      mine.add(s);
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterEach
  void closeMine() {
    for (Studio s : mine) s.close();
  }

  @Test
  void aRenderQueuedOnOneStudioRunsOnTheWorkerAndACancelSentToAnotherStopsIt() throws Exception {
    String url = TestPostgres.freshDatabase();
    ScriptedRenderer never = new ScriptedRenderer(false);
    ScriptedRenderer holding = new ScriptedRenderer(true);
    Studio a = studio(url, QueueSettings.Role.API, never, s -> s);
    Studio b = studio(url, QueueSettings.Role.API, never, s -> s);
    Studio worker = studio(url, QueueSettings.Role.WORKER, holding, s -> s);
    StudioHttp onA = http(a);
    StudioHttp onB = http(b);
    String token = onA.token("c");
    String session = onA.session(token);
    onA.upload(token, session, Samples.clip());

    onA.post("/api/render/proxy/lambda", token, "{\"id\":\"render_kept\",\"sessionId\":\"" + session + "\"}");
    assertThat(holding.started.poll(20, TimeUnit.SECONDS)).startsWith("render_kept");
    holding.permits.release();
    await().atMost(Duration.ofSeconds(10)).until(() ->
        onB.get("/api/render/proxy/lambda/render_kept", token).json().path("status").asText().equals("completed"));
    String link = onB.get("/api/render/proxy/lambda/render_kept", token).json().path("outputUrl").asText();
    assertThat(onA.bytes(link)).hasSize(ScriptedRenderer.OUTPUT_BYTES);

    onA.post("/api/render/proxy/lambda", token, "{\"id\":\"render_dropped\",\"sessionId\":\"" + session + "\"}");
    assertThat(holding.started.poll(20, TimeUnit.SECONDS)).startsWith("render_dropped");
    var cancelled = onB.post("/api/render/proxy/lambda/render_dropped/cancel", token, "{}").json();
    assertThat(cancelled.path("error").asText()).isEqualTo("cancelled");
    assertThat(holding.cancelled.poll(10, TimeUnit.SECONDS)).as("the worker stopped it").startsWith("render_dropped");
    assertThat(onA.get("/api/render/proxy/lambda/render_dropped", token).json().has("outputUrl")).isFalse();
    assertThat(never.started).as("studios serving the API render nothing").isEmpty();

    // Health and metrics, on every role.
    for (Studio s : List.of(a, b, worker)) {
      assertThat(http(s).get("/livez", null).status()).isEqualTo(200);
      assertThat(http(s).get("/readyz", null).status()).isEqualTo(200);
    }
    String metrics = http(worker).get("/metrics", null).body();
    assertThat(metrics).contains("tunecut_renders_completed_total 1.0", "tunecut_renders_cancelled_total 1.0",
        "tunecut_render_queue_wait_seconds_count 2", "tunecut_render_duration_seconds_count 2",
        "tunecut_renders_queued 0.0", "tunecut_renders_running 0.0", "jvm_memory_used_bytes");
    assertThat(http(a).get("/metrics", null).body())
        .contains("tunecut_renders_submitted_total 2.0", "tunecut_sse_streams_open 0.0");
    assertThat(http(worker).get("/api/credits/balance/simple", token).status())
        .as("a worker serves no API").isEqualTo(404);
  }

  @Test
  void theDaysMinutesHoldWhenTwoStudiosAreAskedAtOnce() throws Exception {
    String url = TestPostgres.freshDatabase();
    ScriptedRenderer never = new ScriptedRenderer(false);
    // Each render of the 2 s sample costs 2/60 of a minute: exactly three fit in 0.1.
    Studio a = studio(url, QueueSettings.Role.API, never, s -> s.withRenderMinutesPerDay(0.1));
    Studio b = studio(url, QueueSettings.Role.API, never, s -> s.withRenderMinutesPerDay(0.1));
    String token = http(a).token("c");
    String session = http(a).session(token);
    http(a).upload(token, session, Samples.clip());

    ExecutorService pool = Executors.newFixedThreadPool(10);
    List<Callable<Integer>> asks = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      StudioHttp via = http(i % 2 == 0 ? a : b);
      String id = "render_" + i;
      asks.add(() -> via.post("/api/render/proxy/lambda", token,
          "{\"id\":\"" + id + "\",\"sessionId\":\"" + session + "\"}").status());
    }
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> f : pool.invokeAll(asks)) statuses.add(f.get());
    pool.shutdown();

    assertThat(statuses).filteredOn(s -> s == 200).hasSize(3);
    assertThat(statuses).filteredOn(s -> s == 403).hasSize(7);
    assertThat(http(b).get("/api/credits/balance/simple", token).data().path("available").asDouble()).isZero();
  }
}
