package io.tunecut.studio.internal.job;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.tunecut.studio.internal.media.MediaStore;
import io.tunecut.studio.internal.store.MediaLibrary;
import io.tunecut.studio.internal.store.RenderJobs;
import io.tunecut.studio.internal.store.RenderRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes from the media store what no session or render names any more: media whose session
 * is gone, uploads abandoned halfway (kept, then never named), outputs of renders that are gone
 * or that a later attempt replaced, and half-written files. A recurring task, so one worker
 * does it at a time. Files younger than the grace period stay: they may be in the middle of
 * being written or named.
 */
public final class CleanUp {
  private static final Logger log = LoggerFactory.getLogger(CleanUp.class);
  static final String TASK = "clean-up";
  /** How often a worker cleans up. */
  static final Duration EVERY = Duration.ofHours(1);
  /** What is younger stays; far longer than any upload or render takes. */
  public static final Duration GRACE = Duration.ofDays(1);

  private final MediaStore store;
  private final MediaLibrary library;
  private final RenderJobs jobs;
  private final Path dataDir;
  private final Duration grace;

  public CleanUp(MediaStore store, MediaLibrary library, RenderJobs jobs, Path dataDir, Duration grace) {
    this.store = store;
    this.library = library;
    this.jobs = jobs;
    this.dataDir = dataDir.toAbsolutePath().normalize();
    this.grace = grace;
  }

  RecurringTask<Void> task() {
    // Scheduled by the first worker's resume, an hour on: a start is busy enough.
    return Tasks.recurring(TASK, FixedDelay.of(EVERY)).doNotScheduleOnStartup().execute((instance, context) -> {
      try {
        sweep(Instant.now());
      } catch (IOException e) {
        throw new UncheckedIOException(e); // logged by the scheduler; tried again at the next turn
      }
    });
  }

  /**
   * The files that some session or render names: the media of sessions that still stand, the
   * videos of completed renders and the one each unfinished render's attempt will write.
   */
  public static Set<Path> named(MediaLibrary library, RenderJobs jobs, Path dataDir) {
    Path dir = dataDir.toAbsolutePath().normalize();
    Set<Path> named = library.files();
    jobs.outputs().forEach(output -> named.add(dir.resolve(output)));
    for (RenderRecord r : jobs.unfinished()) named.add(RenderQueue.output(dir, r.id(), r.attempts()));
    return named;
  }

  /**
   * Deletes what nothing names and is older than the grace period at {@code now}.
   *
   * @return the files deleted
   */
  public List<Path> sweep(Instant now) throws IOException {
    Instant before = now.minus(grace);
    List<Path> old = new ArrayList<>();
    for (String dir : List.of("media", "renders")) {
      store.list(dataDir.resolve(dir), f -> {
        if (f.modified().isBefore(before)) old.add(f.file());
      });
    }
    int forgotten = library.forgetOrphans();
    // Named after the listing: whatever was named before it was listed is seen here.
    Set<Path> named = named(library, jobs, dataDir);
    List<Path> deleted = new ArrayList<>();
    for (Path file : old) {
      if (named.contains(file)) continue;
      store.delete(file);
      deleted.add(file);
    }
    if (!deleted.isEmpty() || forgotten > 0) {
      log.info("clean-up: deleted {} file(s) nothing names; forgot {} media of sessions that are gone",
          deleted.size(), forgotten);
    }
    return deleted;
  }
}
