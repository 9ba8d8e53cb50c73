package io.tunecut.studio.internal.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tunecut.studio.internal.media.Media;
import io.tunecut.studio.internal.media.MediaInfo;
import io.tunecut.studio.internal.media.MediaKind;
import io.tunecut.studio.server.MediaSettings;
import io.tunecut.studio.internal.media.MediaStore;
import io.tunecut.studio.internal.media.TestS3;
import io.tunecut.studio.internal.store.Database;
import io.tunecut.studio.internal.store.MediaLibrary;
import io.tunecut.studio.internal.store.MediaRecord;
import io.tunecut.studio.internal.store.RenderJobs;
import io.tunecut.studio.internal.store.RenderRecord;
import io.tunecut.studio.internal.store.RenderStatus;
import io.tunecut.studio.internal.store.SessionRecord;
import io.tunecut.studio.internal.store.Sessions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clean-up deletes from the media store what nothing names any more, once it is older than
 * the grace period, and keeps the rest: on an S3 bucket and on a shared directory alike.
 */
class CleanUpTest {
  private static final TestS3 s3 = TestS3.shared();
  private static final MediaInfo CLIP = new MediaInfo(MediaKind.VIDEO, 2, 320, 240, 25, 0, 0, "h264", null, "mov");

  @TempDir Path dataDir;
  @TempDir Path mount;

  @Test
  void onABucket() throws IOException {
    String prefix = "clean-" + UUID.randomUUID();
    try (MediaStore store = MediaStore.open(s3.settings(prefix), dataDir)) {
      cleansUp(store, () -> s3.keys().stream().filter(k -> k.startsWith(prefix + "/"))
          .map(k -> k.substring(prefix.length() + 1)).sorted().toList());
    }
  }

  @Test
  void onASharedDirectory() throws IOException {
    try (MediaStore store = MediaStore.open(new MediaSettings(mount.toString(), null, null, null, null), dataDir)) {
      cleansUp(store, () -> kept(mount));
    }
  }

  @Test
  void onTheDataDirectoryOfOneMachine() throws IOException {
    try (MediaStore store = MediaStore.open(MediaSettings.DATA_DIRECTORY, dataDir)) {
      cleansUp(store, () -> kept(dataDir));
    }
  }

  /** What the store holds, relative to its root. */
  private interface Holdings {
    List<String> files() throws IOException;
  }

  private void cleansUp(MediaStore store, Holdings holdings) throws IOException {
    try (Database db = new Database(dataDir.resolve("studio.db"))) {
      Sessions sessions = new Sessions(db);
      MediaLibrary library = new MediaLibrary(db, dataDir);
      RenderJobs jobs = new RenderJobs(db);
      sessions.create(new SessionRecord("ses_live", "usr_1", "task_1", "en", "{}"));
      media(store, library, "med_kept", "ses_live");
      media(store, library, "med_orphan", "ses_gone"); // its session was deleted
      keep(store, "media/usr_1/med_abandoned-clip.mp4"); // kept by an upload that never finished
      render(db, jobs, "render_done", RenderStatus.COMPLETED, 2);
      keep(store, "renders/render_done-1.mp4"); // kept by an attempt taken over by the next
      keep(store, "renders/render_done-2.mp4");
      keep(store, "renders/render_gone-1.mp4"); // its render is gone
      render(db, jobs, "render_running", RenderStatus.PROCESSING, 1);
      keep(store, "renders/render_running-1.mp4"); // kept a moment before the render says completed
      List<String> everything = holdings.files();

      CleanUp cleanUp = new CleanUp(store, library, jobs, dataDir, Duration.ofDays(1));
      assertThat(cleanUp.sweep(Instant.now())).as("within the grace period nothing goes").isEmpty();
      assertThat(holdings.files()).isEqualTo(everything);

      List<Path> deleted = cleanUp.sweep(Instant.now().plus(Duration.ofDays(2)));
      assertThat(deleted).extracting(p -> dataDir.relativize(p).toString()).containsExactlyInAnyOrder(
          "media/usr_1/med_orphan-clip.mp4", "media/usr_1/med_abandoned-clip.mp4",
          "renders/render_done-1.mp4", "renders/render_gone-1.mp4");
      assertThat(holdings.files()).filteredOn(f -> !f.equals("studio.db") && !f.startsWith("studio.db-"))
          .containsExactly("media/usr_1/med_kept-clip.mp4", "renders/render_done-2.mp4",
              "renders/render_running-1.mp4");
      assertThat(library.byId("med_orphan")).as("the media of a session that is gone is forgotten").isEmpty();
      assertThat(library.byId("med_kept")).isPresent();
    }
  }

  @Test
  void aWorkerSchedulesTheCleanUpOnceForEveryWorkerOnTheStore() throws IOException {
    try (Database db = new Database(dataDir.resolve("studio.db"));
        RenderQueue one = new RenderQueue(db, new RenderJobs(db), new MediaLibrary(db, dataDir),
            (d, m, o, p) -> {}, dataDir, 1);
        RenderQueue two = new RenderQueue(db, new RenderJobs(db), new MediaLibrary(db, dataDir),
            (d, m, o, p) -> {}, dataDir, 1)) {
      one.resume();
      two.resume();
      assertThat(db.one("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'clean-up'", rs -> rs.getInt(1)))
          .contains(1);
      assertThat(db.one("SELECT execution_time FROM scheduled_tasks WHERE task_name = 'clean-up'",
          rs -> rs.getTimestamp(1).toInstant())).hasValueSatisfying(next ->
          assertThat(next).isAfter(Instant.now().plus(CleanUp.EVERY).minus(Duration.ofMinutes(5))));
    }
  }

  private void media(MediaStore store, MediaLibrary library, String id, String session) throws IOException {
    Path file = keep(store, "media/usr_1/" + id + "-clip.mp4");
    library.add(new MediaRecord(new Media(id, "clip.mp4", CLIP, file), session, "usr_1", "hash", 4));
  }

  private Path keep(MediaStore store, String name) throws IOException {
    Path file = dataDir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.write(file, new byte[] {1, 2, 3, 4});
    store.save(file);
    if (!store.isDataDirectory()) Files.delete(file); // the store has it; this disk is scratch
    return file;
  }

  private static void render(Database db, RenderJobs jobs, String id, RenderStatus status, int attempts) {
    jobs.insert(new RenderRecord(id, "usr_1", "ses_live", "{}", RenderStatus.PENDING, 0, null, null, 0.1, "2026-01-01"));
    db.update("UPDATE renders SET status = ?, attempts = ?, output = ? WHERE id = ?", status.stored(), attempts,
        status == RenderStatus.COMPLETED ? "renders/" + id + "-" + attempts + ".mp4" : null, id);
  }

  private static List<String> kept(Path root) throws IOException {
    List<String> files = new ArrayList<>();
    try (Stream<Path> all = Files.walk(root)) {
      all.filter(Files::isRegularFile).forEach(f -> files.add(root.relativize(f).toString()));
    }
    return files.stream().sorted().toList();
  }
}
