package io.tunecut.core.chat;

import java.io.IOException;

/**
 * A port refused a call because it is stopping (the bot shuts down), not because the platform
 * refused it: what was not said may be said after a restart.
 */
public final class PortStoppedException extends IOException {
  public PortStoppedException(String message) {
    super(message);
  }
}
