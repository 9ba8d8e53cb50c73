package io.tunecut.core.conversation;

import io.tunecut.core.chat.ChatAction;
import io.tunecut.core.language.Messages;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps a work's status line current (activity, elapsed time) and repeats the chat action. */
final class Progress {
  private static final Logger log = LoggerFactory.getLogger(Progress.class);

  private final Context ctx;
  private final Replies replies;

  Progress(Context ctx, Replies replies) {
    this.ctx = ctx;
    this.replies = replies;
  }

  /** Ticks until the work's lane stops the ticker. */
  void start(Work work) {
    Timing timing = ctx.timing();
    work.ticker = ctx.scheduler().scheduleAtFixedRate(() -> {
      try {
        if (work.status == null || work.done.isDone()) return;
        long now = System.nanoTime();
        Messages say = work.say;
        String activity = work.activity;
        if (activity == null) activity = say.working();
        if (now - work.lastSignNanos > timing.silenceNotice().toNanos() && work.turn != null && !work.turn.isDone()) {
          activity = say.stillWorking();
        }
        work.status.show("⏳ " + activity + " · " + say.elapsed(work.elapsedSeconds()));
        if (now - work.lastActionNanos >= timing.chatActionInterval().toNanos()) {
          work.lastActionNanos = now;
          replies.action(work, work.renderId != null ? ChatAction.UPLOADING_VIDEO : ChatAction.TYPING);
        }
      } catch (Throwable e) {
        log.warn("progress of {} not shown", work.user, e);
      }
    }, 0, timing.tick().toMillis(), TimeUnit.MILLISECONDS);
  }
}
