package io.tunecut.core.conversation;

import io.tunecut.core.chat.Chat;
import io.tunecut.core.chat.ChatPort;
import io.tunecut.core.chat.MessageRef;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one status message of a piece of work. Edits go out no more often than the platform
 * allows; only the latest text is shown and an unchanged text is never sent again.
 */
final class StatusLine {
  private static final Logger log = LoggerFactory.getLogger(StatusLine.class);
  // The platform measures the interval on its side: leave it a little slack.
  private static final long SLACK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

  private final ChatPort port;
  private final Executor portPool;
  private final ScheduledExecutorService scheduler;
  private final long intervalNanos;
  private final CompletableFuture<MessageRef> created = new CompletableFuture<>();
  private final CompletableFuture<Void> finished = new CompletableFuture<>();

  private MessageRef ref;
  private String desired;
  private String shown;
  private long lastEditNanos;
  private boolean inFlight;
  private boolean scheduled;
  private boolean finishing;

  private StatusLine(ChatPort port, Chat chat, Executor portPool, ScheduledExecutorService scheduler) {
    this.port = port;
    this.portPool = portPool;
    this.scheduler = scheduler;
    Duration interval = port.limits(chat).minEditInterval();
    this.intervalNanos = interval == null ? 0 : interval.toNanos();
  }

  /** Posts a new status message at once. */
  static StatusLine post(ChatPort port, Chat chat, String text, Executor portPool, ScheduledExecutorService scheduler) {
    StatusLine line = new StatusLine(port, chat, portPool, scheduler);
    synchronized (line) {
      line.inFlight = true;
      line.shown = text;
    }
    // Asynchronous: a port that holds a chat back (a 429's wait) holds no thread of the pool meanwhile.
    port.createStatusAsync(chat, text, portPool).whenComplete((posted, failure) -> {
      if (failure != null) log.warn("status message refused by {}: {}", port.platform(), ErrorReplies.unwrap(failure).toString());
      MessageRef shown = failure == null ? posted : null;
      synchronized (line) {
        line.lastEditNanos = System.nanoTime();
        line.ref = shown;
        line.inFlight = false;
      }
      line.created.complete(shown);
      line.pump();
    });
    return line;
  }

  /** Continues a status message posted before (after a restart). */
  static StatusLine existing(ChatPort port, MessageRef ref, Executor portPool, ScheduledExecutorService scheduler) {
    StatusLine line = new StatusLine(port, ref.chat(), portPool, scheduler);
    line.ref = ref;
    line.lastEditNanos = System.nanoTime() - line.intervalNanos;
    line.created.complete(ref);
    return line;
  }

  /** The message, once posted; null when the platform refused it. */
  CompletableFuture<MessageRef> created() {
    return created;
  }

  /** Shows {@code text} as soon as the edit budget allows. */
  void show(String text) {
    synchronized (this) {
      if (finishing) return;
      desired = text;
    }
    pump();
  }

  /** Shows a last text; the future completes once it is shown (or could not be). No edits after. */
  CompletableFuture<Void> finish(String text) {
    synchronized (this) {
      if (!finishing) {
        finishing = true;
        desired = text;
      }
    }
    pump();
    return finished;
  }

  private void pump() {
    String text;
    synchronized (this) {
      if (inFlight || scheduled) return;
      if (ref == null) {
        if (created.isDone() && finishing) finished.complete(null);
        return;
      }
      if (desired == null || desired.equals(shown)) {
        if (finishing) finished.complete(null);
        return;
      }
      long wait = lastEditNanos + intervalNanos + (intervalNanos > 0 ? SLACK_NANOS : 0) - System.nanoTime();
      if (wait > 0) {
        scheduled = true;
        scheduler.schedule(() -> {
          synchronized (this) {
            scheduled = false;
          }
          pump();
        }, wait, TimeUnit.NANOSECONDS);
        return;
      }
      text = desired;
      inFlight = true;
    }
    port.editStatusAsync(ref, text, portPool).whenComplete((done, failure) -> {
      if (failure != null) log.warn("status edit refused by {}: {}", port.platform(), ErrorReplies.unwrap(failure).toString());
      // The interval counts from the edit's end: however long the platform held it, the next waits its turn.
      synchronized (this) {
        lastEditNanos = System.nanoTime();
        shown = text;
        inFlight = false;
      }
      pump();
    });
  }
}
