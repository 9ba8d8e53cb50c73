package io.tunecut.core.conversation;

import io.tunecut.core.chat.ChatAction;
import io.tunecut.core.render.RenderSignals;
import io.tunecut.core.language.Messages;
import io.tunecut.core.nemo.RenderStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A finished render goes to the person: the file through the port when it fits, and the link
 * always. The file is read where the backend wrote it when that is on this machine; else it is
 * downloaded, sent and deleted.
 */
final class Delivery {
  private static final Logger log = LoggerFactory.getLogger(Delivery.class);

  private final Context ctx;
  private final People people;
  private final Replies replies;
  private final Lanes lanes;
  private final NextVideo next;
  private final RenderSignals signals;

  Delivery(Context ctx, People people, Replies replies, Lanes lanes, NextVideo next, RenderSignals signals) {
    this.ctx = ctx;
    this.people = people;
    this.replies = replies;
    this.lanes = lanes;
    this.next = next;
    this.signals = signals;
  }

  CompletableFuture<Void> deliver(Work work, String renderId, RenderStatus st) {
    if (!claimed(renderId)) {
      // Another instance took the watch over while this one seemed gone: it delivers.
      log.info("render {} of {} is delivered by another instance", renderId, work.user);
      work.renderId = null;
      return CompletableFuture.completedFuture(null);
    }
    Messages say = work.say;
    long limit = work.port.limits(work.chat).maxUploadBytes();
    boolean sent = false;
    if (limit > 0) {
      work.activity = say.sendingVideo();
      replies.action(work, ChatAction.UPLOADING_VIDEO);
      Optional<Path> local = signals.file(renderId);
      Path file = local.orElseGet(() -> ctx.workDir().resolve(renderId + ".mp4"));
      try {
        if (local.isEmpty()) ctx.nemo().downloadRender(people.auth(work.user), renderId, st.outputUrl(), file, limit);
        if (Files.exists(file) && Files.size(file) <= limit) {
          sent = replies.sendVideo(work, file, say.videoCaption());
        }
      } catch (IOException e) {
        log.info("render {} goes out as a link only: {}", renderId, e.toString());
      } finally {
        if (local.isEmpty()) ctx.deleteQuietly(file);
      }
    }
    boolean said = true;
    if (st.outputUrl() != null) {
      said = replies.sendPromised(work, sent ? say.videoLink(st.outputUrl()) : say.videoLinkTooLarge(st.outputUrl()),
          Replies.suggestions(say));
    } else if (!sent) {
      said = replies.sendPromised(work, say.noLink(), List.of());
    }
    if (!said) return keepForRestart(work, renderId);
    people.forgetRender(work.user, renderId);
    people.rendered(work);
    work.renderId = null;
    next.exported(work.user);
    return lanes.finish(work, say.renderReady());
  }

  /**
   * The platform stopped before the link went out (the bot shuts down): the render stays in the
   * directory and its delivery unclaimed, so the next start (or a live instance) delivers it again.
   */
  private CompletableFuture<Void> keepForRestart(Work work, String renderId) {
    log.warn("render {} of {}: the platform stopped before its link went out; it is delivered again after a restart",
        renderId, work.user);
    if (ctx.watches() != null) {
      try {
        ctx.watches().unclaimDelivery(renderId);
      } catch (IOException e) {
        log.warn("render {} stays claimed and is not delivered again: {}", renderId, e.toString());
      }
    }
    work.renderId = null;
    return lanes.finish(work, work.say.renderReady());
  }

  // Claimed before anything is sent, so the video goes out once across the instances.
  private boolean claimed(String renderId) {
    if (ctx.watches() == null) return true;
    try {
      return ctx.watches().claimDelivery(renderId);
    } catch (IOException e) {
      // Rather sent twice than not at all.
      log.warn("delivering render {} without claiming it: {}", renderId, e.toString());
      return true;
    }
  }
}
