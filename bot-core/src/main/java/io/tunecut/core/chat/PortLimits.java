package io.tunecut.core.chat;

import java.time.Duration;

/**
 * What a platform allows, so the core can decide once for every platform.
 *
 * @param maxUploadBytes largest file the bot may send; a bigger render goes out as a link only
 * @param maxTextLength longest message; longer texts are split
 * @param minEditInterval shortest gap between two edits of one status message
 */
public record PortLimits(long maxUploadBytes, int maxTextLength, Duration minEditInterval) {
  public PortLimits {
    if (maxUploadBytes < 0) throw new IllegalArgumentException("maxUploadBytes < 0");
    if (maxTextLength < 1) throw new IllegalArgumentException("maxTextLength < 1");
  }
}
