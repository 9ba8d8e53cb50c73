package io.tunecut.discord;

import io.tunecut.core.conversation.ConversationEngine;
import io.tunecut.core.render.PollSchedule;
import io.tunecut.core.testing.FakeNemoServer;
import io.tunecut.core.user.UserDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The real thing end to end, but for the two clouds: JDA against {@link FakeDiscord}, the real
 * conversation engine and NemoVideo client against {@link FakeNemoServer}, a real directory.
 */
final class Stack implements AutoCloseable {
  final FakeDiscord discord;
  final FakeNemoServer nemo;
  final Path dataDir;
  final Path workDir;
  UserDirectory directory;
  ConversationEngine engine;
  DiscordBot bot;

  Stack(Path tmp) throws IOException {
    discord = new FakeDiscord();
    nemo = FakeNemoServer.start();
    dataDir = Files.createDirectories(tmp.resolve("data"));
    workDir = Files.createDirectories(tmp.resolve("work"));
    directory = UserDirectory.open(dataDir, "test-secret");
    engine = newEngine();
  }

  private ConversationEngine newEngine() {
    return ConversationEngine.builder()
        .nemo(nemo.clientBuilder().silenceTimeout(Duration.ofSeconds(3)).build())
        .directory(directory)
        .operatorToken(null)
        .workDir(workDir)
        .renderPollSchedule(PollSchedule.every(Duration.ofMillis(50)))
        .progressTick(Duration.ofMillis(100))
        .build();
  }

  Stack start() throws Exception {
    return start(discord.settings());
  }

  Stack start(DiscordSettings settings) throws Exception {
    bot = DiscordBot.start(settings, engine);
    return this;
  }

  /** Stops bot, engine and directory and starts them again on the same data, as after a crash. */
  void restart() throws Exception {
    bot.close();
    engine.close();
    directory.close();
    directory = UserDirectory.open(dataDir, "test-secret");
    engine = newEngine();
    bot = DiscordBot.start(discord.settings(), engine);
  }

  @Override
  public void close() throws IOException {
    if (bot != null) bot.close();
    engine.close();
    directory.close();
    nemo.close();
    discord.close();
  }
}
