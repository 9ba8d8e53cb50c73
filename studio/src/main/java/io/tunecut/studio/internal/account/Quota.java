package io.tunecut.studio.internal.account;

import io.tunecut.studio.internal.store.RenderJobs;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Render minutes per user per UTC day. Queued and running renders hold ("freeze") their
 * minutes; completed renders spend them; failed renders give them back.
 */
public final class Quota {
  private final RenderJobs jobs;
  private final double minutesPerDay;
  private final Clock clock;

  public Quota(RenderJobs jobs, double minutesPerDay, Clock clock) {
    this.jobs = jobs;
    this.minutesPerDay = minutesPerDay;
    this.clock = clock;
  }

  /** What the credits endpoint reports, in minutes. total = available + frozen. */
  public record Balance(double available, double frozen, double total) {}

  public Balance balance(String userId) {
    String day = today();
    double used = jobs.minutesUsed(userId, day);
    double frozen = jobs.minutesReserved(userId, day);
    double available = Math.max(0, minutesPerDay - used - frozen);
    return new Balance(round(available), round(frozen), round(available + frozen));
  }

  public boolean allows(String userId, double minutes) {
    String day = today();
    return jobs.minutesUsed(userId, day) + jobs.minutesReserved(userId, day) + minutes <= minutesPerDay + 1e-9;
  }

  public double minutesPerDay() {
    return minutesPerDay;
  }

  public String today() {
    return LocalDate.now(clock.withZone(ZoneOffset.UTC)).toString();
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
