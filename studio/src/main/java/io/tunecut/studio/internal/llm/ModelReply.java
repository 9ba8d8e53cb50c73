package io.tunecut.studio.internal.llm;

import java.util.List;

/**
 * What asking the model came to: edits it proposed, or why it could not help. Either way the
 * caller carries on; on {@link Failed} it reads the message with its own rules.
 *
 * @param <T> the kind of edit the tools produce
 */
public sealed interface ModelReply<T> {

  /**
   * The model's tool calls, in its order: {@code edits} are the usable ones as records,
   * {@code dropped} the others with the reason; {@code text} is what it said besides (may be empty).
   */
  record Proposed<T>(List<T> edits, List<DroppedCall> dropped, String text) implements ModelReply<T> {}

  /** The model gave nothing usable: {@code reason} says what happened, without secrets. */
  record Failed<T>(Failure failure, String reason) implements ModelReply<T> {}

  /** Why the model could not help. */
  enum Failure {
    /** No complete answer within the configured time. */
    TIMED_OUT,
    /** Nothing answered at the address (refused, unknown host, reset). */
    UNREACHABLE,
    /** The server answered with an HTTP error or an error in its stream. */
    SERVER_ERROR,
    /** The answer was not a chat completion. */
    MALFORMED,
    /** The model answered in words only, without calling a tool. */
    NO_TOOL_CALLS
  }
}
