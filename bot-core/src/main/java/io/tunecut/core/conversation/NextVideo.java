package io.tunecut.core.conversation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.tunecut.core.chat.ChatUser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * After an export, the next clips start a new video: one render per video, as the seeds
 * expect. The clips are kept a while, so the person can add them to the exported video instead.
 * Kept in memory: after a restart, new clips join the current video as before.
 */
final class NextVideo {
  /** Clips that started a new video, and the video they could join instead. */
  record Moved(String exportedSession, String exportedTask, List<Path> files) {}

  private final Cache<ChatUser, Boolean> exported =
      Caffeine.newBuilder().expireAfterWrite(Duration.ofDays(1)).maximumSize(100_000).build();
  private final Cache<ChatUser, Moved> movable;

  /** @param delete removes a kept file once it can no longer be moved */
  NextVideo(Consumer<Path> delete) {
    this.movable = Caffeine.newBuilder().expireAfterWrite(Duration.ofMinutes(30)).maximumSize(10_000)
        .<ChatUser, Moved>removalListener((user, moved, cause) -> {
          if (moved != null && cause != RemovalCause.EXPLICIT) moved.files().forEach(delete);
        })
        .build();
  }

  /** The person's video was delivered. */
  void exported(ChatUser user) {
    exported.put(user, true);
  }

  /** The person started a new video themselves (/new): their next clips go into it. */
  void started(ChatUser user) {
    exported.invalidate(user);
  }

  /** Whether clips arriving now start a new video; true once after each export. */
  boolean startsNew(ChatUser user) {
    return exported.asMap().remove(user) != null;
  }

  /** Keeps the clips that started a new video, replacing (and deleting) any kept before. */
  void keep(ChatUser user, Moved moved) {
    movable.put(user, moved);
  }

  /** The clips the person may move to their exported video, taken (theirs to delete); null when none. */
  Moved take(ChatUser user) {
    return movable.asMap().remove(user);
  }
}
