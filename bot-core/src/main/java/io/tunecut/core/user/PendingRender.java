package io.tunecut.core.user;

import io.tunecut.core.chat.MessageRef;
import java.time.Instant;

/**
 * A render that was started and not yet delivered: enough to pick up reporting after a restart.
 *
 * @param status the status message it reports to
 */
public record PendingRender(String renderId, MessageRef status, Instant startedAt) {}
