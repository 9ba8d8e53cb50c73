package io.tunecut.core.nemo;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** No token in any log line or exception message, even when the backend echoes it back. */
class TokenSecrecyTest {
  private static final String ANONYMOUS = "nmv_usr_anonymous-secret-44c1";
  private static final List<String> SECRETS = List.of(FakeTokens.FIRST, FakeTokens.RENEWED, ANONYMOUS,
      "first-secret-7f3a9c", "renewed-secret-b81d2e", "anonymous-secret-44c1");

  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private Level rootLevel;
  private NemoServer nemo;
  private final FakeTokens tokens = new FakeTokens();
  private final List<String> messages = new ArrayList<>();

  @BeforeEach
  void capture() throws Exception {
    rootLevel = root.getLevel();
    root.setLevel(Level.TRACE);
    logs.start();
    root.addAppender(logs);
    nemo = new NemoServer();
  }

  @AfterEach
  void release() {
    root.detachAppender(logs);
    root.setLevel(rootLevel);
    nemo.close();
  }

  private void attempt(ThrowingCall call) {
    try {
      call.run();
    } catch (Throwable t) {
      for (Throwable cause = t; cause != null; cause = cause.getCause()) {
        messages.add(String.valueOf(cause.getMessage()));
        messages.add(cause.toString());
      }
    }
  }

  private interface ThrowingCall {
    void run() throws Exception;
  }

  @Test
  void noTokenInLogsOrMessagesAcrossCallsAndFailures(@TempDir Path dir) throws Exception {
    NemoClient client = nemo.client;
    String echo = "token " + FakeTokens.FIRST + " is invalid; header was Bearer " + FakeTokens.FIRST;

    nemo.json("{\"code\":0,\"data\":{\"token\":\"" + ANONYMOUS + "\",\"credits\":100}}");
    attempt(() -> messages.add(client.anonymousToken("client-1").toString()));

    nemo.json("{\"code\":1001,\"message\":\"" + echo + "\"}");
    nemo.json(401, "{\"code\":1001,\"message\":\"token " + FakeTokens.RENEWED + " is invalid\"}");
    attempt(() -> client.createSession(tokens, "en"));

    nemo.json(429, "{\"message\":\"" + echo + "\"}");
    nemo.json(429, "{\"message\":\"" + echo + "\"}");
    attempt(() -> client.credits(tokens));

    nemo.json(500, "{\"success\":false,\"error\":\"" + echo + "\"}");
    attempt(() -> client.renderStatus(tokens, "render_1"));

    nemo.json(400, "{\"detail\":\"" + echo + "\"}");
    attempt(() -> client.state(tokens, "s1"));

    nemo.sse("data: {\"error\":\"" + echo + "\"}\n\n");
    attempt(() -> client.runTurn(tokens, "s1", "hi", new TurnListener() {}).get(10, TimeUnit.SECONDS));

    nemo.sse("data: {\"errorCode\":\"AUTH\",\"errorMessage\":\"" + echo + "\"}\n\n");
    attempt(() -> client.runTurn(tokens, "s1", "hi", new TurnListener() {}).get(10, TimeUnit.SECONDS));

    nemo.json(401, "{\"code\":1001,\"message\":\"" + echo + "\"}");
    nemo.json(401, "{\"code\":1001,\"message\":\"" + echo + "\"}");
    attempt(() -> client.runTurn(tokens, "s1", "hi", new TurnListener() {}).get(10, TimeUnit.SECONDS));

    nemo.server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/event-stream")
        .chunkedBody("data: {\"content\":{\"parts\":[{\"text\":\"x\"}]}}\n\n" + ": pad\n\n".repeat(100), 32)
        .onResponseBody(new mockwebserver3.SocketEffect.CloseSocket(true, true, true)).build());
    attempt(() -> client.runTurn(tokens, "s1", "hi", new TurnListener() {}).get(10, TimeUnit.SECONDS));

    nemo.server.enqueue(new MockResponse.Builder().code(403).body(echo).build());
    attempt(() -> client.downloadRender(tokens, "render_1", null, dir.resolve("o.mp4"), 100));

    assertThat(messages).isNotEmpty();
    assertThat(nemo.requests()).isEqualTo(13);
    for (String message : messages) {
      for (String secret : SECRETS) {
        assertThat(message).doesNotContain(secret);
      }
    }
    assertThat(logs.list).isNotEmpty();
    for (ILoggingEvent event : logs.list) {
      String line = event.getFormattedMessage() + " " + throwableText(event.getThrowableProxy());
      for (String secret : SECRETS) {
        assertThat(line).doesNotContain(secret);
      }
    }
  }

  private static String throwableText(IThrowableProxy proxy) {
    StringBuilder text = new StringBuilder();
    for (IThrowableProxy p = proxy; p != null; p = p.getCause()) {
      text.append(p.getClassName()).append(": ").append(p.getMessage()).append(' ');
    }
    return text.toString();
  }
}
