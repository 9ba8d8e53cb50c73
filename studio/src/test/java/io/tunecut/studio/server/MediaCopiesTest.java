package io.tunecut.studio.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tunecut.studio.ffmpeg.TestMedia;
import io.tunecut.studio.internal.media.FfprobeMediaProbe;
import io.tunecut.studio.internal.media.TestS3;
import io.tunecut.studio.internal.render.RenderFailedException;
import io.tunecut.studio.internal.store.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two studios, each with a disk of its own, sharing one PostgreSQL and one bucket (a real S3
 * server in this JVM): each removes its own copies of media once the media are gone, but not a
 * copy a render is reading.
 */
class MediaCopiesTest {
  private static final TestS3 s3 = TestS3.shared();
  /**
   * Short enough for a test, long enough for an upload to be probed and kept on a busy machine
   * (2 s was not): a copy counts as in use that long after its last use.
   */
  private static final MediaSettings.Copies QUICK =
      new MediaSettings.Copies(1L << 30, Duration.ofSeconds(5), Duration.ofDays(1), Duration.ofMillis(100));

  @TempDir Path apiDir;
  @TempDir Path otherDir;
  @TempDir Path in;
  private final List<Studio> started = new ArrayList<>();
  private final FfprobeMediaProbe probe = new FfprobeMediaProbe(TestMedia.FFMPEG);

  @AfterEach
  void closeStudios() {
    started.forEach(Studio::close);
  }

  @Test
  void bothStudiosRemoveTheirCopiesOnceTheMediaAreGoneButNotWhileARenderReadsOne() throws Exception {
    String url = TestPostgres.freshDatabase();
    MediaSettings media = s3.settings("copies-" + UUID.randomUUID()).withCopies(QUICK);
    Studio api = Studio.start(StudioSettings.defaults(apiDir).withDatabaseUrl(url).withRole(QueueSettings.Role.API)
        .withMedia(media), probe, new FakeAgent(), (d, m, o, p) -> {
          throw new AssertionError("the API studio never renders");
        });
    started.add(api);
    AtomicReference<Path> renderedFrom = new AtomicReference<>();
    CountDownLatch reading = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    Studio other = Studio.start(StudioSettings.defaults(otherDir).withDatabaseUrl(url)
        .withRole(QueueSettings.Role.ALL).withMedia(media), probe, new FakeAgent(), (draft, clips, output, progress) -> {
          renderedFrom.set(clips.values().iterator().next().file());
          reading.countDown();
          try {
            assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
            Files.copy(renderedFrom.get(), output);
          } catch (InterruptedException | IOException e) {
            throw new RenderFailedException("stopped", e);
          }
        });
    started.add(other);

    StudioHttp http = new StudioHttp(api.baseUrl());
    String token = http.token("copies");
    String session = http.session(token);
    assertThat(http.upload(token, session, TestMedia.clip(in, "beach.mp4", 2, 320, 240)).status()).isEqualTo(200);
    Path onApi = copy(apiDir).orElseThrow();

    // The other studio draws the timeline: it fetches the clip to its own disk.
    StudioHttp atOther = new StudioHttp(other.baseUrl());
    atOther.get("/api/preview/nemo_agent/me/" + session + "/timeline.png", token);
    Path onOther = copy(otherDir).orElseThrow();
    atOther.post("/api/render/proxy/lambda", token, "{\"id\":\"render_copies\",\"sessionId\":\"" + session + "\"}");
    assertThat(reading.await(60, TimeUnit.SECONDS)).isTrue();
    assertThat(renderedFrom.get()).as("the render reads the copy it found on its disk").isEqualTo(onOther);

    // The session goes (as when it expires): its media are named no more.
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement delete = c.prepareStatement("DELETE FROM studio.sessions WHERE id = ?")) {
      delete.setString(1, session);
      assertThat(delete.executeUpdate()).isEqualTo(1);
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> !Files.exists(onApi));
    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
        .until(() -> Files.exists(onOther)); // the render still reads it
    done.countDown();
    await().atMost(Duration.ofSeconds(30)).until(() ->
        http.get("/api/render/proxy/lambda/render_copies", token).json().path("status").asText().equals("completed"));
    await().atMost(Duration.ofSeconds(20)).until(() -> !Files.exists(onOther));
    assertThat(copy(apiDir)).isEmpty();
    assertThat(copy(otherDir)).isEmpty();
  }

  /** The studio's copy of the clip, when it has one. */
  private static Optional<Path> copy(Path dataDir) throws IOException {
    if (!Files.isDirectory(dataDir.resolve("media"))) return Optional.empty();
    try (Stream<Path> files = Files.walk(dataDir.resolve("media"))) {
      return files.filter(f -> f.getFileName().toString().endsWith("-beach.mp4")).findFirst();
    }
  }
}
