package io.tunecut.core.user;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tunecut.core.chat.ChatUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every person we know, by (platform, user id): Caffeine in front (bounded, expiring after
 * access) of a durable store, SQLite in the data directory or PostgreSQL; on PostgreSQL, shared
 * by several bot instances, every read goes to the store. Tokens are
 * encrypted at rest (AES-GCM) with a key from the secret given, or one generated once into
 * the data directory, readable by its owner only. Thread-safe.
 */
public final class UserDirectory implements AutoCloseable {
  static final long DEFAULT_CACHE_SIZE = 10_000;
  private static final Duration EXPIRE_AFTER_ACCESS = Duration.ofMinutes(30);
  // Writes of one user are serialised on a stripe; SQLite has a single writer anyway, so more
  // stripes would not buy more parallel writes.
  private static final int STRIPES = 256;
  private static final Logger log = LoggerFactory.getLogger(UserDirectory.class);

  private final SqlUserStore store;
  private final TokenCipher cipher;
  private final Cache<ChatUser, UserRecord> cache;
  private final ReentrantLock[] locks = new ReentrantLock[STRIPES];
  private volatile boolean closed;
  /** Other bot instances write the same store: a record held here may be older than the store's. */
  private final boolean shared;

  private UserDirectory(SqlUserStore store, TokenCipher cipher, long cacheSize, boolean shared) {
    this.store = store;
    this.cipher = cipher;
    this.shared = shared;
    this.cache = Caffeine.newBuilder().maximumSize(cacheSize).expireAfterAccess(EXPIRE_AFTER_ACCESS).build();
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new ReentrantLock();
    }
  }

  /**
   * @param secret TUNECUT_SECRET, or null to use (or create) the key file in {@code dataDir}
   */
  public static UserDirectory open(Path dataDir, String secret) throws IOException {
    return open(dataDir, secret, null, DEFAULT_CACHE_SIZE);
  }

  /**
   * @param databaseUrl TUNECUT_DATABASE_URL: a {@code jdbc:postgresql://} URL, or null for
   *     SQLite in {@code dataDir}
   */
  public static UserDirectory open(Path dataDir, String secret, String databaseUrl) throws IOException {
    return open(dataDir, secret, databaseUrl, DEFAULT_CACHE_SIZE);
  }

  static UserDirectory open(Path dataDir, String secret, long cacheSize) throws IOException {
    return open(dataDir, secret, null, cacheSize);
  }

  /** A blank secret counts as none: an empty TUNECUT_SECRET= line is not a key. */
  static UserDirectory open(Path dataDir, String secret, String databaseUrl, long cacheSize) throws IOException {
    Objects.requireNonNull(dataDir, "dataDir");
    Files.createDirectories(dataDir);
    SqlUserStore store = SqlUserStore.open(dataDir, databaseUrl);
    try {
      boolean fromSecret = secret != null && !secret.isBlank();
      TokenCipher cipher = fromSecret
          ? TokenCipher.derivedFrom(secret, store.keySalt())
          : TokenCipher.withKey(KeyFile.readOrCreate(dataDir));
      log.info("User directory open in {} (token key from {})", dataDir,
          fromSecret ? "TUNECUT_SECRET" : KeyFile.NAME);
      return new UserDirectory(store, cipher, cacheSize, databaseUrl != null && !databaseUrl.isBlank());
    } catch (IOException | RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /** The person's record; a new one (fresh client id, persisted) when we never saw them. */
  public UserRecord get(ChatUser user) throws IOException {
    Objects.requireNonNull(user, "user");
    ensureOpen();
    UserRecord cached = shared ? null : cache.getIfPresent(user);
    if (cached != null) {
      return cached;
    }
    ReentrantLock lock = lockFor(user);
    lock.lock();
    try {
      return current(user);
    } finally {
      lock.unlock();
    }
  }

  /**
   * The language the person last wrote in, if their record is at hand without reading the store:
   * for the first word of an answer, before anything slow (null when not known here).
   */
  public String languageAtHand(ChatUser user) {
    UserRecord cached = cache.getIfPresent(user);
    return cached == null ? null : cached.language();
  }

  /**
   * Atomically replaces the person's record with {@code change} applied to it; the result is
   * durable when this returns. Concurrent updates of one person are serialised.
   */
  public UserRecord update(ChatUser user, UnaryOperator<UserRecord> change) throws IOException {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(change, "change");
    ensureOpen();
    ReentrantLock lock = lockFor(user);
    lock.lock();
    try {
      UserRecord before = current(user);
      UserRecord after = Objects.requireNonNull(change.apply(before), "the change returned no record");
      if (!after.user().equals(user) || !after.clientId().equals(before.clientId())) {
        throw new IllegalArgumentException("An update of " + user + " cannot change whose record it is or its client id");
      }
      if (!after.equals(before)) {
        store.save(seal(after));
        cache.put(user, after);
      }
      return after;
    } finally {
      lock.unlock();
    }
  }

  /** Everyone with renders not yet delivered, for resuming after a restart. */
  public List<UserRecord> withPendingRenders() throws IOException {
    ensureOpen();
    return store.withPendingRenders().stream().map(this::unseal).toList();
  }

  /**
   * The directory's database, for what is kept beside each person (access, budgets, linked
   * accounts): its tables come with the directory's own migrations.
   */
  public DataSource database() {
    ensureOpen();
    return store.dataSource();
  }

  /** Records held in memory right now (they are all in the store as well). */
  long cachedUsers() {
    cache.cleanUp();
    return cache.estimatedSize();
  }

  // Callers hold the user's lock, so a record is created and a cache entry filled once.
  private UserRecord current(ChatUser user) throws IOException {
    UserRecord cached = shared ? null : cache.getIfPresent(user);
    if (cached != null) {
      return cached;
    }
    UserRecord record = store.find(user).map(this::unseal).orElse(null);
    if (record == null) {
      record = new UserRecord(user, UUID.randomUUID().toString(), null, null, null, null, null, null, List.of());
      store.save(seal(record));
      log.debug("New user {} with client id {}", user, record.clientId());
    }
    cache.put(user, record);
    return record;
  }

  private StoredUser seal(UserRecord record) {
    byte[] sealed = record.token() == null ? null : cipher.seal(record.token(), record.user());
    return new StoredUser(record.withToken(null, record.tokenExpiresAt(), record.backendUserId()), sealed);
  }

  private UserRecord unseal(StoredUser stored) {
    UserRecord record = stored.record();
    if (stored.sealedToken() == null) {
      return record;
    }
    return cipher.open(stored.sealedToken(), record.user())
        .map(token -> record.withToken(token, record.tokenExpiresAt(), record.backendUserId()))
        .orElseGet(() -> {
          log.warn("The stored token of {} cannot be decrypted (TUNECUT_SECRET or {} changed since it was saved?);"
              + " it is treated as absent and a new one will be obtained", record.user(), KeyFile.NAME);
          return record.withToken(null, null, record.backendUserId());
        });
  }

  private ReentrantLock lockFor(ChatUser user) {
    int hash = user.hashCode();
    return locks[Math.floorMod(hash ^ (hash >>> 16), STRIPES)];
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("The user directory is closed");
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    cache.invalidateAll();
    store.close();
  }

  @Override
  public String toString() {
    return "UserDirectory[" + store + ", cached=" + cache.estimatedSize() + "]";
  }
}
