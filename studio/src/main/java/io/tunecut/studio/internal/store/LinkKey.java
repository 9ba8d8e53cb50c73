package io.tunecut.studio.internal.store;

import java.time.Instant;
import java.util.Base64;
import java.util.function.Supplier;

/** The one key every studio on this store signs download links with; never logged. */
public final class LinkKey {
  private final Database db;

  public LinkKey(Database db) {
    this.db = db;
  }

  /**
   * The key, made from {@code fresh} when the store has none yet. Studios starting at once all
   * offer theirs; the first insert wins and every studio reads the one that won.
   */
  public byte[] getOrCreate(Supplier<byte[]> fresh) {
    byte[] key = read();
    if (key != null) return key;
    db.update("INSERT INTO link_key (id, secret, created_at) VALUES (1, ?, ?) ON CONFLICT (id) DO NOTHING",
        Base64.getEncoder().encodeToString(fresh.get()), Instant.now().toEpochMilli());
    return read();
  }

  private byte[] read() {
    return db.one("SELECT secret FROM link_key WHERE id = 1", rs -> Base64.getDecoder().decode(rs.getString(1)))
        .orElse(null);
  }
}
