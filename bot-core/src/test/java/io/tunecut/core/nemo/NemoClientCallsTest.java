package io.tunecut.core.nemo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunecut.core.nemo.RenderStatus.Phase;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NemoClientCallsTest {
  private NemoServer nemo;
  private NemoClient client;
  private final FakeTokens tokens = new FakeTokens();

  @BeforeEach
  void start() throws IOException {
    nemo = new NemoServer();
    client = nemo.client;
  }

  @AfterEach
  void stop() {
    nemo.close();
  }

  private static JsonNode json(String text) throws IOException {
    return Answers.JSON.readTree(text);
  }

  private static JsonNode body(RecordedRequest request) throws IOException {
    return json(request.getBody().utf8());
  }

  /** Attribution on every call, and the bearer token when expected. */
  private static void assertSigned(RecordedRequest request, String token) {
    assertThat(request.getHeaders().get("X-Skill-Source")).isEqualTo("tunecut");
    assertThat(request.getHeaders().get("X-Skill-Version")).isEqualTo("9.9.9");
    assertThat(request.getHeaders().get("X-Skill-Platform")).isEqualTo("console");
    if (token == null) {
      assertThat(request.getHeaders().get("Authorization")).isNull();
    } else {
      assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + token);
    }
  }

  // --- anonymous token

  @Test
  void anonymousTokenSendsTheClientIdWithoutBearerAndReadsTheToken() throws Exception {
    nemo.json("{\"code\":0,\"data\":{\"token\":\"nmv_usr_abc\",\"credits\":100,\"user_id\":\"anon_42\","
        + "\"expires_at\":\"2026-12-01T10:00:00Z\",\"plan\":\"free\"}}");

    AnonymousToken token = client.anonymousToken("3f1c2a9e-0000-4000-8000-000000000001");

    assertThat(token.token()).isEqualTo("nmv_usr_abc");
    assertThat(token.credits()).isEqualTo(100);
    assertThat(token.userId()).isEqualTo("anon_42");
    assertThat(token.expiresAt()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
    assertThat(token.toString()).doesNotContain("nmv_usr_abc");
    RecordedRequest request = nemo.take();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/api/auth/anonymous-token");
    assertThat(request.getHeaders().get("X-Client-Id")).isEqualTo("3f1c2a9e-0000-4000-8000-000000000001");
    assertSigned(request, null);
  }

  @Test
  void anonymousTokenWithoutExpiryIsValidForSevenDays() throws Exception {
    nemo.json("{\"code\":0,\"data\":{\"token\":\"nmv_usr_abc\",\"credits\":100}}");

    AnonymousToken token = client.anonymousToken("client-1");

    assertThat(token.userId()).isNull();
    assertThat(Duration.between(Instant.now(), token.expiresAt()).toHours()).isBetween(167L, 168L);
  }

  @Test
  void anonymousTokenRefusesAnOverlongClientIdBeforeCallingTheBackend() {
    assertThatThrownBy(() -> client.anonymousToken("x".repeat(65))).isInstanceOf(IllegalArgumentException.class);
    assertThat(nemo.requests()).isZero();
  }

  @Test
  void anonymousTokenRateLimitedTwiceSaysSoAfterOneRetry() {
    nemo.json(429, "{\"message\":\"one token per client per 7 days\"}");
    nemo.json(429, "{\"message\":\"one token per client per 7 days\"}");

    assertThatThrownBy(() -> client.anonymousToken("client-1"))
        .isInstanceOfSatisfying(NemoException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(429);
          assertThat(e.getMessage()).contains("rate-limited").contains("one token per client").contains("after waiting");
        });
    assertThat(nemo.requests()).isEqualTo(2);
  }

  // --- session

  @Test
  void sessionKeepsNineteenDigitIdsExactEvenAsJsonNumbers() throws Exception {
    nemo.json("{\"code\":0,\"message\":\"ok\",\"data\":{\"session_id\":7321456789012345678,"
        + "\"task_id\":98765432109876543210,\"user_id\":\"u_1\",\"extra\":{\"x\":1}}}");

    NemoSession session = client.createSession(tokens, "zh");

    assertThat(session.sessionId()).isEqualTo("7321456789012345678");
    assertThat(session.taskId()).isEqualTo("98765432109876543210");
    assertThat(session.userId()).isEqualTo("u_1");
    RecordedRequest request = nemo.take();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/api/tasks/me/with-session/nemo_agent");
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(body(request)).isEqualTo(json("{\"task_name\":\"project\",\"language\":\"zh\"}"));
    assertSigned(request, FakeTokens.FIRST);
  }

  @Test
  void anExpiredTokenIsRenewedAndTheCallRetriedOnce() throws Exception {
    nemo.json("{\"code\":1001,\"message\":\"token expired\"}");
    nemo.json("{\"code\":0,\"data\":{\"session_id\":\"7321456789012345678\",\"task_id\":\"t1\"}}");

    NemoSession session = client.createSession(tokens, "en");

    assertThat(session.sessionId()).isEqualTo("7321456789012345678");
    assertThat(tokens.renewals).hasValue(1);
    assertSigned(nemo.take(), FakeTokens.FIRST);
    assertSigned(nemo.take(), FakeTokens.RENEWED);
  }

  @Test
  void aTokenRefusedAgainAfterRenewalFails() {
    nemo.json("{\"code\":1001,\"message\":\"token expired\"}");
    nemo.json(401, "{\"code\":1001,\"message\":\"token invalid\"}");
    nemo.json("{\"code\":0,\"data\":{\"session_id\":\"never\"}}");

    assertThatThrownBy(() -> client.createSession(tokens, "en"))
        .isInstanceOfSatisfying(NemoException.class, e -> {
          assertThat(e.code()).isEqualTo(NemoException.TOKEN_INVALID);
          assertThat(e.httpStatus()).isEqualTo(401);
          assertThat(e.getMessage()).contains("renewed token");
        });
    assertThat(tokens.renewals).hasValue(1);
    assertThat(nemo.requests()).isEqualTo(2);
  }

  @Test
  void anHttp401WithoutBodyCountsAsABadToken() throws Exception {
    nemo.server.enqueue(new MockResponse.Builder().code(401).build());
    nemo.json("{\"code\":0,\"data\":{\"session_id\":\"s2\"}}");

    assertThat(client.createSession(tokens, "en").sessionId()).isEqualTo("s2");
    assertThat(tokens.renewals).hasValue(1);
  }

  @ParameterizedTest
  @CsvSource({
      "200, 1002, session was not found",
      "200, 2001, no credits",
      "200, 4001, not supported",
      "200, 4002, too large",
      "404, 1002, session was not found",
      "402, 2001, no credits",
      "500, 4001, not supported",
      "413, 4002, too large"})
  void businessErrorsSurfaceWithTheirCodeInHttp200AndInErrorBodies(int status, int code, String words) {
    nemo.json(status, "{\"code\":" + code + ",\"message\":\"backend words\",\"data\":null}");

    assertThatThrownBy(() -> client.state(tokens, "7321456789012345678"))
        .isInstanceOfSatisfying(NemoException.class, e -> {
          assertThat(e.code()).isEqualTo(code);
          assertThat(e.httpStatus()).isEqualTo(status);
          assertThat(e.getMessage()).contains(words).contains("backend words");
        });
    assertThat(nemo.requests()).isEqualTo(1);
    assertThat(tokens.renewals).hasValue(0);
  }

  @ParameterizedTest
  @CsvSource({
      "400, X-Client-Id",
      "402, register or upgrade",
      "500, the backend failed",
      "503, the backend failed"})
  void httpErrorsWithoutACodeAreNotRetried(int status, String words) {
    nemo.server.enqueue(new MockResponse.Builder().code(status).body("oops").build());
    nemo.json("{\"code\":0,\"data\":{}}");

    assertThatThrownBy(() -> client.startRender(tokens, "render_1", "s1", json("{\"t\":[]}")))
        .isInstanceOfSatisfying(NemoException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(status);
          assertThat(e.code()).isZero();
          assertThat(e.getMessage()).contains(words);
        });
    assertThat(nemo.requests()).isEqualTo(1);
  }

  @Test
  void aRateLimitIsRetriedOnceAfterTheDelay() throws Exception {
    nemo.json(429, "{\"message\":\"slow down\"}");
    nemo.json("{\"code\":0,\"data\":{\"available\":80,\"frozen\":20,\"total\":100}}");

    long started = System.nanoTime();
    Credits credits = client.credits(tokens);

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(20));
    assertThat(credits).isEqualTo(new Credits(80, 20, 100, false));
    assertThat(nemo.requests()).isEqualTo(2);
  }

  @Test
  void anAnswerThatIsNotJsonFailsClearly() {
    nemo.server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/html")
        .body("<html>gateway</html>").build());

    assertThatThrownBy(() -> client.credits(tokens))
        .isInstanceOfSatisfying(NemoException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(200);
          assertThat(e.getMessage()).contains("credits").contains("not JSON").contains("text/html");
        });
  }

  @Test
  void aHugeAnswerFailsClearlyWithoutReadingItAll() {
    nemo.json("{\"code\":0,\"data\":{\"pad\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}}");

    assertThatThrownBy(() -> client.credits(tokens))
        .isInstanceOf(NemoException.class)
        .hasMessageContaining("larger than 1024 KB");
  }

  @Test
  void anUnreachableBackendFailsWithStatusZero() throws Exception {
    int port;
    try (MockWebServer gone = new MockWebServer()) {
      gone.start();
      port = gone.getPort();
    }
    NemoClient offline = NemoClient.builder().baseUrl("http://127.0.0.1:" + port + "/").build();

    assertThatThrownBy(() -> offline.credits(tokens))
        .isInstanceOfSatisfying(NemoException.class, e -> {
          assertThat(e.httpStatus()).isZero();
          assertThat(e.getMessage()).contains("could not talk to the backend");
        });
  }

  // --- credits

  @Test
  void creditsAcceptNumbersAsStringsAndAMissingTotal() throws Exception {
    nemo.json("{\"code\":0,\"data\":{\"available\":\"12.5\",\"frozen\":2.5}}");

    assertThat(client.credits(tokens)).isEqualTo(new Credits(12.5, 2.5, 15, false));
    RecordedRequest request = nemo.take();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/api/credits/balance/simple");
    assertSigned(request, FakeTokens.FIRST);
  }

  // --- state

  @Test
  void stateKeepsTheDraftAsAnOpaqueTree() throws Exception {
    nemo.json("{\"code\":0,\"data\":{\"state\":{\"draft\":{\"t\":[{\"tt\":0,\"sg\":[{\"d\":10000}]}],"
        + "\"m\":{\"title\":\"Urban Dreams\"}},\"video_infos\":[{\"id\":\"v1\"}],\"canvas_config\":{}}}}");

    SessionState state = client.state(tokens, "7321456789012345678");

    assertThat(state.draft().at("/m/title").asText()).isEqualTo("Urban Dreams");
    assertThat(state.draft().at("/t/0/sg/0/d").asInt()).isEqualTo(10000);
    assertThat(state.state().at("/video_infos/0/id").asText()).isEqualTo("v1");
    RecordedRequest request = nemo.take();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/api/state/nemo_agent/me/7321456789012345678/latest");
    assertSigned(request, FakeTokens.FIRST);
  }

  @Test
  void aStateWithoutDraftHasAnEmptyDraft() throws Exception {
    nemo.json("{\"code\":0,\"data\":{\"state\":{\"video_infos\":[]}}}");

    SessionState state = client.state(tokens, "s1");

    assertThat(state.draft().isObject()).isTrue();
    assertThat(state.draft().isEmpty()).isTrue();
  }

  @Test
  void aDraftSentAsAJsonStringIsRead() throws Exception {
    nemo.json("{\"code\":0,\"data\":{\"state\":{\"draft\":\"{\\\"t\\\":[{\\\"tt\\\":1}]}\"}}}");

    assertThat(client.state(tokens, "s1").draft().at("/t/0/tt").asInt()).isEqualTo(1);
  }

  // --- uploads

  @Test
  void uploadStreamsEachFileAsAFilesPartWithItsType(@TempDir Path dir) throws Exception {
    Path clip = Files.write(dir.resolve("beach.mp4"), "clip-bytes".getBytes(StandardCharsets.UTF_8));
    Path track = Files.write(dir.resolve("lofi.MP3"), "track-bytes".getBytes(StandardCharsets.UTF_8));
    nemo.json("{\"code\":0,\"data\":{\"files\":[{\"filename\":\"beach.mp4\",\"file_type\":\"video\","
        + "\"cdn_url\":\"https://cdn.example/beach.mp4\",\"duration\":10.5,\"width\":1920,\"height\":1080,"
        + "\"fps\":30,\"hash\":\"h1\",\"codec\":\"h264\"},{\"filename\":\"lofi.MP3\",\"file_type\":\"audio\","
        + "\"cdn_url\":\"https://cdn.example/lofi.mp3\",\"duration\":\"95.2\"}],\"session_state_applied\":true}}");

    List<UploadedFile> files = client.upload(tokens, "7321456789012345678", List.of(clip, track));

    assertThat(files).containsExactly(
        new UploadedFile("beach.mp4", "video", "https://cdn.example/beach.mp4", 10.5, 1920, 1080, 30.0, "h1"),
        new UploadedFile("lofi.MP3", "audio", "https://cdn.example/lofi.mp3", 95.2, 0, 0, null, null));
    RecordedRequest request = nemo.take();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/api/upload-video/nemo_agent/me/7321456789012345678");
    assertThat(request.getHeaders().get("Content-Type")).startsWith("multipart/form-data");
    String multipart = request.getBody().utf8();
    assertThat(multipart)
        .contains("name=\"files\"; filename=\"beach.mp4\"")
        .contains("Content-Type: video/mp4")
        .contains("clip-bytes")
        .contains("name=\"files\"; filename=\"lofi.MP3\"")
        .contains("Content-Type: audio/mpeg")
        .contains("track-bytes");
    assertSigned(request, FakeTokens.FIRST);
  }

  @Test
  void anUnsupportedFileSurfacesAs4001(@TempDir Path dir) throws Exception {
    Path doc = Files.write(dir.resolve("notes.txt"), new byte[] {1, 2, 3});
    nemo.json(400, "{\"code\":4001,\"message\":\"unsupported format\"}");

    assertThatThrownBy(() -> client.upload(tokens, "s1", List.of(doc)))
        .isInstanceOfSatisfying(NemoException.class, e -> assertThat(e.code()).isEqualTo(NemoException.UNSUPPORTED_FILE));
    assertThat(nemo.take().getBody().utf8()).contains("Content-Type: application/octet-stream");
  }

  @Test
  void aMissingLocalFileFailsBeforeAnythingIsSent(@TempDir Path dir) {
    assertThatThrownBy(() -> client.upload(tokens, "s1", List.of(dir.resolve("gone.mp4"))))
        .isInstanceOf(IOException.class);
    assertThat(nemo.requests()).isZero();
  }

  @Test
  void uploadByUrlSendsJson() throws Exception {
    nemo.json("{\"success\":true,\"data\":{\"files\":[{\"filename\":\"a.mp4\",\"file_type\":\"video\","
        + "\"cdn_url\":\"https://cdn.example/a.mp4\",\"duration\":3}]}}");

    List<UploadedFile> files = client.uploadUrls(tokens, "s1", List.of(URI.create("https://example.org/a.mp4")));

    assertThat(files).extracting(UploadedFile::cdnUrl).containsExactly("https://cdn.example/a.mp4");
    RecordedRequest request = nemo.take();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/api/upload-video/nemo_agent/me/s1");
    assertThat(body(request)).isEqualTo(json("{\"urls\":[\"https://example.org/a.mp4\"],\"source_type\":\"url\"}"));
    assertSigned(request, FakeTokens.FIRST);
  }

  // --- render

  @Test
  void exportSendsTheDraftWithCamelCaseSessionId() throws Exception {
    nemo.json("{\"success\":true,\"data\":{\"id\":\"render_1\",\"status\":\"pending\",\"progress\":0}}");
    JsonNode draft = json("{\"t\":[{\"tt\":0,\"sg\":[{\"d\":5000}]}],\"d\":5000}");

    RenderStatus status = client.startRender(tokens, "render_1", "7321456789012345678", draft);

    assertThat(status).isEqualTo(new RenderStatus("render_1", Phase.PENDING, 0, null, null, true));
    RecordedRequest request = nemo.take();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/api/render/proxy/lambda");
    assertThat(body(request)).isEqualTo(json("{\"id\":\"render_1\",\"sessionId\":\"7321456789012345678\","
        + "\"draft\":" + draft + ",\"output\":{\"format\":\"mp4\",\"quality\":\"high\"}}"));
    assertSigned(request, FakeTokens.FIRST);
  }

  @Test
  void exportWithAnEmptyAnswerIsPending() throws Exception {
    nemo.server.enqueue(new MockResponse.Builder().code(202).build());

    assertThat(client.startRender(tokens, "render_2", "s1", json("{}")))
        .isEqualTo(new RenderStatus("render_2", Phase.PENDING, 0, null, null, true));
  }

  @Test
  void aDuplicateRenderIdIsAClearFailure() {
    nemo.json("{\"success\":false,\"error\":\"duplicate id\"}");

    assertThatThrownBy(() -> client.startRender(tokens, "render_1", "s1", json("{}")))
        .isInstanceOf(NemoException.class)
        .hasMessageContaining("duplicate id");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"code\":0,\"data\":{\"status\":\"processing\",\"progress\":42}}|PROCESSING|42|",
      "{\"success\":true,\"data\":{\"status\":\"running\",\"progress\":\"55\"}}|PROCESSING|55|",
      "{\"status\":\"queued\"}|PENDING|0|",
      "{\"status\":\"pending\",\"progress\":0}|PENDING|0|",
      "{\"status\":\"processing\",\"progress\":140}|PROCESSING|100|",
      "{\"status\":\"processing\",\"progress\":-3}|PROCESSING|0|",
      "{\"success\":true,\"data\":{\"status\":\"completed\",\"outputUrl\":\"https://cdn/o1.mp4\",\"url\":\"https://cdn/x\"}}|COMPLETED|100|https://cdn/o1.mp4",
      "{\"status\":\"done\",\"output\":{\"url\":\"https://cdn/o2.mp4\"}}|COMPLETED|100|https://cdn/o2.mp4",
      "{\"status\":\"success\",\"url\":\"https://cdn/o3.mp4\"}|COMPLETED|100|https://cdn/o3.mp4",
      "{\"code\":0,\"data\":{\"id\":\"render_9\",\"status\":\"completed\",\"progress\":100,\"url\":\"https://cdn/o4.mp4\"}}|COMPLETED|100|https://cdn/o4.mp4"})
  void renderPollReadsEveryShape(String answer, Phase phase, int progress, String url) throws Exception {
    nemo.json(answer);

    RenderStatus status = client.renderStatus(tokens, "render_9");

    assertThat(status.id()).isEqualTo("render_9");
    assertThat(status.phase()).isEqualTo(phase);
    assertThat(status.progress()).isEqualTo(progress);
    assertThat(status.outputUrl()).isEqualTo(url);
    RecordedRequest request = nemo.take();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/api/render/proxy/lambda/render_9");
    assertSigned(request, FakeTokens.FIRST);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"success\":true,\"data\":{\"status\":\"failed\",\"error\":\"ffmpeg exited 1\"}}",
      "{\"status\":\"error\",\"error\":\"ffmpeg exited 1\"}",
      "{\"code\":0,\"data\":{\"status\":\"failed\",\"error\":{\"message\":\"ffmpeg exited 1\"}}}"})
  void aFailedRenderCarriesTheBackendsWords(String answer) throws Exception {
    nemo.json(answer);

    RenderStatus status = client.renderStatus(tokens, "render_9");

    assertThat(status.phase()).isEqualTo(Phase.FAILED);
    assertThat(status.error()).isEqualTo("ffmpeg exited 1");
  }

  @Test
  void cancellingARenderOnABackendWithoutCancelIsFine() throws Exception {
    nemo.server.enqueue(new MockResponse.Builder().code(404).body("not found").build());

    client.cancelRender(tokens, "render_9");

    RecordedRequest request = nemo.take();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/api/render/proxy/lambda/render_9/cancel");
    assertSigned(request, FakeTokens.FIRST);
  }

  @Test
  void cancellingARenderThatTheBackendRefusesFails() {
    nemo.json(500, "{\"success\":false,\"error\":\"cannot cancel\"}");

    assertThatThrownBy(() -> client.cancelRender(tokens, "render_9")).hasMessageContaining("cannot cancel");
  }

  // --- download

  @Test
  void downloadFromAForeignLinkSendsNoToken(@TempDir Path dir) throws Exception {
    try (MockWebServer cdn = new MockWebServer()) {
      cdn.start();
      cdn.enqueue(new MockResponse.Builder().body("MP4-BYTES").build());
      Path target = dir.resolve("out.mp4");

      client.downloadRender(tokens, "render_9", cdn.url("/o/render_9.mp4").toString(), target, 1_000);

      assertThat(Files.readString(target)).isEqualTo("MP4-BYTES");
      assertThat(cdn.takeRequest().getHeaders().get("Authorization")).isNull();
      assertThat(nemo.requests()).isZero();
    }
  }

  @Test
  void downloadFromALinkOnTheBackendSendsTheToken(@TempDir Path dir) throws Exception {
    nemo.server.enqueue(new MockResponse.Builder().body("MP4-BYTES").build());
    Path target = dir.resolve("out.mp4");

    client.downloadRender(tokens, "render_9", nemo.server.url("/files/render_9.mp4").toString(), target, 1_000);

    assertThat(Files.readString(target)).isEqualTo("MP4-BYTES");
    assertSigned(nemo.take(), FakeTokens.FIRST);
  }

  @Test
  void anUnreachableLinkFallsBackToTheProxyDownload(@TempDir Path dir) throws Exception {
    try (MockWebServer cdn = new MockWebServer()) {
      cdn.start();
      cdn.enqueue(new MockResponse.Builder().code(403).body("expired").build());
      nemo.server.enqueue(new MockResponse.Builder().body("PROXY-BYTES").build());
      Path target = dir.resolve("out.mp4");

      client.downloadRender(tokens, "render_9", cdn.url("/o.mp4").toString(), target, 1_000);

      assertThat(Files.readString(target)).isEqualTo("PROXY-BYTES");
      RecordedRequest request = nemo.take();
      assertThat(request.getUrl().encodedPath()).isEqualTo("/api/render/proxy/render_9/download");
      assertSigned(request, FakeTokens.FIRST);
    }
  }

  @Test
  void aLinkAnsweringWithAWebPageFallsBackToTheProxyDownload(@TempDir Path dir) throws Exception {
    try (MockWebServer cdn = new MockWebServer()) {
      cdn.start();
      cdn.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/html").body("<html>expired</html>").build());
      nemo.server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "video/mp4").body("PROXY-BYTES").build());
      Path target = dir.resolve("out.mp4");

      client.downloadRender(tokens, "render_9", cdn.url("/o.mp4").toString(), target, 1_000);

      assertThat(Files.readString(target)).isEqualTo("PROXY-BYTES");
      assertThat(dir).isDirectoryNotContaining("glob:**.part");
    }
  }

  @Test
  void aDownloadPastTheLimitIsRefusedAndLeavesNoFile(@TempDir Path dir) throws Exception {
    nemo.server.enqueue(new MockResponse.Builder().chunkedBody("x".repeat(5_000), 512).build());
    Path target = dir.resolve("out.mp4");

    assertThatThrownBy(() -> client.downloadRender(tokens, "render_9", null, target, 1_000))
        .isInstanceOf(NemoException.class)
        .hasMessageContaining("over the limit of 1000 bytes");
    assertThat(dir).isEmptyDirectory();
    assertThat(nemo.requests()).isEqualTo(1);
  }

  @Test
  void aFailedDownloadLeavesNoFile(@TempDir Path dir) {
    nemo.server.enqueue(new MockResponse.Builder().code(500).body("boom").build());
    Path target = dir.resolve("out.mp4");

    assertThatThrownBy(() -> client.downloadRender(tokens, "render_9", null, target, 1_000))
        .isInstanceOfSatisfying(NemoException.class, e -> assertThat(e.httpStatus()).isEqualTo(500));
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void valuesDoNotPrintTokens() {
    AnonymousToken token = new AnonymousToken("nmv_usr_abc", 100, "anon_1", Instant.now());
    assertThat(token.toString()).doesNotContain("nmv_usr_abc");
    assertThat(client.toString()).doesNotContain("nmv_usr");
  }
}
