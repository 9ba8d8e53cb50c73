package io.tunecut.core.user;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.tunecut.core.access.Access;
import io.tunecut.core.access.AccessRules;
import io.tunecut.core.access.Budget;
import io.tunecut.core.access.RenderSize;
import io.tunecut.core.chat.Chat;
import io.tunecut.core.chat.ChatUser;
import io.tunecut.core.chat.InboundMessage;
import io.tunecut.core.chat.MessageRef;
import io.tunecut.core.language.Language;
import io.tunecut.core.language.Messages;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The directory on a real PostgreSQL (an embedded server, started for this class). */
class PostgresUserDirectoryTest {
  private static final String TOKEN = "nmv_tok_on_postgres_5d1e";
  private static final ChatUser ANN = new ChatUser("telegram", "1001");
  private static final ChatUser BOB = new ChatUser("discord", "2002");

  private static EmbeddedPostgres postgres;

  @TempDir Path dataDir;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  private static String url() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  @Test
  void twoInstancesOnOneStoreNeverAnswerOrWriteFromAnOlderRecord() throws Exception {
    ChatUser cleo = new ChatUser("telegram", "3003");
    try (var here = UserDirectory.open(dataDir.resolve("here"), "a secret", url());
        var there = UserDirectory.open(dataDir.resolve("there"), "a secret", url())) {
      here.update(cleo, r -> r.withSession("ses_old", "task_old"));
      assertThat(here.get(cleo).sessionId()).isEqualTo("ses_old");

      // /new at the other instance
      there.update(cleo, r -> r.withSession("ses_new", "task_new"));

      assertThat(here.get(cleo).sessionId()).as("what /status reads here").isEqualTo("ses_new");
      here.update(cleo, r -> r.withLanguage("zh"));
      UserRecord stored = there.get(cleo);
      assertThat(stored.sessionId()).as("a later change here keeps the other's /new").isEqualTo("ses_new");
      assertThat(stored.language()).isEqualTo("zh");
    }
  }

  @Test
  void peopleTheirTokensAndPendingRendersLiveInPostgresqlAndNotInTheDataDirectory() throws Exception {
    var render = new PendingRender("render_1", new MessageRef(new Chat("telegram", "-100555", true), "42"),
        Instant.parse("2026-12-02T10:00:00Z"));
    String clientId;
    try (var users = UserDirectory.open(dataDir, "a secret", url())) {
      clientId = users.update(ANN, r -> r.withToken(TOKEN, Instant.parse("2030-01-01T00:00:00Z"), "backend-1")
          .withSession("ses_1", "task_1").withLanguage("zh").withRenderAdded(render)).clientId();
      users.get(BOB);
    }
    // Another instance on the same database (a fresh cache) sees the same people.
    try (var users = UserDirectory.open(dataDir.resolve("elsewhere"), "a secret", url())) {
      UserRecord ann = users.get(ANN);
      assertThat(ann.clientId()).isEqualTo(clientId);
      assertThat(ann.token()).isEqualTo(TOKEN);
      assertThat(ann.sessionId()).isEqualTo("ses_1");
      assertThat(ann.language()).isEqualTo("zh");
      assertThat(ann.renders()).containsExactly(render);
      assertThat(users.withPendingRenders()).extracting(UserRecord::user).containsExactly(ANN);
      assertThat(users.get(BOB).token()).isNull();
    }
    assertThat(dataDir.resolve("users.db")).doesNotExist();

    try (Connection db = postgres.getPostgresDatabase().getConnection();
        Statement statement = db.createStatement()) {
      try (ResultSet rs = statement.executeQuery("SELECT token FROM tunecut_bot.users WHERE user_id = '1001'")) {
        assertThat(rs.next()).isTrue();
        // Sealed at rest on PostgreSQL too.
        assertThat(new String(rs.getBytes(1), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(TOKEN);
      }
      try (ResultSet rs = statement.executeQuery(
          "SELECT version FROM tunecut_bot.users_schema_history WHERE success ORDER BY installed_rank")) {
        List<String> versions = new ArrayList<>();
        while (rs.next()) versions.add(rs.getString(1));
        assertThat(versions).containsExactly(null, "1", "2", "3", "4", "5");
      }
    }
  }

  @Test
  void accessBudgetsAndLinksAreKeptInPostgresqlToo() throws Exception {
    var clock = new io.tunecut.core.testing.MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
    var admin = new ChatUser("telegram", "999");
    var annOnDiscord = new ChatUser("discord", "11");
    var rules = AccessRules.of("telegram:1001", null, "telegram:999")
        .withBudget(new Budget(1, Budget.NO_LIMIT, Budget.NO_LIMIT, Budget.NO_LIMIT));
    var say = Messages.of(Language.EN);
    try (var users = UserDirectory.open(dataDir, null, url())) {
      var access = new Access(rules, users, clock);
      access.rendered(ANN, 10, 0);
      assertThat(access.renderRefusal(ANN, new RenderSize(10, 10, "city.mp4"), say)).startsWith("You've used today's 1 render.");

      String codeAnswer = access.admit(text(ANN, "/link")).answer();
      String code = codeAnswer.substring("Your link code: ".length(), "Your link code: ".length() + 8);
      assertThat(access.admit(text(annOnDiscord, "/link " + code)).answer()).startsWith("Linked with telegram:1001");
      assertThat(access.admit(text(admin, "/allow telegram:2002")).answer()).isEqualTo("telegram:2002 may use the bot now.");
      assertThat(access.admit(text(admin, "/stats")).answer()).startsWith("Today (2026-12-02 UTC): ");
      assertThat(access.admit(text(STRANGER, "hello")).answer()).startsWith("Sorry, this bot is private");
    }
    // Another instance on the same database: the link, the allowance and the day's use hold there.
    try (var users = UserDirectory.open(dataDir.resolve("elsewhere"), null, url())) {
      var access = new Access(rules, users, clock);
      assertThat(access.admit(text(annOnDiscord, "hello")).message().user()).isEqualTo(ANN);
      assertThat(access.admit(text(BOB_ON_TELEGRAM, "hello")).proceeds()).isTrue();
      assertThat(access.renderRefusal(ANN, new RenderSize(10, 10, "city.mp4"), say)).isNotNull();
      // Told once today, whichever instance they reach.
      assertThat(access.admit(text(STRANGER, "hello?")).answer()).isNull();
      clock.advance(java.time.Duration.ofDays(1));
      assertThat(access.renderRefusal(ANN, new RenderSize(10, 10, "city.mp4"), say)).isNull();
      assertThat(access.admit(text(STRANGER, "hello?")).answer()).startsWith("Sorry, this bot is private");
    }
  }

  private static final ChatUser BOB_ON_TELEGRAM = new ChatUser("telegram", "2002");
  private static final ChatUser STRANGER = new ChatUser("telegram", "3003");

  private static InboundMessage text(ChatUser who, String text) {
    return InboundMessage.text(who, new Chat(who.platform(), who.id(), false), text);
  }

  @Test
  void instancesStartingAtOnceOnAnEmptyDatabaseAllStartAndLogNoError() throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    var log = new ListAppender<ILoggingEvent>();
    log.start();
    root.addAppender(log);
    var starts = Executors.newFixedThreadPool(3);
    List<UserDirectory> opened = new ArrayList<>();
    try {
      for (int round = 0; round < 6; round++) { // the race is narrow: several empty databases, three at once
        String name = "users_fresh_" + round;
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
          s.execute("CREATE DATABASE " + name);
        }
        String fresh = postgres.getJdbcUrl("postgres", name);
        var together = new CyclicBarrier(3);
        List<Future<UserDirectory>> all = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          Path own = dataDir.resolve("instance-" + round + "-" + i);
          all.add(starts.submit(() -> {
            together.await();
            return UserDirectory.open(own, null, fresh);
          }));
        }
        for (var f : all) opened.add(f.get(60, TimeUnit.SECONDS));
        opened.get(opened.size() - 3).update(ANN, r -> r.withLanguage("zh"));
        assertThat(opened.get(opened.size() - 1).get(ANN).language()).as("one store for all three").isEqualTo("zh");
      }
    } finally {
      root.detachAppender(log);
      starts.shutdownNow();
      for (UserDirectory d : opened) d.close();
    }
    // The server's own log comes through the embedded PostgreSQL at INFO: its errors count too.
    assertThat(log.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN)
            || e.getFormattedMessage().contains("ERROR"))
        .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
  }
}
