package io.tunecut.core.fleet;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Which platform updates an instance has taken, in the store the instances share: the first
 * instance to claim an update handles it, every later claim of it is refused. Claims older
 * than {@code keep} are pruned (platforms stop redelivering long before).
 */
public final class UpdateClaims {
  private static final int PRUNE_EVERY = 500;

  private final DataSource db;
  private final Duration keep;
  private final Clock clock;
  private final AtomicInteger sincePrune = new AtomicInteger();

  public UpdateClaims(DataSource db, Duration keep, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.keep = Objects.requireNonNull(keep, "keep");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Claims kept for a day, on the system clock. */
  public static UpdateClaims in(DataSource db) {
    return new UpdateClaims(db, Duration.ofDays(1), Clock.systemUTC());
  }

  /** Whether this instance is the first to take {@code updateId}; false when another instance (or this one) already did. */
  public boolean claim(String platform, long updateId) throws IOException {
    long now = clock.millis();
    boolean first;
    try (Connection c = db.getConnection();
        PreparedStatement insert = c.prepareStatement(
            "INSERT INTO handled_updates (platform, update_id, handled_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
      insert.setString(1, platform);
      insert.setLong(2, updateId);
      insert.setLong(3, now);
      first = insert.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IOException("Could not claim an update in the shared store: " + e.getMessage(), e);
    }
    if (sincePrune.incrementAndGet() >= PRUNE_EVERY) {
      sincePrune.set(0);
      prune();
    }
    return first;
  }

  /** Forgets claims older than {@code keep}; returns how many. */
  public int prune() throws IOException {
    try (Connection c = db.getConnection();
        PreparedStatement delete = c.prepareStatement("DELETE FROM handled_updates WHERE handled_at < ?")) {
      delete.setLong(1, clock.millis() - keep.toMillis());
      return delete.executeUpdate();
    } catch (SQLException e) {
      throw new IOException("Could not prune old update claims: " + e.getMessage(), e);
    }
  }
}
