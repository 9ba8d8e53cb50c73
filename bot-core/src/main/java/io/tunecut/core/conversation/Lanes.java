package io.tunecut.core.conversation;

import io.tunecut.core.chat.ChatUser;
import io.tunecut.core.fleet.TurnLeases;
import io.tunecut.core.language.Messages;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One piece of work per person at a time: who is busy, and how a piece of work ends (its last
 * status, a failure in words, the lane freed).
 */
final class Lanes {
  private static final Logger log = LoggerFactory.getLogger(Lanes.class);
  private final Map<ChatUser, Work> running = new ConcurrentHashMap<>();
  private final People people;
  private final Replies replies;
  private final TurnLeases leases;
  private final Object leaseLock = new Object();

  /** @param leases the lanes of the instances sharing a store, or null when this instance is alone */
  Lanes(People people, Replies replies, TurnLeases leases) {
    this.people = people;
    this.replies = replies;
    this.leases = leases;
  }

  /**
   * Takes the person's lane for {@code work}; the work already there when it is taken (here, or
   * {@code work} itself when another instance runs the person's turn), else null.
   */
  Work claim(Work work) {
    if (leases == null) return running.putIfAbsent(work.user, work);
    synchronized (leaseLock) {
      Work there = running.putIfAbsent(work.user, work);
      if (there != null) return there;
      try {
        if (leases.take(work.user)) return null;
        running.remove(work.user, work);
        return work;
      } catch (IOException e) {
        // The shared store is out of reach: the turn runs here rather than not at all.
        log.warn("Running a turn of {} without its lease: {}", work.user, e.getMessage());
        return null;
      }
    }
  }

  /** Hands a claimed lane to the work that really runs in it. */
  void handOver(Work placeholder, Work work) {
    running.replace(work.user, placeholder, work);
  }

  /** The person's running work, or null. */
  Work of(ChatUser user) {
    return running.get(user);
  }

  /** Ends {@code work} with {@code outcome}: a failure is said, and the lane is freed either way. */
  void settle(Work work, CompletableFuture<Void> outcome) {
    outcome.handle((v, t) -> t == null ? CompletableFuture.<Void>completedFuture(null) : fail(work, t))
        .thenCompose(f -> f)
        .whenComplete((v, t) -> end(work));
  }

  /** Shows the last status; the future completes once it is shown. */
  CompletableFuture<Void> finish(Work work, String text) {
    if (work.ticker != null) work.ticker.cancel(false);
    // The work is over: the person may go on while the last edit waits for its slot in the budget.
    running.remove(work.user, work);
    giveBack(work.user);
    CompletableFuture<Void> shown = work.status == null ? CompletableFuture.completedFuture(null)
        : work.status.finish(text + " · " + work.say.elapsed(work.elapsedSeconds()));
    return shown.whenComplete((v, t) -> work.answered.complete(null));
  }

  CompletableFuture<Void> fail(Work work, Throwable failure) {
    Messages say = work.say;
    if (ErrorReplies.cancelled(failure) || work.cancelled.get()) {
      return finish(work, say.cancelledStatus());
    }
    if (ErrorReplies.sessionLost(failure)) {
      people.resetSession(work.user, say);
      replies.send(work, say.sessionLost());
    } else {
      replies.send(work, replies.failure(work.user, failure, say));
    }
    return finish(work, say.failedStatus());
  }

  private void end(Work work) {
    if (work.ticker != null) work.ticker.cancel(false);
    running.remove(work.user, work);
    giveBack(work.user);
    work.answered.complete(null);
    work.done.complete(null);
  }

  // Unless a new turn of the person took the lane (and with it the lease) in the meantime.
  private void giveBack(ChatUser user) {
    if (leases == null) return;
    synchronized (leaseLock) {
      if (running.containsKey(user)) return;
      try {
        leases.release(user);
      } catch (IOException e) {
        log.warn("The turn lease of {} will run out instead: {}", user, e.getMessage());
      }
    }
  }

  /**
   * Asks the instance running the person's work to stop it, when it runs at another instance;
   * false when no instance runs it.
   */
  boolean cancelElsewhere(ChatUser user) {
    if (leases == null) return false;
    try {
      return leases.requestCancel(user);
    } catch (IOException e) {
      log.warn("A cancel of {} could not reach the other instances: {}", user, e.getMessage());
      return false;
    }
  }

  /** What stops a person's work here when /cancel was typed at another instance. */
  void onCancelledElsewhere(Consumer<Work> stop) {
    if (leases == null) return;
    leases.onCancelRequested(user -> {
      Work work = running.get(user);
      if (work != null) stop.accept(work);
    });
  }

  /** Stops every progress ticker, when the engine closes. */
  void stopTickers() {
    for (Work w : running.values()) {
      if (w.ticker != null) w.ticker.cancel(false);
    }
  }
}
