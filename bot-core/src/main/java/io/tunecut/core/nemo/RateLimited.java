package io.tunecut.core.nemo;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * A 429 from the backend, with the wait its {@code Retry-After} header asks for (null when it
 * gives none, or none that can be read).
 */
final class RateLimited extends NemoException {
  /** A wait longer than any clock: a header of more digits than a long holds. */
  private static final Duration FOREVER = Duration.ofSeconds(Long.MAX_VALUE);

  final Duration retryAfter;

  RateLimited(NemoException refusal, Duration retryAfter) {
    super(refusal.code(), refusal.httpStatus(), refusal.getMessage(), refusal.getCause(), refusal.details());
    this.retryAfter = retryAfter;
  }

  /** {@code Retry-After} as seconds or as an HTTP date; null when absent or unreadable. */
  static Duration retryAfter(String header, Clock clock) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.strip();
    if (value.chars().allMatch(Character::isDigit)) {
      try {
        return Duration.ofSeconds(Long.parseLong(value));
      } catch (NumberFormatException e) {
        return FOREVER;
      }
    }
    try {
      Duration until = Duration.between(clock.instant(), ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
      return until.isNegative() ? Duration.ZERO : until;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
