package io.tunecut.studio.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tunecut.studio.ffmpeg.TestMedia;
import io.tunecut.studio.server.QueueSettings;
import io.tunecut.studio.internal.media.FfprobeMediaProbe;
import io.tunecut.studio.server.MediaSettings;
import io.tunecut.studio.internal.media.MediaStoreException;
import io.tunecut.studio.internal.media.TestS3;
import io.tunecut.studio.internal.store.TestPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Media on S3 ({@code TUNECUT_MEDIA_URL=s3://…}): a studio serving the API and a worker with
 * disks of their own, sharing one PostgreSQL and one bucket (a real S3 server in this JVM).
 */
class MediaOnS3Test {
  private static final TestS3 s3 = TestS3.shared();
  @TempDir Path apiDir;
  @TempDir Path workerDir;
  @TempDir Path in;
  private final List<Studio> started = new ArrayList<>();
  private final FfprobeMediaProbe probe = new FfprobeMediaProbe(TestMedia.FFMPEG);

  @AfterEach
  void closeStudios() {
    started.forEach(Studio::close);
  }

  @Test
  void aClipUploadedToTheApiIsRenderedOnAWorkerWithItsOwnDiskAndDownloadedThroughTheStudio() throws Exception {
    String url = TestPostgres.freshDatabase();
    MediaSettings media = s3.settings("tunecut");
    Studio api = Studio.start(StudioSettings.defaults(apiDir).withDatabaseUrl(url).withRole(QueueSettings.Role.API)
        .withMedia(media), probe, new FakeAgent(), (d, m, o, p) -> {
          throw new AssertionError("the API studio never renders");
        });
    started.add(api);
    StudioSettings onWorker = StudioSettings.defaults(workerDir).withDatabaseUrl(url)
        .withRole(QueueSettings.Role.WORKER).withMedia(media);
    // The worker's "render" is its copy of the clip: what comes back down proves the whole way.
    java.util.concurrent.atomic.AtomicReference<Path> renderedFrom = new java.util.concurrent.atomic.AtomicReference<>();
    started.add(Studio.start(onWorker, probe, new FakeAgent(), (draft, clips, output, progress) -> {
      try {
        renderedFrom.set(clips.values().iterator().next().file());
        Files.copy(renderedFrom.get(), output);
      } catch (java.io.IOException e) {
        throw new io.tunecut.studio.internal.render.RenderFailedException("cannot copy", e);
      }
    }));
    StudioHttp http = new StudioHttp(api.baseUrl());
    String token = http.token("c");
    String session = http.session(token);

    Path clip = TestMedia.clip(in, "beach.mp4", 2, 320, 240);
    assertThat(http.upload(token, session, clip).status()).isEqualTo(200);
    assertThat(s3.keys()).anyMatch(k -> k.startsWith("tunecut/media/") && k.endsWith("-beach.mp4"));
    http.post("/api/render/proxy/lambda", token, "{\"id\":\"render_s3\",\"sessionId\":\"" + session + "\"}");
    await().atMost(Duration.ofSeconds(90)).until(() ->
        http.get("/api/render/proxy/lambda/render_s3", token).json().path("status").asText().matches("completed|failed"));
    var done = http.get("/api/render/proxy/lambda/render_s3", token).json();
    assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("completed");
    assertThat(s3.keys()).contains("tunecut/renders/render_s3-1.mp4");
    assertThat(apiDir.resolve("renders")).as("the API studio keeps no copy: it streams from the bucket")
        .isEmptyDirectory();

    byte[] video = http.bytes(done.path("outputUrl").asText());
    Path kept;
    try (var files = Files.walk(apiDir.resolve("media"))) {
      kept = files.filter(f -> f.getFileName().toString().endsWith("-beach.mp4")).findFirst().orElseThrow();
    }
    assertThat(sha256(video)).as("the clip as the API studio kept it, the whole way round")
        .isEqualTo(sha256(Files.readAllBytes(kept)));
    assertThat(renderedFrom.get().startsWith(workerDir.resolve("scratch"))).as("the worker rendered from its own copy")
        .isTrue();
    await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(renderedFrom.get()));
    assertThat(workerDir.resolve("scratch")).as("and dropped it when the render ended").isEmptyDirectory();
    assertThat(workerDir.resolve("renders")).as("the video is in the bucket only").isEmptyDirectory();
    assertThat(http.send(http.request("/api/render/proxy/render_s3/download", token).build()).body().length())
        .as("the download endpoint streams the same video").isPositive();

    // A player's Range request: the studio reads the bucket from the asked byte on.
    HttpResponse<byte[]> part = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(done.path("outputUrl").asText())).header("Range", "bytes=1000-1999").build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(part.statusCode()).isEqualTo(206);
    // (Javalin answers a video smaller than its chunk with the rest of the file, as Content-Range says.)
    assertThat(part.headers().firstValue("Content-Range")).hasValueSatisfying(v -> assertThat(v).startsWith("bytes 1000-"));
    assertThat(part.body().length).isGreaterThanOrEqualTo(1000);
    assertThat(sha256(part.body())).isEqualTo(sha256(Arrays.copyOfRange(video, 1000, 1000 + part.body().length)));
    assertThat(http.get("/readyz", null).status()).isEqualTo(200);
  }

  private static String sha256(byte[] bytes) throws Exception {
    return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  @Test
  void wrongKeysStopTheStudioAtStartWithWordsForTheOperator() {
    MediaSettings good = s3.settings("tunecut");
    MediaSettings wrong = new MediaSettings(good.url(), good.endpoint(), null, TestS3.ACCESS_KEY, "a-wrong-secret");
    assertThatThrownBy(() -> started.add(Studio.start(StudioSettings.defaults(apiDir).withMedia(wrong), probe,
        new FakeAgent(), new ScriptedRenderer(false))))
        .isInstanceOf(MediaStoreException.class)
        .hasMessageContaining("refused the keys for s3://" + TestS3.BUCKET + "/tunecut")
        .hasMessageNotContaining("a-wrong-secret");
  }
}
