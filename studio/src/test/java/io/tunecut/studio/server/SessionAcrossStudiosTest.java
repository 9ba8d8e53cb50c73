package io.tunecut.studio.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tunecut.studio.internal.agent.Agent;
import io.tunecut.studio.internal.agent.AgentReply;
import io.tunecut.studio.internal.agent.History;
import io.tunecut.studio.internal.agent.Said;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.ffmpeg.TestMedia;
import io.tunecut.studio.server.QueueSettings;
import io.tunecut.studio.internal.media.FfprobeMediaProbe;
import io.tunecut.studio.internal.media.Media;
import io.tunecut.studio.internal.store.TestPostgres;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two studios serving the API on one PostgreSQL: a session takes one edit at a time whichever
 * studio each edit reaches, so an upload that arrives during a chat turn is not lost to it.
 */
class SessionAcrossStudiosTest {
  @TempDir java.nio.file.Path dataDir;
  private final List<Studio> started = new ArrayList<>();
  private final ExecutorService pool = Executors.newCachedThreadPool();

  /** The test's agent: counts edits running at once, and holds chat turns until released. */
  private static final class GatedAgent implements Agent {
    final FakeAgent inner = new FakeAgent();
    final CountDownLatch turnStarted = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger inside = new AtomicInteger();
    final AtomicInteger most = new AtomicInteger();

    @Override
    public AgentReply respond(Draft draft, History history, Said said, List<Media> media, String message, String language) {
      most.accumulateAndGet(inside.incrementAndGet(), Math::max);
      try {
        turnStarted.countDown();
        release.await(30, TimeUnit.SECONDS);
        return inner.respond(draft, history, said, media, message, language);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } finally {
        inside.decrementAndGet();
      }
    }

    @Override
    public Draft afterUpload(Draft draft, List<Media> media, List<Media> added) {
      most.accumulateAndGet(inside.incrementAndGet(), Math::max);
      try {
        return inner.afterUpload(draft, media, added);
      } finally {
        inside.decrementAndGet();
      }
    }

    @Override
    public Draft emptyDraft() {
      return inner.emptyDraft();
    }
  }

  private Studio api(String url, Agent agent) throws Exception {
    Studio s = Studio.start(StudioSettings.defaults(dataDir).withDatabaseUrl(url).withRole(QueueSettings.Role.API),
        new FfprobeMediaProbe(TestMedia.FFMPEG), agent, new ScriptedRenderer(false), Duration.ofMillis(200));
    started.add(s);
    return s;
  }

  @AfterEach
  void close() {
    pool.shutdownNow();
    started.forEach(Studio::close);
  }

  @Test
  void anUploadToOneStudioWaitsForTheTurnRunningOnAnotherAndBothEditsStay() throws Exception {
    String url = TestPostgres.freshDatabase();
    GatedAgent agent = new GatedAgent();
    StudioHttp a = new StudioHttp(api(url, agent).baseUrl());
    StudioHttp b = new StudioHttp(api(url, agent).baseUrl());
    String token = a.token("c");
    String session = a.session(token);
    a.upload(token, session, Samples.clip(), Samples.track());

    Future<StudioHttp.Answer> turn = pool.submit(() ->
        a.post("/run_sse", token, StudioHttp.runSseBody(session, "add some music")));
    assertThat(agent.turnStarted.await(20, TimeUnit.SECONDS)).isTrue();
    Future<StudioHttp.Answer> upload = pool.submit(() -> b.upload(token, session,
        TestMedia.clip(dataDir, "second.mp4", 1, 160, 120)));
    await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5))
        .alias("the upload waits while the turn holds the session").until(() -> !upload.isDone());
    agent.release.countDown();

    assertThat(turn.get(30, TimeUnit.SECONDS).body()).contains("Added");
    assertThat(upload.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
    assertThat(agent.most.get()).as("edits of one session at once").isEqualTo(1);
    JsonNode draft = b.state(token, session).data().path("state").path("draft");
    List<String> tracks = new ArrayList<>();
    int clips = 0;
    for (JsonNode t : draft.path("t")) {
      tracks.add(t.path("id").asText());
      if (t.path("tt").asInt() == 0) clips += t.path("sg").size();
    }
    assertThat(tracks).as("the turn's music").contains("music");
    assertThat(clips).as("both clips, the one uploaded during the turn too").isEqualTo(2);
  }
}
