package io.tunecut.studio.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the last chat turn left for the next ("how loud is the music?", then "make it 80") is kept
 * beside the draft, on SQLite and on PostgreSQL; sessions saved with it inside their draft upgrade.
 */
class SessionTalkTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String VOLUME = "{\"topic\":\"volume\",\"zh\":false}";

  @TempDir Path dir;

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

  /** The store's address: null for the SQLite file in {@link #dir}, else a fresh PostgreSQL database. */
  private static String url(String store) {
    return store.equals("sqlite") ? null : TestPostgres.freshDatabase();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgresql"})
  void aTurnsDraftNoteAndHistoryAreSavedTogetherAndOutliveARestart(String store) {
    String url = url(store);
    try (Database db = Database.open(url, dir)) {
      Sessions sessions = new Sessions(db);
      sessions.create(new SessionRecord("ses_1", "usr_1", "task_1", "en", "{\"d\":1}"));
      assertThat(sessions.find("ses_1", "usr_1").orElseThrow().talk()).as("nothing said yet").isNull();
      sessions.saveTurn("ses_1", "{\"d\":2}", VOLUME, new Sessions.DraftHistory(List.of("{\"d\":1}"), List.of()));
    }
    try (Database db = Database.open(url, dir)) {
      Sessions sessions = new Sessions(db);
      SessionRecord s = sessions.find("ses_1", "usr_1").orElseThrow();
      assertThat(s.draft()).isEqualTo("{\"d\":2}");
      assertThat(s.talk()).isEqualTo(VOLUME);
      assertThat(sessions.history("ses_1").earlier()).containsExactly("{\"d\":1}");
      // a turn that changed nothing keeps the draft and the history, and leaves its own note
      sessions.saveTurn("ses_1", null, null, null);
      s = sessions.find("ses_1", "usr_1").orElseThrow();
      assertThat(s.draft()).isEqualTo("{\"d\":2}");
      assertThat(s.talk()).isNull();
      assertThat(sessions.history("ses_1").earlier()).containsExactly("{\"d\":1}");
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgresql"})
  void aSessionSavedWithItsNoteInTheDraftUpgradesAndLosesNothing(String store) {
    String url = url(store);
    String caption = "{\"d\":3000,\"t\":[{\"id\":\"text\",\"tt\":7,\"sg\":[{\"id\":\"x1\",\"text\":\"talk\"}]}]}";
    try (Database db = Database.open(url, dir)) {
      // the store as the release before wrote it: no column, the note in the draft and in a draft to undo to
      db.update("ALTER TABLE sessions DROP COLUMN talk");
      db.update("DELETE FROM studio_schema_history WHERE version = '7'");
      Sessions sessions = new Sessions(db);
      db.update("INSERT INTO sessions (id, user_id, task_id, language, draft, created_at) VALUES (?, ?, ?, ?, ?, ?)",
          "ses_1", "usr_1", "task_1", "en", "{\"d\":5000,\"xf\":{\"ms\":500},\"talk\":{\"topic\":\"volume\",\"zh\":true}}", 1L);
      db.update("INSERT INTO sessions (id, user_id, task_id, language, draft, created_at) VALUES (?, ?, ?, ?, ?, ?)",
          "ses_2", "usr_1", "task_2", "en", caption, 2L);
      sessions.saveHistory("ses_1", new Sessions.DraftHistory(
          List.of("{\"d\":4000,\"talk\":{\"topic\":\"length\",\"zh\":false}}", "{\"d\":4500}"), List.of("{\"d\":6000}")));
    }
    try (Database db = Database.open(url, dir)) {
      Sessions sessions = new Sessions(db);
      SessionRecord s = sessions.find("ses_1", "usr_1").orElseThrow();
      assertThat(json(s.draft())).isEqualTo(json("{\"d\":5000,\"xf\":{\"ms\":500}}"));
      assertThat(json(s.talk())).isEqualTo(json("{\"topic\":\"volume\",\"zh\":true}"));
      // an undo would bring a stale note back: the drafts to undo to lose theirs, and keep the rest
      assertThat(sessions.history("ses_1").earlier()).extracting(SessionTalkTest::json)
          .containsExactly(json("{\"d\":4000}"), json("{\"d\":4500}"));
      assertThat(sessions.history("ses_1").later()).containsExactly("{\"d\":6000}");
      // a title that says "talk" is the video's, not a note
      SessionRecord titled = sessions.find("ses_2", "usr_1").orElseThrow();
      assertThat(titled.draft()).isEqualTo(caption);
      assertThat(titled.talk()).isNull();
    }
    try (Database again = Database.open(url, dir)) { // a second open moves nothing again
      assertThat(new Sessions(again).find("ses_1", "usr_1").orElseThrow().talk()).contains("volume");
    }
  }
}
