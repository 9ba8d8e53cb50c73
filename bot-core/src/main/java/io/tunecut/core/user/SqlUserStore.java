package io.tunecut.core.user;

import com.zaxxer.hikari.HikariDataSource;
import io.tunecut.core.chat.Chat;
import io.tunecut.core.chat.ChatUser;
import io.tunecut.core.chat.MessageRef;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Users in the directory's database (SQLite or PostgreSQL, see {@link UserDatabase}) behind a small connection pool. */
final class SqlUserStore implements UserStore {
  private static final int SALT_BYTES = 16;

  private static final String SELECT = """
      SELECT u.platform, u.user_id, u.client_id, u.token, u.token_expires_at, u.backend_user_id,
             u.session_id, u.task_id, u.language,
             r.render_id, r.chat_platform, r.chat_id, r.chat_group, r.message_id, r.started_at
      FROM users u""";

  private final String file;
  private final HikariDataSource pool;

  private SqlUserStore(String where, HikariDataSource pool) {
    this.file = where;
    this.pool = pool;
  }

  /** @param url a {@code jdbc:postgresql://} URL, or null for SQLite in {@code dataDir} */
  static SqlUserStore open(Path dataDir, String url) throws IOException {
    boolean postgres = url != null && !url.isBlank();
    HikariDataSource pool = UserDatabase.open(dataDir, url);
    var store = new SqlUserStore(UserDatabase.where(dataDir, postgres), pool);
    try {
      store.keepSalt();
    } catch (IOException | RuntimeException e) {
      pool.close();
      throw e;
    }
    return store;
  }

  DataSource dataSource() {
    return pool;
  }

  // Made once, with the store; a second instance starting at the same time keeps the first one's.
  private void keepSalt() throws IOException {
    byte[] salt = new byte[SALT_BYTES];
    new SecureRandom().nextBytes(salt);
    try (Connection connection = pool.getConnection();
        PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO meta (name, value) VALUES ('key_salt', ?) ON CONFLICT (name) DO NOTHING")) {
      insert.setBytes(1, salt);
      insert.executeUpdate();
    } catch (SQLException e) {
      throw failure("keep the key salt in", e);
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
        var chat = new Chat(rs.getString("chat_platform"), rs.getString("chat_id"), rs.getInt("chat_group") != 0);
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
              insert.setInt(7, chat.group() ? 1 : 0);
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
    return "SqlUserStore[" + file + "]";
  }
}
