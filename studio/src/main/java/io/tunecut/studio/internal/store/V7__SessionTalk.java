package io.tunecut.studio.internal.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * {@code sessions.talk}: what the last chat turn left for the next ("how loud is the music?",
 * then "make it 80"), until now kept in the draft under {@code talk}. Each session's note moves to
 * the column; the drafts to undo and redo to lose theirs, or an undo would bring a stale one back.
 * Java because the note is moved out of JSON, the same way on SQLite and PostgreSQL.
 */
// Flyway reads the version and description from the class name.
final class V7__SessionTalk extends BaseJavaMigration {
  /** Where the studio kept the note in a draft, and no longer does. */
  static final String OLD_KEY = "talk";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    try (Statement s = c.createStatement()) {
      s.execute("ALTER TABLE sessions ADD COLUMN talk TEXT");
    }
    // Read first, then write: SQLite does not promise what a cursor sees of rows changed under it.
    List<String[]> sessions = rows(c, "SELECT id, draft FROM sessions WHERE draft LIKE '%\"talk\"%'", 2);
    try (PreparedStatement update = c.prepareStatement("UPDATE sessions SET draft = ?, talk = ? WHERE id = ?")) {
      for (String[] row : sessions) {
        ObjectNode draft = object(row[1]);
        if (draft == null || !draft.has(OLD_KEY)) continue;
        JsonNode note = draft.remove(OLD_KEY);
        update.setString(1, draft.toString());
        update.setString(2, note.isObject() ? note.toString() : null);
        update.setString(3, row[0]);
        update.executeUpdate();
      }
    }
    List<String[]> history = rows(c,
        "SELECT session_id, stack, seq, draft FROM draft_history WHERE draft LIKE '%\"talk\"%'", 4);
    try (PreparedStatement update = c.prepareStatement(
        "UPDATE draft_history SET draft = ? WHERE session_id = ? AND stack = ? AND seq = ?")) {
      for (String[] row : history) {
        ObjectNode draft = object(row[3]);
        if (draft == null || draft.remove(OLD_KEY) == null) continue;
        update.setString(1, draft.toString());
        update.setString(2, row[0]);
        update.setString(3, row[1]);
        update.setInt(4, Integer.parseInt(row[2]));
        update.executeUpdate();
      }
    }
  }

  private static List<String[]> rows(Connection c, String sql, int columns) throws SQLException {
    List<String[]> rows = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        String[] row = new String[columns];
        for (int i = 0; i < columns; i++) row[i] = rs.getString(i + 1);
        rows.add(row);
      }
    }
    return rows;
  }

  /** The draft as JSON, or null when it is not an object: then it is left as it was. */
  private static ObjectNode object(String text) {
    try {
      return JSON.readTree(text) instanceof ObjectNode o ? o : null;
    } catch (IOException e) {
      return null;
    }
  }
}
