package io.tunecut.studio.internal.job;

import io.tunecut.studio.internal.store.RenderStatus;

/**
 * Told when a render reaches a final state (completed, failed or cancelled), once per render,
 * right after the store says so: whoever waits for it (a bot in the same process) need not wait
 * for its next poll. Called on the thread that ended the render; must return quickly.
 */
@FunctionalInterface
public interface RenderEnded {
  void ended(String renderId, RenderStatus status);
}
