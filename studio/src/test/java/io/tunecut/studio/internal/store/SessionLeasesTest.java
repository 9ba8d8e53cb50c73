package io.tunecut.studio.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two studios on one store (two lease keepers here), each editing the same session. */
class SessionLeasesTest {
  @TempDir Path dir;

  @Test
  void theSecondStudioWaitsForTheFirstToFinishTheSession() throws Exception {
    try (Database db = Database.open(null, dir);
        SessionLeases one = new SessionLeases(db, Duration.ofSeconds(30), Duration.ofSeconds(20));
        SessionLeases two = new SessionLeases(db, Duration.ofSeconds(30), Duration.ofSeconds(20))) {
      SessionLeases.Lease first = one.take("ses_1");
      CompletableFuture<SessionLeases.Lease> second = CompletableFuture.supplyAsync(() -> two.take("ses_1"));
      try (SessionLeases.Lease other = two.take("ses_2")) {
        assertThat(other).as("another session is free meanwhile").isNotNull();
      }
      assertThat(second).isNotDone();
      first.close();
      second.get(10, TimeUnit.SECONDS).close();
    }
  }

  @Test
  void aSessionHeldByAStudioThatDiedIsFreeOnceItsLeaseRunsOut() throws Exception {
    try (Database db = Database.open(null, dir)) {
      SessionLeases dead = new SessionLeases(db, Duration.ofMillis(300), Duration.ofSeconds(5));
      dead.take("ses_1");
      dead.close(); // no renewals, no release: as if its process were killed
      try (SessionLeases alive = new SessionLeases(db, Duration.ofSeconds(30), Duration.ofSeconds(10))) {
        long start = System.nanoTime();
        alive.take("ses_1").close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
      }
    }
  }

  @Test
  void anEditThatWaitsPastThePatienceIsTurnedAwayWithWords() {
    try (Database db = Database.open(null, dir);
        SessionLeases one = new SessionLeases(db, Duration.ofSeconds(30), Duration.ofSeconds(5));
        SessionLeases impatient = new SessionLeases(db, Duration.ofSeconds(30), Duration.ofMillis(200))) {
      try (SessionLeases.Lease held = one.take("ses_1")) {
        assertThatThrownBy(() -> impatient.take("ses_1")).isInstanceOf(SessionLeases.BusyException.class)
            .hasMessageContaining("busy with another edit");
      }
    }
  }
}
