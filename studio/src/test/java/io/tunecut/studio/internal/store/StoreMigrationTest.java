package io.tunecut.studio.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunecut.studio.internal.account.Accounts;
import io.tunecut.studio.internal.media.Media;
import io.tunecut.studio.internal.media.MediaInfo;
import io.tunecut.studio.internal.media.MediaKind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A studio's store opens on SQLite files written by earlier releases and on PostgreSQL. */
class StoreMigrationTest {
  @TempDir Path dir;

  /** The schema the studio wrote before Flyway, as it wrote it (with the column added later). */
  private static final String[] BEFORE_FLYWAY = {
    "CREATE TABLE users (id TEXT PRIMARY KEY, client_id TEXT NOT NULL UNIQUE, created_at INTEGER NOT NULL)",
    "CREATE TABLE tokens (hash TEXT PRIMARY KEY, user_id TEXT NOT NULL, expires_at INTEGER NOT NULL)",
    "CREATE TABLE sessions (id TEXT PRIMARY KEY, user_id TEXT NOT NULL, task_id TEXT NOT NULL,"
        + " language TEXT NOT NULL, draft TEXT NOT NULL, created_at INTEGER NOT NULL)",
    "CREATE TABLE media (id TEXT PRIMARY KEY, session_id TEXT NOT NULL, user_id TEXT NOT NULL,"
        + " seq INTEGER NOT NULL, filename TEXT NOT NULL, path TEXT NOT NULL, kind TEXT NOT NULL,"
        + " duration REAL NOT NULL, width INTEGER NOT NULL, height INTEGER NOT NULL, fps REAL NOT NULL,"
        + " rotation INTEGER NOT NULL, has_audio INTEGER NOT NULL, video_codec TEXT, audio_codec TEXT,"
        + " container TEXT, hash TEXT NOT NULL, size INTEGER NOT NULL%s)",
    "CREATE INDEX media_session ON media (session_id, seq)",
    "CREATE TABLE renders (id TEXT PRIMARY KEY, user_id TEXT NOT NULL, session_id TEXT NOT NULL,"
        + " draft TEXT NOT NULL, status TEXT NOT NULL, progress REAL NOT NULL, error TEXT, output TEXT,"
        + " minutes REAL NOT NULL, day TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)",
    "CREATE INDEX renders_user_day ON renders (user_id, day)",
    "CREATE TABLE draft_history (session_id TEXT NOT NULL, stack TEXT NOT NULL, seq INTEGER NOT NULL,"
        + " draft TEXT NOT NULL, PRIMARY KEY (session_id, stack, seq))",
  };

  private Path oldFile(boolean withChannels) throws Exception {
    Path file = dir.resolve("studio.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
      for (String sql : BEFORE_FLYWAY) s.execute(String.format(sql, withChannels ? ", audio_channels INTEGER" : ""));
      long now = Instant.now().toEpochMilli();
      s.execute("INSERT INTO users VALUES ('usr_1', 'client-1', " + now + ")");
      s.execute("INSERT INTO sessions VALUES ('ses_1', 'usr_1', 'task_1', 'zh', '{\"d\":5000}', " + now + ")");
      s.execute("INSERT INTO media (id, session_id, user_id, seq, filename, path, kind, duration, width, height, fps,"
          + " rotation, has_audio, video_codec, audio_codec, container, hash, size) VALUES ('med_1', 'ses_1', 'usr_1',"
          + " 1, 'city.mp4', 'media/med_1/city.mp4', 'VIDEO', 4.5, 1920, 1080, 30, 0, 1, 'h264', 'aac', 'mp4', 'abc',"
          + " 1234)");
      s.execute("INSERT INTO renders VALUES ('render_old', 'usr_1', 'ses_1', '{}', 'completed', 100, NULL,"
          + " 'renders/render_old.mp4', 1.5, '2026-01-02', " + now + ", " + now + ")");
      s.execute("INSERT INTO renders VALUES ('render_queued', 'usr_1', 'ses_1', '{}', 'pending', 0, NULL, NULL, 0.5,"
          + " '2026-01-02', " + now + ", " + now + ")");
      s.execute("INSERT INTO draft_history VALUES ('ses_1', 'undo', 0, '{\"d\":4000}')");
    }
    return file;
  }

  @Test
  void aFileWrittenBeforeFlywayKeepsEverythingAndGainsTheQueue() throws Exception {
    Path file = oldFile(true);
    try (Database db = new Database(file)) {
      assertEverythingKept(db, 2);
      assertThat(db.one("SELECT COUNT(*) FROM scheduled_tasks", rs -> rs.getInt(1))).contains(0);
    }
    try (Database again = new Database(file)) { // a second open migrates nothing and loses nothing
      assertEverythingKept(again, 2);
    }
  }

  @Test
  void aFileFromBeforeSoundChannelsWereStoredGainsTheColumn() throws Exception {
    try (Database db = new Database(oldFile(false))) {
      assertEverythingKept(db, 2); // stereo assumed for rows with sound
      MediaLibrary library = new MediaLibrary(db, dir);
      library.add(new MediaRecord(new Media("med_2", "mono.wav",
          new MediaInfo(MediaKind.AUDIO, 2, 0, 0, 0, 0, 1, null, "pcm_s16le", "wav"), dir.resolve("media/mono.wav")),
          "ses_1", "usr_1", "def", 10));
      assertThat(library.byId("med_2").orElseThrow().media().info().audioChannels()).isEqualTo(1);
    }
  }

  @Test
  void postgresHoldsTheSameStore() {
    try (Database db = Database.open(TestPostgres.freshDatabase(), dir)) {
      assertThat(db.dialect()).isEqualTo(Database.Dialect.POSTGRESQL);
      Accounts accounts = new Accounts(db);
      String user = accounts.userFor("client-1", "usr_1");
      assertThat(accounts.userFor("client-1", "usr_other")).isEqualTo(user);
      Sessions sessions = new Sessions(db);
      sessions.create(new SessionRecord("ses_1", user, "task_1", "en", "{\"d\":3}"));
      sessions.saveHistory("ses_1", new Sessions.DraftHistory(List.of("{\"d\":1}"), List.of()));
      assertThat(sessions.history("ses_1").earlier()).containsExactly("{\"d\":1}");
      RenderJobs jobs = new RenderJobs(db);
      RenderRecord r = new RenderRecord("render_1", user, "ses_1", "{}", RenderStatus.PENDING, 0, null, null, 1.5,
          "2026-01-02");
      assertThat(jobs.insert(r, 2)).isEqualTo(RenderJobs.Submit.ACCEPTED);
      assertThat(jobs.insert(r, 2)).isEqualTo(RenderJobs.Submit.DUPLICATE);
      assertThat(jobs.insert(new RenderRecord("render_2", user, "ses_1", "{}", RenderStatus.PENDING, 0, null, null,
          1.0, "2026-01-02"), 2)).isEqualTo(RenderJobs.Submit.OVER_QUOTA);
      assertThat(jobs.start("render_1").orElseThrow().attempt()).isEqualTo(1);
      assertThat(jobs.start("render_1").orElseThrow().attempt()).as("a second attempt, as after a dead worker")
          .isEqualTo(2);
      assertThat(jobs.finish("render_1", 1, RenderStatus.COMPLETED, 100, null, "renders/x.mp4"))
          .as("the first attempt lost the render").isFalse();
      assertThat(jobs.finish("render_1", 2, RenderStatus.COMPLETED, 100, null, "renders/y.mp4")).isTrue();
      assertThat(jobs.find("render_1").orElseThrow().output()).isEqualTo("renders/y.mp4");
      assertThat(jobs.find("render_1").orElseThrow().attempts()).isEqualTo(2);
    }
  }

  private void assertEverythingKept(Database db, int channels) {
    assertThat(new Accounts(db).userFor("client-1", "usr_new")).isEqualTo("usr_1");
    Sessions sessions = new Sessions(db);
    SessionRecord s = sessions.find("ses_1", "usr_1").orElseThrow();
    assertThat(s.language()).isEqualTo("zh");
    assertThat(s.draft()).isEqualTo("{\"d\":5000}");
    assertThat(sessions.history("ses_1").earlier()).containsExactly("{\"d\":4000}");
    MediaRecord m = new MediaLibrary(db, dir).ofSession("ses_1", "usr_1").get(0);
    assertThat(m.media().filename()).isEqualTo("city.mp4");
    assertThat(m.media().file()).isEqualTo(dir.toAbsolutePath().normalize().resolve("media/med_1/city.mp4"));
    assertThat(m.media().info().durationSeconds()).isEqualTo(4.5);
    assertThat(m.media().info().audioChannels()).isEqualTo(channels);
    RenderJobs jobs = new RenderJobs(db);
    assertThat(jobs.find("render_old").orElseThrow().output()).isEqualTo("renders/render_old.mp4");
    assertThat(jobs.find("render_old").orElseThrow().attempts()).isZero();
    assertThat(jobs.unfinished()).extracting(RenderRecord::id).containsExactly("render_queued");
    assertThat(jobs.minutesUsed("usr_1", "2026-01-02")).isEqualTo(1.5);
  }
}
