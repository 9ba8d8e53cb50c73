package io.tunecut.telegram;

import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Where the items of albums wait until the album is complete: Telegram sends each item of an
 * album as its own message, close together, and the person meant them as one. An album is
 * handed over once no item came for a while, or before its sender's next message.
 * Implementations are synchronized on themselves; so is whoever hands a message over after
 * {@link #handOver(String)}, to keep the order.
 */
interface Albums {
  /** Keeps one item of {@code album}, sent by {@code sender}. */
  void add(String album, String sender, Message item);

  /** Hands over the sender's albums still being gathered, except {@code keep} (may be null). */
  void handOver(String sender, String keep);

  default void handOver(String sender) {
    handOver(sender, null);
  }

  /** Nothing more comes in: what happens to albums still being gathered. */
  void close();
}
