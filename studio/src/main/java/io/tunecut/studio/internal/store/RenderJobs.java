package io.tunecut.studio.internal.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Persisted render jobs. Every studio sharing the store sees the same jobs; a worker's writes
 * name the attempt it runs, so a worker that lost its render (taken over, cancelled) changes
 * nothing.
 */
public final class RenderJobs {
  private static final String COLUMNS =
      "id, user_id, session_id, draft, status, progress, error, output, minutes, day, attempts";
  private final Database db;

  public RenderJobs(Database db) {
    this.db = db;
  }

  /** What became of a submit. */
  public enum Submit { ACCEPTED, DUPLICATE, OVER_QUOTA }

  /** @return false when the id is already taken */
  public boolean insert(RenderRecord r) {
    return insert(r, Double.MAX_VALUE) == Submit.ACCEPTED;
  }

  /**
   * Inserts the job when its owner's minutes that day, with it, stay within
   * {@code minutesPerDay}. The user's day row is locked for the check, so two studios cannot
   * both spend the last minutes.
   */
  public Submit insert(RenderRecord r, double minutesPerDay) {
    return db.transaction(tx -> {
      // A write first: it takes the row lock on PostgreSQL and the write lock on SQLite.
      tx.update("INSERT INTO quota_days (user_id, day, submits) VALUES (?, ?, 1)"
          + " ON CONFLICT (user_id, day) DO UPDATE SET submits = quota_days.submits + 1", r.userId(), r.day());
      if (tx.one("SELECT id FROM renders WHERE id = ?", rs -> rs.getString(1), r.id()).isPresent()) {
        return Submit.DUPLICATE;
      }
      double spent = tx.one("SELECT COALESCE(SUM(minutes), 0) FROM renders WHERE user_id = ? AND day = ?"
              + " AND status IN ('pending', 'processing', 'completed')", rs -> rs.getDouble(1), r.userId(), r.day())
          .orElse(0.0);
      if (spent + r.minutes() > minutesPerDay + 1e-9) return Submit.OVER_QUOTA;
      long now = Instant.now().toEpochMilli();
      tx.update("INSERT INTO renders (" + COLUMNS + ", created_at, updated_at)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          r.id(), r.userId(), r.sessionId(), r.draft(), r.status().stored(), r.progress(), r.error(), r.output(),
          r.minutes(), r.day(), r.attempts(), now, now);
      return Submit.ACCEPTED;
    });
  }

  public Optional<RenderRecord> find(String id) {
    return db.one("SELECT " + COLUMNS + " FROM renders WHERE id = ?", RenderJobs::map, id);
  }

  /** A started attempt: the job as it stands now, and how long it waited in the queue. */
  public record Started(RenderRecord job, java.time.Duration waited) {
    public int attempt() {
      return job.attempts();
    }
  }

  /**
   * Starts the next attempt of a job that is queued, or was running on a worker that is gone.
   *
   * @return the started attempt, or empty when the job has finished (cancelled while queued)
   */
  public Optional<Started> start(String id) {
    return db.transaction(tx -> {
      long now = Instant.now().toEpochMilli();
      int changed = tx.update("UPDATE renders SET status = 'processing', progress = 0, attempts = attempts + 1,"
          + " started_at = ?, updated_at = ? WHERE id = ? AND status IN ('pending', 'processing')", now, now, id);
      if (changed == 0) return Optional.empty();
      return tx.one("SELECT " + COLUMNS + ", created_at FROM renders WHERE id = ?",
          rs -> new Started(map(rs), java.time.Duration.ofMillis(Math.max(0, now - rs.getLong(12)))), id);
    });
  }

  /** @return false when the attempt no longer owns the job (cancelled, or taken over) */
  public boolean progress(String id, int attempt, double progress) {
    return db.update("UPDATE renders SET progress = ?, updated_at = ? WHERE id = ? AND status = 'processing'"
        + " AND attempts = ?", progress, Instant.now().toEpochMilli(), id, attempt) == 1;
  }

  /** Whether the attempt still owns the job: not cancelled, not taken over. */
  public boolean owns(String id, int attempt) {
    return db.one("SELECT 1 FROM renders WHERE id = ? AND status = 'processing' AND attempts = ?",
        rs -> true, id, attempt).isPresent();
  }

  /**
   * Ends the attempt, only when it still owns the job: one attempt's output or error, never two.
   *
   * @return false when the job had been cancelled or taken over meanwhile
   */
  public boolean finish(String id, int attempt, RenderStatus status, double progress, String error, String output) {
    return db.update("UPDATE renders SET status = ?, progress = ?, error = ?, output = ?, updated_at = ?"
            + " WHERE id = ? AND status = 'processing' AND attempts = ?",
        status.stored(), progress, error, output, Instant.now().toEpochMilli(), id, attempt) == 1;
  }

  /** Cancels a job that has not finished. @return false when it had */
  public boolean cancel(String id) {
    return db.update("UPDATE renders SET status = 'cancelled', updated_at = ? WHERE id = ?"
        + " AND status IN ('pending', 'processing')", Instant.now().toEpochMilli(), id) == 1;
  }

  /** Jobs not finished, oldest first. */
  public List<RenderRecord> unfinished() {
    return db.query("SELECT " + COLUMNS + " FROM renders WHERE status IN ('pending', 'processing')"
        + " ORDER BY created_at, id", RenderJobs::map);
  }

  /** The outputs of completed renders, relative to the data directory. */
  public Set<String> outputs() {
    return new HashSet<>(db.query("SELECT output FROM renders WHERE status = 'completed' AND output IS NOT NULL",
        rs -> rs.getString(1)));
  }

  /** How many jobs stand in a status, across every studio. */
  public long count(RenderStatus status) {
    return db.one("SELECT COUNT(*) FROM renders WHERE status = ?", rs -> rs.getLong(1), status.stored()).orElse(0L);
  }

  /** Minutes charged to a user on a day: finished renders and those still to finish, failures excluded. */
  public double minutesUsed(String userId, String day) {
    return db.one("SELECT COALESCE(SUM(minutes), 0) FROM renders WHERE user_id = ? AND day = ? AND status = 'completed'",
        rs -> rs.getDouble(1), userId, day).orElse(0.0);
  }

  public double minutesReserved(String userId, String day) {
    return db.one("SELECT COALESCE(SUM(minutes), 0) FROM renders WHERE user_id = ? AND day = ?"
            + " AND status IN ('pending', 'processing')",
        rs -> rs.getDouble(1), userId, day).orElse(0.0);
  }

  private static RenderRecord map(ResultSet rs) throws SQLException {
    return new RenderRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
        RenderStatus.ofStored(rs.getString(5)),
        rs.getDouble(6), rs.getString(7), rs.getString(8), rs.getDouble(9), rs.getString(10), rs.getInt(11));
  }
}
