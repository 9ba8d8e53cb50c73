package io.tunecut.studio.internal.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Anonymous tokens: one user per client id, tokens {@code nmv_usr_<random>} that only exist
 * here as SHA-256 hashes. Asking again with the same client id gives a fresh token for the
 * same user.
 */
public final class Tokens {
  public static final Duration LIFETIME = Duration.ofDays(7);
  private static final String PREFIX = "nmv_usr_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Accounts accounts;
  private final Clock clock;

  public Tokens(Accounts accounts, Clock clock) {
    this.accounts = accounts;
    this.clock = clock;
  }

  /** A token as handed out once; {@link #toString()} never shows the secret. */
  public record Issued(String token, String userId, Instant expiresAt) {
    @Override
    public String toString() {
      return "Issued[userId=" + userId + ", expiresAt=" + expiresAt + "]";
    }
  }

  public Issued issue(String clientId) {
    String userId = accounts.userFor(clientId, "anon_" + random(12));
    String token = PREFIX + random(24);
    Instant expiresAt = clock.instant().plus(LIFETIME);
    accounts.saveToken(hash(token), userId, expiresAt);
    return new Issued(token, userId, expiresAt);
  }

  /** The user of a token that is well formed, known and not expired. */
  public Optional<String> userOf(String token) {
    if (token == null || !token.startsWith(PREFIX) || token.length() > 200) return Optional.empty();
    return accounts.userOfToken(hash(token), clock.instant());
  }

  static String random(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
