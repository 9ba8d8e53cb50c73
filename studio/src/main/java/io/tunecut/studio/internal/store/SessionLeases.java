package io.tunecut.studio.internal.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One edit at a time per session, across every studio on the store: a lease row with an
 * expiry, renewed while the edit runs, so a studio that dies holding one frees it after
 * {@code ttl}. Threads of one studio queue on a lock in memory first, so only one of them
 * asks the store.
 */
public final class SessionLeases implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SessionLeases.class);
  private static final long MAX_POLL_MS = 200;

  private final Database db;
  private final Duration ttl;
  private final Duration patience;
  // Weak values: a session's permit lives while someone holds or waits for it, so this cannot grow without end.
  // A permit, not a lock: a lease may be given back on another thread than took it.
  private final Cache<String, Semaphore> local = Caffeine.newBuilder().weakValues().build();
  private final Map<String, Lease> held = new ConcurrentHashMap<>();
  private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "session-leases");
    t.setDaemon(true);
    return t;
  });

  /**
   * @param ttl how long a lease outlives its studio
   * @param patience how long a second edit waits for the first before it is turned away
   */
  public SessionLeases(Database db, Duration ttl, Duration patience) {
    this.db = db;
    this.ttl = ttl;
    this.patience = patience;
    long every = Math.max(1, ttl.toMillis() / 3);
    renewals.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
  }

  /** The session is busy with another edit for longer than the patience allows. */
  public static final class BusyException extends RuntimeException {
    BusyException(String message) {
      super(message, null, false, false);
    }
  }

  /** A held session; closing it lets the next edit in. */
  public final class Lease implements AutoCloseable {
    private final String sessionId;
    private final String holder = UUID.randomUUID().toString();
    private final Semaphore lock;

    private Lease(String sessionId, Semaphore lock) {
      this.sessionId = sessionId;
      this.lock = lock;
    }

    @Override
    public void close() {
      held.remove(sessionId, this);
      try {
        db.update("DELETE FROM session_leases WHERE session_id = ? AND holder = ?", sessionId, holder);
      } catch (RuntimeException e) {
        log.warn("could not free session {} (it frees itself in {} s): {}", sessionId, ttl.toSeconds(), e.toString());
      } finally {
        lock.release();
      }
    }
  }

  /**
   * Waits until no other edit of the session runs, here or on another studio.
   *
   * @throws BusyException when that takes longer than the patience
   */
  public Lease take(String sessionId) {
    long deadline = System.nanoTime() + patience.toNanos();
    Semaphore lock = local.get(sessionId, k -> new Semaphore(1, true));
    try {
      if (!lock.tryAcquire(patience.toNanos(), TimeUnit.NANOSECONDS)) throw busy();
      Lease lease = new Lease(sessionId, lock);
      try {
        long wait = 5;
        while (!claim(lease)) {
          if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(wait) > deadline) throw busy();
          Thread.sleep(wait); // another studio holds it: its row says until when, and it may end any moment
          wait = Math.min(MAX_POLL_MS, wait * 2);
        }
      } catch (RuntimeException | InterruptedException e) {
        lock.release();
        throw e;
      }
      held.put(sessionId, lease);
      return lease;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw busy();
    }
  }

  private static BusyException busy() {
    return new BusyException("the session is busy with another edit: try again in a moment");
  }

  private boolean claim(Lease lease) {
    long now = System.currentTimeMillis();
    return db.update("INSERT INTO session_leases (session_id, holder, expires_at) VALUES (?, ?, ?)"
        + " ON CONFLICT (session_id) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at"
        + " WHERE session_leases.expires_at < ?", lease.sessionId, lease.holder, now + ttl.toMillis(), now) == 1;
  }

  private void renew() {
    held.values().forEach(lease -> {
      try {
        int kept = db.update("UPDATE session_leases SET expires_at = ? WHERE session_id = ? AND holder = ?",
            System.currentTimeMillis() + ttl.toMillis(), lease.sessionId, lease.holder);
        if (kept == 0) log.warn("session {}: the lease lapsed while an edit ran (the store was out of reach)", lease.sessionId);
      } catch (RuntimeException e) {
        log.warn("could not renew the lease of session {}: {}", lease.sessionId, e.toString());
      }
    });
  }

  @Override
  public void close() {
    renewals.shutdownNow();
  }
}
