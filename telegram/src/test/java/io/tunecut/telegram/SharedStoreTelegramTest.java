package io.tunecut.telegram;

import static io.tunecut.telegram.FakeBotApi.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tunecut.core.conversation.ConversationEngine;
import io.tunecut.core.render.PollSchedule;
import io.tunecut.core.chat.Attachment;
import io.tunecut.core.chat.ChatUser;
import io.tunecut.core.chat.InboundMessage;
import io.tunecut.core.fleet.AlbumParts;
import io.tunecut.core.fleet.RenderWatches;
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
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
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
  private static final Duration LEASE = Duration.ofMillis(900);

  private static EmbeddedPostgres postgres;

  @TempDir Path tmp;
  private FakeBotApi telegram;
  private FakeNemoServer nemo;
  private final List<Instance> instances = new ArrayList<>();
  private final List<Instance> stopped = new ArrayList<>();
  private final List<TelegramBot> closing = new ArrayList<>();
  // Generous: on a loaded machine an answer may take seconds, and a test must not fail for it.
  private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(60)).build();
  private LogCapture logs;

  /** One bot process: its own pool on the shared store, its own engine and webhook server. */
  private record Instance(UserDirectory directory, TurnLeases leases, RenderWatches watches, ConversationEngine engine,
      TelegramBot bot) {
    void stop() {
      bot.close();
      engine.close();
      watches.close();
      leases.close();
      directory.close();
    }
  }

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
    // Every test starts from an empty store, as a new deployment would.
    try (var c = postgres.getPostgresDatabase().getConnection(); var drop = c.createStatement()) {
      drop.execute("DROP SCHEMA IF EXISTS tunecut_bot CASCADE");
    } catch (java.sql.SQLException e) {
      throw new IOException(e);
    }
    for (int i = 0; i < 2; i++) {
      UserDirectory directory = UserDirectory.open(Files.createDirectories(tmp.resolve("data" + i)), "shared-secret", url);
      // Short leases and watches: a dead instance's are taken over within a second.
      TurnLeases leases = new TurnLeases(directory.database(), "instance-" + i, LEASE, Clock.systemUTC());
      RenderWatches watches = new RenderWatches(directory.database(), "instance-" + i, LEASE, Clock.systemUTC());
      NemoClient client = nemo.clientBuilder().silenceTimeout(Duration.ofSeconds(3)).build();
      ConversationEngine engine = ConversationEngine.builder()
          .nemo(client)
          .directory(directory)
          .operatorToken(null)
          .workDir(Files.createDirectories(tmp.resolve("work" + i)))
          .renderPollSchedule(PollSchedule.every(Duration.ofMillis(40)))
          .progressTick(Duration.ofMillis(50))
          .turnLeases(leases)
          .renderWatches(watches)
          .build();
      TelegramBot bot = TelegramBot.start(settings(SECRET), engine, UpdateClaims.in(directory.database()),
          AlbumParts.in(directory.database()));
      engine.resume(bot.port());
      instances.add(new Instance(directory, leases, watches, engine, bot));
    }
  }

  @AfterEach
  void tearDown() throws IOException {
    for (TelegramBot b : closing) b.close();
    for (Instance i : instances) {
      if (!stopped.contains(i)) i.stop();
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

  @Test
  void anAlbumWhoseItemsArriveAtTwoInstancesArrivesAsOneMessage() throws Exception {
    List<InboundMessage> inbound = new CopyOnWriteArrayList<>();
    // The first instance would wait long for more: the second finds the album complete first.
    TelegramBot first = albumBot(inbound, Duration.ofSeconds(30));
    TelegramBot second = albumBot(inbound, Duration.ofMillis(500));

    assertThat(post(first, Updates.video(ANN, ANN.id(), "a1", 1000, "our trip", "album-7").put("update_id", 9001)))
        .isEqualTo(200);
    assertThat(post(second, Updates.video(ANN, ANN.id(), "a2", 1000, null, "album-7").put("update_id", 9002)))
        .isEqualTo(200);

    await().until(() -> !inbound.isEmpty());
    assertThat(inbound).singleElement().satisfies(m -> {
      assertThat(m.attachments()).extracting(Attachment::name).containsExactly("a1.mp4", "a2.mp4");
      assertThat(m.text()).isEqualTo("our trip");
    });
    // Ann's next message comes after her album, at either instance, and alone.
    assertThat(post(first, Updates.text(ANN, ANN.id(), "sync them to the beat").put("update_id", 9003))).isEqualTo(200);
    await().until(() -> inbound.size() == 2);
    assertThat(inbound.get(1).text()).isEqualTo("sync them to the beat");
    assertThat(albumRows()).isZero();
  }

  @Test
  void anAlbumBeingGatheredWhenItsInstanceStopsIsHandedOverByAnother() throws Exception {
    List<InboundMessage> atFirst = new CopyOnWriteArrayList<>();
    List<InboundMessage> atSecond = new CopyOnWriteArrayList<>();
    TelegramBot first = albumBot(atFirst, Duration.ofSeconds(30));
    albumBot(atSecond, Duration.ofMillis(300));

    post(first, Updates.video(ANN, ANN.id(), "b1", 1000, "beach", "album-8").put("update_id", 9101));
    post(first, Updates.video(ANN, ANN.id(), "b2", 1000, null, "album-8").put("update_id", 9102));
    first.close();

    await().atMost(Duration.ofSeconds(30)).until(() -> !atSecond.isEmpty());
    assertThat(atFirst).isEmpty();
    assertThat(atSecond).singleElement()
        .satisfies(m -> assertThat(m.attachments()).extracting(Attachment::name).containsExactly("b1.mp4", "b2.mp4"));
  }

  @Test
  void aRenderWhoseInstanceStopsIsDeliveredOnceByTheOther() throws Exception {
    String status = exportHeldAt(instances.get(0));

    stop(instances.get(0));
    nemo.holdRenders(false);

    await().until(() -> sentTo("101").stream().anyMatch(t -> t.startsWith("Your video: ")));
    await().until(() -> watchRows() == 0);
    assertThat(telegram.calls("sendVideo")).hasSize(1);
    assertThat(sentTo("101")).filteredOn(t -> t.startsWith("Your video: ")).hasSize(1);
    // The person sees the same status message reach its end.
    await().until(() -> telegram.calls("editMessageText", c -> status.equals(c.params().path("message_id").asText()))
        .stream().anyMatch(c -> c.text().contains("your video is ready")));
  }

  @Test
  void aRenderWhoseInstanceDiedIsTakenOverOnceItsWatchRunsOut() throws Exception {
    exportHeldAt(instances.get(0));
    Instance dead = instances.get(0);
    // Dies without a word: its store is gone first, so nothing is handed back and the watch runs out.
    dead.directory().close();
    dead.watches().close();
    dead.leases().close();
    dead.engine().close();
    dead.bot().close();
    stopped.add(dead);
    nemo.holdRenders(false);

    await().until(() -> sentTo("101").stream().anyMatch(t -> t.startsWith("Your video: ")));
    assertThat(telegram.calls("sendVideo")).hasSize(1);
  }

  @Test
  void cancelAndStatusTypedAtTheOtherInstanceReachTheRender() throws Exception {
    exportHeldAt(instances.get(0));
    String renderId = nemo.renderIds().get(0);

    post(instances.get(1), Updates.text(ANN, ANN.id(), "/status").put("update_id", 9301));
    await().until(() -> sentTo("101").stream().anyMatch(t -> t.contains("rendering…")));

    post(instances.get(1), Updates.text(ANN, ANN.id(), "/cancel").put("update_id", 9302));
    await().until(() -> sentTo("101").contains("Cancelled the export."));
    await().until(() -> nemo.renderCancelled(renderId) && leaseRows() == 0 && watchRows() == 0);
    assertThat(telegram.calls("sendVideo")).isEmpty();
  }

  // Ann's /export at {@code at}, its render held "processing": the id of her status message.
  private String exportHeldAt(Instance at) throws Exception {
    ChatUser ann = new ChatUser("telegram", "101");
    post(at, Updates.text(ANN, ANN.id(), "hello").put("update_id", 9401));
    await().until(() -> at.directory().get(ann).sessionId() != null && leaseRows() == 0);
    nemo.draft(at.directory().get(ann).sessionId(), FakeNemoServer.EXAMPLE_DRAFT);
    nemo.holdRenders(true);
    post(at, Updates.text(ANN, ANN.id(), "/export").put("update_id", 9402));
    await().until(() -> !nemo.renderIds().isEmpty() && watchRows() == 1);
    return at.directory().get(ann).renders().get(0).status().messageId();
  }

  private void stop(Instance instance) {
    instance.stop();
    stopped.add(instance);
  }

  // A bot instance on the shared store that only records what reaches the conversation.
  private TelegramBot albumBot(List<InboundMessage> inbound, Duration albumWait) throws IOException {
    UserDirectory directory = instances.get(0).directory();
    TelegramBot bot = TelegramBot.start(settings(SECRET).withAlbumWait(albumWait), (m, p) -> {
      inbound.add(m);
      return CompletableFuture.completedFuture(null);
    }, UpdateClaims.in(directory.database()), AlbumParts.in(directory.database()));
    closing.add(bot);
    return bot;
  }

  private int post(Instance to, ObjectNode update) throws IOException {
    return post(to.bot(), update);
  }

  private int post(TelegramBot to, ObjectNode update) throws IOException {
    String hook = "http://127.0.0.1:" + to.webhookPort() + "/telegram/hook";
    try (Response r = http.newCall(new Request.Builder().url(hook)
        .header(WebhookServer.SECRET_HEADER, SECRET)
        .post(RequestBody.create(update.toString(), MediaType.get("application/json"))).build()).execute()) {
      return r.code();
    }
  }

  private int leaseRows() throws Exception {
    return rows("turn_leases");
  }

  private int watchRows() throws Exception {
    return rows("render_watches");
  }

  private int albumRows() throws Exception {
    return rows("album_parts");
  }

  private int rows(String table) throws Exception {
    Instance alive = instances.stream().filter(i -> !stopped.contains(i)).findFirst().orElseThrow();
    try (var c = alive.directory().database().getConnection();
        var rs = c.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private List<String> sentTo(String chatId) {
    return telegram.calls("sendMessage", c -> chatId.equals(c.chatId()) && c.answeredCode() == 200).stream()
        .map(FakeBotApi.Call::text).toList();
  }
}
