package io.tunecut.studio.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tunecut.studio.ffmpeg.TestMedia;
import io.tunecut.studio.server.QueueSettings;
import io.tunecut.studio.internal.media.FfprobeMediaProbe;
import io.tunecut.studio.server.MediaSettings;
import io.tunecut.studio.internal.media.TestS3;
import io.tunecut.studio.internal.store.Database;
import io.tunecut.studio.internal.store.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Past one machine: a studio serving the API and two workers in JVMs of their own, all on one
 * PostgreSQL and one S3 bucket, each with a disk of its own. Killing the busy worker (kill -9,
 * and its ffmpeg) in the middle of a render loses nothing: the other worker renders it, once.
 */
class RenderFailoverTest {
  @TempDir Path dataDir;
  private final List<Process> workers = new ArrayList<>();
  private Studio api;

  @AfterEach
  void stop() {
    for (Process p : workers) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    if (api != null) api.close();
  }

  private Process worker(String url, MediaSettings media, int n) throws IOException {
    Path log = dataDir.resolve("worker-" + n + ".log");
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), StudioWorkerProcess.class.getName(),
        dataDir.resolve("worker-" + n).toString(), url, "500", media.url(), media.endpoint(), media.accessKey(),
        media.secretKey());
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    workers.add(p);
    return p;
  }

  private boolean ready(int n) {
    try {
      return Files.readString(dataDir.resolve("worker-" + n + ".log")).contains("worker ready");
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void aWorkerKilledMidRenderHandsTheRenderToAnotherAndTheVideoIsMadeOnce() throws Exception {
    String url = TestPostgres.freshDatabase();
    Path clip = TestMedia.clip(Files.createTempDirectory(dataDir, "in"), "long.mp4", 8, 320, 240);
    TestS3 s3 = TestS3.shared();
    MediaSettings media = s3.settings("failover");
    api = Studio.start(StudioSettings.defaults(dataDir.resolve("api")).withDatabaseUrl(url)
            .withRole(QueueSettings.Role.API).withMedia(media),
        new FfprobeMediaProbe(TestMedia.FFMPEG), new FakeAgent(), (d, m, o, p) -> {
          throw new AssertionError("the API studio never renders");
        });
    Process first = worker(url, media, 1);
    Process second = worker(url, media, 2);
    try {
      await().atMost(Duration.ofSeconds(120)).until(() -> ready(1) && ready(2));
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError("the workers did not start:\n" + Files.readString(dataDir.resolve("worker-1.log"))
          + "\n" + Files.readString(dataDir.resolve("worker-2.log")), e);
    }

    StudioHttp http = new StudioHttp(api.baseUrl());
    String token = http.token("c");
    String session = http.session(token);
    http.upload(token, session, clip);
    var draft = (com.fasterxml.jackson.databind.node.ObjectNode) http.state(token, session).data().path("state").path("draft");
    draft.withObjectProperty("m").put("resolution", "720p"); // the smaller output keeps the test short
    var export = StudioHttp.MAPPER.createObjectNode().put("id", "render_failover").put("sessionId", session);
    export.set("draft", draft);
    assertThat(http.post("/api/render/proxy/lambda", token, export).json().path("status").asText())
        .isEqualTo("pending");

    // Mid-render: a worker's ffmpeg runs and has written progress.
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() ->
        busy(first, second).isPresent()
            && http.get("/api/render/proxy/lambda/render_failover", token).json().path("progress").asInt() > 0);
    Process busy = busy(first, second).orElseThrow();
    Process idle = busy == first ? second : first;
    busy.descendants().forEach(ProcessHandle::destroyForcibly); // ffmpeg
    busy.destroyForcibly(); // SIGKILL: no shutdown hook, no last word
    busy.waitFor();

    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() ->
        http.get("/api/render/proxy/lambda/render_failover", token).json().path("status").asText()
            .matches("completed|failed"));
    var done = http.get("/api/render/proxy/lambda/render_failover", token).json();
    assertThat(done.path("status").asText()).isEqualTo("completed");
    assertThat(done.path("attempts").asInt()).as("the killed attempt and the one that finished").isEqualTo(2);
    assertThat(idle.isAlive()).isTrue();

    // One video, that plays for the clip's length; nothing half-made, no task left behind.
    Path video = Files.createTempFile(dataDir, "out", ".mp4");
    Files.write(video, http.bytes(done.path("outputUrl").asText()));
    assertThat(new FfprobeMediaProbe(TestMedia.FFMPEG).probe(video, "out.mp4").durationSeconds()).isBetween(7.5, 8.5);
    assertThat(s3.keys()).filteredOn(k -> k.startsWith("failover/renders/"))
        .containsExactly("failover/renders/render_failover-2.mp4");
    Path survivor = dataDir.resolve(idle == first ? "worker-1" : "worker-2");
    await().atMost(Duration.ofSeconds(10)).until(() -> isEmpty(survivor.resolve("scratch")));
    assertThat(survivor.resolve("renders")).as("the video is in the bucket, not on the worker").isEmptyDirectory();
    try (Database db = Database.open(url, dataDir)) {
      assertThat(db.one("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'render'", rs -> rs.getInt(1))).contains(0);
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (var entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }

  private static Optional<Process> busy(Process... workers) {
    for (Process p : workers) {
      if (p.descendants().anyMatch(h -> h.info().command().orElse("").contains("ffmpeg"))) return Optional.of(p);
    }
    return Optional.empty();
  }
}
