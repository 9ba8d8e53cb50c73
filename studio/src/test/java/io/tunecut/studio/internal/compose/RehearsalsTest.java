package io.tunecut.studio.internal.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tunecut.studio.internal.analysis.Beats;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Music made ahead, told whether a turn waits for it once its sound is there. */
class RehearsalsTest {
  private static final Rehearsals.Key KEY = new Rehearsals.Key(new Timeline(30, List.of()), "upbeat pop", 1, List.of("med_1"));

  @Test
  void musicTakenWhileItIsPlayedKnowsATurnWaitsForItAndTheTurnGetsIt() throws Exception {
    try (Rehearsals rehearsals = new Rehearsals()) {
      CountDownLatch playing = new CountDownLatch(1);
      CountDownLatch played = new CountDownLatch(1);
      CompletableFuture<Boolean> asked = new CompletableFuture<>();
      Piece ahead = piece("ahead");
      rehearsals.start("s", () -> Optional.of(KEY), (key, turnWaits) -> {
        playing.countDown();
        waitFor(played);
        asked.complete(turnWaits.getAsBoolean());
        return ahead;
      });
      assertThat(playing.await(30, TimeUnit.SECONDS)).isTrue();

      CompletableFuture<Piece> taken = CompletableFuture.supplyAsync(() -> {
        try {
          return rehearsals.take(KEY, (key, turnWaits) -> piece("made by the turn"));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      await().atMost(Duration.ofSeconds(30)).until(() -> !rehearsals.has("s")); // taken: the turn waits
      played.countDown();

      assertThat(taken.get(30, TimeUnit.SECONDS)).isSameAs(ahead);
      assertThat(asked.get()).as("a turn waits for it").isTrue();
    }
  }

  @Test
  void musicNobodyAskedForYetIsNotToldItIsWaitedFor() throws Exception {
    try (Rehearsals rehearsals = new Rehearsals()) {
      CompletableFuture<Boolean> asked = new CompletableFuture<>();
      rehearsals.start("s", () -> Optional.of(KEY), (key, turnWaits) -> {
        asked.complete(turnWaits.getAsBoolean());
        return piece("ahead");
      });

      assertThat(asked.get(30, TimeUnit.SECONDS)).isFalse();
      await().atMost(Duration.ofSeconds(30)).until(() -> rehearsals.ready("s"));
    }
  }

  private static void waitFor(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Piece piece(String name) {
    return new Piece("med_" + name.hashCode(), Path.of(name + ".m4a"), null, new Beats(120, List.of(), List.of()), 120, null);
  }
}
