package io.tunecut.studio.internal.job;

import io.tunecut.studio.server.QueueSettings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.media.Media;
import io.tunecut.studio.server.MediaSettings;
import io.tunecut.studio.internal.media.MediaStore;
import io.tunecut.studio.internal.render.RenderCancelledException;
import io.tunecut.studio.internal.render.RenderFailedException;
import io.tunecut.studio.internal.render.Renderer;
import io.tunecut.studio.internal.store.Database;
import io.tunecut.studio.internal.store.MediaLibrary;
import io.tunecut.studio.internal.store.MediaRecord;
import io.tunecut.studio.internal.store.RenderJobs;
import io.tunecut.studio.internal.store.RenderRecord;
import io.tunecut.studio.internal.store.RenderStatus;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders as queued tasks on the studio's store (db-scheduler): any studio may queue, every
 * worker takes renders in order with a fixed number at once, and a render whose worker died
 * or stopped runs again on another (or on the same at its next start). Each start of a render
 * is an attempt; only the attempt that still owns the render may finish it, so a render has
 * one output.
 */
public final class RenderQueue implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RenderQueue.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String TASK = "render";
  /** Starts of one render at most while its media store keeps failing it; then it has failed. */
  static final int MAX_ATTEMPTS = 8;
  /** The longest a render waits in the queue after its store failed it. */
  private static final Duration LONGEST_WAIT = Duration.ofMinutes(5);

  private final RenderJobs jobs;
  private final MediaLibrary library;
  private final MediaStore store;
  private final Renderer renderer;
  private final BeforeRender beforeRender;
  private final Path dataDir;
  private final Path rendersDir;
  private final Scratch scratch;
  private final RenderMetrics metrics;
  private final OneTimeTask<Void> task;
  private final RecurringTask<Void> cleanUp;
  private final Scheduler scheduler; // null when this studio does not render
  private final SchedulerClient client;
  private final ScheduledExecutorService watch;
  private final QueueBell bell;
  private final Map<String, Running> running = new ConcurrentHashMap<>();
  private final Map<String, Double> liveProgress = new ConcurrentHashMap<>();
  /** Renders done here whose end the store has not written yet: told before the write, found by {@link #find}. */
  private final Map<String, String> completing = new ConcurrentHashMap<>();
  private final List<RenderEnded> listeners = new CopyOnWriteArrayList<>();
  private volatile boolean closing;

  /** A render on one of this studio's threads. */
  private static final class Running {
    final Thread thread;
    final int attempt;
    boolean active = true;

    Running(Thread thread, int attempt) {
      this.thread = thread;
      this.attempt = attempt;
    }

    synchronized void stop() {
      if (active) thread.interrupt();
    }

    synchronized void done() {
      active = false;
    }
  }

  /** @param store where inputs are fetched from and outputs kept, when studios do not share one disk */
  public RenderQueue(Database db, RenderJobs jobs, MediaLibrary library, MediaStore store, Renderer renderer,
      BeforeRender beforeRender, Path dataDir, QueueSettings settings, MeterRegistry registry) throws IOException {
    this.jobs = jobs;
    this.library = library;
    this.store = store;
    this.renderer = renderer;
    this.beforeRender = beforeRender;
    this.dataDir = dataDir.toAbsolutePath().normalize();
    this.rendersDir = this.dataDir.resolve("renders");
    Files.createDirectories(rendersDir);
    this.scratch = new Scratch(this.dataDir, rendersDir, !store.isDataDirectory());
    this.metrics = new RenderMetrics(registry, jobs);
    this.bell = new QueueBell(db);
    this.task = Tasks.oneTime(TASK)
        // Stopped by a shutdown: at once, elsewhere or at the next start. Else a store failed us.
        .onFailure((complete, ops) -> ops.reschedule(complete, Instant.now().plus(closing ? Duration.ZERO
            : wait(settings.storeRetry(), complete.getExecution().consecutiveFailures))))
        .execute(this::execute);
    this.cleanUp = new CleanUp(store, library, jobs, this.dataDir, CleanUp.GRACE).task();
    if (settings.role().renders()) {
      var builder = Scheduler.create(db.dataSource(), task, cleanUp)
          .threads(settings.concurrency())
          .pollingInterval(settings.poll())
          .heartbeatInterval(settings.heartbeat())
          .missedHeartbeatsLimit(settings.missedHeartbeats())
          .schedulerName(new SchedulerName.Fixed(nodeName()))
          .enableImmediateExecution()
          .shutdownMaxWait(Duration.ofSeconds(10))
          .failureLogging(LogLevel.INFO, false);
      // SKIP LOCKED: each idle worker takes the next render in one statement.
      if (db.dialect() == Database.Dialect.POSTGRESQL) builder.pollUsingLockAndFetch(0.5, 1.0);
      this.scheduler = builder.build();
      this.client = scheduler;
      this.watch = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "render-watch");
        t.setDaemon(true);
        return t;
      });
    } else {
      this.scheduler = null;
      this.client = SchedulerClient.Builder.create(db.dataSource(), task).build();
      this.watch = null;
    }
  }

  /** A queue for tests and tools: one process, its metrics kept nowhere. */
  public RenderQueue(Database db, RenderJobs jobs, MediaLibrary library, Renderer renderer, Path dataDir,
      int concurrency) throws IOException {
    this(db, jobs, library, MediaStore.open(MediaSettings.DATA_DIRECTORY, dataDir), renderer, BeforeRender.NOTHING,
        dataDir, QueueSettings.of(concurrency), new SimpleMeterRegistry());
  }

  /** The wait before a render's next start after {@code failures} store failures in a row: doubled each time. */
  static Duration wait(Duration first, int failures) {
    Duration wait = first.multipliedBy(1L << Math.min(failures, 16));
    return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
  }

  /** Where an attempt's finished video is written, under the data directory. */
  static Path output(Path dataDir, String id, int attempt) {
    return dataDir.resolve("renders").resolve(id + "-" + attempt + ".mp4");
  }

  private static String nodeName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "studio";
    }
    return host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
  }

  /**
   * Queues every unfinished render that has no task (written before renders were tasks) and,
   * when this studio renders, starts taking renders.
   *
   * @return how many renders were queued again
   */
  public int resume() {
    int count = 0;
    for (RenderRecord r : jobs.unfinished()) {
      if (client.scheduleIfNotExists(task.instance(r.id()), Instant.now())) count++;
    }
    if (count > 0) log.info("queued {} unfinished render(s) again", count);
    if (scheduler != null) {
      scratch.recover(jobs::owns); // what this worker left when it was killed
      scheduler.start();
      scheduler.scheduleIfNotExists(cleanUp.instance(RecurringTask.INSTANCE), Instant.now().plus(CleanUp.EVERY));
      watch.scheduleWithFixedDelay(this::dropLost, 500, 500, TimeUnit.MILLISECONDS);
      watch.scheduleWithFixedDelay(() -> scratch.dropLeftovers(jobs::owns), 10, 10, TimeUnit.MINUTES);
      bell.listen(scheduler::triggerCheckForDueExecutions);
    }
    return count;
  }

  /** Tells {@code listener} of every render that ends from now on. */
  public void onEnded(RenderEnded listener) {
    listeners.add(listener);
  }

  /** @return false when the id is already taken */
  public boolean submit(RenderRecord job) {
    return submit(job, Double.MAX_VALUE) == RenderJobs.Submit.ACCEPTED;
  }

  /** Queues the job when its owner has {@code minutesPerDay} left for it, whichever studio checks. */
  public RenderJobs.Submit submit(RenderRecord job, double minutesPerDay) {
    RenderJobs.Submit outcome = jobs.insert(job, minutesPerDay);
    if (outcome == RenderJobs.Submit.ACCEPTED) {
      client.scheduleIfNotExists(task.instance(job.id()), Instant.now());
      bell.ring();
      metrics.submitted();
    }
    return outcome;
  }

  /**
   * The job as stored, with the latest progress when it runs here, and completed as soon as its
   * file is in place here, before the store has written so.
   */
  public Optional<RenderRecord> find(String id) {
    // Read before the store: the entry goes only once the store has the end, so one of them says it.
    String completedOutput = completing.get(id);
    return jobs.find(id).map(r -> {
      if (r.status() != RenderStatus.PROCESSING) return r;
      if (completedOutput != null) {
        return new RenderRecord(r.id(), r.userId(), r.sessionId(), r.draft(), RenderStatus.COMPLETED, 100, null,
            completedOutput, r.minutes(), r.day(), r.attempts());
      }
      Double live = liveProgress.get(r.id());
      return live == null ? r : r.withProgress(Math.max(live, r.progress()));
    });
  }

  /** The finished output, when there is one: its place on this machine, or in the media store. */
  public Optional<Path> output(RenderRecord r) {
    if (r.status() != RenderStatus.COMPLETED || r.output() == null) return Optional.empty();
    Path file = dataDir.resolve(r.output()).normalize();
    if (!file.startsWith(rendersDir)) return Optional.empty();
    try {
      return store.find(file).map(kept -> file);
    } catch (IOException e) {
      log.warn("could not look for the output of {}: {}", r.id(), e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * Stops a queued or running render, wherever it runs: here at once, on another worker
   * within a second. @return false when it had already finished
   */
  public boolean cancel(String id) {
    if (completing.containsKey(id) || !jobs.cancel(id)) return false;
    Running r = running.get(id);
    if (r != null) r.stop();
    settled(id, RenderStatus.CANCELLED);
    return true;
  }

  /** Stops the renders here whose attempt lost its render: cancelled, or taken over. */
  private void dropLost() {
    try {
      running.forEach((id, r) -> {
        if (!jobs.owns(id, r.attempt)) r.stop();
      });
    } catch (RuntimeException e) {
      log.debug("could not check the running renders: {}", e.toString());
    }
  }

  private void execute(TaskInstance<Void> instance, ExecutionContext context) {
    String id = instance.getId();
    if (closing) throw new StoppedByShutdown();
    Optional<RenderJobs.Started> started = jobs.start(id);
    if (started.isEmpty()) return; // cancelled before it started
    int attempt = started.get().attempt();
    Instant begun = Instant.now();
    metrics.started(attempt, started.get().waited());
    Running self = new Running(Thread.currentThread(), attempt);
    running.put(id, self);
    liveProgress.put(id, 0.0);
    try {
      RenderStatus end = render(started.get().job(), attempt);
      if (end != null) {
        metrics.ended(end, Duration.between(begun, Instant.now()));
        // A completion was told before its store write; a cancel settled where it was asked.
        if (end == RenderStatus.FAILED) settled(id, end);
      }
    } finally {
      self.done();
      Thread.interrupted(); // a late cancel must not reach the scheduler's own work on this thread
      running.remove(id);
      liveProgress.remove(id);
    }
  }

  /** @return how the render ended, or null when another attempt, a shutdown or a later try has it */
  private RenderStatus render(RenderRecord job, int attempt) {
    String id = job.id();
    Path done = output(dataDir, id, attempt);
    List<MediaStore.Use> held = new ArrayList<>();
    try {
      Path work = scratch.open(id, attempt);
      Path part = work.resolve(id + "-" + attempt + ".part.mp4");
      Map<String, Media> media = inputs(job, work, held);
      Draft draft = beforeRender.prepare(Draft.read(MAPPER.readTree(job.draft())), media.values());
      long[] lastWrite = {0};
      renderer.render(draft, media, part, fraction -> {
        double pct = Math.max(0, Math.min(99, fraction * 100));
        liveProgress.merge(id, pct, Math::max);
        long now = System.nanoTime();
        if (now - lastWrite[0] > TimeUnit.SECONDS.toNanos(1)) {
          lastWrite[0] = now;
          jobs.progress(id, attempt, Math.round(liveProgress.get(id) * 10) / 10.0);
        }
      });
      if (Thread.interrupted()) throw new RenderCancelledException();
      Files.move(part, done, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      keep(done); // before the render says completed: whoever reads that finds the file
      return completed(id, attempt, done);
    } catch (RenderCancelledException e) {
      return stopped(id);
    } catch (StoreFailed e) {
      // Stopped while it copied or kept: a cancel, a shutdown or a takeover, not the store.
      if (e.getCause() instanceof InterruptedIOException) return stopped(id);
      return storeFailed(id, attempt, e);
    } catch (RenderFailedException e) {
      log.info("render {} failed: {}", id, e.getMessage());
      return end(id, attempt, RenderStatus.FAILED, e.getMessage());
    } catch (RuntimeException | IOException e) {
      if (e instanceof Database.StoreException) throw (Database.StoreException) e; // tried again later
      log.warn("render {} failed unexpectedly", id, e);
      return end(id, attempt, RenderStatus.FAILED, "the render failed unexpectedly: " + e.getClass().getSimpleName());
    } finally {
      held.forEach(MediaStore.Use::close);
      scratch.drop(id, attempt);
    }
  }

  /** The render was stopped on this thread. @return CANCELLED, or null when a shutdown or another attempt has it */
  private RenderStatus stopped(String id) {
    Thread.interrupted();
    if (closing) {
      log.info("render {} stopped by shutdown; it runs again on the next worker", id);
      throw new StoppedByShutdown();
    }
    // Cancelled: the store says so already. Lost to another attempt: that one finishes it.
    return jobs.find(id).map(RenderRecord::status).filter(s -> s == RenderStatus.CANCELLED).orElse(null);
  }

  /**
   * The render's media, each a file on this machine: where it is when this machine has it (one
   * machine, or the studio that took the upload; held in {@code held} so that it stays),
   * else copied from the store into the attempt's scratch, which goes when the attempt ends.
   */
  private Map<String, Media> inputs(RenderRecord job, Path work, List<MediaStore.Use> held) throws StoreFailed {
    Map<String, Media> media = new LinkedHashMap<>();
    for (MediaRecord r : library.ofSession(job.sessionId(), job.userId())) {
      Media m = r.media();
      Path file = m.file();
      held.add(store.use(file));
      if (!Files.isRegularFile(file)) {
        Path copy = work.resolve(file.getFileName().toString());
        try {
          if (store.copy(file, copy)) file = copy; // else the renderer says which clip is missing, if it needs it
        } catch (IOException e) {
          throw new StoreFailed(e);
        }
      }
      media.put(m.id(), new Media(m.id(), m.filename(), m.info(), file));
    }
    return media;
  }

  /** Keeps the finished video in the store; this machine's copy goes when the store is elsewhere. */
  private void keep(Path done) throws StoreFailed {
    try {
      store.save(done);
    } catch (IOException e) {
      throw new StoreFailed(e);
    } finally {
      if (!store.isDataDirectory()) deleteQuietly(done);
    }
  }

  /**
   * The store failed the render even when asked again (a store that is away): the render goes
   * back to the queue, and the person still sees it running, until {@link #MAX_ATTEMPTS}.
   */
  private RenderStatus storeFailed(String id, int attempt, StoreFailed e) {
    if (attempt >= MAX_ATTEMPTS) {
      log.warn("render {} failed: the media store failed it {} times: {}", id, attempt, e.getCause().getMessage());
      return end(id, attempt, RenderStatus.FAILED, "the studio could not reach its media store; try again later");
    }
    log.warn("render {} attempt {}: {}; it goes back to the queue", id, attempt, e.getCause().getMessage());
    throw new TriedLater(e);
  }

  /**
   * The file is in place: whoever waits hears it now, and the store writes it after (a commit
   * can take a second on a busy disk). Killed in between, the store still has the render
   * unfinished with its task, so it runs again at the next start: late, never lost.
   */
  private RenderStatus completed(String id, int attempt, Path done) throws IOException {
    String output = dataDir.relativize(done).toString();
    completing.put(id, output);
    boolean written = false;
    try {
      settled(id, RenderStatus.COMPLETED);
      written = jobs.finish(id, attempt, RenderStatus.COMPLETED, 100, null, output);
    } finally {
      completing.remove(id);
    }
    if (written) return RenderStatus.COMPLETED;
    // Cancelled on another studio, or taken over (this worker seemed dead): that attempt has the render.
    log.info("render {} attempt {} finished after it was cancelled elsewhere or taken over; its file is dropped", id, attempt);
    Files.deleteIfExists(done);
    try {
      store.delete(done);
    } catch (IOException e) {
      log.debug("could not delete the dropped file of {}; the clean-up will: {}", id, e.toString());
    }
    return null;
  }

  private RenderStatus end(String id, int attempt, RenderStatus status, String error) {
    double progress = jobs.find(id).map(RenderRecord::progress).orElse(0.0);
    return jobs.finish(id, attempt, status, progress, error, null) ? status : null;
  }

  /**
   * Where a render ends, once: completed or failed on the worker that rendered it, cancelled
   * on the studio that was asked. What must hear of every ending is called from here.
   */
  private void settled(String id, RenderStatus status) {
    log.debug("render {} ended {}", id, status);
    for (RenderEnded listener : listeners) {
      try {
        listener.ended(id, status);
      } catch (RuntimeException e) {
        log.warn("a listener of render {} failed", id, e);
      }
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // a stray partial file is dropped by the next attempt
    }
  }

  /** The media store failed a render even when asked again. */
  private static final class StoreFailed extends Exception {
    StoreFailed(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }

  /** Thrown out of a render the store failed: the failure handler queues it again after a wait. */
  private static final class TriedLater extends RuntimeException {
    TriedLater(StoreFailed cause) {
      super("the media store failed the render; it runs again later", cause, false, false);
    }
  }

  /** Thrown out of a render that a shutdown stopped: the failure handler queues it again at once. */
  private static final class StoppedByShutdown extends RuntimeException {
    StoppedByShutdown() {
      super("stopped by shutdown", null, false, false);
    }
  }

  /** Stops rendering here; renders running here stay running in the store and run again. */
  @Override
  public void close() {
    closing = true;
    if (scheduler == null) return;
    bell.close();
    watch.shutdownNow();
    running.values().forEach(Running::stop);
    scheduler.stop();
  }
}
