package io.tunecut.studio.server;

import java.time.Duration;
import java.util.Objects;

/**
 * How a studio takes part in rendering.
 *
 * @param role whether it serves the API, renders, or both
 * @param concurrency renders at once on this studio ({@code TUNECUT_RENDER_CONCURRENCY})
 * @param poll how often an idle worker looks for queued renders
 * @param heartbeat how often a worker says it is alive; a render whose worker missed
 *     {@code missedHeartbeats} in a row is taken over by another
 * @param storeRetry how long a render waits in the queue after its media store or database
 *     failed it; doubled at each failure in a row, up to five minutes
 */
public record QueueSettings(Role role, int concurrency, Duration poll, Duration heartbeat, int missedHeartbeats,
    Duration storeRetry) {
  /** What a studio process does. */
  public enum Role {
    API, WORKER, ALL;

    public boolean renders() {
      return this != API;
    }

    public boolean serves() {
      return this != WORKER;
    }
  }

  public QueueSettings {
    Objects.requireNonNull(role, "role");
    if (concurrency < 1) throw new IllegalArgumentException("render concurrency must be at least 1");
    if (poll.isNegative() || poll.isZero()) throw new IllegalArgumentException("poll must be positive");
    if (heartbeat.isNegative() || heartbeat.isZero()) throw new IllegalArgumentException("heartbeat must be positive");
    if (missedHeartbeats < 4) throw new IllegalArgumentException("missedHeartbeats must be at least 4");
    if (storeRetry.isNegative() || storeRetry.isZero()) throw new IllegalArgumentException("storeRetry must be positive");
  }

  /** One process doing everything; a dead worker's render moves after about 40 s. */
  public static QueueSettings of(int concurrency) {
    return new QueueSettings(Role.ALL, concurrency, Duration.ofMillis(50), Duration.ofSeconds(10), 4,
        Duration.ofSeconds(10));
  }

  public QueueSettings withRole(Role role) {
    return new QueueSettings(role, concurrency, poll, heartbeat, missedHeartbeats, storeRetry);
  }

  public QueueSettings withHeartbeat(Duration heartbeat, int missedHeartbeats) {
    return new QueueSettings(role, concurrency, poll, heartbeat, missedHeartbeats, storeRetry);
  }

  public QueueSettings withPoll(Duration poll) {
    return new QueueSettings(role, concurrency, poll, heartbeat, missedHeartbeats, storeRetry);
  }

  public QueueSettings withStoreRetry(Duration storeRetry) {
    return new QueueSettings(role, concurrency, poll, heartbeat, missedHeartbeats, storeRetry);
  }
}
