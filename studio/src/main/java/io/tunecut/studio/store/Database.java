package io.tunecut.studio.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The studio's metadata: one SQLite file ({@code studio.db}) in the data directory. */
public final class Database implements AutoCloseable {
  private static final String[] SCHEMA = {
    "CREATE TABLE IF NOT EXISTS users (id TEXT PRIMARY KEY, client_id TEXT NOT NULL UNIQUE, created_at INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS tokens (hash TEXT PRIMARY KEY, user_id TEXT NOT NULL, expires_at INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS sessions (id TEXT PRIMARY KEY, user_id TEXT NOT NULL, task_id TEXT NOT NULL,"
        + " language TEXT NOT NULL, draft TEXT NOT NULL, created_at INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS media (id TEXT PRIMARY KEY, session_id TEXT NOT NULL, user_id TEXT NOT NULL,"
        + " seq INTEGER NOT NULL, filename TEXT NOT NULL, path TEXT NOT NULL, kind TEXT NOT NULL,"
        + " duration REAL NOT NULL, width INTEGER NOT NULL, height INTEGER NOT NULL, fps REAL NOT NULL,"
        + " rotation INTEGER NOT NULL, has_audio INTEGER NOT NULL, video_codec TEXT, audio_codec TEXT,"
        + " container TEXT, hash TEXT NOT NULL, size INTEGER NOT NULL, audio_channels INTEGER)",
    "CREATE INDEX IF NOT EXISTS media_session ON media (session_id, seq)",
    "CREATE TABLE IF NOT EXISTS renders (id TEXT PRIMARY KEY, user_id TEXT NOT NULL, session_id TEXT NOT NULL,"
        + " draft TEXT NOT NULL, status TEXT NOT NULL, progress REAL NOT NULL, error TEXT, output TEXT,"
        + " minutes REAL NOT NULL, day TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)",
    "CREATE INDEX IF NOT EXISTS renders_user_day ON renders (user_id, day)",
    "CREATE TABLE IF NOT EXISTS draft_history (session_id TEXT NOT NULL, stack TEXT NOT NULL, seq INTEGER NOT NULL,"
        + " draft TEXT NOT NULL, PRIMARY KEY (session_id, stack, seq))",
  };
  /** Columns added after the first release, for databases created before them. */
  private static final String[][] ADDED_COLUMNS = {
    {"media", "audio_channels", "INTEGER"},
  };

  private final HikariDataSource pool;

  public Database(Path file) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:sqlite:" + file.toAbsolutePath());
    config.setPoolName("studio-db");
    // SQLite has one writer; a small pool and a busy timeout keep writers queueing instead of failing.
    config.setMaximumPoolSize(4);
    config.addDataSourceProperty("journal_mode", "WAL");
    config.addDataSourceProperty("busy_timeout", "10000");
    config.addDataSourceProperty("foreign_keys", "true");
    config.setConnectionInitSql("PRAGMA busy_timeout = 10000");
    pool = new HikariDataSource(config);
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      s.execute("PRAGMA journal_mode = WAL");
      for (String sql : SCHEMA) s.execute(sql);
      for (String[] column : ADDED_COLUMNS) addMissing(s, column[0], column[1], column[2]);
    } catch (SQLException e) {
      pool.close();
      throw new StoreException("cannot open the studio database", e);
    }
  }

  private static void addMissing(Statement s, String table, String column, String type) throws SQLException {
    try (ResultSet rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
      while (rs.next()) {
        if (rs.getString("name").equalsIgnoreCase(column)) return;
      }
    }
    s.execute("ALTER TABLE " + table + " ADD COLUMN " + column + " " + type);
  }

  /** Maps one row; may throw SQLException. */
  public interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  public int update(String sql, Object... args) {
    try (Connection c = pool.getConnection(); PreparedStatement ps = prepare(c, sql, args)) {
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("database update failed", e);
    }
  }

  public <T> List<T> query(String sql, Row<T> row, Object... args) {
    try (Connection c = pool.getConnection(); PreparedStatement ps = prepare(c, sql, args);
        ResultSet rs = ps.executeQuery()) {
      List<T> out = new ArrayList<>();
      while (rs.next()) out.add(row.map(rs));
      return out;
    } catch (SQLException e) {
      throw new StoreException("database query failed", e);
    }
  }

  public <T> Optional<T> one(String sql, Row<T> row, Object... args) {
    List<T> all = query(sql, row, args);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
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
    StoreException(String message, SQLException cause) {
      super(message, cause);
    }
  }
}
