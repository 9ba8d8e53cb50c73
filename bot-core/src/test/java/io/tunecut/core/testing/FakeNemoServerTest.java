package io.tunecut.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fixture speaks the wire protocol: checked with a bare HTTP client. */
class FakeNemoServerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType JSON_TYPE = MediaType.get("application/json");
  private FakeNemoServer server;
  private final OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();

  @BeforeEach
  void start() throws IOException {
    server = FakeNemoServer.start();
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  @Test
  void aTurnStreamsItsScriptedEventsAndEnds() throws IOException {
    String token = token();
    String sid = post("/api/tasks/me/with-session/nemo_agent", token, "{\"task_name\":\"project\",\"language\":\"en\"}")
        .path("data").path("session_id").asText();
    server.enqueueTurn(Turn.builder().tool("add_music").keepAlive().delay(Duration.ofMillis(50))
        .draft(FakeNemoServer.EXAMPLE_DRAFT).text("Added music.").build());
    String body;
    try (Response r = call("/run_sse", token, "{\"session_id\":\"" + sid + "\",\"new_message\":{\"role\":\"user\",\"parts\":[{\"text\":\"add music\"}]}}")) {
      body = r.body().string();
    }
    assertThat(body).contains("functionCall").contains(": ping").contains("Added music.");
    assertThat(server.messages(sid)).containsExactly("add music");
    assertThat(server.draft(sid)).contains("lofi.mp3");
  }

  @Test
  void aDroppedStreamEndsWithAnError() throws IOException {
    String token = token();
    String sid = post("/api/tasks/me/with-session/nemo_agent", token, "{}").path("data").path("session_id").asText();
    server.enqueueTurn(Turn.builder().text("working").drop().build());
    try (Response r = call("/run_sse", token, "{\"session_id\":\"" + sid + "\",\"new_message\":{\"parts\":[{\"text\":\"x\"}]}}")) {
      assertThatThrownBy(() -> r.body().string()).isInstanceOf(IOException.class);
    }
  }

  @Test
  void injectedBusinessErrorsComeInHttp200() throws IOException {
    String token = token();
    server.failNext(FakeNemoServer.Call.CREDITS, FakeNemoServer.Failure.business(2001, "no credits"));
    JsonNode answer;
    try (Response r = http.newCall(new Request.Builder().url(server.baseUrl() + "/api/credits/balance/simple")
        .header("Authorization", "Bearer " + token).build()).execute()) {
      assertThat(r.code()).isEqualTo(200);
      answer = JSON.readTree(r.body().string());
    }
    assertThat(answer.path("code").asInt()).isEqualTo(2001);
  }

  private String token() throws IOException {
    try (Response r = http.newCall(new Request.Builder().url(server.baseUrl() + "/api/auth/anonymous-token")
        .header("X-Client-Id", "c1").post(RequestBody.create(new byte[0])).build()).execute()) {
      return JSON.readTree(r.body().string()).path("data").path("token").asText();
    }
  }

  private JsonNode post(String path, String token, String body) throws IOException {
    try (Response r = call(path, token, body)) {
      return JSON.readTree(r.body().string());
    }
  }

  private Response call(String path, String token, String body) throws IOException {
    return http.newCall(new Request.Builder().url(server.baseUrl() + path).header("Authorization", "Bearer " + token)
        .header("X-Skill-Source", "tunecut").post(RequestBody.create(body, JSON_TYPE)).build()).execute();
  }
}
