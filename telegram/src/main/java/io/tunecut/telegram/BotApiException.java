package io.tunecut.telegram;

import io.micrometer.core.instrument.Metrics;
import java.io.IOException;

/** Telegram refused a call; the description is Telegram's own, with the token masked. */
final class BotApiException extends IOException {
  /** Counted in Micrometer's global registry (nothing is kept unless the app adds a registry to it). */
  static final String PLATFORM_429 = "tunecut.platform.rate.limited";
  private final int errorCode;
  private final String description;
  private final int retryAfterSeconds;

  BotApiException(String method, int errorCode, String description) {
    this(method, errorCode, description, 0);
  }

  /** @param retryAfterSeconds what a 429 asks to wait, else 0 */
  BotApiException(String method, int errorCode, String description, int retryAfterSeconds) {
    super(method + " refused by Telegram: [" + errorCode + "] " + description);
    this.errorCode = errorCode;
    this.description = description == null ? "" : description;
    this.retryAfterSeconds = retryAfterSeconds;
    // Every refusal of Telegram's is made here: the one place that sees all the 429s.
    if (errorCode == 429) Metrics.counter(PLATFORM_429, "platform", TelegramPort.PLATFORM).increment();
  }

  int retryAfterSeconds() {
    return retryAfterSeconds;
  }

  int errorCode() {
    return errorCode;
  }

  String description() {
    return description;
  }

  boolean notModified() {
    return errorCode == 400 && description.toLowerCase().contains("message is not modified");
  }

  boolean tooLarge() {
    String d = description.toLowerCase();
    return errorCode == 413 || d.contains("too large") || d.contains("too big");
  }
}
