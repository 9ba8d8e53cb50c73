package io.tunecut.core.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunecut.core.chat.ChatAction;
import io.tunecut.core.language.Messages;
import io.tunecut.core.timeline.TimelineSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * "preview": the backend renders the timeline small and at once, for free, and it goes out as
 * a playable video marked as a preview. A backend without previews (the NemoVideo cloud) is
 * said so, with the way to the real video.
 */
final class QuickPreview {
  /** A preview is made to fit every platform; this only stops a backend sending something else. */
  private static final long MOST_BYTES = 64L * 1024 * 1024;

  private final Context ctx;
  private final People people;
  private final Replies replies;
  private final Lanes lanes;

  QuickPreview(Context ctx, People people, Replies replies, Lanes lanes) {
    this.ctx = ctx;
    this.people = people;
    this.replies = replies;
    this.lanes = lanes;
  }

  CompletableFuture<Void> run(Work work) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return make(work);
      } catch (IOException e) {
        throw new CompletionException(e);
      }
    }, ctx.backendPool()).thenCompose(last -> lanes.finish(work, last));
  }

  /** @return the status line's last words */
  private String make(Work work) throws IOException {
    Messages say = work.say;
    JsonNode draft = people.state(work.user, say).draft();
    if (!TimelineSummary.hasClip(draft)) {
      boolean empty = TimelineSummary.of(draft, say.language()).empty();
      replies.send(work, empty ? say.nothingToExport() : say.noClipToExport());
      return say.failedStatus();
    }
    work.activity = say.previewing();
    replies.action(work, ChatAction.UPLOADING_VIDEO);
    Path file = ctx.workDir().resolve("preview-" + UUID.randomUUID() + ".mp4");
    try {
      if (!ctx.nemo().preview(people.auth(work.user), people.session(work.user, say), file, MOST_BYTES)) {
        replies.send(work, say.noPreviewHere(), Replies.suggestions(say));
        return say.done();
      }
      long limit = work.port.limits(work.chat).maxUploadBytes();
      boolean sent = Files.size(file) <= limit
          && replies.sendVideo(work, file, say.previewCaption());
      if (!sent) {
        replies.send(work, say.previewTooLarge(), Replies.suggestions(say));
        return say.done();
      }
      return say.previewReady();
    } finally {
      ctx.deleteQuietly(file);
    }
  }
}
