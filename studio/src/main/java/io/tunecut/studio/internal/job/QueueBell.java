package io.tunecut.studio.internal.job;

import io.tunecut.studio.internal.store.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wakes idle workers when a render is queued, on PostgreSQL (LISTEN/NOTIFY), so a render starts
 * without waiting for the next poll. Best effort: a missed ring only means the poll finds it.
 * On SQLite renders are queued where they run, and the scheduler wakes itself.
 */
final class QueueBell implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(QueueBell.class);
  private static final String CHANNEL = "tunecut_renders";

  private final Database db;
  private final boolean postgres;
  private volatile boolean closed;
  private Thread listener;

  QueueBell(Database db) {
    this.db = db;
    this.postgres = db.dialect() == Database.Dialect.POSTGRESQL;
  }

  /** Tells every listening worker that a render waits. */
  void ring() {
    if (!postgres) return;
    try {
      db.one("SELECT pg_notify('" + CHANNEL + "', '')", rs -> true);
    } catch (RuntimeException e) {
      log.debug("could not ring the workers: {}", e.toString());
    }
  }

  /** Calls {@code wake} on every ring, from a thread of its own, until closed. */
  void listen(Runnable wake) {
    if (!postgres) return;
    listener = new Thread(() -> {
      while (!closed) {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
          s.execute("LISTEN " + CHANNEL);
          PGConnection pg = c.unwrap(PGConnection.class);
          while (!closed) {
            PGNotification[] rings = pg.getNotifications(1000);
            if (rings != null && rings.length > 0) wake.run();
          }
        } catch (SQLException | RuntimeException e) {
          if (closed) return;
          log.debug("the queue bell reconnects: {}", e.toString());
          pause();
        }
      }
    }, "render-bell");
    listener.setDaemon(true);
    listener.start();
  }

  private static void pause() {
    try {
      TimeUnit.SECONDS.sleep(1); // the store is away; the poll still finds renders meanwhile
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    closed = true;
    if (listener != null) {
      try {
        listener.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
