package io.tunecut.core.conversation;

import io.tunecut.core.chat.Chat;
import io.tunecut.core.chat.ChatPort;
import io.tunecut.core.chat.ChatUser;
import io.tunecut.core.language.Messages;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/** One running piece of work of one person (a turn, an upload, an export): what /cancel stops. */
final class Work {
  final ChatUser user;
  final Chat chat;
  final ChatPort port;
  volatile Messages say;
  final StatusLine status;
  final long startedNanos = System.nanoTime();
  final AtomicBoolean cancelled = new AtomicBoolean();
  /** The person may go on: the answer and the last status are out (a picture may still come). */
  final CompletableFuture<Void> answered = new CompletableFuture<>();
  final CompletableFuture<Void> done = new CompletableFuture<>();

  volatile String activity;
  volatile long lastSignNanos = System.nanoTime();
  volatile long lastActionNanos;
  volatile CompletableFuture<?> turn;
  volatile String renderId;
  volatile boolean uploading;
  volatile ScheduledFuture<?> ticker;
  // What an export costs the person's budget, counted when it is delivered.
  volatile long renderSeconds;
  volatile double creditsBefore = Double.NaN;
  volatile RenderProgress render;
  /** The video's length and how long its render should take, once known (0 before). */
  volatile double videoSeconds;
  volatile long forecastSeconds;

  Work(ChatUser user, Chat chat, ChatPort port, Messages say, StatusLine status) {
    this.user = user;
    this.chat = chat;
    this.port = port;
    this.say = say;
    this.status = status;
  }

  long elapsedSeconds() {
    return (System.nanoTime() - startedNanos) / 1_000_000_000L;
  }

  void alive() {
    lastSignNanos = System.nanoTime();
  }

  /** The render is {@code progress}% done: the status line shows a bar and the time left. */
  void rendering(int progress) {
    long now = System.nanoTime();
    RenderProgress r = render;
    if (r == null) render = r = new RenderProgress(now);
    String text = say.rendering(progress);
    activity = text;
    r.report(progress, now, text);
  }
}
