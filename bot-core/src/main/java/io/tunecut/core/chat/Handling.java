package io.tunecut.core.chat;

import java.util.concurrent.CompletableFuture;

/**
 * A message being handled: {@code answered} completes once the person may go on (the work's
 * answer and last status are out), {@code done} once everything it started has finished,
 * extras that come late such as the timeline's picture included. Neither completes exceptionally.
 */
public record Handling(CompletableFuture<Void> answered, CompletableFuture<Void> done) {
  /** Work with nothing that comes after its answer. */
  public static Handling of(CompletableFuture<Void> done) {
    return new Handling(done, done);
  }
}
