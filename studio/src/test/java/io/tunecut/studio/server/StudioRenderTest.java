package io.tunecut.studio.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunecut.studio.ffmpeg.TestMedia;
import io.tunecut.studio.internal.link.LinkSigner;
import io.tunecut.studio.internal.store.Database;
import io.tunecut.studio.internal.store.LinkKey;
import io.tunecut.studio.internal.media.FfprobeMediaProbe;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudioRenderTest extends StudioTestBase {

  private record Project(StudioHttp http, String token, String session) {
    StudioHttp.Answer export(String id) {
      return http.post("/api/render/proxy/lambda", token, "{\"id\":\"" + id + "\",\"sessionId\":\"" + session
          + "\",\"output\":{\"format\":\"mp4\",\"quality\":\"high\"}}");
    }

    StudioHttp.Answer poll(String id) {
      return http.get("/api/render/proxy/lambda/" + id, token);
    }

    String status(String id) {
      return poll(id).json().path("status").asText();
    }
  }

  private Project project(Studio studio, String clientId) {
    StudioHttp http = http(studio);
    String token = http.token(clientId);
    String session = http.session(token);
    http.upload(token, session, Samples.clip());
    return new Project(http, token, session);
  }

  private static String take(ScriptedRenderer r) throws InterruptedException {
    String name = r.started.poll(20, TimeUnit.SECONDS);
    assertThat(name).as("a render started").isNotNull();
    return name;
  }

  @Test
  void rendersQueueOneAtATimeReportProgressAndEndWithALink() throws Exception {
    ScriptedRenderer renderer = new ScriptedRenderer(true);
    Project p = project(start(renderer, s -> s), "c");

    StudioHttp.Answer first = p.export("render_a");
    StudioHttp.Answer second = p.export("render_b");

    for (StudioHttp.Answer a : new StudioHttp.Answer[] {first, second}) {
      assertThat(a.json().path("success").asBoolean()).isTrue();
      assertThat(a.json().path("code").asInt()).isZero();
      assertThat(a.json().path("status").asText()).isEqualTo("pending");
      assertThat(a.json().path("progress").asInt()).isZero();
      assertThat(a.data().path("status").asText()).isEqualTo("pending");
    }
    assertThat(first.json().path("id").asText()).isEqualTo("render_a");
    assertThat(take(renderer)).startsWith("render_a");
    await().atMost(Duration.ofSeconds(10)).until(() -> p.poll("render_a").json().path("progress").asInt() == 40);
    JsonNode running = p.poll("render_a").json();
    assertThat(running.path("status").asText()).isEqualTo("processing");
    assertThat(running.path("data").path("progress").asInt()).isEqualTo(40);
    assertThat(p.status("render_b")).isEqualTo("pending"); // concurrency 1

    renderer.permits.release();
    await().atMost(Duration.ofSeconds(10)).until(() -> p.status("render_a").equals("completed"));
    JsonNode done = p.poll("render_a").json();
    assertThat(done.path("progress").asInt()).isEqualTo(100);
    String url = done.path("outputUrl").asText();
    assertThat(url).startsWith(p.http().base + "/files/render_a?exp=").doesNotContain(p.token());
    assertThat(done.path("output").path("url").asText()).isEqualTo(url);
    assertThat(done.path("url").asText()).isEqualTo(url);
    assertThat(done.path("data").path("outputUrl").asText()).isEqualTo(url);
    assertThat(p.http().bytes(url)).hasSize(ScriptedRenderer.OUTPUT_BYTES);
    StudioHttp.Answer download = p.http().get("/api/render/proxy/render_a/download", p.token());
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.headers().get("Content-Type")).isEqualTo("video/mp4");
    assertThat(p.http().get("/api/render/proxy/render_a/download", null).status()).isEqualTo(401);

    assertThat(take(renderer)).startsWith("render_b");
    renderer.permits.release();
    await().atMost(Duration.ofSeconds(10)).until(() -> p.status("render_b").equals("completed"));
  }

  @Test
  void cancellingStopsTheRunningRenderAndDropsAQueuedOne() throws Exception {
    ScriptedRenderer renderer = new ScriptedRenderer(true);
    Project p = project(start(renderer, s -> s), "c");
    p.export("render_run");
    p.export("render_wait");
    take(renderer);

    StudioHttp.Answer queued = p.http().post("/api/render/proxy/lambda/render_wait/cancel", p.token(), "{}");
    StudioHttp.Answer running = p.http().post("/api/render/proxy/lambda/render_run/cancel", p.token(), "{}");

    assertThat(renderer.cancelled.poll(10, TimeUnit.SECONDS)).startsWith("render_run");
    for (StudioHttp.Answer a : new StudioHttp.Answer[] {running, queued}) {
      assertThat(a.json().path("status").asText()).isEqualTo("failed");
      assertThat(a.json().path("error").asText()).isEqualTo("cancelled");
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> p.status("render_run").equals("failed"));
    assertThat(p.poll("render_run").json().path("error").asText()).isEqualTo("cancelled");
    assertThat(p.poll("render_run").json().has("outputUrl")).isFalse();
    assertThat(renderer.started.poll(300, TimeUnit.MILLISECONDS)).as("the queued render never starts").isNull();
    assertThat(p.http().get("/api/render/proxy/render_run/download", p.token()).status()).isEqualTo(409);
  }

  @Test
  void whoListensHearsEachRenderEndOnceAndFindsTheFileOnDisk() throws Exception {
    ScriptedRenderer renderer = new ScriptedRenderer(true);
    Studio studio = start(renderer, s -> s);
    BlockingQueue<String> ends = new LinkedBlockingQueue<>();
    studio.onRenderEnded((id, status) -> ends.add(id + " " + status.stored()));
    Project p = project(studio, "c");

    p.export("render_done");
    take(renderer);
    assertThat(studio.renderFile("render_done")).as("no file while it renders").isEmpty();
    renderer.permits.release();
    assertThat(ends.poll(10, TimeUnit.SECONDS)).isEqualTo("render_done completed");
    assertThat(p.status("render_done")).as("a poll says so once the listener heard it").isEqualTo("completed");
    assertThat(studio.renderFile("render_done")).hasValueSatisfying(f -> assertThat(f).hasSize(ScriptedRenderer.OUTPUT_BYTES));

    p.export("render_stopped");
    take(renderer);
    p.http().post("/api/render/proxy/lambda/render_stopped/cancel", p.token(), "{}");
    renderer.failWith = "no such codec";
    p.export("render_broken");
    renderer.permits.release();
    assertThat(List.of(ends.poll(10, TimeUnit.SECONDS), ends.poll(10, TimeUnit.SECONDS)))
        .containsExactly("render_stopped cancelled", "render_broken failed");
    assertThat(ends.poll(300, TimeUnit.MILLISECONDS)).as("each render ends once").isNull();
    assertThat(studio.renderFile("render_stopped")).isEmpty();
  }

  @Test
  void aRenderInterruptedByARestartRunsAgainAfterIt() throws Exception {
    ScriptedRenderer holding = new ScriptedRenderer(true);
    Studio first = start(holding, s -> s);
    Project p = project(first, "c");
    p.export("render_restart");
    take(holding);

    first.close();
    started.remove(first);
    ScriptedRenderer free = new ScriptedRenderer(false);
    Studio second = start(free, s -> s);
    Project again = new Project(http(second), p.token(), p.session());

    assertThat(take(free)).startsWith("render_restart");
    await().atMost(Duration.ofSeconds(10)).until(() -> again.status("render_restart").equals("completed"));
    assertThat(again.http().bytes(again.poll("render_restart").json().path("outputUrl").asText()))
        .hasSize(ScriptedRenderer.OUTPUT_BYTES);
  }

  @Test
  void aFailedRenderSaysWhyInWordsAUserCanRead() throws Exception {
    ScriptedRenderer renderer = new ScriptedRenderer(false);
    renderer.failWith = "the clip city.mp4 could not be decoded";
    Project p = project(start(renderer, s -> s), "c");

    p.export("render_bad");

    await().atMost(Duration.ofSeconds(10)).until(() -> p.status("render_bad").equals("failed"));
    assertThat(p.poll("render_bad").json().path("error").asText()).isEqualTo("the clip city.mp4 could not be decoded");
    // The same timeline fails the same way here: a client should not retry it.
    assertThat(p.poll("render_bad").json().path("retryable").asBoolean(true)).isFalse();
  }

  @Test
  void aTimelineWithATrackButNoClipIsRefusedBeforeAnyRenderStarts() throws Exception {
    ScriptedRenderer renderer = new ScriptedRenderer(false);
    StudioHttp http = http(start(renderer, s -> s));
    String token = http.token("c");
    String session = http.session(token);
    http.upload(token, session, Samples.track());

    StudioHttp.Answer refused = new Project(http, token, session).export("render_music_only");
    // The same timeline sent with the export, as other clients do.
    StudioHttp.Answer sent = http.post("/api/render/proxy/lambda", token, "{\"id\":\"render_sent\",\"sessionId\":\""
        + session + "\",\"draft\":{\"d\":5000,\"t\":[{\"tt\":1,\"sg\":[{\"id\":\"m1\",\"src\":\"med_track\",\"st\":0,\"d\":5000}]}]}}");

    for (StudioHttp.Answer answer : List.of(refused, sent)) {
      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.json().path("message").asText())
          .isEqualTo("the draft has no clip: a video needs at least one clip or picture; add one before exporting");
    }
    assertThat(renderer.started).isEmpty();
    // Nothing was put aside for a render that never starts.
    assertThat(http.get("/api/credits/balance/simple", token).data().path("frozen").asDouble()).isZero();
  }

  @Test
  void exportsAreValidatedAndADuplicateIdIsRefused() throws Exception {
    ScriptedRenderer renderer = new ScriptedRenderer(false);
    Project p = project(start(renderer, s -> s), "c");
    String emptySession = p.http().session(p.token());

    StudioHttp.Answer ok = p.export("render_once");
    StudioHttp.Answer duplicate = p.export("render_once");
    StudioHttp.Answer empty = p.http().post("/api/render/proxy/lambda", p.token(),
        "{\"id\":\"render_empty\",\"sessionId\":\"" + emptySession + "\"}");
    StudioHttp.Answer foreign = p.http().post("/api/render/proxy/lambda", p.token(),
        "{\"id\":\"render_x\",\"sessionId\":\"" + p.session() + "\",\"draft\":{\"d\":1000,\"t\":[{\"tt\":0,\"sg\":"
            + "[{\"id\":\"c1\",\"src\":\"med_somebody_else\",\"st\":0,\"d\":1000}]}]}}");
    StudioHttp.Answer badId = p.export("../../etc");

    assertThat(ok.json().path("success").asBoolean()).isTrue();
    assertThat(duplicate.json().path("success").asBoolean()).isFalse();
    assertThat(duplicate.json().path("message").asText()).contains("duplicate");
    assertThat(empty.json().path("message").asText()).contains("no clip");
    assertThat(foreign.json().path("message").asText()).contains("not in this session");
    assertThat(badId.status()).isEqualTo(400);
    await().atMost(Duration.ofSeconds(10)).until(() -> p.status("render_once").equals("completed"));
  }

  @Test
  void creditsShrinkWithEachRenderAndRunOutWith2001() throws Exception {
    ScriptedRenderer renderer = new ScriptedRenderer(true);
    // The clip is 2 s long: 0.05 minutes (3 s) a day allows one render.
    Project p = project(start(renderer, s -> s.withRenderMinutesPerDay(0.05)), "c");
    JsonNode before = p.http().get("/api/credits/balance/simple", p.token()).data();

    p.export("render_one");
    JsonNode during = p.http().get("/api/credits/balance/simple", p.token()).data();
    StudioHttp.Answer refused = p.export("render_two");
    renderer.permits.release();
    await().atMost(Duration.ofSeconds(10)).until(() -> p.status("render_one").equals("completed"));
    JsonNode after = p.http().get("/api/credits/balance/simple", p.token()).data();

    assertThat(before.path("available").asDouble()).isEqualTo(0.05);
    assertThat(during.path("frozen").asDouble()).isEqualTo(0.03);
    assertThat(during.path("available").asDouble()).isEqualTo(0.02);
    assertThat(during.path("total").asDouble()).isEqualTo(0.05);
    assertThat(refused.code()).isEqualTo(2001);
    assertThat(refused.json().path("message").asText()).contains("render minutes");
    // Both say which server this is, so our bot speaks of render time rather than registration.
    assertThat(refused.json().path("backend").asText()).isEqualTo("tunecut-studio");
    assertThat(before.path("backend").asText()).isEqualTo("tunecut-studio");
    assertThat(after.path("frozen").asDouble()).isZero();
    assertThat(after.path("available").asDouble()).isEqualTo(0.02);
    // Another user has their own quota.
    Project other = new Project(p.http(), p.http().token("d"), null);
    assertThat(p.http().get("/api/credits/balance/simple", other.token()).data().path("available").asDouble())
        .isEqualTo(0.05);
  }

  @Test
  void signedLinksRefuseTamperingAndExpiryAndServeRanges() throws Exception {
    ScriptedRenderer renderer = new ScriptedRenderer(false);
    Studio studio = start(renderer, s -> s.withPublicUrl("https://videos.example.org/"));
    Project p = project(studio, "c");
    p.export("render_link");
    await().atMost(Duration.ofSeconds(10)).until(() -> p.status("render_link").equals("completed"));
    String url = p.poll("render_link").json().path("outputUrl").asText();
    assertThat(url).startsWith("https://videos.example.org/files/render_link?exp=");
    String local = p.http().base + url.substring("https://videos.example.org".length());

    StudioHttp.Answer tampered = p.http().get(local.replace("render_link", "render_lin2"), null);
    StudioHttp.Answer badSig = p.http().get(local.substring(0, local.length() - 2) + "xx", null);
    StudioHttp.Answer later = p.http().get(local.replaceAll("exp=\\d+", "exp=99999999999"), null);
    byte[] key;
    try (Database db = new Database(dataDir.resolve("studio.db"))) {
      key = new LinkKey(db).getOrCreate(() -> {
        throw new AssertionError("the studio made the key at its start");
      });
    }
    LinkSigner signer = new LinkSigner(key, () -> p.http().base, Duration.ofDays(7), Clock.systemUTC());
    StudioHttp.Answer expired = p.http().get(signer.link("render_link", Instant.now().getEpochSecond() - 5), null);
    StudioHttp.Answer range = p.http().send(p.http().request(local, null).header("Range", "bytes=100-199").build());

    for (StudioHttp.Answer a : new StudioHttp.Answer[] {tampered, badSig, later}) {
      assertThat(a.status()).isEqualTo(403);
      assertThat(a.body()).isEqualTo("forbidden");
    }
    assertThat(expired.status()).isEqualTo(410);
    assertThat(expired.body()).isEqualTo("gone");
    assertThat(range.status()).isEqualTo(206);
    assertThat(range.headers().get("Content-Range")).isEqualTo("bytes 100-199/" + ScriptedRenderer.OUTPUT_BYTES);
    assertThat(range.body()).hasSize(100);
    assertThat(signer.link("render_link")).startsWith(p.http().base + "/files/render_link");
  }

  @Test
  void aFinishedRenderIsToldBeforeTheStoreWritesItAndAKillInBetweenRendersItAgainAtTheNextStart(@TempDir Path restarted)
      throws Exception {
    ScriptedRenderer renderer = new ScriptedRenderer(true);
    Studio studio = start(renderer, s -> s);
    Project p = project(studio, "c");
    BlockingQueue<String> heard = new LinkedBlockingQueue<>();
    studio.onRenderEnded((id, status) -> {
      // What the disk holds at this instant is what a kill -9 now would leave behind.
      vacuumInto(restarted.resolve("studio.db"));
      heard.add(status.stored() + ", the store: " + storedStatus(id) + ", a poll: " + p.status(id)
          + ", the file: " + studio.renderFile(id).isPresent());
    });

    p.export("render_k");
    take(renderer);
    renderer.permits.release();

    assertThat(heard.poll(10, TimeUnit.SECONDS))
        .isEqualTo("completed, the store: processing, a poll: completed, the file: true");
    await().atMost(Duration.ofSeconds(10)).until(() -> "completed".equals(storedStatus("render_k")));

    // Started again from that moment (the first studio's heartbeats are elsewhere): rendered again, not lost.
    ScriptedRenderer again = new ScriptedRenderer(false);
    Studio next = Studio.start(StudioSettings.defaults(restarted).withHeartbeat(Duration.ofMillis(200)),
        new FfprobeMediaProbe(TestMedia.FFMPEG), agent, again, Duration.ofMillis(200));
    started.add(next);
    Project after = new Project(http(next), p.token(), p.session());
    assertThat(again.started.poll(30, TimeUnit.SECONDS)).as("the render ran again").startsWith("render_k");
    await().atMost(Duration.ofSeconds(10)).until(() -> after.status("render_k").equals("completed"));
    assertThat(next.renderFile("render_k")).hasValueSatisfying(f -> assertThat(f).hasSize(ScriptedRenderer.OUTPUT_BYTES));
  }

  private String storedStatus(String renderId) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("studio.db"));
        PreparedStatement q = c.prepareStatement("SELECT status FROM renders WHERE id = ?")) {
      q.setString(1, renderId);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private void vacuumInto(Path copy) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("studio.db"));
        Statement s = c.createStatement()) {
      s.execute("VACUUM INTO '" + copy + "'");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
