package io.tunecut.core.conversation;

import io.tunecut.core.chat.Chat;
import io.tunecut.core.chat.ChatPort;
import io.tunecut.core.chat.ChatUser;
import io.tunecut.core.chat.MessageRef;
import io.tunecut.core.chat.Suggestion;
import io.tunecut.core.language.Messages;
import io.tunecut.core.nemo.SessionState;
import io.tunecut.core.nemo.TimelinePicture;
import io.tunecut.core.nemo.TokenSource;
import io.tunecut.core.timeline.TimelineSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The timeline as a picture where the backend draws one (the tunecut studio), with the words
 * as its caption; the words alone where it does not (the NemoVideo cloud answers 404, and is
 * not asked again) or the platform shows no pictures. The picture is asked for at once: while
 * the studio still works out the beats and cuts of new files it says so on it, and the full
 * picture replaces it (or follows it, where the platform cannot replace a picture) when it shows
 * what the first lacked.
 */
final class TimelinePictures {
  private static final Logger log = LoggerFactory.getLogger(TimelinePictures.class);
  /** Far above a real picture (about 150 kB): a backend sending more is not sending a picture. */
  private static final long MOST_BYTES = 10L * 1024 * 1024;
  /** A picture is drawn in seconds: one that takes longer is not waited for by the next. */
  private static final Duration PROBE_WAIT = Duration.ofMinutes(2);

  private final Context ctx;
  private final People people;
  private final Replies replies;
  private final boolean afterEdits;
  private volatile Support support = Support.UNKNOWN;
  /** While it is not known whether the backend draws, one asks at a time: a crowd would ask the cloud in vain. */
  private final AtomicBoolean probing = new AtomicBoolean();
  /** A probe has ended (whatever it learnt): who waited for it may ask now. */
  private final CompletableFuture<Void> probed = new CompletableFuture<>();

  private enum Support { UNKNOWN, YES, NO }

  /** Per chat, the newest picture being shown: an older one's full picture would show a later timeline. */
  private final ConcurrentMap<Chat, Long> newest = new ConcurrentHashMap<>();
  private final AtomicLong shown = new AtomicLong();

  /** @param afterEdits also after every turn that changed the timeline, not only on /status */
  TimelinePictures(Context ctx, People people, Replies replies, boolean afterEdits) {
    this.ctx = ctx;
    this.people = people;
    this.replies = replies;
    this.afterEdits = afterEdits;
  }

  /** Shows the timeline: its picture with {@code text} under it, or {@code text} alone (nothing when blank). */
  void show(ChatPort port, Chat chat, ChatUser user, Messages say, String text, List<Suggestion> suggestions) {
    show(port, chat, user, say, text, suggestions, support == Support.UNKNOWN && probing.compareAndSet(false, true));
  }

  /** @param probe this caller holds the one probe of a backend not yet known */
  private void show(ChatPort port, Chat chat, ChatUser user, Messages say, String text, List<Suggestion> suggestions,
      boolean probe) {
    if (support == Support.YES || probe) {
      Path file = ctx.workDir().resolve("timeline-" + UUID.randomUUID() + ".png");
      long mine = shown.incrementAndGet();
      newest.put(chat, mine);
      try {
        TimelinePicture first = ctx.nemo().timelinePictureAtOnce(people.auth(user), people.session(user, say), say.language().code(), file,
            MOST_BYTES);
        if (first != null) {
          support = Support.YES;
          if (probe) endProbe(); // known now: the turns waiting for it need not wait for the full picture
          probe = false;
          if (!first.partial()) {
            if (replies.sendPhoto(port, chat, file, text, suggestions)) return;
          } else {
            MessageRef photo = replies.sendReplaceablePhoto(port, chat, file, text, suggestions);
            if (photo != null) {
              completed(port, photo, user, say, first, text, suggestions, mine);
              return;
            }
          }
        } else {
          log.info("the backend draws no timeline pictures: the timeline is told in words");
          support = Support.NO;
        }
      } catch (IOException e) {
        log.info("no timeline picture for {}: {}", user, e.toString());
      } finally {
        if (probe) endProbe();
        newest.remove(chat, mine);
        ctx.deleteQuietly(file);
      }
    }
    if (!text.isBlank()) replies.send(port, chat, text, suggestions);
  }

  /**
   * After a first picture drawn while the studio was still finding the beats or cuts: the full one,
   * once they are found, when it shows any (the same picture again without a "finding" note is not
   * worth a message). It takes the first one's place under the same caption and buttons where the
   * platform replaces pictures (Telegram, Discord), so the chat shows one; elsewhere it follows as a picture
   * of its own.
   */
  private void completed(ChatPort port, MessageRef photo, ChatUser user, Messages say, TimelinePicture first,
      String caption, List<Suggestion> suggestions, long mine) {
    Path file = ctx.workDir().resolve("timeline-" + UUID.randomUUID() + ".png");
    try {
      TimelinePicture full = ctx.nemo().fullTimelinePicture(people.auth(user), people.session(user, say), say.language().code(), file,
            MOST_BYTES);
      if (full == null || !first.completedBy(full)) return;
      if (!Long.valueOf(mine).equals(newest.get(photo.chat()))) return; // a newer picture shows the timeline since
      if (!replies.replacePhoto(port, photo, file, caption, suggestions)) {
        replies.sendPhoto(port, photo.chat(), file, "", List.of());
      }
    } catch (IOException e) {
      log.info("no full timeline picture for {}: {}", user, e.toString());
    } finally {
      ctx.deleteQuietly(file);
    }
  }

  /**
   * After a turn whose answer was said in its own words (with the buttons): the picture alone
   * when the timeline changed, since the answer already says what it is.
   */
  void afterTurn(Work work, TokenSource auth, String sessionId, SessionState before) {
    if (!afterEdits || before == null || support == Support.NO) return;
    if (support == Support.UNKNOWN && probing.get()) {
      // The upload's picture is still asking whether the backend draws: this one follows it.
      try {
        probed.get(PROBE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (ExecutionException | TimeoutException e) {
        return;
      }
      if (support == Support.NO) return;
    }
    boolean probe = support == Support.UNKNOWN;
    if (probe && !probing.compareAndSet(false, true)) return;
    try {
      SessionState after = ctx.nemo().state(auth, sessionId);
      if (after.draft().equals(before.draft())) return;
      if (TimelineSummary.of(after.draft(), work.say.language()).empty()) return;
      show(work.port, work.chat, work.user, work.say, "", List.of(), probe);
      probe = false; // released by show
    } catch (IOException e) {
      log.info("timeline after the turn of {} unavailable: {}", work.user, e.toString());
    } finally {
      if (probe) endProbe();
    }
  }

  /** Lets the next ask: a probe that ends without learning anything (no change to draw) counts too. */
  private void endProbe() {
    probing.set(false);
    probed.complete(null);
  }

  /**
   * After a batch of files went onto the timeline (an album is one batch): its picture once,
   * under the answer that named the files, when pictures follow edits.
   */
  void afterUpload(Work work) {
    if (afterEdits && support != Support.NO) show(work.port, work.chat, work.user, work.say, "", List.of());
  }

  /** After a silent turn that changed the timeline: what changed, on its picture when pictures follow edits. */
  void changed(Work work, String text) {
    if (afterEdits) show(work.port, work.chat, work.user, work.say, text, Replies.suggestions(work.say));
    else replies.send(work, text, Replies.suggestions(work.say));
  }
}
