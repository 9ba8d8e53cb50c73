package io.tunecut.core.user;

import io.tunecut.core.chat.MessageRef;
import java.time.Instant;
import java.util.Objects;

/**
 * A render that was started and not yet delivered: enough to pick up reporting after a restart.
 *
 * @param status the status message it reports to
 */
public record PendingRender(String renderId, MessageRef status, Instant startedAt) {
  public PendingRender {
    Objects.requireNonNull(renderId, "renderId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(startedAt, "startedAt");
  }
}
