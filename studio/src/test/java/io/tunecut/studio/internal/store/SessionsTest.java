package io.tunecut.studio.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionsTest {
  @TempDir Path dir;

  @Test
  void theDraftsToUndoAndRedoToOutliveARestart() {
    Path file = dir.resolve("studio.db");
    var history = new Sessions.DraftHistory(List.of("{\"d\":1}", "{\"d\":2}"), List.of("{\"d\":4}"));
    try (Database db = new Database(file)) {
      Sessions sessions = new Sessions(db);
      sessions.create(new SessionRecord("ses_1", "usr_1", "task_1", "en", "{\"d\":3}"));
      sessions.saveHistory("ses_1", history);
    }
    try (Database db = new Database(file)) {
      Sessions sessions = new Sessions(db);
      assertThat(sessions.history("ses_1")).isEqualTo(history);
      sessions.saveHistory("ses_1", new Sessions.DraftHistory(List.of("{\"d\":1}"), List.of()));
      assertThat(sessions.history("ses_1").earlier()).containsExactly("{\"d\":1}");
      assertThat(sessions.history("ses_1").later()).isEmpty();
      assertThat(sessions.history("ses_other").earlier()).isEmpty();
    }
  }
}
