package io.tunecut.core.nemo;

import java.time.Duration;

/**
 * What happens during a chat turn, as it happens. Called on the stream's reader thread:
 * implementations must be quick and must not block.
 */
public interface TurnListener {
  /** Text for the user (already without reasoning parts), in the order it arrives. */
  default void onText(String text) {}

  /** The backend started a tool ("add_music"); "tool" when its name is not a plain identifier. Words for it are the conversation's. */
  default void onTool(String toolName) {}

  /** Any sign of life, keep-alives included. */
  default void onAlive() {}

  /**
   * The backend refused the message as too many (429) before reading it; it is sent once more
   * after {@code wait} (what the backend asked for, within the client's limit).
   */
  default void onRateLimited(Duration wait) {}
}
