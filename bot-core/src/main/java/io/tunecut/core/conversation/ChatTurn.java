package io.tunecut.core.conversation;

import io.tunecut.core.language.Messages;
import io.tunecut.core.nemo.SessionState;
import io.tunecut.core.nemo.TokenSource;
import io.tunecut.core.nemo.TurnInterruptedException;
import io.tunecut.core.nemo.TurnListener;
import io.tunecut.core.nemo.TurnResult;
import io.tunecut.core.timeline.TimelineSummary;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A chat turn: the person's words go to the backend's run, its stream feeds the status line,
 * and the answer (or, for a silent turn, what changed on the timeline) goes back.
 */
final class ChatTurn {
  private static final Logger log = LoggerFactory.getLogger(ChatTurn.class);

  private final Context ctx;
  private final People people;
  private final Replies replies;
  private final Lanes lanes;
  private final Export export;
  private final TimelinePictures pictures;
  private final Forecast forecast;

  ChatTurn(Context ctx, People people, Replies replies, Lanes lanes, Export export, TimelinePictures pictures,
      Forecast forecast) {
    this.ctx = ctx;
    this.people = people;
    this.replies = replies;
    this.lanes = lanes;
    this.export = export;
    this.pictures = pictures;
    this.forecast = forecast;
  }

  private record Start(TokenSource auth, String sessionId, SessionState before) {}

  CompletableFuture<Void> run(Work work, String text) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        TokenSource auth = people.auth(work.user);
        String sessionId = people.session(work.user, work.say);
        SessionState before = null;
        try {
          before = ctx.nemo().state(auth, sessionId);
        } catch (IOException e) {
          if (ErrorReplies.sessionLost(e)) throw e;
          log.info("state before the turn of {} unavailable: {}", work.user, e.toString());
        }
        work.activity = work.say.thinking();
        return new Start(auth, sessionId, before);
      } catch (IOException e) {
        throw new CompletionException(e);
      }
    }, ctx.backendPool()).thenCompose(start -> {
      if (work.cancelled.get()) throw new CancellationException();
      CompletableFuture<TurnResult> turn = ctx.nemo().runTurn(start.auth, start.sessionId, text, listener(work));
      work.turn = turn;
      return turn.handleAsync((result, failure) -> {
        if (failure == null) return answer(work, start, result);
        if (ErrorReplies.cancelled(failure) || work.cancelled.get()) throw new CancellationException();
        Throwable t = ErrorReplies.unwrap(failure);
        if (start.before != null && t instanceof TurnInterruptedException) {
          return droppedStream(work, start);
        }
        throw new CompletionException(t);
      }, ctx.backendPool()).thenCompose(f -> f);
    });
  }

  private TurnListener listener(Work work) {
    return new TurnListener() {
      @Override
      public void onText(String text) {
        work.alive();
        work.activity = work.say.writing();
      }

      @Override
      public void onTool(String toolName) {
        work.alive();
        work.activity = work.say.activity(toolName);
      }

      @Override
      public void onAlive() {
        work.alive();
      }

      @Override
      public void onRateLimited(Duration wait) {
        work.alive();
        work.activity = work.say.serviceBusyRetrying(Math.max(1, (wait.toMillis() + 999) / 1000));
      }
    };
  }

  private CompletableFuture<Void> answer(Work work, Start start, TurnResult result) {
    Messages say = work.say;
    if (!result.silent()) {
      GuiWords.Translation translated = GuiWords.translate(result.text().strip(), say);
      if (translated.runExport()) {
        String before = translated.text().isEmpty() ? "" : translated.text() + "\n";
        replies.send(work, before + say.exportingForYou());
        // "export it in 1080p please" is a turn: its long render is announced as /export's is
        return forecast.before(work).thenCompose(x -> export.run(work));
      }
      replies.send(work, translated.text(), Replies.suggestions(say));
      // The picture must not hold the person's lane: their next message is taken at once.
      CompletableFuture<Void> picture = CompletableFuture.runAsync(
          () -> pictures.afterTurn(work, start.auth, start.sessionId, start.before), ctx.backendPool());
      return lanes.finish(work, say.done()).thenCombine(picture, (finished, shown) -> null);
    }
    // A silent turn: tell what changed.
    try {
      SessionState after = ctx.nemo().state(start.auth, start.sessionId);
      String diff = start.before == null ? "" : TimelineSummary.of(start.before.draft(), say.language())
          .diff(TimelineSummary.of(after.draft(), say.language()));
      TimelineSummary now = TimelineSummary.of(after.draft(), say.language());
      if (!diff.isEmpty()) pictures.changed(work, say.changed(diff));
      else if (start.before == null && !now.empty()) replies.send(work, say.timeline(now.toString()), Replies.suggestions(say));
      else replies.send(work, say.unchanged(), Replies.suggestions(say));
    } catch (IOException e) {
      replies.send(work, replies.failure(work.user, e, say));
    }
    return lanes.finish(work, say.done());
  }

  /** The stream broke: the message may have been applied. Never re-send; watch the state instead. */
  private CompletableFuture<Void> droppedStream(Work work, Start start) {
    log.info("turn stream of {} dropped; watching the state", work.user);
    work.activity = work.say.dropped();
    CompletableFuture<Void> watched = new CompletableFuture<>();
    TimelineSummary before = TimelineSummary.of(start.before.draft(), work.say.language());
    scheduleDropCheck(work, start, before, 1, ctx.timing().dropCheckDelay(), watched);
    return watched;
  }

  private void scheduleDropCheck(Work work, Start start, TimelineSummary before, int check, Duration delay,
      CompletableFuture<Void> watched) {
    ctx.scheduler().schedule(() -> ctx.backendPool().execute(() -> {
      if (work.cancelled.get()) {
        watched.completeExceptionally(new CancellationException());
        return;
      }
      Messages say = work.say;
      try {
        SessionState now = ctx.nemo().state(start.auth, start.sessionId);
        String diff = before.diff(TimelineSummary.of(now.draft(), say.language()));
        if (!diff.isEmpty()) {
          replies.send(work, say.droppedChanged(diff), Replies.suggestions(say));
          lanes.finish(work, say.done()).whenComplete((v, t) -> watched.complete(null));
          return;
        }
      } catch (IOException e) {
        log.info("state check {} for {} failed: {}", check, work.user, e.toString());
      }
      if (check >= ctx.timing().dropChecks()) {
        replies.send(work, say.droppedUnchanged());
        lanes.finish(work, say.failedStatus()).whenComplete((v, t) -> watched.complete(null));
      } else {
        scheduleDropCheck(work, start, before, check + 1, ctx.timing().dropCheckInterval(), watched);
      }
    }), delay.toMillis(), TimeUnit.MILLISECONDS);
  }
}
