package io.tunecut.core.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunecut.core.chat.MessageRef;
import io.tunecut.core.render.RenderSignals;
import io.tunecut.core.nemo.NemoException;
import io.tunecut.core.nemo.RenderStatus;
import io.tunecut.core.timeline.TimelineSummary;
import io.tunecut.core.user.PendingRender;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An export: a timeline without a clip is answered at once; else it is rendered, polled until
 * it is done, retried once with a fresh id when it fails in a way that may pass (never when
 * the backend says it would repeat), given up after the render timeout, and handed to delivery. A render is kept in
 * the directory while it runs so a restart can pick it up.
 */
final class Export {
  private static final Logger log = LoggerFactory.getLogger(Export.class);

  private final Context ctx;
  private final People people;
  private final Replies replies;
  private final Lanes lanes;
  private final Delivery delivery;
  private final RenderSignals signals;
  private final Set<String> heard = ConcurrentHashMap.newKeySet();

  Export(Context ctx, People people, Replies replies, Lanes lanes, Delivery delivery, RenderSignals signals) {
    this.ctx = ctx;
    this.people = people;
    this.replies = replies;
    this.lanes = lanes;
    this.delivery = delivery;
    this.signals = signals;
  }

  CompletableFuture<Void> run(Work work) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        work.activity = work.say.exportStarting();
        JsonNode draft = people.state(work.user, work.say).draft();
        if (TimelineSummary.hasClip(draft)) {
          String refusal = people.budgetRefusal(work, draft);
          if (refusal == null) return draft;
          replies.send(work, refusal);
          return null;
        }
        // Answered before any render starts: without a clip every render would fail.
        boolean empty = TimelineSummary.of(draft, work.say.language()).empty();
        replies.send(work, empty ? work.say.nothingToExport() : work.say.noClipToExport());
        return null;
      } catch (IOException e) {
        throw new CompletionException(e);
      }
    }, ctx.backendPool()).thenCompose(draft -> {
      if (draft == null) return lanes.finish(work, work.say.failedStatus());
      CompletableFuture<Void> rendered = new CompletableFuture<>();
      start(work, draft, 1, deadline(), rendered);
      return rendered;
    });
  }

  /** When a render started now must be done. */
  long deadline() {
    return System.nanoTime() + ctx.timing().renderTimeout().toNanos();
  }

  private void start(Work work, JsonNode draft, int attempt, long deadline, CompletableFuture<Void> rendered) {
    ctx.backendPool().execute(() -> {
      try {
        if (work.cancelled.get()) throw new CancellationException();
        JsonNode body = draft != null ? draft : people.state(work.user, work.say).draft();
        String renderId = "render_" + UUID.randomUUID().toString().replace("-", "");
        MessageRef statusRef = work.status.created().join();
        people.keepRender(work.user, new PendingRender(renderId, statusRef, ctx.clock().instant()));
        work.renderId = renderId;
        String sessionId = people.session(work.user, work.say);
        RenderStatus started;
        try {
          started = ctx.nemo().startRender(people.auth(work.user), renderId, sessionId, body);
        } catch (IOException | RuntimeException e) {
          people.forgetRender(work.user, renderId);
          work.renderId = null;
          throw e;
        }
        if (started != null && started.phase() == RenderStatus.Phase.FAILED) {
          failed(work, body, renderId, attempt, deadline, started, rendered);
          return;
        }
        work.rendering(started == null ? 0 : started.progress());
        poll(work, body, renderId, attempt, 0, deadline, rendered);
      } catch (Throwable t) {
        rendered.completeExceptionally(t);
      }
    });
  }

  /**
   * Asks for the render's status after the schedule's delay for {@code poll}, or as soon as the
   * signals say it ended, and goes on until it is delivered, failed or out of time;
   * {@code rendered} completes then.
   *
   * @param draft what to render again if it fails; null to read it from the session then
   */
  void poll(Work work, JsonNode draft, String renderId, int attempt, int poll, long deadline,
      CompletableFuture<Void> rendered) {
    Duration delay = ctx.timing().pollSchedule().delay(poll);
    AtomicBoolean asked = new AtomicBoolean();
    Runnable ask = () -> {
      if (asked.compareAndSet(false, true)) ctx.backendPool().execute(() -> status(work, draft, renderId, attempt, poll,
          deadline, rendered));
    };
    ScheduledFuture<?> timer = ctx.scheduler().schedule(ask, delay.toMillis(), TimeUnit.MILLISECONDS);
    signals.whenEnded(renderId, () -> {
      // Each poll waits for the end afresh; one that has asked already is over and must not
      // take the end from the poll waiting now.
      if (asked.get()) return;
      // Heard once per render: a status that disagrees waits for the schedule, not for the signal again.
      if (!heard.add(renderId)) return;
      timer.cancel(false);
      ask.run();
    });
  }

  private void status(Work work, JsonNode draft, String renderId, int attempt, int poll, long deadline,
      CompletableFuture<Void> rendered) {
    try {
      if (work.cancelled.get()) throw new CancellationException();
      RenderStatus st;
      try {
        st = ctx.nemo().renderStatus(people.auth(work.user), renderId);
      } catch (NemoException e) {
        if (e.httpStatus() == 0 && e.code() == 0 && System.nanoTime() < deadline) {
          // A blip on the way to the backend: the render goes on; ask again later.
          poll(work, draft, renderId, attempt, poll + 1, deadline, rendered);
          return;
        }
        throw e;
      }
      if (st.phase().finished()) heard.remove(renderId);
      switch (st.phase()) {
        case COMPLETED -> delivery.deliver(work, renderId, st).whenComplete((v, t) -> rendered.complete(null));
        case FAILED -> failed(work, draft, renderId, attempt, deadline, st, rendered);
        default -> {
          if (System.nanoTime() >= deadline) {
            timedOut(work, renderId, rendered);
            return;
          }
          work.rendering(st.progress());
          poll(work, draft, renderId, attempt, poll + 1, deadline, rendered);
        }
      }
    } catch (Throwable t) {
      rendered.completeExceptionally(t);
    }
  }

  private void timedOut(Work work, String renderId, CompletableFuture<Void> rendered) {
    try {
      ctx.nemo().cancelRender(people.auth(work.user), renderId);
    } catch (IOException e) {
      log.info("cancel of timed-out render {} failed: {}", renderId, e.toString());
    }
    people.forgetRender(work.user, renderId);
    people.renderFailed(work);
    replies.send(work, work.say.renderTimedOut(Math.max(1, ctx.timing().renderTimeout().toMinutes())));
    lanes.finish(work, work.say.failedStatus()).whenComplete((v, t) -> rendered.complete(null));
  }

  /** Tries once more with a fresh id, unless the backend says the failure would repeat. */
  private void failed(Work work, JsonNode draft, String renderId, int attempt, long deadline, RenderStatus st,
      CompletableFuture<Void> rendered) {
    people.forgetRender(work.user, renderId);
    log.info("render {} of {} failed (attempt {}, {}): {}", renderId, work.user, attempt,
        st.retryable() ? "may pass again" : "would fail again", st.error());
    if (attempt < 2 && st.retryable()) {
      work.activity = work.say.renderRetry();
      start(work, draft, attempt + 1, deadline, rendered);
      return;
    }
    people.renderFailed(work);
    replies.send(work, st.retryable() ? work.say.renderFailed(st.error()) : work.say.renderFailedForGood(st.error()));
    lanes.finish(work, work.say.failedStatus()).whenComplete((v, t) -> rendered.complete(null));
  }
}
