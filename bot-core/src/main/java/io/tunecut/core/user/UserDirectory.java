package io.tunecut.core.user;

import io.tunecut.core.chat.ChatUser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Every person we know, by (platform, user id): Caffeine in front (bounded, expiring after
 * access) of a durable SQLite store in the data directory. Tokens are encrypted at rest
 * (AES-GCM) with a key from the secret given, or one generated once into the data
 * directory, readable by its owner only. Thread-safe.
 */
public final class UserDirectory implements AutoCloseable {

  // Skeleton: the user-directory work fills this in without changing the signatures below.

  /**
   * @param secret TUNECUT_SECRET, or null to use (or create) the key file in {@code dataDir}
   */
  public static UserDirectory open(Path dataDir, String secret) throws IOException {
    throw new UnsupportedOperationException();
  }

  /** The person's record; a new one (fresh client id, persisted) when we never saw them. */
  public UserRecord get(ChatUser user) throws IOException {
    throw new UnsupportedOperationException();
  }

  /**
   * Atomically replaces the person's record with {@code change} applied to it; the result is
   * durable when this returns. Concurrent updates of one person are serialised.
   */
  public UserRecord update(ChatUser user, UnaryOperator<UserRecord> change) throws IOException {
    throw new UnsupportedOperationException();
  }

  /** Everyone with renders not yet delivered, for resuming after a restart. */
  public List<UserRecord> withPendingRenders() throws IOException {
    throw new UnsupportedOperationException();
  }

  @Override
  public void close() {}
}
