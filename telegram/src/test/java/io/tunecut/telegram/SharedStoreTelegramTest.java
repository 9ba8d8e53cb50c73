package io.tunecut.telegram;

import static io.tunecut.telegram.FakeBotApi.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tunecut.core.conversation.ConversationEngine;
import io.tunecut.core.export.PollSchedule;
import io.tunecut.core.fleet.TurnLeases;
import io.tunecut.core.fleet.UpdateClaims;
import io.tunecut.core.nemo.NemoClient;
import io.tunecut.core.testing.FakeNemoServer;
import io.tunecut.core.testing.Turn;
import io.tunecut.core.user.UserDirectory;
import io.tunecut.telegram.Updates.Person;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two bot instances in one JVM sharing a real PostgreSQL, behind one webhook address: the test
 * plays the load balancer and posts Telegram's updates to either instance.
 */
class SharedStoreTelegramTest {
  private static final Person ANN = new Person(101);
  private static final String SECRET = "one-secret-for-every-instance";
  private static final String BUSY = "I'm still working on your last request — wait, or /cancel.";

  private static EmbeddedPostgres postgres;

  @TempDir Path tmp;
  private FakeBotApi telegram;
  private FakeNemoServer nemo;
  private final List<Instance> instances = new ArrayList<>();
  private final OkHttpClient http = new OkHttpClient();
  private LogCapture logs;

  /** One bot process: its own pool on the shared store, its own engine and webhook server. */
  private record Instance(UserDirectory directory, TurnLeases leases, ConversationEngine engine, TelegramBot bot) {}

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @BeforeEach
  void setUp() throws IOException {
    logs = new LogCapture();
    telegram = new FakeBotApi();
    nemo = FakeNemoServer.start();
    String url = postgres.getJdbcUrl("postgres", "postgres");
    for (int i = 0; i < 2; i++) {
      UserDirectory directory = UserDirectory.open(Files.createDirectories(tmp.resolve("data" + i)), "shared-secret", url);
      TurnLeases leases = TurnLeases.in(directory.database());
      NemoClient client = nemo.clientBuilder().silenceTimeout(Duration.ofSeconds(3)).build();
      ConversationEngine engine = ConversationEngine.builder()
          .nemo(client)
          .directory(directory)
          .operatorToken(null)
          .workDir(Files.createDirectories(tmp.resolve("work" + i)))
          .renderPollSchedule(PollSchedule.every(Duration.ofMillis(40)))
          .progressTick(Duration.ofMillis(50))
          .turnLeases(leases)
          .build();
      TelegramBot bot = TelegramBot.start(settings(SECRET), engine, UpdateClaims.in(directory.database()));
      instances.add(new Instance(directory, leases, engine, bot));
    }
  }

  @AfterEach
  void tearDown() throws IOException {
    for (Instance i : instances) {
      i.bot().close();
      i.engine().close();
      i.leases().close();
      i.directory().close();
    }
    nemo.close();
    telegram.close();
    logs.close();
    assertThat(logs.lines()).noneMatch(line -> line.contains(TOKEN) || line.contains(SECRET));
  }

  private TelegramSettings settings(String secret) {
    return TelegramSettings.of(TOKEN)
        .withApiUrl(telegram.url(), false)
        .withWebhook("https://bot.example.com/telegram/hook", secret, 0);
  }

  @Test
  void everyInstanceGivesTelegramTheSameSecret() {
    assertThat(telegram.calls("setWebhook")).hasSize(2)
        .allSatisfy(c -> assertThat(c.params().path("secret_token").asText()).isEqualTo(SECRET));
  }

  @Test
  void theSameUpdatePostedToBothInstancesIsAnsweredOnce() throws Exception {
    ObjectNode help = Updates.text(ANN, ANN.id(), "/help").put("update_id", 7001);
    assertThat(post(instances.get(0), help)).isEqualTo(200);
    assertThat(post(instances.get(1), help)).isEqualTo(200);
    // A later update through the second instance: once it is answered, so would a duplicate be.
    assertThat(post(instances.get(1), Updates.text(ANN, ANN.id(), "/credits").put("update_id", 7002))).isEqualTo(200);

    await().until(() -> sentTo("101").size() >= 2);
    List<String> sent = sentTo("101");
    assertThat(sent).hasSize(2);
    assertThat(sent.get(0)).isNotEqualTo(sent.get(1));
  }

  @Test
  void twoMessagesOfOnePersonAtTwoInstancesMakeOneTurn() throws Exception {
    CountDownLatch firstTurnRuns = new CountDownLatch(1);
    nemo.enqueueTurn(Turn.builder().hold(firstTurnRuns).text("Trimmed to the beat.").build());
    nemo.defaultTurn(Turn.text("a second turn ran"));

    assertThat(post(instances.get(0), Updates.text(ANN, ANN.id(), "trim it to the beat").put("update_id", 8001))).isEqualTo(200);
    await().until(() -> nemo.allMessages().contains("trim it to the beat"));
    assertThat(post(instances.get(1), Updates.text(ANN, ANN.id(), "and make it louder").put("update_id", 8002))).isEqualTo(200);

    await().until(() -> sentTo("101").contains(BUSY));
    firstTurnRuns.countDown();
    await().until(() -> sentTo("101").contains("Trimmed to the beat."));
    assertThat(nemo.allMessages()).containsExactly("trim it to the beat");

    // The turn is over: the lease is given back, and the person may go on at the other instance.
    await().until(() -> leaseRows() == 0);
    assertThat(post(instances.get(1), Updates.text(ANN, ANN.id(), "now make it louder").put("update_id", 8003))).isEqualTo(200);
    await().until(() -> sentTo("101").contains("a second turn ran"));
    assertThat(nemo.allMessages()).containsExactly("trim it to the beat", "now make it louder");
  }

  @Test
  void sharingAStoreWithoutAWebhookSecretIsRefusedAtStart() throws Exception {
    try (UserDirectory directory = UserDirectory.open(Files.createDirectories(tmp.resolve("data9")), "shared-secret",
        postgres.getJdbcUrl("postgres", "postgres"))) {
      assertThatThrownBy(() -> TelegramBot.start(settings(null), (m, p) -> null, UpdateClaims.in(directory.database())))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("TELEGRAM_WEBHOOK_SECRET");
    }
  }

  private int post(Instance to, ObjectNode update) throws IOException {
    String hook = "http://127.0.0.1:" + to.bot().webhookPort() + "/telegram/hook";
    try (Response r = http.newCall(new Request.Builder().url(hook)
        .header(WebhookServer.SECRET_HEADER, SECRET)
        .post(RequestBody.create(update.toString(), MediaType.get("application/json"))).build()).execute()) {
      return r.code();
    }
  }

  private int leaseRows() throws Exception {
    try (var c = instances.get(0).directory().database().getConnection();
        var rs = c.createStatement().executeQuery("SELECT count(*) FROM turn_leases")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private List<String> sentTo(String chatId) {
    return telegram.calls("sendMessage", c -> chatId.equals(c.chatId()) && c.answeredCode() == 200).stream()
        .map(FakeBotApi.Call::text).toList();
  }
}
