package io.tunecut.studio.internal.job;

import io.tunecut.studio.server.QueueSettings;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tunecut.studio.internal.render.Renderer;
import io.tunecut.studio.server.MediaSettings;
import io.tunecut.studio.internal.media.MediaStore;
import io.tunecut.studio.internal.store.Database;
import io.tunecut.studio.internal.store.MediaLibrary;
import io.tunecut.studio.internal.store.RenderJobs;
import io.tunecut.studio.internal.store.RenderRecord;
import io.tunecut.studio.internal.store.RenderStatus;
import io.tunecut.studio.internal.store.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench queue}: the queue's overhead, from a submit on a studio serving the API to the
 * start of the render on an idle worker, both on one PostgreSQL; against the baseline of one
 * store round trip (the insert a submit makes anyway) measured in the same run. Target: p99 ≤
 * 100 ms. Run with {@code -Dbench=queue}; the table goes to stdout and target/bench-queue.txt.
 */
@EnabledIfSystemProperty(named = "bench", matches = "queue")
class QueueBench {
  private static final int RENDERS = 200;
  @TempDir Path dir;

  @Test
  void submitToStartOnAnIdleWorker() throws Exception {
    String url = TestPostgres.freshDatabase();
    BlockingQueue<Long> starts = new ArrayBlockingQueue<>(1);
    Renderer instant = (draft, media, output, progress) -> {
      starts.add(System.nanoTime());
      try {
        Files.write(output, new byte[] {0});
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
    try (Database apiDb = Database.open(url, dir); Database workerDb = Database.open(url, dir)) {
      RenderJobs apiJobs = new RenderJobs(apiDb);
      QueueSettings settings = QueueSettings.of(1);
      MediaStore local = MediaStore.open(MediaSettings.DATA_DIRECTORY, dir);
      try (RenderQueue api = new RenderQueue(apiDb, apiJobs, new MediaLibrary(apiDb, dir), local, instant,
              BeforeRender.NOTHING, dir, settings.withRole(QueueSettings.Role.API), new SimpleMeterRegistry());
          RenderQueue worker = new RenderQueue(workerDb, new RenderJobs(workerDb), new MediaLibrary(workerDb, dir),
              local, instant, BeforeRender.NOTHING, dir, settings.withRole(QueueSettings.Role.WORKER),
              new SimpleMeterRegistry())) {
        api.resume();
        worker.resume();
        double[] queue = new double[RENDERS];
        double[] roundTrip = new double[RENDERS];
        for (int i = 0; i < RENDERS + 20; i++) { // the first 20 warm up
          long t0 = System.nanoTime();
          apiDb.one("SELECT COUNT(*) FROM renders WHERE id = ?", rs -> rs.getInt(1), "x" + i);
          long t1 = System.nanoTime();
          String id = "render_" + i;
          long submitted = System.nanoTime();
          api.submit(new RenderRecord(id, "usr", "ses", "{}", RenderStatus.PENDING, 0, null, null, 0.1, "2026-01-01"));
          Long started = starts.poll(10, TimeUnit.SECONDS);
          assertThat(started).as("render " + i + " started").isNotNull();
          while (api.find(id).map(r -> !r.finished()).orElse(true)) TimeUnit.MILLISECONDS.sleep(1); // idle again
          if (i >= 20) {
            queue[i - 20] = (started - submitted) / 1e6;
            roundTrip[i - 20] = (t1 - t0) / 1e6;
          }
        }
        String table = String.format(Locale.ROOT,
            "queue overhead, submit to start on an idle worker, PostgreSQL, %d renders (poll %d ms):%n"
                + "  p50 %.1f ms, p99 %.1f ms, max %.1f ms (target p99 <= 100 ms)%n"
                + "  baseline, one store round trip: p50 %.2f ms, p99 %.2f ms; queue p99 = %.0fx the round trip%n",
            RENDERS, settings.poll().toMillis(), pct(queue, 50), pct(queue, 99), pct(queue, 100),
            pct(roundTrip, 50), pct(roundTrip, 99), pct(queue, 99) / pct(roundTrip, 99));
        System.out.print(table);
        Files.writeString(Path.of("target", "bench-queue.txt"), table);
        assertThat(pct(queue, 99)).isLessThanOrEqualTo(100);
      }
    }
  }

  private static double pct(double[] values, int p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }
}
