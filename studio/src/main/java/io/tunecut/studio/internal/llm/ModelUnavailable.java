package io.tunecut.studio.internal.llm;

import io.tunecut.studio.internal.llm.ModelReply.Failure;

/** The model gave no usable answer; the message is safe to log and to show. */
final class ModelUnavailable extends Exception {
  private final Failure failure;

  ModelUnavailable(Failure failure, String reason) {
    super(reason, null, false, false);
    this.failure = failure;
  }

  Failure failure() {
    return failure;
  }
}
