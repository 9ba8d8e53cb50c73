package io.tunecut.core.user;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Where the directory keeps its tables: SQLite in the data directory by default, or PostgreSQL
 * when given a {@code jdbc:postgresql://} URL. Flyway keeps the schema, with one history for
 * this store (its own table, and on PostgreSQL its own schema, so the studio's store can share
 * the database).
 */
final class UserDatabase {
  static final String FILE_NAME = "users.db";
  static final String HISTORY_TABLE = "users_schema_history";
  static final String POSTGRES_SCHEMA = "tunecut_bot";
  /** The advisory lock that instances migrate under, one at a time (two keys: apart from Flyway's one-key locks). */
  private static final int MIGRATION_LOCK = 0x7475_6e02; // "tun" + the user store

  private UserDatabase() {}

  /** @param url a {@code jdbc:postgresql://} URL, or null or blank for SQLite in {@code dataDir} */
  static HikariDataSource open(Path dataDir, String url) throws IOException {
    boolean postgres = url != null && !url.isBlank();
    if (postgres && !url.startsWith("jdbc:postgresql://")) {
      throw new IOException("TUNECUT_DATABASE_URL must be a jdbc:postgresql:// URL");
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName("users");
    config.setMinimumIdle(1);
    if (postgres) {
      config.setJdbcUrl(url);
      config.setSchema(POSTGRES_SCHEMA);
      config.setMaximumPoolSize(8);
      // Fail at start when the server is unreachable, not at the first message.
      config.setInitializationFailTimeout(10_000);
    } else {
      config.setDataSource(sqlite(dataDir.resolve(FILE_NAME)));
      config.setMaximumPoolSize(4);
    }
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new IOException("Cannot open the user store " + where(dataDir, postgres) + ": " + e.getMessage(), e);
    }
    try {
      migrate(pool, postgres);
      return pool;
    } catch (IOException | RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  private static SQLiteDataSource sqlite(Path file) {
    SQLiteConfig sqlite = new SQLiteConfig();
    sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
    // FULL: a commit is on disk when save returns, even if the machine loses power.
    sqlite.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    sqlite.setBusyTimeout(10_000);
    sqlite.enforceForeignKeys(true);
    // Writers take the write lock up front and wait for it, instead of failing on upgrade.
    sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    SQLiteDataSource source = new SQLiteDataSource(sqlite);
    source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    return source;
  }

  /**
   * On PostgreSQL, under an advisory lock: instances starting together on an empty database
   * would each create the schema (Flyway locks its history table only once the schema stands),
   * and all but one would log the duplicate as an error.
   */
  private static void migrate(HikariDataSource pool, boolean postgres) throws IOException {
    if (!postgres) {
      flyway(pool, false);
      return;
    }
    try (Connection c = pool.getConnection()) {
      try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_lock(?, 0)")) {
        lock.setInt(1, MIGRATION_LOCK);
        lock.execute();
      }
      try {
        flyway(pool, true);
      } finally {
        try (PreparedStatement unlock = c.prepareStatement("SELECT pg_advisory_unlock(?, 0)")) {
          unlock.setInt(1, MIGRATION_LOCK);
          unlock.execute();
        }
      }
    } catch (SQLException e) {
      throw new IOException("Could not prepare the schema of the user store: " + e.getMessage(), e);
    }
  }

  private static void flyway(HikariDataSource pool, boolean postgres) throws IOException {
    var flyway = Flyway.configure(UserDatabase.class.getClassLoader())
        .dataSource(pool)
        .locations("classpath:db/users")
        .table(HISTORY_TABLE)
        .placeholders(Map.of("bytes", postgres ? "BYTEA" : "BLOB"))
        // A database made before Flyway holds version 1 already (PRAGMA user_version 1).
        .baselineOnMigrate(true)
        .baselineVersion("1")
        .baselineDescription("users before Flyway");
    if (postgres) flyway.schemas(POSTGRES_SCHEMA).defaultSchema(POSTGRES_SCHEMA);
    try {
      Flyway loaded = flyway.load();
      refuseNewer(loaded);
      loaded.migrate();
    } catch (FlywayException e) {
      throw new IOException("Could not prepare the schema of the user store: " + e.getMessage(), e);
    }
  }

  // Flyway would run on a schema it does not know; an older tunecut must not touch a newer store.
  private static void refuseNewer(Flyway flyway) throws IOException {
    MigrationInfoService info = flyway.info();
    boolean future = Arrays.stream(info.all()).anyMatch(m -> m.getState() == MigrationState.FUTURE_SUCCESS);
    if (future) {
      MigrationVersion known = Arrays.stream(info.all()).filter(m -> m.getState() != MigrationState.FUTURE_SUCCESS)
          .map(MigrationInfo::getVersion).max(MigrationVersion::compareTo).orElse(MigrationVersion.EMPTY);
      throw new IOException("The user store has schema version " + info.current().getVersion()
          + ", written by a newer tunecut; this one knows versions up to " + known);
    }
  }

  static String where(Path dataDir, boolean postgres) {
    return postgres ? "on PostgreSQL" : dataDir.resolve(FILE_NAME).toString();
  }
}
