package io.tunecut.studio.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tunecut.studio.draft.Draft;
import io.tunecut.studio.media.Media;
import io.tunecut.studio.render.RenderCancelledException;
import io.tunecut.studio.render.RenderFailedException;
import io.tunecut.studio.render.Renderer;
import io.tunecut.studio.store.MediaLibrary;
import io.tunecut.studio.store.MediaRecord;
import io.tunecut.studio.store.RenderJobs;
import io.tunecut.studio.store.RenderRecord;
import io.tunecut.studio.store.RenderStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs renders in order with a fixed number at once. Jobs live in the store, so the ones
 * that were queued or running when the studio stopped run again when it starts.
 */
public final class RenderQueue implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RenderQueue.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final RenderJobs jobs;
  private final MediaLibrary library;
  private final Renderer renderer;
  private final BeforeRender beforeRender;
  private final Path dataDir;
  private final Path rendersDir;
  private final ExecutorService workers;
  private final Map<String, Future<?>> running = new ConcurrentHashMap<>();
  private final Map<String, Double> liveProgress = new ConcurrentHashMap<>();
  private final List<RenderEnded> listeners = new CopyOnWriteArrayList<>();
  private volatile boolean closing;

  public RenderQueue(RenderJobs jobs, MediaLibrary library, Renderer renderer, Path dataDir, int concurrency)
      throws IOException {
    this(jobs, library, renderer, BeforeRender.NOTHING, dataDir, concurrency);
  }

  public RenderQueue(RenderJobs jobs, MediaLibrary library, Renderer renderer, BeforeRender beforeRender,
      Path dataDir, int concurrency) throws IOException {
    this.jobs = jobs;
    this.library = library;
    this.renderer = renderer;
    this.beforeRender = beforeRender;
    this.dataDir = dataDir.toAbsolutePath().normalize();
    this.rendersDir = this.dataDir.resolve("renders");
    Files.createDirectories(rendersDir);
    AtomicInteger n = new AtomicInteger();
    this.workers = new ThreadPoolExecutor(concurrency, concurrency, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        r -> {
          Thread t = new Thread(r, "render-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  /** Queues again every job that had not finished when the studio last stopped. */
  public int resume() {
    int count = 0;
    for (RenderRecord r : jobs.unfinished()) {
      jobs.update(r.id(), RenderStatus.PENDING, 0, null, null);
      schedule(r.id());
      count++;
    }
    if (count > 0) log.info("resuming {} unfinished render(s)", count);
    return count;
  }

  /** Tells {@code listener} of every render that ends from now on. */
  public void onEnded(RenderEnded listener) {
    listeners.add(listener);
  }

  /** @return false when the id is already taken */
  public boolean submit(RenderRecord job) {
    if (!jobs.insert(job)) return false;
    schedule(job.id());
    return true;
  }

  /** The job as stored, with the running job's latest progress. */
  public Optional<RenderRecord> find(String id) {
    return jobs.find(id).map(r -> {
      Double live = liveProgress.get(r.id());
      if (live == null || r.status() != RenderStatus.PROCESSING) return r;
      return new RenderRecord(r.id(), r.userId(), r.sessionId(), r.draft(), r.status(), Math.max(live, r.progress()),
          r.error(), r.output(), r.minutes(), r.day());
    });
  }

  /** The finished output, when there is one. */
  public Optional<Path> output(RenderRecord r) {
    if (r.status() != RenderStatus.COMPLETED || r.output() == null) return Optional.empty();
    Path file = dataDir.resolve(r.output()).normalize();
    return file.startsWith(rendersDir) && Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  /** Stops a queued or running render. @return false when it had already finished */
  public boolean cancel(String id) {
    synchronized (this) {
      Optional<RenderRecord> r = jobs.find(id);
      if (r.isEmpty() || r.get().finished()) return false;
      jobs.update(id, RenderStatus.CANCELLED, r.get().progress(), null, null);
      Future<?> f = running.get(id);
      if (f != null) f.cancel(true);
    }
    tell(id, RenderStatus.CANCELLED);
    return true;
  }

  private void schedule(String id) {
    running.put(id, workers.submit(() -> run(id)));
  }

  private void run(String id) {
    try {
      RenderRecord job;
      synchronized (this) { // against cancel(): a cancelled job must not be marked running again
        job = jobs.find(id).orElse(null);
        if (job == null || job.finished() || closing) return;
        jobs.update(id, RenderStatus.PROCESSING, 0, null, null);
      }
      liveProgress.put(id, 0.0);
      Path part = rendersDir.resolve(id + ".part.mp4");
      Path done = rendersDir.resolve(id + ".mp4");
      try {
        Files.deleteIfExists(part);
        Map<String, Media> media = new LinkedHashMap<>();
        for (MediaRecord m : library.ofSession(job.sessionId(), job.userId())) media.put(m.media().id(), m.media());
        Draft draft = beforeRender.prepare(Draft.read(MAPPER.readTree(job.draft())), media.values());
        long[] lastWrite = {0};
        renderer.render(draft, media, part, fraction -> {
          double pct = Math.max(0, Math.min(99, fraction * 100));
          liveProgress.merge(id, pct, Math::max);
          long now = System.nanoTime();
          if (now - lastWrite[0] > TimeUnit.SECONDS.toNanos(1)) {
            lastWrite[0] = now;
            jobs.progress(id, Math.round(liveProgress.get(id) * 10) / 10.0);
          }
        });
        if (Thread.currentThread().isInterrupted()) throw new RenderCancelledException();
        Files.move(part, done, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        boolean completed = false;
        synchronized (this) {
          if (jobs.find(id).map(RenderRecord::finished).orElse(true)) {
            Files.deleteIfExists(done); // cancelled as it finished
          } else {
            jobs.update(id, RenderStatus.COMPLETED, 100, null, dataDir.relativize(done).toString());
            completed = true;
          }
        }
        if (completed) tell(id, RenderStatus.COMPLETED);
      } catch (RenderCancelledException e) {
        deleteQuietly(part);
        if (closing) {
          log.info("render {} stopped by shutdown; it runs again at the next start", id);
        } else {
          finishUnlessFinished(id, RenderStatus.CANCELLED, null);
        }
      } catch (RenderFailedException e) {
        deleteQuietly(part);
        log.info("render {} failed: {}", id, e.getMessage());
        finishUnlessFinished(id, RenderStatus.FAILED, e.getMessage());
      } catch (RuntimeException | IOException e) {
        deleteQuietly(part);
        log.warn("render {} failed unexpectedly", id, e);
        finishUnlessFinished(id, RenderStatus.FAILED, "the render failed unexpectedly: " + e.getClass().getSimpleName());
      }
    } catch (RuntimeException e) {
      log.warn("render {} could not be run", id, e);
    } finally {
      liveProgress.remove(id);
      running.remove(id);
    }
  }

  private void finishUnlessFinished(String id, RenderStatus status, String error) {
    boolean ended = false;
    synchronized (this) {
      if (closing) return; // stays queued for the next start
      Optional<RenderRecord> r = jobs.find(id);
      if (r.isPresent() && !r.get().finished()) {
        jobs.update(id, status, r.get().progress(), error, null);
        ended = true;
      }
    }
    if (ended) tell(id, status);
  }

  private void tell(String id, RenderStatus status) {
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
      // a stray partial file is overwritten by the next attempt
    }
  }

  /** Stops the workers; running renders stay marked as running and run again at the next start. */
  @Override
  public void close() {
    closing = true;
    workers.shutdownNow();
    try {
      if (!workers.awaitTermination(20, TimeUnit.SECONDS)) log.warn("renders did not stop within 20 s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
