package io.tunecut.core.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunecut.core.chat.ChatPort;
import io.tunecut.core.chat.ChatUser;
import io.tunecut.core.chat.InboundMessage;
import io.tunecut.core.language.Messages;
import io.tunecut.core.nemo.RenderStatus;
import io.tunecut.core.timeline.TimelineSummary;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Commands answered at once, even while the person's work runs: help, cancel, credits, status. */
final class QuickCommands {
  private static final Logger log = LoggerFactory.getLogger(QuickCommands.class);

  private final Context ctx;
  private final People people;
  private final Replies replies;
  private final Lanes lanes;
  private final TimelinePictures pictures;

  QuickCommands(Context ctx, People people, Replies replies, Lanes lanes, TimelinePictures pictures) {
    this.ctx = ctx;
    this.people = people;
    this.replies = replies;
    this.lanes = lanes;
    this.pictures = pictures;
    lanes.onCancelledElsewhere(work -> ctx.background(() -> stop(work, work.say)));
  }

  void help(InboundMessage message, ChatPort port) {
    replies.send(port, message.chat(), people.say(message).help(), List.of());
  }

  void cancel(InboundMessage message, ChatPort port) {
    Messages say = people.say(message);
    Work work = lanes.of(message.user());
    String stopped = work != null ? stop(work, say) : stopElsewhere(message.user(), say);
    replies.send(port, message.chat(), stopped == null ? say.nothingToCancel() : stopped, List.of());
  }

  // The instance running the person's work stops it; what it stops is told from the store.
  private String stopElsewhere(ChatUser user, Messages say) {
    String render = renderElsewhere(user);
    if (!lanes.cancelElsewhere(user)) return null;
    return render != null ? say.cancelledRender() : say.cancelledTurn();
  }

  /** Stops the work: what was stopped, in words, or null when there was nothing (left) to stop. */
  private String stop(Work work, Messages say) {
    if (work.status == null || !work.cancelled.compareAndSet(false, true)) return null;
    List<String> what = new ArrayList<>();
    CompletableFuture<?> turn = work.turn;
    if (turn != null && !turn.isDone()) {
      turn.cancel(true);
      what.add(say.cancelledTurn());
    }
    String renderId = work.renderId;
    if (renderId != null) {
      try {
        ctx.nemo().cancelRender(people.auth(work.user), renderId);
      } catch (IOException e) {
        log.info("cancel of render {} not confirmed: {}", renderId, e.toString());
      }
      people.forgetRender(work.user, renderId);
      what.add(say.cancelledRender());
    }
    if (work.uploading) what.add(say.cancelledUpload());
    if (what.isEmpty()) what.add(say.cancelledTurn());
    return String.join(" ", what);
  }

  // The render another instance watches for the person, if any.
  private String renderElsewhere(ChatUser user) {
    if (ctx.watches() == null) return null;
    try {
      return ctx.watches().of(user).map(w -> w.render().renderId()).orElse(null);
    } catch (IOException e) {
      log.info("the renders of {} not read: {}", user, e.toString());
      return null;
    }
  }

  // How far the person's render is, wherever it is watched; null when none runs.
  private String renderLine(ChatUser user, Messages say) {
    Work work = lanes.of(user);
    String renderId = work != null && work.renderId != null ? work.renderId : renderElsewhere(user);
    if (renderId == null) return null;
    try {
      RenderStatus st = ctx.nemo().renderStatus(people.auth(user), renderId);
      return st.phase().finished() ? null : "⏳ " + say.rendering(st.progress());
    } catch (IOException e) {
      log.info("render {} of {} not asked about: {}", renderId, user, e.toString());
      return null;
    }
  }

  void credits(InboundMessage message, ChatPort port) {
    Messages say = people.say(message);
    String share = people.hasCreditShare(message.user()) ? people.access().left(message.user(), say) : null;
    if (share != null) {
      // The operator's balance is theirs: the person sees their own share of it.
      replies.send(port, message.chat(), share, Replies.suggestions(say));
      return;
    }
    try {
      var c = ctx.nemo().credits(people.auth(message.user()));
      String text = c.renderMinutes() ? say.renderMinutes(c.available(), c.frozen()) : say.credits(c.available(), c.frozen());
      String left = people.access().left(message.user(), say);
      if (left != null) text += "\n" + left;
      replies.send(port, message.chat(), text, Replies.suggestions(say));
    } catch (Exception e) {
      replies.send(port, message.chat(), replies.failure(message.user(), e, say), List.of());
    }
  }

  void status(InboundMessage message, ChatPort port) {
    Messages say = people.say(message);
    try {
      JsonNode draft = people.state(message.user(), say).draft();
      TimelineSummary summary = TimelineSummary.of(draft, say.language());
      String render = renderLine(message.user(), say);
      String timeline = summary.empty() ? say.emptyTimeline() : say.timeline(summary.toString());
      if (render != null) timeline += "\n" + render;
      if (summary.empty()) replies.send(port, message.chat(), timeline, Replies.suggestions(say));
      else pictures.show(port, message.chat(), message.user(), say, timeline, Replies.suggestions(say));
    } catch (Exception e) {
      if (ErrorReplies.sessionLost(e)) {
        people.resetSession(message.user(), say);
        replies.send(port, message.chat(), say.sessionLost(), List.of());
      } else {
        replies.send(port, message.chat(), replies.failure(message.user(), e, say), List.of());
      }
    }
  }
}
