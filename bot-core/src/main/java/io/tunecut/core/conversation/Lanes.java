package io.tunecut.core.conversation;

import io.tunecut.core.chat.ChatUser;
import io.tunecut.core.language.Messages;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One piece of work per person at a time: who is busy, and how a piece of work ends (its last
 * status, a failure in words, the lane freed).
 */
final class Lanes {
  private final Map<ChatUser, Work> running = new ConcurrentHashMap<>();
  private final People people;
  private final Replies replies;

  Lanes(People people, Replies replies) {
    this.people = people;
    this.replies = replies;
  }

  /** Takes the person's lane for {@code work}; the work already there when it is taken, else null. */
  Work claim(Work work) {
    return running.putIfAbsent(work.user, work);
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
    return work.status == null ? CompletableFuture.completedFuture(null)
        : work.status.finish(text + " · " + work.say.elapsed(work.elapsedSeconds()));
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
    work.done.complete(null);
  }

  /** Stops every progress ticker, when the engine closes. */
  void stopTickers() {
    for (Work w : running.values()) {
      if (w.ticker != null) w.ticker.cancel(false);
    }
  }
}
