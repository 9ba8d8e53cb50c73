package io.tunecut.core.chat;

import java.util.concurrent.CompletableFuture;

/**
 * What an adapter hands inbound messages to (the conversation engine). Adapters depend on
 * this and nothing else of the core's logic.
 */
@FunctionalInterface
public interface MessageHandler {
  /**
   * Returns at once. The future completes when everything the message started (its turn, an
   * export's render and delivery) has finished; it never completes exceptionally: failures
   * become messages to the user through {@code port}.
   */
  CompletableFuture<Void> handle(InboundMessage message, ChatPort port);

  /**
   * As {@link #handle}, telling apart when the person may go on from when everything is over:
   * a script feeding lines in order sends the next once the answer is out.
   */
  default Handling handling(InboundMessage message, ChatPort port) {
    return Handling.of(handle(message, port));
  }
}
