package io.tunecut.studio.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The link key: made once per database, whoever asks first, and the same for every studio. */
class LinkKeyTest {
  @TempDir Path dir;

  @Test
  void studiosStartingAtOnceOnOnePostgresKeepOneKey() throws Exception {
    String url = TestPostgres.freshDatabase();
    try (Database one = Database.open(url, dir); Database two = Database.open(url, dir)) {
      CyclicBarrier together = new CyclicBarrier(2);
      var first = CompletableFuture.supplyAsync(() -> new LinkKey(one).getOrCreate(() -> offered(together, 1)));
      var second = CompletableFuture.supplyAsync(() -> new LinkKey(two).getOrCreate(() -> offered(together, 2)));
      byte[] kept = first.get();
      assertThat(second.get()).isEqualTo(kept);
      assertThat(kept).satisfiesAnyOf(k -> assertThat(k).containsOnly(1), k -> assertThat(k).containsOnly(2));
      assertThat(new LinkKey(two).getOrCreate(() -> new byte[] {9})).as("asked again, the same").isEqualTo(kept);
    }
  }

  @Test
  void oneMachinesKeyOutlivesARestart() {
    byte[] kept;
    try (Database db = new Database(dir.resolve("studio.db"))) {
      kept = new LinkKey(db).getOrCreate(() -> new byte[] {7, 7, 7});
    }
    try (Database db = new Database(dir.resolve("studio.db"))) {
      assertThat(new LinkKey(db).getOrCreate(() -> new byte[] {8})).isEqualTo(kept).containsOnly(7);
    }
  }

  /** A studio's fresh key, offered only once both studios found none. */
  private static byte[] offered(CyclicBarrier together, int value) {
    try {
      together.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    byte[] key = new byte[32];
    java.util.Arrays.fill(key, (byte) value);
    return key;
  }
}
