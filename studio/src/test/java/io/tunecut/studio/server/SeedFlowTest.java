package io.tunecut.studio.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunecut.studio.internal.agent.RuleAgent;
import io.tunecut.studio.ffmpeg.FfmpegRun;
import io.tunecut.studio.ffmpeg.TestMedia;
import io.tunecut.studio.internal.media.FfprobeMediaProbe;
import io.tunecut.studio.internal.media.Media;
import io.tunecut.studio.internal.media.MediaKind;
import io.tunecut.studio.internal.render.RenderCancelledException;
import io.tunecut.studio.internal.render.RenderFailedException;
import io.tunecut.studio.internal.render.Renderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seeds' own flow with plain HTTP: anonymous token → session → upload a clip and a track →
 * run_sse "add background music … and sync it to the cuts" → state → render → poll → download, then the MP4 is probed.
 */
class SeedFlowTest {
  @TempDir Path dataDir;
  @TempDir Path downloads;
  Studio studio;

  @AfterEach
  void close() {
    if (studio != null) studio.close();
  }

  @Test
  void theSeedsFlowEndsWithAnMp4WithTheClipAndTheMusic() throws Exception {
    studio = Studio.start(StudioSettings.defaults(dataDir));
    StudioHttp http = new StudioHttp(studio.baseUrl());

    String token = http.anonymousToken(UUID.randomUUID().toString()).data().path("token").asText();
    String session = http.session(token);
    Path clip = TestMedia.silentClip(downloads, "travel.mp4", 3, 320, 180);
    StudioHttp.Answer upload = http.upload(token, session, clip, Samples.track());
    assertThat(upload.code()).isZero();

    StudioHttp.Answer turn = http.post("/run_sse", token, StudioHttp.runSseBody(session, "add background music to a travel video and sync it to the cuts"));
    List<JsonNode> events = new ArrayList<>();
    for (String line : turn.body().split("\n")) {
      if (line.startsWith("data: ")) events.add(StudioHttp.MAPPER.readTree(line.substring(6)));
    }
    assertThat(events).isNotEmpty();
    assertThat(events.get(events.size() - 1).path("content").path("parts").get(0).path("text").asText()).isNotBlank();
    assertThat(events).anySatisfy(e ->
        assertThat(e.path("content").path("parts").get(0).path("functionCall").path("name").asText()).isEqualTo("add_music"));
    // Syncing needs the beats of the track and the cuts of the clip: the step is reported either way.
    assertThat(events).anySatisfy(e ->
        assertThat(e.path("content").path("parts").get(0).path("functionCall").path("name").asText()).isEqualTo("sync_music_to_cuts"));

    JsonNode draft = http.state(token, session).data().path("state").path("draft");
    assertThat(draft.path("t").findValuesAsText("tt")).contains("0", "1");

    String renderId = "render_" + UUID.randomUUID();
    StudioHttp.Answer export = http.post("/api/render/proxy/lambda", token, StudioHttp.MAPPER.createObjectNode()
        .put("id", renderId).put("sessionId", session).<com.fasterxml.jackson.databind.node.ObjectNode>set("draft", draft)
        .set("output", StudioHttp.MAPPER.createObjectNode().put("format", "mp4").put("quality", "high")));
    assertThat(export.json().path("success").asBoolean()).isTrue();

    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
        List.of("completed", "failed").contains(http.get("/api/render/proxy/lambda/" + renderId, token)
            .json().path("status").asText()));
    JsonNode done = http.get("/api/render/proxy/lambda/" + renderId, token).json();
    assertThat(done.path("error").asText("")).isEmpty();
    assertThat(done.path("status").asText()).isEqualTo("completed");

    Path viaLink = downloads.resolve("link.mp4");
    Files.write(viaLink, http.bytes(done.path("outputUrl").asText()));
    StudioHttp.Answer viaToken = http.get("/api/render/proxy/" + renderId + "/download", token);
    assertThat(viaToken.status()).isEqualTo(200);

    JsonNode probe = TestMedia.FFMPEG.probe(viaLink, Duration.ofSeconds(30));
    assertThat(probe.path("streams").findValuesAsText("codec_type")).contains("video", "audio");
    assertThat(probe.path("format").path("duration").asDouble()).isBetween(2.9, 3.1);
  }
}
