package io.tunecut.core.fleet;

import io.tunecut.core.chat.Chat;
import io.tunecut.core.chat.ChatUser;
import io.tunecut.core.chat.MessageRef;
import io.tunecut.core.user.PendingRender;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which instance watches each render and delivers it, across the instances sharing a store:
 * one row per render with its holder and an expiry the holder renews while it runs. A watch
 * whose holder stopped (handed back) or died (ran out) is taken over by a live instance.
 * Before sending the video, the holder claims the delivery: it is claimed once, so the video
 * is sent once, and a claimed watch is never taken over.
 */
public final class RenderWatches implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RenderWatches.class);
  private static final Duration CLAIMS_KEPT = Duration.ofDays(1);

  /** A render someone waits for, and who. */
  public record Watch(ChatUser user, PendingRender render) {
    public Watch {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(render, "render");
    }
  }

  private final DataSource db;
  private final String holder;
  private final Duration ttl;
  private final Clock clock;
  private final ScheduledExecutorService renewer;

  public RenderWatches(DataSource db, String holder, Duration ttl, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.holder = Objects.requireNonNull(holder, "holder");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.renewer = Renewer.start("render-watches", ttl, this::renewAll);
  }

  /** Watches of 30 seconds under a holder name of its own, on the system clock. */
  public static RenderWatches in(DataSource db) {
    return new RenderWatches(db, UUID.randomUUID().toString(), Duration.ofSeconds(30), Clock.systemUTC());
  }

  /** How long a watch lasts unrenewed: how often to look for watches to take over. */
  public Duration ttl() {
    return ttl;
  }

  /**
   * Takes the watch of a render for this instance: a new one, one this instance holds, or one
   * whose holder let it run out; false while a live instance holds it or its delivery was claimed.
   */
  public boolean take(Watch watch) throws IOException {
    long now = clock.millis();
    PendingRender r = watch.render();
    Chat chat = r.status().chat();
    try (Connection c = db.getConnection();
        PreparedStatement upsert = c.prepareStatement("""
            INSERT INTO render_watches (render_id, platform, user_id, chat_platform, chat_id, chat_group, message_id,
                                        started_at, holder, expires_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (render_id) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
            WHERE render_watches.delivering = 0
              AND (render_watches.holder = excluded.holder OR render_watches.expires_at < ?)""")) {
      upsert.setString(1, r.renderId());
      upsert.setString(2, watch.user().platform());
      upsert.setString(3, watch.user().id());
      upsert.setString(4, chat.platform());
      upsert.setString(5, chat.id());
      upsert.setInt(6, chat.group() ? 1 : 0);
      upsert.setString(7, r.status().messageId());
      upsert.setLong(8, r.startedAt().toEpochMilli());
      upsert.setString(9, holder);
      upsert.setLong(10, now + ttl.toMillis());
      upsert.setLong(11, now);
      return upsert.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IOException("Could not take the watch of render " + r.renderId() + ": " + e.getMessage(), e);
    }
  }

  /** Watches whose holder stopped or died, not yet delivered: for a live instance to take. */
  public List<Watch> unwatched() throws IOException {
    return select("WHERE expires_at < ? AND delivering = 0 ORDER BY started_at", ps -> ps.setLong(1, clock.millis()));
  }

  /** The render the person waits for, whichever instance watches it. */
  public Optional<Watch> of(ChatUser user) throws IOException {
    return select("WHERE platform = ? AND user_id = ? ORDER BY started_at DESC", ps -> {
      ps.setString(1, user.platform());
      ps.setString(2, user.id());
    }).stream().findFirst();
  }

  /**
   * Claims the delivery of a render this instance watches: true once; false when another
   * instance took the watch over (this one was thought dead) or claimed it.
   */
  public boolean claimDelivery(String renderId) throws IOException {
    return update("UPDATE render_watches SET delivering = 1 WHERE render_id = ? AND holder = ? AND delivering = 0",
        renderId) == 1;
  }

  /**
   * The delivery this instance claimed did not get through (it is stopping): the watch is handed
   * back unclaimed, for a live instance or the next start to take and deliver.
   */
  public void unclaimDelivery(String renderId) throws IOException {
    update("UPDATE render_watches SET delivering = 0, expires_at = 0 WHERE render_id = ? AND holder = ?", renderId);
  }

  /** The render is over here (delivered, failed or cancelled): nobody watches it any more. */
  public void release(String renderId) throws IOException {
    update("DELETE FROM render_watches WHERE render_id = ? AND holder = ?", renderId);
  }

  /** Gives the watch up at once, for a live instance to take over. */
  public void handBack(String renderId) throws IOException {
    update("UPDATE render_watches SET expires_at = 0 WHERE render_id = ? AND holder = ? AND delivering = 0", renderId);
  }

  private int update(String sql, String renderId) throws IOException {
    try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, renderId);
      ps.setString(2, holder);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new IOException("Could not change the watch of render " + renderId + ": " + e.getMessage(), e);
    }
  }

  private interface Params {
    void set(PreparedStatement ps) throws SQLException;
  }

  private List<Watch> select(String where, Params params) throws IOException {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement("""
            SELECT render_id, platform, user_id, chat_platform, chat_id, chat_group, message_id, started_at
            FROM render_watches""" + " " + where)) {
      params.set(ps);
      List<Watch> found = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Chat chat = new Chat(rs.getString("chat_platform"), rs.getString("chat_id"), rs.getInt("chat_group") != 0);
          PendingRender render = new PendingRender(rs.getString("render_id"), new MessageRef(chat, rs.getString("message_id")),
              Instant.ofEpochMilli(rs.getLong("started_at")));
          found.add(new Watch(new ChatUser(rs.getString("platform"), rs.getString("user_id")), render));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new IOException("Could not read the render watches: " + e.getMessage(), e);
    }
  }

  private void renewAll() {
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "UPDATE render_watches SET expires_at = ? WHERE holder = ? AND delivering = 0");
        // A holder that died while sending leaves its claim: kept a day, so the video is never sent again.
        PreparedStatement prune = c.prepareStatement("DELETE FROM render_watches WHERE delivering = 1 AND expires_at < ?")) {
      ps.setLong(1, clock.millis() + ttl.toMillis());
      ps.setString(2, holder);
      ps.executeUpdate();
      prune.setLong(1, clock.millis() - CLAIMS_KEPT.toMillis());
      prune.executeUpdate();
    } catch (SQLException | RuntimeException e) {
      log.warn("Could not renew the render watches: {}", e.getMessage());
    }
  }

  /** Stops renewing and hands every watch still held to the live instances. */
  @Override
  public void close() {
    renewer.shutdownNow();
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "UPDATE render_watches SET expires_at = 0 WHERE holder = ? AND delivering = 0")) {
      ps.setString(1, holder);
      int handed = ps.executeUpdate();
      if (handed > 0) log.info("Handed {} render watch(es) to the other instances", handed);
    } catch (SQLException | RuntimeException e) {
      log.debug("Leaving the render watches to run out: {}", e.getMessage());
    }
  }
}
