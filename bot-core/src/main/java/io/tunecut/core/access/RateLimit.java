package io.tunecut.core.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.tunecut.core.chat.ChatUser;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Messages per minute per person: a token bucket each (Bucket4j), refilled smoothly. Past the
 * limit a person is told once how long to wait, and further messages until then are dropped,
 * so a flood gets one answer, not one per message.
 */
final class RateLimit {
  /** Whether a message may go on; else how long to wait, and whether to say so. */
  record Verdict(boolean allowed, long waitSeconds, boolean tell) {
    static final Verdict FREE = new Verdict(true, 0, false);
  }

  private static final class Person {
    final Bucket bucket;
    long toldUntilNanos = Long.MIN_VALUE;

    Person(Bucket bucket) {
      this.bucket = bucket;
    }
  }

  private final int perMinute;
  private final TimeMeter time;
  private final Cache<ChatUser, Person> people =
      Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).maximumSize(100_000).build();

  /** @param perMinute a negative number is no limit */
  RateLimit(int perMinute, Clock clock) {
    this.perMinute = perMinute;
    this.time = new TimeMeter() {
      @Override
      public long currentTimeNanos() {
        return TimeUnit.MILLISECONDS.toNanos(clock.millis());
      }

      @Override
      public boolean isWallClockBased() {
        return true;
      }
    };
  }

  Verdict take(ChatUser person) {
    if (perMinute < 0) return Verdict.FREE;
    Person p = people.get(person, u -> new Person(Bucket.builder()
        .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
        .withCustomTimePrecision(time)
        .build()));
    ConsumptionProbe probe = p.bucket.tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) return Verdict.FREE;
    long wait = probe.getNanosToWaitForRefill();
    long now = time.currentTimeNanos();
    synchronized (p) {
      boolean tell = now >= p.toldUntilNanos;
      if (tell) p.toldUntilNanos = now + wait;
      return new Verdict(false, Math.max(1, TimeUnit.NANOSECONDS.toSeconds(wait + 999_999_999L)), tell);
    }
  }
}
