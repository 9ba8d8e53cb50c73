package io.tunecut.core.nemo;

/**
 * What happens during a chat turn, as it happens. Called on the stream's reader thread:
 * implementations must be quick and must not block.
 */
public interface TurnListener {
  /** Text for the user (already without reasoning parts), in the order it arrives. */
  default void onText(String text) {}

  /** The backend started a tool ("add_music"); {@code activity} is a short human phrase ("adding music"). */
  default void onActivity(String toolName, String activity) {}

  /** Any sign of life, keep-alives included. */
  default void onAlive() {}
}
