package io.tunecut.core.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunecut.core.chat.ChatUser;
import io.tunecut.core.user.UserDirectory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Leases and claims of two instances on one real PostgreSQL. */
class TurnLeasesTest {
  private static final ChatUser ANN = new ChatUser("telegram", "101");
  private static final ChatUser BEN = new ChatUser("discord", "202");
  private static final Instant NOON = Instant.parse("2026-12-02T12:00:00Z");

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
    return UserDirectory.open(dataDir, "a secret", postgres.getJdbcUrl("postgres", "postgres"));
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
}
