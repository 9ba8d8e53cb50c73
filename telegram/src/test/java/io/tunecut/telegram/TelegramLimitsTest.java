package io.tunecut.telegram;

import static io.tunecut.telegram.FakeBotApi.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tunecut.core.chat.Chat;
import io.tunecut.core.chat.MessageRef;
import io.tunecut.telegram.Updates.Person;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;

/**
 * Telegram's limits, kept by the adapter: what one chat is told to wait never holds up another,
 * and a burst over many chats draws no 429. The adapter runs here on one worker thread and one
 * timer thread, so a wait that held a thread would hold up everybody.
 */
class TelegramLimitsTest {
  private static final Person ANN = new Person(101);
  private static final Person LI = new Person(303, "zh-hans");

  private FakeBotApi api;
  private OkHttpClient http;
  private ScheduledExecutorService timer;
  private ExecutorService worker;
  private OkHttpTelegramClient client;
  private TelegramPort port;

  @BeforeEach
  void setUp() throws IOException {
    api = new FakeBotApi();
    http = new OkHttpClient();
    timer = Executors.newSingleThreadScheduledExecutor();
    worker = Executors.newSingleThreadExecutor();
    HttpUrl base = HttpUrl.get(api.url());
    ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    client = new OkHttpTelegramClient(json, http, TOKEN, new TelegramUrl(base.scheme(), base.host(), base.port(), false));
    port = port(worker);
  }

  private TelegramPort port(ExecutorService workers) {
    TelegramSettings settings = TelegramSettings.of(TOKEN).withApiUrl(api.url(), false)
        .withEditIntervals(Duration.ofMillis(300), Duration.ofMillis(600));
    return new TelegramPort(client, settings, new TokenMask(TOKEN), timer, workers);
  }

  @AfterEach
  void tearDown() {
    timer.shutdownNow();
    worker.shutdownNow();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
    api.close();
  }

  @Test
  void a429PausesOnlyItsChatWhileTheOneWorkerServesAnother() throws Exception {
    api.floodNextSendTo("101", 2);
    CompletableFuture<MessageRef> forAnn = CompletableFuture.supplyAsync(() -> send(ANN.chat(), "for ann"));
    await().until(() -> !api.calls("sendMessage").isEmpty());

    port.send(LI.chat(), "for li", List.of());
    boolean annStillWaiting = !forAnn.isDone();
    forAnn.get(10, TimeUnit.SECONDS);

    // Li's message went out on the only worker while Ann's chat waited out its retry_after of 2 s.
    assertThat(annStillWaiting).isTrue();
    List<FakeBotApi.Call> sends = api.calls("sendMessage");
    assertThat(sends).extracting(FakeBotApi.Call::chatId, FakeBotApi.Call::answeredCode)
        .containsExactly(tuple("101", 429), tuple("303", 200), tuple("101", 200));
    assertThat(Duration.between(sends.get(0).at(), sends.get(2).at())).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    assertThat(api.textsTo("101")).containsExactly("for ann");
  }

  @Test
  void aStatusEditWaitingOutA429GivesWayToTheNewestText() throws Exception {
    MessageRef status = port.createStatus(ANN.chat(), "Rendering 0%");
    api.floodNextEditIn("101", 1);
    port.editStatus(status, "Rendering 10%");
    await().until(() -> !api.calls("editMessageText").isEmpty());
    port.editStatus(status, "Rendering 20%");
    port.editStatus(status, "Rendering 30%");

    await().until(() -> api.calls("editMessageText").stream().anyMatch(c -> "Rendering 30%".equals(c.text())));
    List<FakeBotApi.Call> edits = api.calls("editMessageText");
    assertThat(edits.get(0).answeredCode()).isEqualTo(429);
    assertThat(edits.subList(1, edits.size())).allSatisfy(c -> assertThat(c.answeredCode()).isEqualTo(200));
    assertThat(edits).extracting(FakeBotApi.Call::text).doesNotContain("Rendering 20%").last().isEqualTo("Rendering 30%");
    // Not before Telegram's retry_after was over.
    assertThat(Duration.between(edits.get(0).at(), edits.get(1).at())).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aBurstOverManyChatsStaysUnderTelegramsOverallLimit() throws Exception {
    api.floodControl(Duration.ofMillis(800));
    // As many workers as calls, so only the budget keeps them apart.
    ExecutorService workers = Executors.newCachedThreadPool();
    port = port(workers);
    // Forty people's turns, each waiting for its own message.
    ExecutorService turns = Executors.newCachedThreadPool();
    List<CompletableFuture<MessageRef>> sent = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      Chat chat = new Person(1000 + i).chat();
      sent.add(CompletableFuture.supplyAsync(() -> send(chat, "your video is ready"), turns));
    }
    CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
    turns.shutdown();
    workers.shutdown();

    assertThat(api.calls("sendMessage")).hasSize(40).allSatisfy(c -> assertThat(c.answeredCode()).isEqualTo(200));
  }

  @Test
  void anAnswerDoesNotWaitBehindAStatusEditThatPacesItself() throws Exception {
    TelegramSettings settings = TelegramSettings.of(TOKEN).withApiUrl(api.url(), false)
        .withEditIntervals(Duration.ofSeconds(4), Duration.ofSeconds(4));
    TelegramPort slowEdits = new TelegramPort(client, settings, new TokenMask(TOKEN), timer, worker);
    MessageRef status = slowEdits.createStatus(ANN.chat(), "⏳ Working on it…");
    slowEdits.editStatus(status, "⏳ Rendering · 1 s");
    await().until(() -> api.calls("editMessageText").size() == 1);
    // The next edit may not go for 4 s; the answer comes in meanwhile.
    slowEdits.editStatus(status, "⏳ Rendering · 2 s");
    slowEdits.send(ANN.chat(), "Your video: https://example.org/v.mp4", List.of());

    await().until(() -> api.calls("editMessageText").size() == 2);
    assertThat(api.calls()).filteredOn(c -> c.method().equals("sendmessage") || c.method().equals("editmessagetext"))
        .extracting(FakeBotApi.Call::text)
        .containsSubsequence("⏳ Rendering · 1 s", "Your video: https://example.org/v.mp4", "⏳ Rendering · 2 s");
  }

  private MessageRef send(Chat chat, String text) {
    try {
      return port.send(chat, text, List.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
