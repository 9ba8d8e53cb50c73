package io.tunecut.core.conversation;

import io.tunecut.core.chat.ChatAction;
import io.tunecut.core.language.Messages;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a work's status line current (activity and elapsed time; for a render a bar and the
 * time left) and repeats the chat action.
 */
final class Progress {
  private static final Logger log = LoggerFactory.getLogger(Progress.class);

  private final Context ctx;
  private final Replies replies;
  private final RenderPace pace;

  Progress(Context ctx, Replies replies, RenderPace pace) {
    this.ctx = ctx;
    this.replies = replies;
    this.pace = pace;
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
        RenderProgress render = work.render;
        if (render != null && work.renderId != null && render.showing(activity)) {
          pace.measured(work.videoSeconds, render.progress() / 100.0, render.secondsToLastReport());
          work.status.show("⏳ " + say.renderBar(render.progress(), render.secondsLeft(now, work.forecastSeconds)));
        } else {
          work.status.show("⏳ " + activity + " · " + say.elapsed(work.elapsedSeconds()));
        }
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
