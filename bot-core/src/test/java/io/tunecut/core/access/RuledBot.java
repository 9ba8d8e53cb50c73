package io.tunecut.core.access;

import io.tunecut.core.chat.Attachment;
import io.tunecut.core.chat.Chat;
import io.tunecut.core.chat.ChatUser;
import io.tunecut.core.chat.InboundMessage;
import io.tunecut.core.conversation.ConversationEngine;
import io.tunecut.core.render.PollSchedule;
import io.tunecut.core.testing.FakeNemoServer;
import io.tunecut.core.testing.RecordingPort;
import io.tunecut.core.user.UserDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The bot under an operator's rules, on a fake backend; each person writes in a private chat. */
final class RuledBot implements AutoCloseable {
  final FakeNemoServer nemo;
  final UserDirectory directory;
  final ConversationEngine engine;

  RuledBot(Path tmp, FakeNemoServer nemo, String operatorToken, AccessRules rules, Clock clock) throws IOException {
    this.nemo = nemo;
    this.directory = UserDirectory.open(Files.createDirectories(tmp.resolve("data")), null);
    this.engine = ConversationEngine.builder()
        .nemo(nemo.clientBuilder().silenceTimeout(Duration.ofSeconds(3)).build())
        .directory(directory)
        .operatorToken(operatorToken)
        .access(rules)
        .clock(clock)
        .workDir(Files.createDirectories(tmp.resolve("work")))
        .renderPollSchedule(PollSchedule.every(Duration.ofMillis(20)))
        .progressTick(Duration.ofMillis(50))
        .build();
  }

  static Chat chat(ChatUser who) {
    return new Chat(who.platform(), who.id(), false);
  }

  /** Sends and waits until everything the message started is finished. */
  void say(ChatUser who, RecordingPort port, String text, Attachment... files) {
    engine.handle(new InboundMessage(who, chat(who), text, List.of(files), null), port).join();
  }

  @Override
  public void close() throws IOException {
    engine.close();
    directory.close();
    nemo.close();
  }
}
