package io.tunecut.studio.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunecut.studio.ffmpeg.TestMedia;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "undo" over the protocol, after the studio restarted: the earlier drafts are kept with the session. */
class ChatUndoTest {
  @TempDir Path dataDir;
  @TempDir Path media;
  Studio studio;

  @AfterEach
  void close() {
    if (studio != null) studio.close();
  }

  @Test
  void undoAfterARestartGoesBackToTheDraftBeforeTheLastChange() throws Exception {
    studio = Studio.start(StudioSettings.defaults(dataDir));
    StudioHttp http = new StudioHttp(studio.baseUrl());
    String token = http.anonymousToken(UUID.randomUUID().toString()).data().path("token").asText();
    String session = http.session(token);
    assertThat(http.upload(token, session, TestMedia.silentClip(media, "beach.mp4", 2, 320, 180)).code()).isZero();
    http.post("/run_sse", token, StudioHttp.runSseBody(session, "make it vertical"));
    http.post("/run_sse", token, StudioHttp.runSseBody(session, "title 'Lisbon'"));
    assertThat(aspect(http, token, session)).isEqualTo("9:16");

    studio.close();
    studio = Studio.start(StudioSettings.defaults(dataDir));
    http = new StudioHttp(studio.baseUrl());

    String answer = http.post("/run_sse", token, StudioHttp.runSseBody(session, "undo")).body();
    assertThat(answer).contains("Undone");
    assertThat(draft(http, token, session).path("t").findValuesAsText("tt")).doesNotContain("7");
    assertThat(aspect(http, token, session)).isEqualTo("9:16");

    http.post("/run_sse", token, StudioHttp.runSseBody(session, "撤销"));
    assertThat(aspect(http, token, session)).isNotEqualTo("9:16");
  }

  private static JsonNode draft(StudioHttp http, String token, String session) throws Exception {
    return http.state(token, session).data().path("state").path("draft");
  }

  private static String aspect(StudioHttp http, String token, String session) throws Exception {
    return draft(http, token, session).path("m").path("aspect").asText();
  }
}
