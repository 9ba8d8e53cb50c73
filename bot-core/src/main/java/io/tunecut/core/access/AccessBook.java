package io.tunecut.core.access;

import io.tunecut.core.chat.ChatUser;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The access tables of the user directory's database: operators' decisions about people, what
 * each person used per day, linked accounts and link codes, who was told today they may not use
 * the bot. Plain SQL that SQLite and PostgreSQL both speak; counters are added in the database,
 * so instances sharing it agree.
 */
final class AccessBook {
  private final DataSource db;

  AccessBook(DataSource db) {
    this.db = db;
  }

  /** What operators decided about one account. */
  record Standing(boolean allowed, boolean banned, Integer renders, Integer minutes, Integer clipSeconds, Double credits) {
    static final Standing NONE = new Standing(false, false, null, null, null, null);

    Budget over(Budget defaults) {
      return defaults.with(renders, minutes, clipSeconds, credits);
    }
  }

  /** One person's use of one day. */
  record Use(int renders, long renderedSeconds, int failures, double credits) {
    static final Use NONE = new Use(0, 0, 0, 0);
  }

  /** One day across everyone. */
  record Day(int people, int renders, int failures, long renderedSeconds) {}

  Standing standing(ChatUser user) throws IOException {
    return query("SELECT allowed, banned, renders_per_day, minutes_per_day, longest_clip_s, credits_per_day"
        + " FROM people WHERE platform = ? AND user_id = ?", q -> {
          q.setString(1, user.platform());
          q.setString(2, user.id());
          try (ResultSet rs = q.executeQuery()) {
            if (!rs.next()) return Standing.NONE;
            return new Standing(rs.getInt(1) != 0, rs.getInt(2) != 0, (Integer) nullable(rs, 3, rs.getInt(3)),
                (Integer) nullable(rs, 4, rs.getInt(4)), (Integer) nullable(rs, 5, rs.getInt(5)),
                (Double) nullable(rs, 6, rs.getDouble(6)));
          }
        });
  }

  void allow(ChatUser user, boolean allowed) throws IOException {
    setFlag(user, "allowed", allowed);
  }

  void ban(ChatUser user, boolean banned) throws IOException {
    setFlag(user, "banned", banned);
  }

  private void setFlag(ChatUser user, String column, boolean on) throws IOException {
    update("INSERT INTO people (platform, user_id, " + column + ") VALUES (?, ?, ?)"
        + " ON CONFLICT (platform, user_id) DO UPDATE SET " + column + " = excluded." + column, q -> {
          q.setString(1, user.platform());
          q.setString(2, user.id());
          q.setInt(3, on ? 1 : 0);
        });
  }

  /** The person's own budget; null numbers go back to the defaults. */
  void quota(ChatUser user, Integer renders, Integer minutes, Integer clipSeconds, Double credits) throws IOException {
    update("INSERT INTO people (platform, user_id, renders_per_day, minutes_per_day, longest_clip_s, credits_per_day)"
        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (platform, user_id) DO UPDATE SET"
        + " renders_per_day = excluded.renders_per_day, minutes_per_day = excluded.minutes_per_day,"
        + " longest_clip_s = excluded.longest_clip_s, credits_per_day = excluded.credits_per_day", q -> {
          q.setString(1, user.platform());
          q.setString(2, user.id());
          setInt(q, 3, renders);
          setInt(q, 4, minutes);
          setInt(q, 5, clipSeconds);
          if (credits == null) q.setNull(6, Types.DOUBLE); else q.setDouble(6, credits);
        });
  }

  Use use(ChatUser person, LocalDate day) throws IOException {
    return query("SELECT renders, rendered_s, failures, credits FROM daily_use WHERE platform = ? AND user_id = ? AND day = ?",
        q -> {
          bindDay(q, person, day);
          try (ResultSet rs = q.executeQuery()) {
            return rs.next() ? new Use(rs.getInt(1), rs.getLong(2), rs.getInt(3), rs.getDouble(4)) : Use.NONE;
          }
        });
  }

  /** Adds to the person's day; a first call of the day makes the row (so the person counts as seen). */
  void add(ChatUser person, LocalDate day, int renders, long seconds, int failures, double credits) throws IOException {
    update("INSERT INTO daily_use (platform, user_id, day, renders, rendered_s, failures, credits) VALUES (?, ?, ?, ?, ?, ?, ?)"
        + " ON CONFLICT (platform, user_id, day) DO UPDATE SET renders = daily_use.renders + excluded.renders,"
        + " rendered_s = daily_use.rendered_s + excluded.rendered_s, failures = daily_use.failures + excluded.failures,"
        + " credits = daily_use.credits + excluded.credits", q -> {
          bindDay(q, person, day);
          q.setInt(4, renders);
          q.setLong(5, seconds);
          q.setInt(6, failures);
          q.setDouble(7, credits);
        });
  }

  Day day(LocalDate day) throws IOException {
    return query("SELECT COUNT(*), COALESCE(SUM(renders), 0), COALESCE(SUM(failures), 0), COALESCE(SUM(rendered_s), 0)"
        + " FROM daily_use WHERE day = ?", q -> {
          q.setString(1, day.toString());
          try (ResultSet rs = q.executeQuery()) {
            rs.next();
            return new Day(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getLong(4));
          }
        });
  }

  /**
   * Marks {@code account} as told on {@code day} that they may not use the bot; false when they
   * were told already (here, before a restart, or by another instance). Earlier days go.
   */
  boolean markTold(ChatUser account, LocalDate day) throws IOException {
    boolean[] first = new boolean[1];
    transaction(c -> {
      try (PreparedStatement old = c.prepareStatement("DELETE FROM refusals_told WHERE day < ?")) {
        old.setString(1, day.toString());
        old.executeUpdate();
      }
      try (PreparedStatement mark = c.prepareStatement(
          "INSERT INTO refusals_told (platform, user_id, day) VALUES (?, ?, ?) ON CONFLICT (platform, user_id, day) DO NOTHING")) {
        bindDay(mark, account, day);
        first[0] = mark.executeUpdate() == 1;
      }
    });
    return first[0];
  }

  /** The person an account is joined to, when it is. */
  Optional<ChatUser> owner(ChatUser account) throws IOException {
    return query("SELECT owner_platform, owner_user_id FROM links WHERE platform = ? AND user_id = ?", q -> {
      q.setString(1, account.platform());
      q.setString(2, account.id());
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? Optional.of(new ChatUser(rs.getString(1), rs.getString(2))) : Optional.empty();
      }
    });
  }

  /** The accounts joined to {@code owner}. */
  List<ChatUser> accounts(ChatUser owner) throws IOException {
    return query("SELECT platform, user_id FROM links WHERE owner_platform = ? AND owner_user_id = ? ORDER BY platform, user_id",
        q -> {
          q.setString(1, owner.platform());
          q.setString(2, owner.id());
          List<ChatUser> out = new ArrayList<>();
          try (ResultSet rs = q.executeQuery()) {
            while (rs.next()) out.add(new ChatUser(rs.getString(1), rs.getString(2)));
          }
          return out;
        });
  }

  /** Joins {@code account} (and whatever was joined to it) to {@code owner}, in one transaction. */
  void link(ChatUser account, ChatUser owner, Instant at) throws IOException {
    transaction(c -> {
      try (PreparedStatement move = c.prepareStatement(
          "UPDATE links SET owner_platform = ?, owner_user_id = ? WHERE owner_platform = ? AND owner_user_id = ?")) {
        move.setString(1, owner.platform());
        move.setString(2, owner.id());
        move.setString(3, account.platform());
        move.setString(4, account.id());
        move.executeUpdate();
      }
      try (PreparedStatement upsert = c.prepareStatement(
          "INSERT INTO links (platform, user_id, owner_platform, owner_user_id, linked_at) VALUES (?, ?, ?, ?, ?)"
              + " ON CONFLICT (platform, user_id) DO UPDATE SET owner_platform = excluded.owner_platform,"
              + " owner_user_id = excluded.owner_user_id, linked_at = excluded.linked_at")) {
        upsert.setString(1, account.platform());
        upsert.setString(2, account.id());
        upsert.setString(3, owner.platform());
        upsert.setString(4, owner.id());
        upsert.setString(5, at.toString());
        upsert.executeUpdate();
      }
    });
  }

  /** Separates {@code account} from its person, or every account from it when it is the person; how many were. */
  int unlink(ChatUser account) throws IOException {
    return query("DELETE FROM links WHERE (platform = ? AND user_id = ?) OR (owner_platform = ? AND owner_user_id = ?)", q -> {
      q.setString(1, account.platform());
      q.setString(2, account.id());
      q.setString(3, account.platform());
      q.setString(4, account.id());
      return q.executeUpdate();
    });
  }

  void keepCode(String codeHash, ChatUser account, Instant expiresAt) throws IOException {
    transaction(c -> {
      // One live code per account: a new /link replaces the last one.
      try (PreparedStatement delete = c.prepareStatement("DELETE FROM link_codes WHERE platform = ? AND user_id = ?")) {
        delete.setString(1, account.platform());
        delete.setString(2, account.id());
        delete.executeUpdate();
      }
      try (PreparedStatement insert = c.prepareStatement(
          "INSERT INTO link_codes (code_hash, platform, user_id, expires_at) VALUES (?, ?, ?, ?)")) {
        insert.setString(1, codeHash);
        insert.setString(2, account.platform());
        insert.setString(3, account.id());
        insert.setString(4, expiresAt.toString());
        insert.executeUpdate();
      }
    });
  }

  record Code(ChatUser account, Instant expiresAt) {}

  /** The code's account, and the code is used up; empty when there is no such code. */
  Optional<Code> takeCode(String codeHash) throws IOException {
    Code[] found = new Code[1];
    transaction(c -> {
      try (PreparedStatement select = c.prepareStatement(
          "SELECT platform, user_id, expires_at FROM link_codes WHERE code_hash = ?")) {
        select.setString(1, codeHash);
        try (ResultSet rs = select.executeQuery()) {
          if (rs.next()) {
            found[0] = new Code(new ChatUser(rs.getString(1), rs.getString(2)), Instant.parse(rs.getString(3)));
          }
        }
      }
      try (PreparedStatement delete = c.prepareStatement("DELETE FROM link_codes WHERE code_hash = ?")) {
        delete.setString(1, codeHash);
        // Another instance may have taken it in between: only one of us deletes the row.
        if (delete.executeUpdate() == 0) found[0] = null;
      }
    });
    return Optional.ofNullable(found[0]);
  }

  private interface Statement<T> {
    T run(PreparedStatement q) throws SQLException;
  }

  private interface Binder {
    void bind(PreparedStatement q) throws SQLException;
  }

  private interface Work {
    void run(Connection c) throws SQLException;
  }

  private <T> T query(String sql, Statement<T> statement) throws IOException {
    try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
      return statement.run(q);
    } catch (SQLException e) {
      throw new IOException("Could not read or change access in the user store: " + e.getMessage(), e);
    }
  }

  private void update(String sql, Binder binder) throws IOException {
    query(sql, q -> {
      binder.bind(q);
      return q.executeUpdate();
    });
  }

  private void transaction(Work work) throws IOException {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try {
        work.run(c);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new IOException("Could not change access in the user store: " + e.getMessage(), e);
    }
  }

  private static void bindDay(PreparedStatement q, ChatUser person, LocalDate day) throws SQLException {
    q.setString(1, person.platform());
    q.setString(2, person.id());
    q.setString(3, day.toString());
  }

  private static void setInt(PreparedStatement q, int index, Integer value) throws SQLException {
    if (value == null) q.setNull(index, Types.INTEGER); else q.setInt(index, value);
  }

  private static Object nullable(ResultSet rs, int column, Object value) throws SQLException {
    return rs.getObject(column) == null ? null : value;
  }
}
