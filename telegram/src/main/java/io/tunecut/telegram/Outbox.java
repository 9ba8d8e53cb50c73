package io.tunecut.telegram;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tunecut.core.chat.Chat;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one throttle of everything the bot sends to Telegram: a queue per chat, a send budget
 * per chat (calls of one chat a second apart, three in groups; edits of a status message the
 * chat's edit interval apart) and one global budget shared by every send and edit. A newer
 * text for a status message waiting in line replaces the older one. A 429 pauses that chat's
 * queue for Telegram's retry_after and tries the call again; nothing ever sleeps on a thread.
 */
final class Outbox {
  private static final Logger log = LoggerFactory.getLogger(Outbox.class);
  /** Telegram: about 30 messages a second over all chats. */
  static final Duration GLOBAL_INTERVAL = Duration.ofMillis(34);
  static final Duration PRIVATE_INTERVAL = Duration.ofSeconds(1);
  /** Telegram: 20 messages a minute in a group. */
  static final Duration GROUP_INTERVAL = Duration.ofSeconds(3);
  private static final long MAX_RETRY_AFTER_SECONDS = 120;
  private static final int MAX_TRIES = 3;

  private final ScheduledExecutorService scheduler;
  private final Executor workers;
  private final java.util.function.Function<Chat, Duration> editInterval;
  // Idle chats are forgotten: a chat's queue lives while it has something to send.
  private final Cache<String, Lane> lanes = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(30)).build();
  private final Object global = new Object();
  private long globalFreeNanos = System.nanoTime();

  /** One Bot API call. */
  @FunctionalInterface
  interface Send<T> {
    T run() throws java.io.IOException;
  }

  Outbox(ScheduledExecutorService scheduler, Executor workers, java.util.function.Function<Chat, Duration> editInterval) {
    this.scheduler = scheduler;
    this.workers = workers;
    this.editInterval = editInterval;
  }

  /** Queues a call for {@code chat}; the future completes with its result once Telegram answered. */
  <T> CompletableFuture<T> send(Chat chat, Send<T> call) {
    Job<T> job = new Job<>(null, call);
    lane(chat).add(job);
    return job.result;
  }

  /** Queues an edit of {@code messageId}; a later edit of the same message waiting in line replaces it. */
  CompletableFuture<Void> edit(Chat chat, String messageId, Send<Void> call) {
    Job<Void> job = new Job<>(messageId, call);
    lane(chat).add(job);
    return job.result;
  }

  private Lane lane(Chat chat) {
    return lanes.get(chat.id(), id -> new Lane(chat));
  }

  private static final class Job<T> {
    final String editOf;
    final Send<T> call;
    final CompletableFuture<T> result = new CompletableFuture<>();
    int tries;

    Job(String editOf, Send<T> call) {
      this.editOf = editOf;
      this.call = call;
    }
  }

  private final class Lane {
    private final Chat chat;
    private final Deque<Job<?>> waiting = new ArrayDeque<>();
    private boolean busy;
    private boolean scheduled;
    private long freeNanos = System.nanoTime();
    private long editFreeNanos = System.nanoTime();

    Lane(Chat chat) {
      this.chat = chat;
    }

    void add(Job<?> job) {
      synchronized (this) {
        if (job.editOf != null) {
          for (var it = waiting.iterator(); it.hasNext(); ) {
            Job<?> queued = it.next();
            if (job.editOf.equals(queued.editOf)) {
              it.remove();
              queued.result.complete(null);
            }
          }
        }
        waiting.add(job);
      }
      pump();
    }

    private void pump() {
      Job<?> job;
      synchronized (this) {
        if (busy || scheduled || waiting.isEmpty()) return;
        long now = System.nanoTime();
        Job<?> head = waiting.peek();
        long due = Math.max(freeNanos, head.editOf != null ? editFreeNanos : 0);
        due = Math.max(due, globalSlot(now, due <= now));
        if (due > now) {
          scheduled = true;
          scheduler.schedule(() -> {
            synchronized (this) {
              scheduled = false;
            }
            pump();
          }, due - now, TimeUnit.NANOSECONDS);
          return;
        }
        job = waiting.poll();
        busy = true;
      }
      workers.execute(() -> run(job));
    }

    private <T> void run(Job<T> job) {
      long pause = 0;
      try {
        job.tries++;
        job.result.complete(job.call.run());
      } catch (BotApiException e) {
        if (e.errorCode() == 429 && job.tries < MAX_TRIES) {
          pause = TimeUnit.SECONDS.toNanos(Math.min(Math.max(1, e.retryAfterSeconds()), MAX_RETRY_AFTER_SECONDS));
          log.info("Telegram asks chat {} to wait {} s (429); its queue pauses", chat.id(), TimeUnit.NANOSECONDS.toSeconds(pause));
        } else {
          job.result.completeExceptionally(e);
        }
      } catch (Exception e) {
        job.result.completeExceptionally(e);
      }
      synchronized (this) {
        long now = System.nanoTime();
        if (pause > 0) waiting.addFirst(job);
        freeNanos = now + Math.max(pause, (chat.group() ? GROUP_INTERVAL : PRIVATE_INTERVAL).toNanos());
        if (job.editOf != null) editFreeNanos = now + Math.max(pause, editInterval.apply(chat).toNanos());
        busy = false;
      }
      pump();
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
}
