package io.tunecut.studio.internal.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The studio's metadata: one SQLite file ({@code studio.db}) in the data directory by default,
 * or a PostgreSQL database shared by every studio ({@code TUNECUT_DATABASE_URL}). Migrated by
 * Flyway from {@code db/studio} on open; one history for both.
 */
public final class Database implements AutoCloseable {
  /** The PostgreSQL schema the studio keeps its tables in, apart from the bot's. */
  static final String SCHEMA = "studio";
  /** The advisory lock that studios migrate under, one at a time (two keys: apart from Flyway's one-key locks). */
  private static final int MIGRATION_LOCK = 0x7475_6e01; // "tun" + the studio's store

  /** Which SQL the database speaks, where the two differ. */
  public enum Dialect { SQLITE, POSTGRESQL }

  private final HikariDataSource pool;
  private final Dialect dialect;

  /** The SQLite file, made on first use. */
  public Database(Path file) {
    this(sqlite(file), Dialect.SQLITE);
  }

  private Database(HikariConfig config, Dialect dialect) {
    this.dialect = dialect;
    this.pool = new HikariDataSource(config);
    try {
      migrate();
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  /**
   * The store at {@code url}: a {@code jdbc:postgresql://…} URL, or null for SQLite in
   * {@code dataDir}.
   */
  public static Database open(String url, Path dataDir) {
    if (url == null || url.isBlank()) return new Database(dataDir.resolve("studio.db"));
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("TUNECUT_DATABASE_URL must be a jdbc:postgresql://… URL");
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setPoolName("studio-db");
    config.setMaximumPoolSize(10);
    config.setSchema(SCHEMA);
    return new Database(config, Dialect.POSTGRESQL);
  }

  private static HikariConfig sqlite(Path file) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:sqlite:" + file.toAbsolutePath());
    config.setPoolName("studio-db");
    // SQLite has one writer; a small pool and a busy timeout keep writers queueing instead of failing.
    config.setMaximumPoolSize(4);
    config.addDataSourceProperty("journal_mode", "WAL");
    config.addDataSourceProperty("busy_timeout", "10000");
    config.addDataSourceProperty("foreign_keys", "true");
    config.setConnectionInitSql("PRAGMA busy_timeout = 10000");
    return config;
  }

  /**
   * Migrates under a PostgreSQL advisory lock: studios starting together on an empty database
   * would each create the schema (Flyway locks its history table only once the schema stands),
   * and all but one would log the duplicate as an error.
   */
  private void migrate() {
    if (dialect == Dialect.SQLITE) {
      flyway();
      return;
    }
    try (Connection c = pool.getConnection()) {
      try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_lock(?, 0)")) {
        lock.setInt(1, MIGRATION_LOCK);
        lock.execute();
      }
      try {
        flyway();
      } finally {
        try (PreparedStatement unlock = c.prepareStatement("SELECT pg_advisory_unlock(?, 0)")) {
          unlock.setInt(1, MIGRATION_LOCK);
          unlock.execute();
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot migrate the studio database: " + e.getMessage(), e);
    }
  }

  private void flyway() {
    boolean postgres = dialect == Dialect.POSTGRESQL;
    try {
      Flyway.configure(Database.class.getClassLoader())
          .dataSource(pool)
          .locations("classpath:db/studio")
          .javaMigrations(new V2__MediaAudioChannels(), new V7__SessionTalk())
          .table("studio_schema_history")
          .schemas(postgres ? new String[] {SCHEMA} : new String[0])
          .createSchemas(postgres)
          // A SQLite file from before Flyway: its tables stand, V1 finds them, V2 adds what is missing.
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .placeholders(Map.of(
              "timestamp", postgres ? "TIMESTAMP WITH TIME ZONE" : "TIMESTAMP",
              "bytes", postgres ? "BYTEA" : "BLOB"))
          .load()
          .migrate();
    } catch (FlywayException e) {
      throw new StoreException("cannot migrate the studio database: " + e.getMessage(), e);
    }
  }

  public Dialect dialect() {
    return dialect;
  }

  /** For the parts that keep their own tables here (the render queue). */
  public DataSource dataSource() {
    return pool;
  }

  /** Maps one row; may throw SQLException. */
  public interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  /** Statements on one connection, committed together. */
  public interface Work<T> {
    T run(Transaction tx) throws SQLException;
  }

  public int update(String sql, Object... args) {
    try (Connection c = pool.getConnection()) {
      return update(c, sql, args);
    } catch (SQLException e) {
      throw new StoreException("database update failed", e);
    }
  }

  public <T> List<T> query(String sql, Row<T> row, Object... args) {
    try (Connection c = pool.getConnection()) {
      return query(c, sql, row, args);
    } catch (SQLException e) {
      throw new StoreException("database query failed", e);
    }
  }

  public <T> Optional<T> one(String sql, Row<T> row, Object... args) {
    List<T> all = query(sql, row, args);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
  public <T> T transaction(Work<T> work) {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(new Transaction(c));
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException("database transaction failed", e);
    }
  }

  /** The statements of one transaction. */
  public static final class Transaction {
    private final Connection c;

    private Transaction(Connection c) {
      this.c = c;
    }

    public int update(String sql, Object... args) throws SQLException {
      return Database.update(c, sql, args);
    }

    public <T> Optional<T> one(String sql, Row<T> row, Object... args) throws SQLException {
      List<T> all = query(c, sql, row, args);
      return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }
  }

  private static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = prepare(c, sql, args)) {
      return ps.executeUpdate();
    }
  }

  private static <T> List<T> query(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
    try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
      List<T> out = new ArrayList<>();
      while (rs.next()) out.add(row.map(rs));
      return out;
    }
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
    return ps;
  }

  @Override
  public void close() {
    pool.close();
  }

  /** A database failure; unchecked because callers can only report it. */
  public static final class StoreException extends RuntimeException {
    StoreException(String message, Exception cause) {
      super(message, cause);
    }
  }
}
