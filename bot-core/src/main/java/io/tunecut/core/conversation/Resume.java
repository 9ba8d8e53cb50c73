package io.tunecut.core.conversation;

import io.tunecut.core.chat.ChatPort;
import io.tunecut.core.chat.ChatUser;
import io.tunecut.core.fleet.RenderWatches;
import io.tunecut.core.language.Language;
import io.tunecut.core.language.Messages;
import io.tunecut.core.user.PendingRender;
import io.tunecut.core.user.UserRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a restart: renders that were started and not delivered are polled again and delivered.
 * With instances sharing a store, only renders no live instance watches are picked up, and
 * from then on the watches of an instance that stopped or died are taken over as they run out.
 */
final class Resume {
  private static final Logger log = LoggerFactory.getLogger(Resume.class);

  private final Context ctx;
  private final Lanes lanes;
  private final Progress progress;
  private final Export export;
  // The platforms this instance answers on, for the renders it takes over.
  private final Map<String, ChatPort> ports = new ConcurrentHashMap<>();
  private volatile ScheduledFuture<?> takeovers;

  Resume(Context ctx, Lanes lanes, Progress progress, Export export) {
    this.ctx = ctx;
    this.lanes = lanes;
    this.progress = progress;
    this.export = export;
  }

  /** Every pending render of {@code port}'s platform, reported in its own status message. */
  CompletableFuture<Void> pending(ChatPort port) {
    ports.put(port.platform(), port);
    watchForTakeovers();
    List<UserRecord> pending;
    try {
      pending = ctx.directory().withPendingRenders();
    } catch (IOException e) {
      log.error("cannot read pending renders: {}", e.toString());
      return CompletableFuture.completedFuture(null);
    }
    List<CompletableFuture<Void>> all = new ArrayList<>();
    for (UserRecord record : pending) {
      for (PendingRender render : record.renders()) {
        // A person with linked accounts may have started it on either platform.
        if (render.status() == null || !render.status().chat().platform().equals(port.platform())) continue;
        Work work = watch(port, record.user(), record.language(), render);
        if (work != null) all.add(work.done);
      }
    }
    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
  }

  /** Stops taking over other instances' watches. */
  void stop() {
    ScheduledFuture<?> t = takeovers;
    if (t != null) t.cancel(false);
  }

  private synchronized void watchForTakeovers() {
    if (ctx.watches() == null || takeovers != null) return;
    long every = Math.max(50, ctx.watches().ttl().toMillis() / 2);
    takeovers = ctx.scheduler().scheduleWithFixedDelay(() -> ctx.background(this::takeOver), every, every,
        TimeUnit.MILLISECONDS);
  }

  private void takeOver() {
    List<RenderWatches.Watch> unwatched;
    try {
      unwatched = ctx.watches().unwatched();
    } catch (IOException e) {
      log.warn("cannot look for renders nobody watches: {}", e.toString());
      return;
    }
    for (RenderWatches.Watch w : unwatched) {
      ChatPort port = ports.get(w.render().status().chat().platform());
      if (port == null) continue;
      UserRecord record = recordOf(w.user());
      if (record != null) watch(port, w.user(), record.language(), w.render());
    }
  }

  // The render is polled and delivered here, unless another instance watches it or the person is busy.
  private Work watch(ChatPort port, ChatUser user, String language, PendingRender render) {
    RenderWatches watches = ctx.watches();
    try {
      if (watches != null && !watches.take(new RenderWatches.Watch(user, render))) return null;
    } catch (IOException e) {
      log.warn("render {} of {} not resumed now: {}", render.renderId(), user, e.toString());
      return null;
    }
    Messages say = Messages.of(Language.ofCode(language));
    StatusLine status = StatusLine.existing(port, render.status(), ctx.portPool(), ctx.scheduler());
    Work work = new Work(user, render.status().chat(), port, say, status);
    // One render per person at a time, as before the restart.
    if (lanes.claim(work) != null) {
      handBack(render.renderId());
      return null;
    }
    work.renderId = render.renderId();
    progress.start(work);
    log.info("resuming render {} of {}", render.renderId(), user);
    CompletableFuture<Void> polled = new CompletableFuture<>();
    export.poll(work, null, render.renderId(), 1, 0, export.deadline(), polled);
    lanes.settle(work, polled);
    return work;
  }

  private void handBack(String renderId) {
    if (ctx.watches() == null) return;
    try {
      ctx.watches().handBack(renderId);
    } catch (IOException e) {
      log.debug("the watch of render {} will run out instead: {}", renderId, e.toString());
    }
  }

  private UserRecord recordOf(ChatUser user) {
    try {
      return ctx.directory().get(user);
    } catch (IOException e) {
      log.warn("render of {} not taken over now: {}", user, e.toString());
      return null;
    }
  }
}
