package io.tunecut.studio.internal.compose;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Music made before it is asked for. Once a session's clips are in and no track was sent, the
 * music the plain request would make is played in the background, one piece at a time in the
 * studio, once the clips' cuts are found. A turn asking for exactly that music (same timeline,
 * style, seed and clips) takes it, or waits for it while it is being made; any other request
 * misses it and composes as before. One per session; dropped, file and all, when the session's
 * media change, after {@link #KEPT}, or when the studio closes. Until taken it is nobody's media.
 */
final class Rehearsals implements AutoCloseable {
  /** How long music made ahead waits to be asked for. */
  static final Duration KEPT = Duration.ofMinutes(10);

  /**
   * What decides the music, and whose clips it is for.
   *
   * @param sources the clips' media ids: music made for one person's clips goes to no one else
   */
  record Key(Timeline timeline, String style, long seed, List<String> sources) {}

  /** Where the music would be made for: empty when none would be (too short, no clips). Waits for the cuts. */
  @FunctionalInterface
  interface Planning {
    Optional<Key> plan();
  }

  @FunctionalInterface
  interface Playing {
    /** @param asked whether a turn waits for it now (asked once the sound is there) */
    Piece play(Key key, BooleanSupplier asked) throws IOException;
  }

  private static final class Rehearsal {
    final String session;
    final CompletableFuture<Piece> piece = new CompletableFuture<>();
    Key key;
    Future<?> work;
    boolean taken;

    Rehearsal(String session) {
      this.session = session;
    }
  }

  private final Map<String, Rehearsal> bySession = new HashMap<>();
  /** Keys turns are making music for themselves now: the same music is not made ahead beside them. */
  private final Map<Key, Integer> claimed = new HashMap<>();
  private final ScheduledThreadPoolExecutor worker;

  Rehearsals() {
    worker = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "tunecut-rehearsing");
      t.setDaemon(true);
      // below the analysis (one below normal) and the turns: it is work nobody asked for yet
      t.setPriority(Thread.MIN_PRIORITY);
      return t;
    });
    worker.setRemoveOnCancelPolicy(true);
  }

  /** Starts making the session's music ahead, in place of what was made for it before; returns at once. */
  synchronized void start(String session, Planning planning, Playing playing) {
    drop(session);
    if (worker.isShutdown()) return;
    Rehearsal r = new Rehearsal(session);
    bySession.put(session, r);
    r.work = worker.submit(() -> run(r, planning, playing));
  }

  /** Drops the session's music made ahead (its media changed), stopping it when it is being made. */
  synchronized void drop(String session) {
    Rehearsal r = bySession.remove(session);
    if (r == null) return;
    // Stopped while playing only: while it waits for the cuts the analysis it waits on is everyone's.
    if (r.key != null && !r.piece.isDone()) r.work.cancel(true);
    else if (r.key == null) r.work.cancel(false);
    r.piece.thenAccept(Rehearsals::delete);
  }

  /**
   * The music for {@code key}: made ahead (waiting for it while it is being made), else made
   * now by {@code otherwise}.
   */
  Piece take(Key key, Playing otherwise) throws IOException {
    Rehearsal found = null;
    synchronized (this) {
      for (Rehearsal r : bySession.values()) {
        if (key.equals(r.key) && !r.taken) found = r;
      }
      if (found != null) {
        found.taken = true;
        bySession.remove(found.session);
      } else {
        claimed.merge(key, 1, Integer::sum);
      }
    }
    if (found != null) {
      try {
        return found.piece.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        found.piece.thenAccept(Rehearsals::delete);
        throw new InterruptedIOException("interrupted while waiting for the music");
      } catch (ExecutionException | CancellationException e) {
        // made ahead and failed (or stopped): made now, and says why when it fails again
        return otherwise.play(key, () -> true);
      }
    }
    try {
      return otherwise.play(key, () -> true);
    } finally {
      synchronized (this) {
        claimed.computeIfPresent(key, (k, n) -> n == 1 ? null : n - 1);
      }
    }
  }

  /** Whether the session has music made or being made ahead. */
  synchronized boolean has(String session) {
    return bySession.containsKey(session);
  }

  /** Whether the session's music made ahead is there to take (finished or failed); false when there is none. */
  synchronized boolean ready(String session) {
    Rehearsal r = bySession.get(session);
    return r != null && r.piece.isDone();
  }

  private void run(Rehearsal r, Planning planning, Playing playing) {
    Optional<Key> key = plan(planning);
    synchronized (this) {
      boolean wanted = bySession.get(r.session) == r && key.isPresent() && !claimed.containsKey(key.get())
          && bySession.values().stream().noneMatch(other -> key.get().equals(other.key));
      if (!wanted) {
        bySession.remove(r.session, r);
        r.piece.cancel(false);
        return;
      }
      r.key = key.get();
    }
    Piece made;
    try {
      made = playing.play(r.key, () -> taken(r));
    } catch (IOException | RuntimeException e) {
      synchronized (this) {
        bySession.remove(r.session, r);
      }
      r.piece.completeExceptionally(e);
      return;
    }
    synchronized (this) {
      if (!r.taken && bySession.get(r.session) != r) {
        delete(made); // dropped while it was made
        r.piece.cancel(false);
        return;
      }
      if (!r.taken) worker.schedule(() -> expire(r), KEPT.toMillis(), TimeUnit.MILLISECONDS);
    }
    r.piece.complete(made);
  }

  private synchronized boolean taken(Rehearsal r) {
    return r.taken;
  }

  private static Optional<Key> plan(Planning planning) {
    try {
      return planning.plan();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private synchronized void expire(Rehearsal r) {
    if (bySession.remove(r.session, r)) r.piece.thenAccept(Rehearsals::delete);
  }

  private static void delete(Piece piece) {
    try {
      Files.deleteIfExists(piece.file());
    } catch (IOException e) {
      // the studio's clean-up sweeps the media directory of files no session names
    }
  }

  /** Stops making music ahead and deletes what was made and not taken. */
  @Override
  public void close() {
    synchronized (this) {
      List.copyOf(bySession.keySet()).forEach(this::drop);
    }
    worker.shutdownNow();
  }
}
