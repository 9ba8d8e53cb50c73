package io.tunecut.core.nemo;

import java.io.IOException;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import java.util.concurrent.TimeUnit;

/** A scripted protocol server and a client pointed at it. */
final class NemoServer implements AutoCloseable {
  final MockWebServer server = new MockWebServer();
  final NemoClient client;

  NemoServer() throws IOException {
    this(NemoClient.builder());
  }

  NemoServer(NemoClient.Builder builder) throws IOException {
    server.start();
    client = builder
        .baseUrl(server.url("/").toString())
        .attribution("tunecut", "9.9.9", "console")
        .rateLimitDelay(Duration.ofMillis(20))
        .build();
  }

  void json(int code, String body) {
    server.enqueue(new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build());
  }

  void json(String body) {
    json(200, body);
  }

  void sse(String body) {
    server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream").body(body).build());
  }

  RecordedRequest take() throws InterruptedException {
    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    if (request == null) {
      throw new AssertionError("the server saw no request");
    }
    return request;
  }

  int requests() {
    return server.getRequestCount();
  }

  @Override
  public void close() {
    server.close();
  }
}
