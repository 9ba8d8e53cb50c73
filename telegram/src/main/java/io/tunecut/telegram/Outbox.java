package io.tunecut.telegram;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import io.tunecut.core.chat.Chat;
import io.tunecut.core.chat.PortStoppedException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one throttle of everything the bot sends to Telegram: a queue per chat, a send budget
 * per chat (a second between calls, three in groups; edits of a status message the chat's edit
 * interval apart) and one global budget shared by every send and edit. A newer text for a status
 * message whose edit has not gone out yet takes that edit's place. A 429 pauses that chat's queue
 * for Telegram's retry_after, then the call is tried again.
 *
 * <p>Every wait is a task scheduled for later (the budgets here, retry_after by Failsafe's retry
 * policy run asynchronously), so no thread sleeps and the worker pool only ever holds calls in flight.
 *
 * <p>At {@link #close} the messages that wait (a chat's budget, a retry_after) still go out within
 * a grace time; what cannot is failed and logged, so nobody waits on it for ever and nothing is
 * lost unsaid. Status edits are dropped then: a progress line is stale once the bot stops, and
 * the next start edits the same message anew.
 */
final class Outbox {
  private static final Logger log = LoggerFactory.getLogger(Outbox.class);
  /** Telegram: about 30 messages a second over all chats; 25 leaves room for its counting. */
  static final Duration GLOBAL_INTERVAL = Duration.ofMillis(40);
  static final Duration PRIVATE_INTERVAL = Duration.ofSeconds(1);
  /** Telegram: 20 messages a minute in a group. */
  static final Duration GROUP_INTERVAL = Duration.ofSeconds(3);
  private static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(120);
  private static final int MAX_TRIES = 3;

  private final ScheduledExecutorService scheduler;
  private final Executor workers;
  private final Function<Chat, Duration> editInterval;
  private final Object global = new Object();
  private long globalFreeNanos = System.nanoTime();
  // Idle chats are forgotten: a chat's queue and budget live while it has something to send. The
  // global budget bounds how many chats can post in 30 minutes (45,000).
  private final Cache<String, Lane> lanes = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(30)).build();
  /** Notified each time a call ends, for {@link #close} waiting until nothing waits. */
  private final Object settled = new Object();
  /** From the start of close: edits are dropped, messages still go out. */
  private volatile boolean closing;
  /** From the end of the grace time: nothing goes out. */
  private volatile boolean closed;

  /** One Bot API call. */
  @FunctionalInterface
  interface Send<T> {
    T run() throws IOException;
  }

  /**
   * @param scheduler runs the waits (budgets, retry_after); never a Bot API call
   * @param workers runs the Bot API calls
   */
  Outbox(ScheduledExecutorService scheduler, Executor workers, Function<Chat, Duration> editInterval) {
    this.scheduler = scheduler;
    this.workers = workers;
    this.editInterval = editInterval;
  }

  /**
   * Queues a call for {@code chat}; the future completes with its result once Telegram answered.
   *
   * @param method the Bot API method, for the log when the call cannot go out
   */
  <T> CompletableFuture<T> send(Chat chat, String method, Send<T> call) {
    return lane(chat).add(new Job(null, method, call));
  }

  /**
   * Queues an edit of {@code messageId}; it replaces an edit of the same message that has not gone out yet.
   *
   * @param method the Bot API method (editMessageText, editMessageMedia), for the log
   */
  CompletableFuture<Void> edit(Chat chat, String messageId, String method, Send<Void> call) {
    return lane(chat).add(new Job(messageId, method, call));
  }

  /**
   * Sends what waits (the budgets and retry_after kept) for at most {@code grace}, then fails what
   * is left, each call logged with its chat and method; from then on every call fails at once.
   *
   * @return how many calls could not go out
   */
  int close(Duration grace) {
    long deadline = System.nanoTime() + grace.toNanos();
    closing = true;
    for (Lane lane : lanes.asMap().values()) lane.dropEdits();
    synchronized (settled) {
      long left;
      while (!idle() && (left = deadline - System.nanoTime()) > 0) {
        try {
          TimeUnit.NANOSECONDS.timedWait(settled, left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      closed = true;
    }
    int unsent = 0;
    for (Lane lane : lanes.asMap().values()) unsent += lane.abandon();
    return unsent;
  }

  private boolean idle() {
    for (Lane lane : lanes.asMap().values()) {
      if (!lane.idle()) return false;
    }
    return true;
  }

  private static IOException stopped() {
    return new PortStoppedException("the Telegram bot stopped before this went out");
  }

  private Lane lane(Chat chat) {
    return lanes.get(chat.id(), id -> new Lane(chat));
  }

  /** The 429 in a failure, or null. */
  private static BotApiException tooManyRequests(Throwable failure) {
    return unwrap(failure) instanceof BotApiException e && e.errorCode() == 429 ? e : null;
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof FailsafeException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** A call waiting in a chat's queue. Guarded by its lane. */
  private static final class Job {
    final String editOf;
    final String method;
    Send<?> call;
    CompletableFuture<Object> result = new CompletableFuture<>();
    boolean calling;

    Job(String editOf, String method, Send<?> call) {
      this.editOf = editOf;
      this.method = method;
      this.call = call;
    }

    /** The newer edit goes out in this one's place; the older text is simply never shown. */
    void takeOver(Job newer) {
      CompletableFuture<Object> older = result;
      call = newer.call;
      result = newer.result;
      older.complete(null);
    }
  }

  /** One chat: its queue, its budgets, and the retry its calls run under. */
  private final class Lane {
    private final long intervalNanos;
    private final long editIntervalNanos;
    private final Deque<Job> waiting = new ArrayDeque<>();
    private final FailsafeExecutor<Object> retrying;
    private Job current;
    private boolean wakeScheduled;
    private final String chatId;
    private long freeNanos = System.nanoTime();
    private long editFreeNanos = System.nanoTime();

    Lane(Chat chat) {
      this.chatId = chat.id();
      this.intervalNanos = (chat.group() ? GROUP_INTERVAL : PRIVATE_INTERVAL).toNanos();
      this.editIntervalNanos = editInterval.apply(chat).toNanos();
      RetryPolicy<Object> retryAfter = RetryPolicy.builder()
          .handleIf(failure -> tooManyRequests(failure) != null)
          .withMaxAttempts(MAX_TRIES)
          .withDelayFn(attempt -> retryAfter(attempt.getLastException()))
          .onRetryScheduled(e -> log.info("Telegram asks chat {} to wait {} s (429); its queue pauses", chat.id(), e.getDelay().toSeconds()))
          .build();
      // The chat's queue stays with the call while Failsafe waits out retry_after on the scheduler.
      retrying = Failsafe.with(retryAfter).with(scheduler);
    }

    @SuppressWarnings("unchecked")
    <T> CompletableFuture<T> add(Job job) {
      CompletableFuture<T> result = (CompletableFuture<T>) (CompletableFuture<?>) job.result;
      synchronized (this) {
        if (closing && job.editOf != null) {
          result.complete(null);
          return result;
        }
        // Checked under the lane's lock: a call queued before it closed is one close abandons.
        if (closed) {
          log.warn("Not sent to Telegram chat {}: {} came after the bot stopped", chatId, job.method);
          result.completeExceptionally(stopped());
          return result;
        }
        Job older = job.editOf == null ? null : unsentEditOf(job.editOf);
        if (older != null) {
          older.takeOver(job);
          return result;
        }
        waiting.add(job);
      }
      pump();
      return result;
    }

    private Job unsentEditOf(String messageId) {
      if (current != null && !current.calling && messageId.equals(current.editOf)) return current;
      for (Job queued : waiting) {
        if (messageId.equals(queued.editOf)) return queued;
      }
      return null;
    }

    private void pump() {
      Job job;
      long editDue;
      synchronized (this) {
        if (current != null || waiting.isEmpty()) return;
        long now = System.nanoTime();
        job = next(now);
        editDue = editFreeNanos - now;
        if (job == null && wakeScheduled) return;
        if (job == null) wakeScheduled = true;
        current = job;
      }
      if (job == null) {
        // Only edits wait, and the status may not change yet: the lane stays free for a message meanwhile.
        try {
          scheduler.schedule(() -> {
            synchronized (this) {
              wakeScheduled = false;
            }
            pump();
          }, editDue, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
          log.debug("the Telegram bot is stopping: a status edit for chat {} is dropped", chatId);
        }
        return;
      }
      retrying.getStageAsync(() -> turn(job).thenCompose(ready -> attempt(job))).whenComplete((value, failure) -> {
        CompletableFuture<Object> result;
        synchronized (this) {
          current = null;
          result = job.result;
        }
        if (failure == null) result.complete(value);
        else result.completeExceptionally(unwrap(failure));
        if (!closed) pump();
        synchronized (settled) {
          settled.notifyAll();
        }
      });
    }

    /** No message waits or is on its way (edits do not count: they are dropped at close). */
    synchronized boolean idle() {
      if (current != null && current.editOf == null) return false;
      for (Job job : waiting) {
        if (job.editOf == null) return false;
      }
      return true;
    }

    /** Drops the edits waiting their turn. */
    void dropEdits() {
      List<Job> dropped = new ArrayList<>();
      synchronized (this) {
        for (Iterator<Job> it = waiting.iterator(); it.hasNext(); ) {
          Job job = it.next();
          if (job.editOf != null) {
            dropped.add(job);
            it.remove();
          }
        }
      }
      if (!dropped.isEmpty()) log.debug("the Telegram bot is stopping: {} status edits for chat {} are dropped", dropped.size(), chatId);
      dropped.forEach(job -> job.result.complete(null));
    }

    /** Fails every call still here (the one waiting out a retry_after too), logging each; returns how many. */
    int abandon() {
      List<Job> left = new ArrayList<>();
      boolean inFlight;
      synchronized (this) {
        inFlight = current != null && current.calling;
        if (current != null) left.add(current);
        left.addAll(waiting);
        waiting.clear();
      }
      int unsent = 0;
      for (Job job : left) {
        // A status edit that never shows is a stale progress line; a message is something promised.
        if (job.editOf != null) {
          job.result.complete(null);
          continue;
        }
        if (inFlight && job == left.get(0)) {
          log.warn("No answer from Telegram before stopping for chat {}: {} (it may still arrive)", chatId, job.method);
        } else {
          log.warn("Not sent to Telegram chat {} before stopping: {}", chatId, job.method);
        }
        job.result.completeExceptionally(stopped());
        unsent++;
      }
      return unsent;
    }

    /**
     * The next job: a message before any edit whose interval has not run out (a person's answer
     * never waits behind a status edit pacing itself), else the first in line; null when only
     * edits wait and none may go yet.
     */
    private Job next(long now) {
      if (editFreeNanos <= now) return waiting.poll();
      for (Iterator<Job> it = waiting.iterator(); it.hasNext(); ) {
        Job job = it.next();
        if (job.editOf == null) {
          it.remove();
          return job;
        }
      }
      return null;
    }

    /** Completes when the chat's budget and the global one allow the job's next try; waits on the scheduler. */
    private CompletableFuture<Void> turn(Job job) {
      CompletableFuture<Void> ready = new CompletableFuture<>();
      waitForTurn(job, ready);
      return ready;
    }

    private void waitForTurn(Job job, CompletableFuture<Void> ready) {
      long now = System.nanoTime();
      long due;
      synchronized (this) {
        due = Math.max(freeNanos, job.editOf != null ? editFreeNanos : now);
      }
      due = Math.max(due, globalSlot(now, due <= now));
      if (due <= now) {
        ready.complete(null);
        return;
      }
      try {
        scheduler.schedule(() -> waitForTurn(job, ready), due - now, TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException e) {
        // The bot is closing: the caller hears so rather than wait for ever.
        ready.completeExceptionally(new IOException("the Telegram bot is stopping", e));
      }
    }

    /** One try of the call, on a worker; the chat's budget counts from its answer. */
    private CompletableFuture<Object> attempt(Job job) {
      return CompletableFuture.supplyAsync(() -> {
        Send<?> call;
        synchronized (this) {
          // A retry_after that ran out after close: the call was failed and logged already.
          if (closed) throw new CompletionException(stopped());
          // An edit whose turn came while the bot stops: dropped, as the waiting ones were.
          if (closing && job.editOf != null) return null;
          job.calling = true;
          call = job.call;
        }
        try {
          return call.run();
        } catch (IOException e) {
          // While the chat waits out a 429, a newer text may still take this edit's place.
          if (tooManyRequests(e) != null) {
            synchronized (this) {
              job.calling = false;
            }
          }
          throw new CompletionException(e);
        } finally {
          synchronized (this) {
            long now = System.nanoTime();
            freeNanos = now + intervalNanos;
            if (job.editOf != null) editFreeNanos = now + editIntervalNanos;
          }
        }
      }, workers);
    }
  }

  /**
   * When the global budget next has room; takes that room when it is now and {@code take}.
   * Every chat draws on it, so a burst over many chats stays under Telegram's overall limit.
   */
  private long globalSlot(long now, boolean take) {
    synchronized (global) {
      if (globalFreeNanos > now) return globalFreeNanos;
      if (take) globalFreeNanos = now + GLOBAL_INTERVAL.toNanos();
      return now;
    }
  }

  private static Duration retryAfter(Throwable failure) {
    BotApiException e = tooManyRequests(failure);
    long seconds = e == null ? 1 : Math.max(1, e.retryAfterSeconds());
    return Duration.ofSeconds(Math.min(seconds, MAX_RETRY_AFTER.toSeconds()));
  }
}
