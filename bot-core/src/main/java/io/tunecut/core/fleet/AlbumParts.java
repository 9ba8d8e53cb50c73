package io.tunecut.core.fleet;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Albums gathered in the store the instances share: a load balancer may post the items of one
 * album to different instances, and the album must still reach the conversation as one
 * message. Each instance adds the items it receives; once the album has been quiet for a
 * while, the first instance to take it gets every item, and nobody else gets any.
 */
public final class AlbumParts {
  private final DataSource db;
  private final Clock clock;

  public AlbumParts(DataSource db, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public static AlbumParts in(DataSource db) {
    return new AlbumParts(db, Clock.systemUTC());
  }

  /** Keeps one item of {@code album} (the same item twice is kept once). */
  public void add(String album, String sender, long itemId, String payload) throws IOException {
    try (Connection c = db.getConnection();
        PreparedStatement insert = c.prepareStatement("""
            INSERT INTO album_parts (album, sender, item_id, payload, arrived_at) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING""")) {
      insert.setString(1, album);
      insert.setString(2, sender);
      insert.setLong(3, itemId);
      insert.setString(4, payload);
      insert.setLong(5, clock.millis());
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IOException("Could not keep an album's item in the shared store: " + e.getMessage(), e);
    }
  }

  /** How long since the album's last item arrived at any instance; null when nobody holds it any more. */
  public Duration quietFor(String album) throws IOException {
    try (Connection c = db.getConnection();
        PreparedStatement query = c.prepareStatement("SELECT max(arrived_at) FROM album_parts WHERE album = ?")) {
      query.setString(1, album);
      try (ResultSet rs = query.executeQuery()) {
        rs.next();
        long last = rs.getLong(1);
        return rs.wasNull() ? null : Duration.ofMillis(Math.max(0, clock.millis() - last));
      }
    } catch (SQLException e) {
      throw new IOException("Could not read an album in the shared store: " + e.getMessage(), e);
    }
  }

  /** Albums of {@code sender} still being gathered, anywhere. */
  public List<String> openOf(String sender) throws IOException {
    return albums("SELECT DISTINCT album FROM album_parts WHERE sender = ?", ps -> ps.setString(1, sender));
  }

  /** Albums quiet for longer than {@code wait}: left by an instance that stopped before taking them. */
  public List<String> quiet(Duration wait) throws IOException {
    return albums("SELECT album FROM album_parts GROUP BY album HAVING max(arrived_at) < ?",
        ps -> ps.setLong(1, clock.millis() - wait.toMillis()));
  }

  /** Every item of the album in item order, taken from the store; empty when another instance took it. */
  public List<String> take(String album) throws IOException {
    Map<Long, String> items = new TreeMap<>();
    try (Connection c = db.getConnection();
        PreparedStatement delete = c.prepareStatement("DELETE FROM album_parts WHERE album = ? RETURNING item_id, payload")) {
      delete.setString(1, album);
      try (ResultSet rs = delete.executeQuery()) {
        while (rs.next()) items.put(rs.getLong(1), rs.getString(2));
      }
    } catch (SQLException e) {
      throw new IOException("Could not take an album from the shared store: " + e.getMessage(), e);
    }
    return new ArrayList<>(items.values());
  }

  private interface Params {
    void set(PreparedStatement ps) throws SQLException;
  }

  private List<String> albums(String sql, Params params) throws IOException {
    try (Connection c = db.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
      params.set(query);
      List<String> albums = new ArrayList<>();
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) albums.add(rs.getString(1));
      }
      return albums;
    } catch (SQLException e) {
      throw new IOException("Could not read the albums in the shared store: " + e.getMessage(), e);
    }
  }
}
