package io.tunecut.studio.internal.store;

import java.sql.SQLException;
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
    return db.one("SELECT id, user_id, task_id, language, draft, talk FROM sessions WHERE id = ? AND user_id = ?",
        rs -> new SessionRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6)),
        id, userId);
  }

  /**
   * What a chat turn leaves, in one transaction: the draft, the note for the next turn and the
   * drafts to undo and redo to never part, whenever the studio stops. Call under the session's lock.
   *
   * @param draft the draft after the turn, or null to keep the one saved
   * @param talk the note for the next turn (JSON text), or null for none
   * @param history the undo and redo drafts after the turn, or null when the turn left them as they were
   */
  public void saveTurn(String id, String draft, String talk, DraftHistory history) {
    db.transaction(tx -> {
      if (draft != null) tx.update("UPDATE sessions SET draft = ?, talk = ? WHERE id = ?", draft, talk, id);
      else tx.update("UPDATE sessions SET talk = ? WHERE id = ?", talk, id);
      if (history != null) replaceHistory(tx, id, history);
      return null;
    });
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
    db.transaction(tx -> {
      replaceHistory(tx, id, history);
      return null;
    });
  }

  private List<String> stack(String id, String stack) {
    return db.query("SELECT draft FROM draft_history WHERE session_id = ? AND stack = ? ORDER BY seq",
        rs -> rs.getString(1), id, stack);
  }

  private static void replaceHistory(Database.Transaction tx, String id, DraftHistory history) throws SQLException {
    tx.update("DELETE FROM draft_history WHERE session_id = ?", id);
    insert(tx, id, "undo", history.earlier());
    insert(tx, id, "redo", history.later());
  }

  private static void insert(Database.Transaction tx, String id, String stack, List<String> drafts) throws SQLException {
    for (int i = 0; i < drafts.size(); i++) {
      tx.update("INSERT INTO draft_history (session_id, stack, seq, draft) VALUES (?, ?, ?, ?)", id, stack, i, drafts.get(i));
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
