package io.tunecut.core.user;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.tunecut.core.chat.Chat;
import io.tunecut.core.chat.ChatUser;
import io.tunecut.core.chat.MessageRef;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** Users in one SQLite file (WAL, synchronous commits) behind a small connection pool. */
final class SqliteUserStore implements UserStore {
  static final String FILE_NAME = "users.db";

  // Migration i takes the schema from version i to i + 1; PRAGMA user_version holds the version.
  private static final List<List<String>> MIGRATIONS = List.of(List.of(
      "CREATE TABLE meta (name TEXT PRIMARY KEY, value BLOB NOT NULL)",
      "INSERT INTO meta (name, value) VALUES ('key_salt', randomblob(16))",
      """
      CREATE TABLE users (
        platform TEXT NOT NULL,
        user_id TEXT NOT NULL,
        client_id TEXT NOT NULL,
        token BLOB,
        token_expires_at TEXT,
        backend_user_id TEXT,
        session_id TEXT,
        task_id TEXT,
        language TEXT,
        PRIMARY KEY (platform, user_id))""",
      """
      CREATE TABLE renders (
        platform TEXT NOT NULL,
        user_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        render_id TEXT NOT NULL,
        chat_platform TEXT NOT NULL,
        chat_id TEXT NOT NULL,
        chat_group INTEGER NOT NULL,
        message_id TEXT NOT NULL,
        started_at TEXT NOT NULL,
        PRIMARY KEY (platform, user_id, position),
        FOREIGN KEY (platform, user_id) REFERENCES users (platform, user_id) ON DELETE CASCADE)"""));

  static final int SCHEMA_VERSION = MIGRATIONS.size();

  private static final String SELECT = """
      SELECT u.platform, u.user_id, u.client_id, u.token, u.token_expires_at, u.backend_user_id,
             u.session_id, u.task_id, u.language,
             r.render_id, r.chat_platform, r.chat_id, r.chat_group, r.message_id, r.started_at
      FROM users u""";

  private final Path file;
  private final HikariDataSource pool;

  private SqliteUserStore(Path file, HikariDataSource pool) {
    this.file = file;
    this.pool = pool;
  }

  static SqliteUserStore open(Path file) throws IOException {
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

    HikariConfig config = new HikariConfig();
    config.setDataSource(source);
    config.setPoolName("users");
    config.setMaximumPoolSize(4);
    config.setMinimumIdle(1);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new IOException("Cannot open the user store " + file + ": " + e.getMessage(), e);
    }
    var store = new SqliteUserStore(file, pool);
    try {
      store.migrate();
    } catch (IOException | RuntimeException e) {
      pool.close();
      throw e;
    }
    return store;
  }

  private void migrate() throws IOException {
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        int version;
        try (ResultSet rs = statement.executeQuery("PRAGMA user_version")) {
          version = rs.next() ? rs.getInt(1) : 0;
        }
        if (version > SCHEMA_VERSION) {
          throw new IOException(file + " has schema version " + version + ", written by a newer tunecut; this one"
              + " knows versions up to " + SCHEMA_VERSION);
        }
        for (int v = version; v < SCHEMA_VERSION; v++) {
          for (String sql : MIGRATIONS.get(v)) {
            statement.execute(sql);
          }
        }
        statement.execute("PRAGMA user_version = " + SCHEMA_VERSION);
        connection.commit();
      } catch (IOException | SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw failure("prepare the schema of", e);
    }
  }

  @Override
  public byte[] keySalt() throws IOException {
    try (Connection connection = pool.getConnection();
        PreparedStatement query = connection.prepareStatement("SELECT value FROM meta WHERE name = 'key_salt'");
        ResultSet rs = query.executeQuery()) {
      if (!rs.next()) {
        throw new IOException(file + " has no key salt; it was not created by tunecut");
      }
      return rs.getBytes(1);
    } catch (SQLException e) {
      throw failure("read the key salt from", e);
    }
  }

  @Override
  public Optional<StoredUser> find(ChatUser user) throws IOException {
    try (Connection connection = pool.getConnection();
        PreparedStatement query = connection.prepareStatement(SELECT + """
             LEFT JOIN renders r ON r.platform = u.platform AND r.user_id = u.user_id
            WHERE u.platform = ? AND u.user_id = ?
            ORDER BY r.position""")) {
      query.setString(1, user.platform());
      query.setString(2, user.id());
      try (ResultSet rs = query.executeQuery()) {
        List<StoredUser> found = read(rs);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
      }
    } catch (SQLException e) {
      throw failure("read " + user + " from", e);
    }
  }

  @Override
  public List<StoredUser> withPendingRenders() throws IOException {
    try (Connection connection = pool.getConnection();
        PreparedStatement query = connection.prepareStatement(SELECT + """
             JOIN renders r ON r.platform = u.platform AND r.user_id = u.user_id
            ORDER BY u.platform, u.user_id, r.position""");
        ResultSet rs = query.executeQuery()) {
      return read(rs);
    } catch (SQLException e) {
      throw failure("read pending renders from", e);
    }
  }

  // Rows come one per render (or one with no render), grouped by user.
  private static List<StoredUser> read(ResultSet rs) throws SQLException {
    List<StoredUser> users = new ArrayList<>();
    UserRecord record = null;
    byte[] sealed = null;
    List<PendingRender> renders = new ArrayList<>();
    while (rs.next()) {
      var user = new ChatUser(rs.getString("platform"), rs.getString("user_id"));
      if (record == null || !record.user().equals(user)) {
        if (record != null) {
          users.add(new StoredUser(record.withRenders(renders), sealed));
          renders = new ArrayList<>();
        }
        sealed = rs.getBytes("token");
        record = new UserRecord(user, rs.getString("client_id"), null, instant(rs.getString("token_expires_at")),
            rs.getString("backend_user_id"), rs.getString("session_id"), rs.getString("task_id"),
            rs.getString("language"), List.of());
      }
      String renderId = rs.getString("render_id");
      if (renderId != null) {
        var chat = new Chat(rs.getString("chat_platform"), rs.getString("chat_id"), rs.getBoolean("chat_group"));
        renders.add(new PendingRender(renderId, new MessageRef(chat, rs.getString("message_id")),
            instant(rs.getString("started_at"))));
      }
    }
    if (record != null) {
      users.add(new StoredUser(record.withRenders(renders), sealed));
    }
    return users;
  }

  @Override
  public void save(StoredUser stored) throws IOException {
    UserRecord record = stored.record();
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(false);
      try {
        try (PreparedStatement upsert = connection.prepareStatement("""
            INSERT INTO users (platform, user_id, client_id, token, token_expires_at, backend_user_id,
                               session_id, task_id, language)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (platform, user_id) DO UPDATE SET
              client_id = excluded.client_id, token = excluded.token,
              token_expires_at = excluded.token_expires_at, backend_user_id = excluded.backend_user_id,
              session_id = excluded.session_id, task_id = excluded.task_id, language = excluded.language""")) {
          upsert.setString(1, record.user().platform());
          upsert.setString(2, record.user().id());
          upsert.setString(3, record.clientId());
          upsert.setBytes(4, stored.sealedToken());
          upsert.setString(5, text(record.tokenExpiresAt()));
          upsert.setString(6, record.backendUserId());
          upsert.setString(7, record.sessionId());
          upsert.setString(8, record.taskId());
          upsert.setString(9, record.language());
          upsert.executeUpdate();
        }
        try (PreparedStatement delete = connection.prepareStatement(
            "DELETE FROM renders WHERE platform = ? AND user_id = ?")) {
          delete.setString(1, record.user().platform());
          delete.setString(2, record.user().id());
          delete.executeUpdate();
        }
        if (!record.renders().isEmpty()) {
          try (PreparedStatement insert = connection.prepareStatement("""
              INSERT INTO renders (platform, user_id, position, render_id, chat_platform, chat_id, chat_group,
                                   message_id, started_at)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            int position = 0;
            for (PendingRender render : record.renders()) {
              Chat chat = render.status().chat();
              insert.setString(1, record.user().platform());
              insert.setString(2, record.user().id());
              insert.setInt(3, position++);
              insert.setString(4, render.renderId());
              insert.setString(5, chat.platform());
              insert.setString(6, chat.id());
              insert.setBoolean(7, chat.group());
              insert.setString(8, render.status().messageId());
              insert.setString(9, text(render.startedAt()));
              insert.addBatch();
            }
            insert.executeBatch();
          }
        }
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw failure("save " + record.user() + " to", e);
    }
  }

  // ISO-8601 text keeps every digit of an Instant, and reads well in the sqlite3 shell.
  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  private static Instant instant(String text) {
    return text == null ? null : Instant.parse(text);
  }

  private IOException failure(String what, SQLException e) {
    return new IOException("Could not " + what + " the user store " + file + ": " + e.getMessage(), e);
  }

  @Override
  public void close() {
    pool.close();
  }

  @Override
  public String toString() {
    return "SqliteUserStore[" + file + "]";
  }
}
