package io.tunecut.studio.internal.account;

import io.tunecut.studio.internal.store.Database;

import java.time.Instant;
import java.util.Optional;

/** Users (one per client id) and the hashes of their tokens. */
public final class Accounts {
  private final Database db;

  public Accounts(Database db) {
    this.db = db;
  }

  /** The user of this client id, created on first sight (by whichever studio sees it first). */
  public String userFor(String clientId, String newUserId) {
    db.update("INSERT INTO users (id, client_id, created_at) VALUES (?, ?, ?) ON CONFLICT (client_id) DO NOTHING",
        newUserId, clientId, Instant.now().toEpochMilli());
    return db.one("SELECT id FROM users WHERE client_id = ?", rs -> rs.getString(1), clientId).orElseThrow();
  }

  public void saveToken(String tokenHash, String userId, Instant expiresAt) {
    db.update("INSERT INTO tokens (hash, user_id, expires_at) VALUES (?, ?, ?)",
        tokenHash, userId, expiresAt.toEpochMilli());
  }

  /** The user a token hash belongs to, when it has not expired. */
  public Optional<String> userOfToken(String tokenHash, Instant now) {
    return db.one("SELECT user_id FROM tokens WHERE hash = ? AND expires_at > ?",
        rs -> rs.getString(1), tokenHash, now.toEpochMilli());
  }

  public void forgetExpiredTokens(Instant now) {
    db.update("DELETE FROM tokens WHERE expires_at <= ?", now.toEpochMilli());
  }
}
