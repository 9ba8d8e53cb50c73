package io.tunecut.core.access;

/**
 * What one person may use per day (UTC). A negative number is no limit.
 *
 * @param longestClipSeconds the longest clip a render may hold
 * @param creditsPerDay the person's share of an operator's cloud credits
 */
public record Budget(int rendersPerDay, int minutesPerDay, int longestClipSeconds, double creditsPerDay) {
  public static final int NO_LIMIT = -1;
  public static final Budget UNLIMITED = new Budget(NO_LIMIT, NO_LIMIT, NO_LIMIT, NO_LIMIT);

  /** Whether anything is limited at all. */
  public boolean limited() {
    return rendersPerDay >= 0 || minutesPerDay >= 0 || longestClipSeconds >= 0 || creditsPerDay >= 0;
  }

  /** This budget with the numbers an operator set for one person in place of the defaults (null: default). */
  Budget with(Integer renders, Integer minutes, Integer clipSeconds, Double credits) {
    return new Budget(renders != null ? renders : rendersPerDay, minutes != null ? minutes : minutesPerDay,
        clipSeconds != null ? clipSeconds : longestClipSeconds, credits != null ? credits : creditsPerDay);
  }
}
