package io.tunecut.core.fleet;

import io.tunecut.core.chat.ChatUser;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One turn per person across the instances sharing a store: the instance running a person's
 * turn holds a lease row with an expiry and renews it while the turn runs. A lease whose
 * holder died runs out after {@code ttl} and may be taken by another instance.
 */
public final class TurnLeases implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TurnLeases.class);
  // How soon a /cancel typed at another instance stops the turn held here.
  private static final long CANCEL_CHECK_MS = 300;

  private final DataSource db;
  private final String holder;
  private final Duration ttl;
  private final Clock clock;
  private final Set<ChatUser> held = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService renewer;
  private volatile Consumer<ChatUser> onCancel = user -> {};

  public TurnLeases(DataSource db, String holder, Duration ttl, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.holder = Objects.requireNonNull(holder, "holder");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.renewer = Renewer.start("turn-leases", ttl, this::renewAll);
    renewer.scheduleWithFixedDelay(this::heedCancels, CANCEL_CHECK_MS, CANCEL_CHECK_MS, TimeUnit.MILLISECONDS);
  }

  /** Leases of 30 seconds under a holder name of its own, on the system clock. */
  public static TurnLeases in(DataSource db) {
    return new TurnLeases(db, UUID.randomUUID().toString(), Duration.ofSeconds(30), Clock.systemUTC());
  }

  /** Takes (or keeps) the person's lease for this instance; false while another instance holds it. */
  public boolean take(ChatUser user) throws IOException {
    long now = clock.millis();
    try (Connection c = db.getConnection();
        PreparedStatement upsert = c.prepareStatement("""
            INSERT INTO turn_leases (platform, user_id, holder, expires_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (platform, user_id) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at,
              cancel_requested = 0
            WHERE turn_leases.holder = excluded.holder OR turn_leases.expires_at < ?""")) {
      upsert.setString(1, user.platform());
      upsert.setString(2, user.id());
      upsert.setString(3, holder);
      upsert.setLong(4, now + ttl.toMillis());
      upsert.setLong(5, now);
      boolean taken = upsert.executeUpdate() == 1;
      if (taken) held.add(user);
      return taken;
    } catch (SQLException e) {
      throw new IOException("Could not take a turn lease in the shared store: " + e.getMessage(), e);
    }
  }

  /** Gives the person's lease back, if this instance holds it. */
  public void release(ChatUser user) throws IOException {
    held.remove(user);
    try (Connection c = db.getConnection();
        PreparedStatement delete = c.prepareStatement(
            "DELETE FROM turn_leases WHERE platform = ? AND user_id = ? AND holder = ?")) {
      delete.setString(1, user.platform());
      delete.setString(2, user.id());
      delete.setString(3, holder);
      delete.executeUpdate();
    } catch (SQLException e) {
      throw new IOException("Could not give back a turn lease: " + e.getMessage(), e);
    }
  }

  /**
   * Asks the instance running the person's turn to stop it (a /cancel typed here while the
   * turn runs elsewhere); false when no live instance holds the person's lease.
   */
  public boolean requestCancel(ChatUser user) throws IOException {
    try (Connection c = db.getConnection();
        PreparedStatement update = c.prepareStatement(
            "UPDATE turn_leases SET cancel_requested = 1 WHERE platform = ? AND user_id = ? AND expires_at >= ?")) {
      update.setString(1, user.platform());
      update.setString(2, user.id());
      update.setLong(3, clock.millis());
      return update.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IOException("Could not ask for a cancel in the shared store: " + e.getMessage(), e);
    }
  }

  /** Who to tell of a cancel asked at another instance for a turn this one holds. */
  public void onCancelRequested(Consumer<ChatUser> then) {
    this.onCancel = Objects.requireNonNull(then, "then");
  }

  private void heedCancels() {
    if (held.isEmpty()) return;
    List<ChatUser> asked = new ArrayList<>();
    try (Connection c = db.getConnection();
        PreparedStatement heard = c.prepareStatement(
            "UPDATE turn_leases SET cancel_requested = 0 WHERE holder = ? AND cancel_requested = 1 RETURNING platform, user_id")) {
      heard.setString(1, holder);
      try (ResultSet rs = heard.executeQuery()) {
        while (rs.next()) asked.add(new ChatUser(rs.getString(1), rs.getString(2)));
      }
    } catch (SQLException | RuntimeException e) {
      log.warn("Could not look for cancels asked at other instances: {}", e.getMessage());
      return;
    }
    for (ChatUser user : asked) {
      try {
        onCancel.accept(user);
      } catch (RuntimeException e) {
        log.warn("A cancel of {} asked at another instance failed: {}", user, e.toString());
      }
    }
  }

  private void renewAll() {
    for (ChatUser user : held) {
      try (Connection c = db.getConnection();
          PreparedStatement update = c.prepareStatement(
              "UPDATE turn_leases SET expires_at = ? WHERE platform = ? AND user_id = ? AND holder = ?")) {
        update.setLong(1, clock.millis() + ttl.toMillis());
        update.setString(2, user.platform());
        update.setString(3, user.id());
        update.setString(4, holder);
        if (update.executeUpdate() == 0 && held.contains(user)) {
          log.warn("The turn lease of {} ran out before it was renewed; another instance may take it", user);
          held.remove(user);
        }
      } catch (SQLException | RuntimeException e) {
        log.warn("Could not renew the turn lease of {}: {}", user, e.getMessage());
      }
    }
  }

  /** Stops renewing and gives back every lease still held. */
  @Override
  public void close() {
    renewer.shutdownNow();
    for (ChatUser user : Set.copyOf(held)) {
      try {
        release(user);
      } catch (IOException e) {
        log.debug("Leaving a turn lease to run out: {}", e.getMessage());
      }
    }
  }
}
