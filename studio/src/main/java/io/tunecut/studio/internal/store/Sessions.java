package io.tunecut.studio.internal.store;

import java.time.Instant;
import java.util.List;
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

  /** The drafts a session can undo to and redo to (JSON text), oldest first. */
  public DraftHistory history(String id) {
    return new DraftHistory(stack(id, "undo"), stack(id, "redo"));
  }

  /** Replaces the session's undo and redo drafts; call under the session's lock. */
  public void saveHistory(String id, DraftHistory history) {
    db.update("DELETE FROM draft_history WHERE session_id = ?", id);
    insert(id, "undo", history.earlier());
    insert(id, "redo", history.later());
  }

  private List<String> stack(String id, String stack) {
    return db.query("SELECT draft FROM draft_history WHERE session_id = ? AND stack = ? ORDER BY seq",
        rs -> rs.getString(1), id, stack);
  }

  private void insert(String id, String stack, List<String> drafts) {
    for (int i = 0; i < drafts.size(); i++) {
      db.update("INSERT INTO draft_history (session_id, stack, seq, draft) VALUES (?, ?, ?, ?)", id, stack, i, drafts.get(i));
    }
  }

  /** Drafts as JSON text, oldest first. */
  public record DraftHistory(List<String> earlier, List<String> later) {
    public DraftHistory {
      earlier = List.copyOf(earlier);
      later = List.copyOf(later);
    }
  }
}
