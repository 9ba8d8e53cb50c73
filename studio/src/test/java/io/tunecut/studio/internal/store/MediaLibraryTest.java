package io.tunecut.studio.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunecut.studio.internal.media.Media;
import io.tunecut.studio.internal.media.MediaInfo;
import io.tunecut.studio.internal.media.MediaKind;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaLibraryTest {
  @TempDir Path dir;

  @Test
  void aTrackKeepsItsChannelCountAcrossARestart() {
    Path file = dir.resolve("studio.db");
    MediaInfo mono = new MediaInfo(MediaKind.AUDIO, 90, 0, 0, 0, 0, 1, null, "mp3", "mp3");
    try (Database db = new Database(file)) {
      new MediaLibrary(db, dir).add(new MediaRecord(new Media("med_1", "memo.mp3", mono, dir.resolve("memo.mp3")),
          "ses_1", "usr_1", "abc", 1000));
    }
    try (Database db = new Database(file)) {
      assertThat(new MediaLibrary(db, dir).byId("med_1").orElseThrow().media().info()).isEqualTo(mono);
    }
  }

  @Test
  void mediaSavedBeforeChannelsWereStoredOpenAsStereo() throws Exception {
    Path file = dir.resolve("studio.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE media (id TEXT PRIMARY KEY, session_id TEXT NOT NULL, user_id TEXT NOT NULL,"
          + " seq INTEGER NOT NULL, filename TEXT NOT NULL, path TEXT NOT NULL, kind TEXT NOT NULL,"
          + " duration REAL NOT NULL, width INTEGER NOT NULL, height INTEGER NOT NULL, fps REAL NOT NULL,"
          + " rotation INTEGER NOT NULL, has_audio INTEGER NOT NULL, video_codec TEXT, audio_codec TEXT,"
          + " container TEXT, hash TEXT NOT NULL, size INTEGER NOT NULL)");
      s.execute("INSERT INTO media VALUES ('med_1', 'ses_1', 'usr_1', 1, 'beach.mp4', 'media/beach.mp4', 'VIDEO',"
          + " 3.0, 1920, 1080, 30.0, 0, 1, 'h264', 'aac', 'mov', 'abc', 1000)");
      s.execute("INSERT INTO media VALUES ('med_2', 'ses_1', 'usr_1', 2, 'quiet.mp4', 'media/quiet.mp4', 'VIDEO',"
          + " 3.0, 1920, 1080, 30.0, 0, 0, 'h264', NULL, 'mov', 'def', 1000)");
    }
    try (Database db = new Database(file)) {
      MediaLibrary library = new MediaLibrary(db, dir);
      assertThat(library.ofSession("ses_1", "usr_1")).extracting(r -> r.media().info().audioChannels())
          .containsExactly(2, 0);
    }
  }
}
