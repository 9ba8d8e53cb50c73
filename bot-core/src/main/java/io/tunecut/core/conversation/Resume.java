package io.tunecut.core.conversation;

import io.tunecut.core.chat.ChatPort;
import io.tunecut.core.language.Language;
import io.tunecut.core.language.Messages;
import io.tunecut.core.user.PendingRender;
import io.tunecut.core.user.UserRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** After a restart: renders that were started and not delivered are polled again and delivered. */
final class Resume {
  private static final Logger log = LoggerFactory.getLogger(Resume.class);

  private final Context ctx;
  private final Lanes lanes;
  private final Progress progress;
  private final Export export;

  Resume(Context ctx, Lanes lanes, Progress progress, Export export) {
    this.ctx = ctx;
    this.lanes = lanes;
    this.progress = progress;
    this.export = export;
  }

  /** Every pending render of {@code port}'s platform, reported in its own status message. */
  CompletableFuture<Void> pending(ChatPort port) {
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
        Messages say = Messages.of(Language.ofCode(record.language()));
        StatusLine status = StatusLine.existing(port, render.status(), ctx.portPool(), ctx.scheduler());
        Work work = new Work(record.user(), render.status().chat(), port, say, status);
        // One render per person at a time, as before the restart.
        if (lanes.claim(work) != null) continue;
        work.renderId = render.renderId();
        progress.start(work);
        log.info("resuming render {} of {}", render.renderId(), record.user());
        CompletableFuture<Void> polled = new CompletableFuture<>();
        export.poll(work, null, render.renderId(), 1, 0, export.deadline(), polled);
        lanes.settle(work, polled);
        all.add(work.done);
      }
    }
    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
  }
}
