package io.tunecut.core.conversation;

import io.tunecut.core.chat.Attachment;
import io.tunecut.core.chat.AttachmentTooLargeException;
import io.tunecut.core.chat.Suggestion;
import io.tunecut.core.language.Messages;
import io.tunecut.core.media.MediaFormats;
import io.tunecut.core.nemo.TokenSource;
import io.tunecut.core.nemo.UploadedFile;
import io.tunecut.core.user.UserRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Files and links onto the person's timeline: attachments are checked (could it be media, size) before
 * they are opened, streamed into the work directory, uploaded (or handed to a studio in this
 * process) and deleted; a caption then runs as the turn's instruction.
 */
final class Upload {
  private final Context ctx;
  private final People people;
  private final Replies replies;
  private final Lanes lanes;
  private final ChatTurn turn;
  private final NextVideo next;
  private final TimelinePictures pictures;
  private final DirectUpload direct; // null: files go up over the protocol

  Upload(Context ctx, People people, Replies replies, Lanes lanes, ChatTurn turn, NextVideo next,
      TimelinePictures pictures, DirectUpload direct) {
    this.direct = direct;
    this.ctx = ctx;
    this.people = people;
    this.replies = replies;
    this.lanes = lanes;
    this.turn = turn;
    this.next = next;
    this.pictures = pictures;
  }

  CompletableFuture<Void> files(Work work, List<Attachment> attachments, String caption) {
    long maxFileBytes = ctx.maxFileBytes();
    return CompletableFuture.supplyAsync(() -> {
      Messages say = work.say;
      List<Attachment> accepted = new ArrayList<>();
      for (Attachment a : attachments) {
        if (!MediaFormats.couldBeMedia(a.name(), a.mimeType())) replies.send(work, say.notMedia(a.name()));
        else if (a.size() > maxFileBytes) replies.send(work, say.refusedSize(a.name(), maxFileBytes));
        else accepted.add(a);
      }
      if (accepted.isEmpty()) return false;
      List<Path> files = new ArrayList<>();
      work.uploading = true;
      try {
        for (Attachment a : accepted) {
          if (work.cancelled.get()) throw new CancellationException();
          work.activity = say.receiving(a.name());
          try {
            if (download(a, files) == null) replies.send(work, say.refusedSize(a.name(), maxFileBytes));
          } catch (AttachmentTooLargeException e) {
            replies.send(work, say.tooLargeToReceive(a.name(), e.sizeBytes(), e.limitBytes()));
          }
        }
        if (files.isEmpty()) return false;
        if (work.cancelled.get()) throw new CancellationException();
        work.activity = say.uploading();
        if (next.startsNew(work.user)) {
          newVideo(work, files);
          files.clear(); // kept for a while: the person may add them to the exported video instead
          return true;
        }
        String sessionId = people.session(work.user, say);
        List<UploadedFile> uploaded = upload(people.auth(work.user), sessionId, files);
        replies.send(work, say.uploaded(describe(uploaded, say)), Replies.suggestions(say));
        for (String longClip : people.longClips(work, uploaded)) replies.send(work, longClip);
        return true;
      } catch (IOException e) {
        throw new CompletionException(e);
      } finally {
        work.uploading = false;
        for (Path f : files) ctx.deleteQuietly(f);
      }
    }, ctx.backendPool()).thenCompose(ok -> {
      if (ok && caption != null && !caption.isBlank() && !work.cancelled.get()) return turn.run(work, caption);
      return ok ? doneWithPicture(work) : lanes.finish(work, work.say.failedStatus());
    });
  }

  /**
   * Ends an upload that put files on the timeline, and shows its picture under the answer that
   * named them. The picture does not hold the person's lane: their next message is taken at once.
   */
  private CompletableFuture<Void> doneWithPicture(Work work) {
    CompletableFuture<Void> picture = CompletableFuture.runAsync(() -> pictures.afterUpload(work), ctx.backendPool());
    return lanes.finish(work, work.say.done()).thenCombine(picture, (finished, shown) -> null);
  }

  /** Clips after an export start a new video (the default), and the answer offers to add them to the exported one. */
  private void newVideo(Work work, List<Path> files) throws IOException {
    Messages say = work.say;
    UserRecord before = ctx.directory().get(work.user);
    people.newSession(work.user, say);
    next.keep(work.user, new NextVideo.Moved(before.sessionId(), before.taskId(), List.copyOf(files)));
    List<UploadedFile> uploaded = upload(people.auth(work.user), people.session(work.user, say), files);
    List<Suggestion> choices = new ArrayList<>();
    choices.add(new Suggestion(say.labelAddToLast(), Route.ADD_TO_LAST));
    choices.addAll(Replies.suggestions(say));
    replies.send(work, say.uploadedToNewVideo(describe(uploaded, say)), choices);
  }

  /**
   * The clips that started a new video go to the exported one instead, which is the person's
   * video again; its picture follows.
   */
  CompletableFuture<Void> addToLast(Work work) {
    return CompletableFuture.supplyAsync(() -> {
      Messages say = work.say;
      NextVideo.Moved moved = next.take(work.user);
      if (moved == null || moved.exportedSession() == null) {
        replies.send(work, say.nothingToAddToLast());
        return false;
      }
      try {
        work.activity = say.uploading();
        ctx.directory().update(work.user, r -> r.withSession(moved.exportedSession(), moved.exportedTask()));
        List<UploadedFile> uploaded = upload(people.auth(work.user), moved.exportedSession(), moved.files());
        replies.send(work, say.uploaded(describe(uploaded, say)), Replies.suggestions(say));
        return true;
      } catch (IOException e) {
        throw new CompletionException(e);
      } finally {
        moved.files().forEach(ctx::deleteQuietly);
      }
    }, ctx.backendPool()).thenCompose(added -> added ? doneWithPicture(work) : lanes.finish(work, work.say.done()));
  }

  private List<UploadedFile> upload(TokenSource auth, String sessionId, List<Path> files) throws IOException {
    return direct != null ? direct.upload(auth, sessionId, files) : ctx.nemo().upload(auth, sessionId, files);
  }

  /** Streams an attachment into the work directory; null (and nothing kept) when it is over the limit. */
  private Path download(Attachment a, List<Path> files) throws IOException {
    // A directory of its own keeps the person's file name, which the backend shows back.
    Path dir = Files.createDirectories(ctx.workDir().resolve("in-" + UUID.randomUUID()));
    Path file = dir.resolve(safeName(MediaFormats.uploadName(a.name(), a.mimeType())));
    files.add(file);
    try (InputStream in = a.source().open(); OutputStream out = Files.newOutputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      int n;
      while ((n = in.read(buffer)) >= 0) {
        total += n;
        if (total > ctx.maxFileBytes()) {
          out.close();
          files.remove(file);
          ctx.deleteQuietly(file);
          return null;
        }
        out.write(buffer, 0, n);
      }
    } catch (AttachmentTooLargeException e) {
      files.remove(file);
      ctx.deleteQuietly(file);
      throw e;
    }
    return file;
  }

  /** A link the backend fetches itself onto the timeline; its picture follows. */
  CompletableFuture<Void> link(Work work, String url) {
    return ctx.call(() -> {
      Messages say = work.say;
      work.activity = say.uploading();
      String sessionId = people.session(work.user, say);
      List<UploadedFile> uploaded = ctx.nemo().uploadUrls(people.auth(work.user), sessionId, List.of(URI.create(url.strip())));
      replies.send(work, say.uploaded(describe(uploaded, say)), Replies.suggestions(say));
    }).thenCompose(x -> doneWithPicture(work));
  }

  static List<String> describe(List<UploadedFile> files, Messages say) {
    List<String> out = new ArrayList<>();
    for (UploadedFile f : files) {
      StringBuilder s = new StringBuilder(f.filename() == null ? "?" : f.filename());
      List<String> facts = new ArrayList<>();
      if (f.fileType() != null) facts.add(say.fileType(f.fileType()));
      if (f.duration() > 0) facts.add(say.elapsed(Math.round(f.duration())));
      if (f.width() > 0 && f.height() > 0) facts.add(f.width() + "×" + f.height());
      if (!facts.isEmpty()) s.append(" (").append(String.join(", ", facts)).append(')');
      out.add(s.toString());
    }
    return out;
  }

  private static String safeName(String name) {
    Path last = Path.of(name.replace('\\', '/')).getFileName();
    String base = last == null ? "file" : last.toString();
    return base.replaceAll("[^\\p{L}\\p{N}._ -]", "_");
  }
}
