package io.tunecut.core.conversation;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.tunecut.core.chat.Attachment;
import io.tunecut.core.chat.Chat;
import io.tunecut.core.chat.ChatUser;
import io.tunecut.core.chat.InboundMessage;
import io.tunecut.core.render.PollSchedule;
import io.tunecut.core.nemo.NemoClient;
import io.tunecut.core.testing.FakeNemoServer;
import io.tunecut.core.testing.RecordingPort;
import io.tunecut.core.user.UserDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/** A real engine on a real client and directory, against the fake backend, talking to a recording port. */
final class Harness implements AutoCloseable {
  final FakeNemoServer server;
  final NemoClient client;
  final Path dataDir;
  final Path workDir;
  UserDirectory directory;
  RecordingPort port;
  ConversationEngine engine;
  private final UnaryOperator<ConversationEngine.Builder> tune;
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

  Harness(Path tmp) throws IOException {
    this(tmp, RecordingPort.builder().build(), b -> b);
  }

  Harness(Path tmp, RecordingPort port, UnaryOperator<ConversationEngine.Builder> tune) throws IOException {
    this.server = FakeNemoServer.start();
    this.client = server.clientBuilder().silenceTimeout(Duration.ofSeconds(3)).build();
    this.dataDir = Files.createDirectories(tmp.resolve("data"));
    this.workDir = Files.createDirectories(tmp.resolve("work"));
    this.port = port;
    this.tune = tune;
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    logs.start();
    root.addAppender(logs);
    this.directory = UserDirectory.open(dataDir, "test-secret");
    this.engine = newEngine();
  }

  ConversationEngine newEngine() {
    return tune.apply(ConversationEngine.builder()
        .nemo(client)
        .directory(directory)
        .operatorToken(null)
        .workDir(workDir)
        .renderPollSchedule(PollSchedule.every(Duration.ofMillis(40)))
        .dropChecks(Duration.ofMillis(150), Duration.ofMillis(100), 3)
        .silenceNotice(Duration.ofMillis(400))
        .chatActionInterval(Duration.ofMillis(200))
        .progressTick(Duration.ofMillis(50)))
        .build();
  }

  /** Stops the engine and the directory, and starts both again on the same data: a restart. */
  void restart(RecordingPort newPort) throws IOException {
    engine.close();
    directory.close();
    directory = UserDirectory.open(dataDir, "test-secret");
    port = newPort;
    engine = newEngine();
  }

  static ChatUser user(String id) {
    return new ChatUser("test", id);
  }

  static Chat chat(String id) {
    return new Chat("test", "chat-" + id, false);
  }

  InboundMessage message(String who, String text) {
    return new InboundMessage(user(who), chat(who), text, List.of(), null);
  }

  InboundMessage message(String who, String text, Locale locale) {
    return new InboundMessage(user(who), chat(who), text, List.of(), locale);
  }

  InboundMessage files(String who, String caption, Attachment... attachments) {
    return new InboundMessage(user(who), chat(who), caption, List.of(attachments), null);
  }

  CompletableFuture<Void> send(String who, String text) {
    return engine.handle(message(who, text), port);
  }

  /** Sends and waits until everything the message started is finished. */
  void run(String who, String text) throws Exception {
    send(who, text).get(20, TimeUnit.SECONDS);
  }

  void run(InboundMessage message) throws Exception {
    engine.handle(message, port).get(20, TimeUnit.SECONDS);
  }

  String sessionOf(String who) throws IOException {
    return directory.get(user(who)).sessionId();
  }

  List<String> sentTo(String who) {
    return port.sentTexts(chat(who));
  }

  String lastSentTo(String who) {
    List<String> texts = sentTo(who);
    return texts.isEmpty() ? "" : texts.get(texts.size() - 1);
  }

  /** Every log line, with the messages of logged exceptions. */
  List<String> logLines() {
    List<ILoggingEvent> events;
    // The engine's threads may still be logging: the appender appends under its own lock.
    synchronized (logs) {
      events = List.copyOf(logs.list);
    }
    List<String> lines = new ArrayList<>();
    for (ILoggingEvent e : events) {
      lines.add(e.getFormattedMessage());
      for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) lines.add(String.valueOf(t.getMessage()));
    }
    return lines;
  }

  boolean workDirEmpty() throws IOException {
    try (Stream<Path> files = Files.walk(workDir)) {
      return files.filter(Files::isRegularFile).findAny().isEmpty();
    }
  }

  @Override
  public void close() throws IOException {
    engine.close();
    directory.close();
    server.close();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
  }
}
