package io.tunecut.telegram;

import static io.tunecut.telegram.FakeBotApi.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tunecut.core.conversation.ConversationEngine;
import io.tunecut.core.testing.FakeNemoServer;
import io.tunecut.core.user.UserDirectory;
import io.tunecut.telegram.Updates.Person;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A chat Telegram holds back with a 429 waits alone: the engine runs here with a single port
 * thread, so a reply that held it while its chat waited would hold up everybody else's answers.
 */
class PausedChatTest {
  private static final Person ANN = new Person(101);
  private static final Person BEN = new Person(202);

  @TempDir Path tmp;
  private FakeBotApi telegram;
  private FakeNemoServer nemo;
  private UserDirectory directory;
  private ConversationEngine engine;
  private TelegramBot bot;

  @BeforeEach
  void setUp() throws IOException {
    telegram = new FakeBotApi();
    nemo = FakeNemoServer.start();
    directory = UserDirectory.open(Files.createDirectories(tmp.resolve("data")), null);
    engine = ConversationEngine.builder()
        .nemo(nemo.clientBuilder().build())
        .directory(directory)
        .operatorToken(null)
        .workDir(Files.createDirectories(tmp.resolve("work")))
        .portThreads(1)
        .build();
    bot = TelegramBot.start(TelegramSettings.of(TOKEN).withApiUrl(telegram.url(), false), engine);
  }

  @AfterEach
  void tearDown() throws IOException {
    bot.close();
    engine.close();
    directory.close();
    nemo.close();
    telegram.close();
  }

  @Test
  void whileAnnsChatWaitsOutA429BenIsAnsweredAtOnceAndAnnsRepliesFollowInOrder() {
    telegram.floodNextSendTo(String.valueOf(ANN.id()), 2);
    telegram.push(Updates.text(ANN, ANN.id(), "/help"));
    await().until(() -> !telegram.calls("sendMessage", c -> c.answeredCode() == 429).isEmpty());
    // Queued behind the first answer in Ann's chat.
    telegram.push(Updates.text(ANN, ANN.id(), "/cancel"));
    telegram.push(Updates.text(BEN, BEN.id(), "/help"));

    await().until(() -> answered(ANN.id()).size() == 2 && answered(BEN.id()).size() == 1);
    FakeBotApi.Call paused = telegram.calls("sendMessage", c -> c.answeredCode() == 429).get(0);
    FakeBotApi.Call forBen = answered(BEN.id()).get(0);
    List<FakeBotApi.Call> forAnn = answered(ANN.id());
    // Ben's answer did not wait for Ann's chat; Ann's came once Telegram's retry_after was over.
    assertThat(forBen.at()).isBefore(forAnn.get(0).at());
    assertThat(Duration.between(paused.at(), forAnn.get(0).at())).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    assertThat(forBen.text()).contains("music-backed videos");
    assertThat(forAnn).extracting(FakeBotApi.Call::text)
        .satisfiesExactly(
            help -> assertThat(help).contains("music-backed videos"),
            cancel -> assertThat(cancel).isEqualTo("Nothing to cancel."));
  }

  private List<FakeBotApi.Call> answered(long chatId) {
    return telegram.calls("sendMessage", c -> String.valueOf(chatId).equals(c.chatId()) && c.answeredCode() == 200);
  }
}
