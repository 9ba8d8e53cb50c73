package io.tunecut.studio.internal.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL for tests, nothing installed: one server per test JVM (zonky's binaries),
 * a fresh database for each caller.
 */
public final class TestPostgres {
  private static EmbeddedPostgres server;
  private static final AtomicInteger databases = new AtomicInteger();

  private TestPostgres() {}

  /** A new, empty database: its JDBC URL, with user and password. */
  public static synchronized String freshDatabase() {
    try {
      if (server == null) {
        server = EmbeddedPostgres.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::stop));
      }
      String name = "studio_" + databases.incrementAndGet();
      try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE " + name);
      }
      return server.getJdbcUrl("postgres", name) + "&password=postgres";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void stop() {
    try {
      server.close();
    } catch (IOException ignored) {
      // the JVM ends anyway
    }
  }
}
