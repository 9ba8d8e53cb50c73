package io.tunecut.core.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tunecut.core.chat.Chat;
import io.tunecut.core.chat.ChatUser;
import io.tunecut.core.chat.MessageRef;
import io.tunecut.core.fleet.RenderWatches.Watch;
import io.tunecut.core.user.PendingRender;
import io.tunecut.core.user.UserDirectory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Leases, claims, render watches, albums and cancels of two instances on one store: a real
 * PostgreSQL, where instances share it, and for what the single machine's default may use too,
 * SQLite, where the same statements must hold.
 */
class TurnLeasesTest {
  private static final ChatUser ANN = new ChatUser("telegram", "101");
  private static final ChatUser BEN = new ChatUser("discord", "202");
  private static final Instant NOON = Instant.parse("2026-12-02T12:00:00Z");
  private static final Duration TTL = Duration.ofSeconds(30);

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

  private UserDirectory open() throws Exception {
    return open("postgres");
  }

  private static Clock at(Instant t) {
    return Clock.fixed(t, ZoneOffset.UTC);
  }

  @Test
  void aPersonsTurnIsHeldByOneInstanceUntilItIsGivenBack() throws Exception {
    try (UserDirectory store = open();
        TurnLeases a = new TurnLeases(store.database(), "a", Duration.ofSeconds(30), at(NOON));
        TurnLeases b = new TurnLeases(store.database(), "b", Duration.ofSeconds(30), at(NOON))) {
      assertThat(a.take(ANN)).isTrue();
      assertThat(a.take(ANN)).as("the holder may take it again").isTrue();
      assertThat(b.take(ANN)).isFalse();
      assertThat(b.take(BEN)).as("another person is free").isTrue();

      a.release(ANN);
      assertThat(b.take(ANN)).isTrue();
      assertThat(a.take(ANN)).isFalse();
      b.release(ANN);
      b.release(BEN);
    }
  }

  @Test
  void theLeaseOfAnInstanceThatDiedRunsOutAndAnotherTakesIt() throws Exception {
    try (UserDirectory store = open();
        TurnLeases dead = new TurnLeases(store.database(), "dead", Duration.ofSeconds(30), at(NOON));
        TurnLeases before = new TurnLeases(store.database(), "live", Duration.ofSeconds(30), at(NOON.plusSeconds(29)));
        TurnLeases after = new TurnLeases(store.database(), "live", Duration.ofSeconds(30), at(NOON.plusSeconds(31)))) {
      assertThat(dead.take(ANN)).isTrue();
      assertThat(before.take(ANN)).isFalse();
      assertThat(after.take(ANN)).isTrue();
      after.release(ANN);
    }
  }

  @Test
  void anUpdateIsClaimedOnceAndOldClaimsArePruned() throws Exception {
    try (UserDirectory store = open()) {
      UpdateClaims first = new UpdateClaims(store.database(), Duration.ofDays(1), at(NOON));
      UpdateClaims second = new UpdateClaims(store.database(), Duration.ofDays(1), at(NOON.plusSeconds(5)));
      assertThat(first.claim("telegram", 42)).isTrue();
      assertThat(second.claim("telegram", 42)).isFalse();
      assertThat(second.claim("discord", 42)).as("another platform's update 42").isTrue();

      UpdateClaims nextDay = new UpdateClaims(store.database(), Duration.ofDays(1), at(NOON.plus(Duration.ofDays(1)).plusSeconds(6)));
      assertThat(nextDay.prune()).isEqualTo(2);
      assertThat(nextDay.claim("telegram", 43)).isTrue();
    }
  }

  private UserDirectory open(String store) throws Exception {
    if (store.equals("sqlite")) return UserDirectory.open(dataDir, "a secret");
    try (var c = postgres.getPostgresDatabase().getConnection(); var drop = c.createStatement()) {
      drop.execute("DROP SCHEMA IF EXISTS tunecut_bot CASCADE");
    }
    return UserDirectory.open(dataDir, "a secret", postgres.getJdbcUrl("postgres", "postgres"));
  }

  private static Watch render(String id) {
    return new Watch(ANN, new PendingRender(id, new MessageRef(new Chat("telegram", "101", false), "77"), NOON));
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "sqlite"})
  void aRenderIsWatchedByOneInstanceAndItsVideoClaimedOnce(String store) throws Exception {
    try (UserDirectory users = open(store);
        RenderWatches a = new RenderWatches(users.database(), "a", TTL, at(NOON));
        RenderWatches b = new RenderWatches(users.database(), "b", TTL, at(NOON))) {
      assertThat(a.take(render("r1"))).isTrue();
      assertThat(b.take(render("r1"))).as("a live instance watches it").isFalse();
      assertThat(b.unwatched()).isEmpty();
      assertThat(b.of(ANN)).get().isEqualTo(render("r1"));

      assertThat(b.claimDelivery("r1")).as("only the holder delivers").isFalse();
      assertThat(a.claimDelivery("r1")).isTrue();
      assertThat(a.claimDelivery("r1")).as("sent once").isFalse();
      a.release("r1");
      assertThat(b.of(ANN)).isEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "sqlite"})
  void theWatchOfAnInstanceThatDiedRunsOutAndAnotherTakesIt(String store) throws Exception {
    try (UserDirectory users = open(store);
        RenderWatches dead = new RenderWatches(users.database(), "dead", TTL, at(NOON));
        RenderWatches before = new RenderWatches(users.database(), "live", TTL, at(NOON.plusSeconds(29)));
        RenderWatches after = new RenderWatches(users.database(), "live", TTL, at(NOON.plusSeconds(31)))) {
      assertThat(dead.take(render("r2"))).isTrue();
      assertThat(before.unwatched()).isEmpty();
      assertThat(after.unwatched()).containsExactly(render("r2"));
      assertThat(after.take(render("r2"))).isTrue();
      assertThat(dead.claimDelivery("r2")).as("the instance thought dead no longer delivers").isFalse();
      assertThat(after.claimDelivery("r2")).isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "sqlite"})
  void anInstanceThatStopsHandsItsWatchesOverAtOnceButNeverAVideoBeingSent(String store) throws Exception {
    try (UserDirectory users = open(store);
        RenderWatches live = new RenderWatches(users.database(), "live", TTL, at(NOON))) {
      RenderWatches stopping = new RenderWatches(users.database(), "stopping", TTL, at(NOON));
      stopping.take(render("r3"));
      stopping.take(render("r4"));
      stopping.claimDelivery("r4");
      stopping.close();

      assertThat(live.unwatched()).containsExactly(render("r3"));
      assertThat(live.take(render("r3"))).isTrue();
      assertThat(live.take(render("r4"))).isFalse();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "sqlite"})
  void aDeliveryThatStoppedBeforeItsLinkWentOutIsTakenAndDeliveredByALiveInstance(String store) throws Exception {
    try (UserDirectory users = open(store);
        RenderWatches live = new RenderWatches(users.database(), "live", TTL, at(NOON))) {
      RenderWatches stopping = new RenderWatches(users.database(), "stopping", TTL, at(NOON));
      stopping.take(render("r5"));
      stopping.claimDelivery("r5");
      stopping.unclaimDelivery("r5");
      stopping.close();

      assertThat(live.unwatched()).containsExactly(render("r5"));
      assertThat(live.take(render("r5"))).isTrue();
      assertThat(live.claimDelivery("r5")).isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "sqlite"})
  void anAlbumGatheredByTwoInstancesIsTakenWholeByOne(String store) throws Exception {
    try (UserDirectory users = open(store)) {
      AlbumParts a = new AlbumParts(users.database(), at(NOON));
      AlbumParts b = new AlbumParts(users.database(), at(NOON.plusMillis(400)));
      a.add("101:g1", "101:101", 12, "second");
      b.add("101:g1", "101:101", 11, "first");
      b.add("101:g1", "101:101", 11, "first");

      assertThat(a.openOf("101:101")).containsExactly("101:g1");
      assertThat(b.quietFor("101:g1")).isEqualTo(Duration.ZERO);
      assertThat(new AlbumParts(users.database(), at(NOON.plusSeconds(2))).quiet(Duration.ofSeconds(1)))
          .containsExactly("101:g1");

      assertThat(b.take("101:g1")).containsExactly("first", "second");
      assertThat(a.take("101:g1")).isEmpty();
      assertThat(a.quietFor("101:g1")).isNull();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"postgres", "sqlite"})
  void aCancelAskedAtOneInstanceReachesTheOneRunningTheTurn(String store) throws Exception {
    try (UserDirectory users = open(store);
        TurnLeases running = new TurnLeases(users.database(), "running", TTL, Clock.systemUTC());
        TurnLeases asking = new TurnLeases(users.database(), "asking", TTL, Clock.systemUTC())) {
      List<ChatUser> stopped = new CopyOnWriteArrayList<>();
      running.onCancelRequested(stopped::add);
      assertThat(asking.requestCancel(ANN)).as("nobody runs a turn of Ann").isFalse();

      running.take(ANN);
      assertThat(asking.requestCancel(ANN)).isTrue();
      await().until(() -> !stopped.isEmpty());
      assertThat(stopped).containsExactly(ANN);
      running.release(ANN);
    }
  }
}
