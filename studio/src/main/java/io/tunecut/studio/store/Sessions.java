package io.tunecut.studio.store;

import java.time.Instant;
import java.util.Optional;

/** Sessions and their drafts. Every read is scoped to the owner. */
public final class Sessions {
  private final Database db;

  public Sessions(Database db) {
    this.db = db;
  }

  public void create(SessionRecord s) {
    db.update("INSERT INTO sessions (id, user_id, task_id, language, draft, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        s.id(), s.userId(), s.taskId(), s.language(), s.draft(), Instant.now().toEpochMilli());
  }

  public Optional<SessionRecord> find(String id, String userId) {
    return db.one("SELECT id, user_id, task_id, language, draft FROM sessions WHERE id = ? AND user_id = ?",
        rs -> new SessionRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
        id, userId);
  }

  public void saveDraft(String id, String draft) {
    db.update("UPDATE sessions SET draft = ? WHERE id = ?", draft, id);
  }
}
