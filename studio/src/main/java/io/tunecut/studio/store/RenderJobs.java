package io.tunecut.studio.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Persisted render jobs, so a restart can pick up what was queued or running. */
public final class RenderJobs {
  private static final String COLUMNS =
      "id, user_id, session_id, draft, status, progress, error, output, minutes, day";
  private final Database db;

  public RenderJobs(Database db) {
    this.db = db;
  }

  /** @return false when the id is already taken */
  public boolean insert(RenderRecord r) {
    long now = Instant.now().toEpochMilli();
    return db.update("INSERT OR IGNORE INTO renders (" + COLUMNS + ", created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        r.id(), r.userId(), r.sessionId(), r.draft(), r.status().stored(), r.progress(), r.error(), r.output(),
        r.minutes(), r.day(), now, now) == 1;
  }

  public Optional<RenderRecord> find(String id) {
    return db.one("SELECT " + COLUMNS + " FROM renders WHERE id = ?", RenderJobs::map, id);
  }

  public void update(String id, RenderStatus status, double progress, String error, String output) {
    db.update("UPDATE renders SET status = ?, progress = ?, error = ?, output = ?, updated_at = ? WHERE id = ?",
        status.stored(), progress, error, output, Instant.now().toEpochMilli(), id);
  }

  public void progress(String id, double progress) {
    db.update("UPDATE renders SET progress = ?, updated_at = ? WHERE id = ? AND status = 'processing'",
        progress, Instant.now().toEpochMilli(), id);
  }

  /** Jobs not finished, oldest first. */
  public List<RenderRecord> unfinished() {
    return db.query("SELECT " + COLUMNS + " FROM renders WHERE status IN ('pending', 'processing')"
        + " ORDER BY created_at, rowid", RenderJobs::map);
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
        rs.getDouble(6), rs.getString(7), rs.getString(8), rs.getDouble(9), rs.getString(10));
  }
}
