package io.tunecut.core.conversation;

import io.tunecut.core.render.PollSchedule;
import java.time.Duration;

/** How long the conversation waits for things; the Builder says what each one means. */
record Timing(
    Duration renderTimeout,
    PollSchedule pollSchedule,
    Duration dropCheckDelay,
    Duration dropCheckInterval,
    int dropChecks,
    Duration silenceNotice,
    Duration chatActionInterval,
    Duration tick) {}
