package io.tunecut.studio.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Studios starting at the same moment on one empty PostgreSQL (the first start of a fleet). */
class ConcurrentMigrationTest {
  @TempDir Path dir;

  @Test
  void twoStudiosMigratingOneEmptyDatabaseAtOnceBothStartAndLogNoError() throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    root.addAppender(log);
    ExecutorService starts = Executors.newFixedThreadPool(2);
    List<Database> opened = new ArrayList<>();
    try {
      for (int round = 0; round < 3; round++) { // the race is narrow: several fresh databases
        String url = TestPostgres.freshDatabase();
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<Database>> both = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
          both.add(starts.submit(() -> {
            together.await();
            return Database.open(url, dir);
          }));
        }
        for (Future<Database> f : both) opened.add(f.get(60, TimeUnit.SECONDS));
        Database one = opened.get(opened.size() - 1);
        assertThat(one.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'studio'",
            rs -> rs.getString(1)))
            .contains("sessions", "media", "renders", "scheduled_tasks", "studio_schema_history");
        assertThat(one.one("SELECT COUNT(*) FROM studio_schema_history WHERE NOT success", rs -> rs.getInt(1)))
            .contains(0);
      }
    } finally {
      root.detachAppender(log);
      starts.shutdownNow();
      opened.forEach(Database::close);
    }
    // The server's own log comes through the test's PostgreSQL at INFO: its errors count too.
    assertThat(log.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN)
            || e.getFormattedMessage().contains("ERROR"))
        .extracting(ILoggingEvent::getFormattedMessage).isEmpty();
  }
}
