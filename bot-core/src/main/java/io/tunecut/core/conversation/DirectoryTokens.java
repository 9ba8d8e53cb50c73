package io.tunecut.core.conversation;

import io.tunecut.core.chat.ChatUser;
import io.tunecut.core.nemo.AnonymousToken;
import io.tunecut.core.nemo.NemoClient;
import io.tunecut.core.nemo.NemoException;
import io.tunecut.core.nemo.TokenSource;
import io.tunecut.core.user.UserDirectory;
import io.tunecut.core.user.UserRecord;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One person's bearer token, kept in the directory: obtained with the person's own client id,
 * renewed before it expires and when the backend answers 1001, persisted before use. With an
 * operator token everyone shares that one.
 */
public final class DirectoryTokens implements TokenSource {
  // Renew a little early so a token never expires in the middle of a call.
  private static final Duration MARGIN = Duration.ofMinutes(5);
  // One anonymous token per client per 7 days: never ask twice in a burst.
  private static final Duration FRESH = Duration.ofSeconds(10);

  private final UserDirectory directory;
  private final NemoClient nemo;
  private final ChatUser user;
  private final String operatorToken;
  private final Clock clock;
  private Instant renewedAt = Instant.MIN;

  public DirectoryTokens(UserDirectory directory, NemoClient nemo, ChatUser user, String operatorToken, Clock clock) {
    this.directory = directory;
    this.nemo = nemo;
    this.user = user;
    this.operatorToken = operatorToken;
    this.clock = clock;
  }

  @Override
  public synchronized String token() throws IOException {
    if (operatorToken != null) return operatorToken;
    UserRecord record = directory.get(user);
    Instant expiry = record.tokenExpiresAt();
    if (record.token() != null && (expiry == null || expiry.isAfter(clock.instant().plus(MARGIN)))) return record.token();
    return obtain(record);
  }

  @Override
  public synchronized String renew() throws IOException {
    if (operatorToken != null) throw new NemoException(NemoException.TOKEN_INVALID, 401, "the operator token was refused");
    UserRecord record = directory.get(user);
    if (record.token() != null && renewedAt.isAfter(clock.instant().minus(FRESH))) return record.token();
    return obtain(record);
  }

  private String obtain(UserRecord record) throws IOException {
    AnonymousToken fresh = nemo.anonymousToken(record.clientId());
    Instant expiry = fresh.expiresAt() != null ? fresh.expiresAt() : clock.instant().plus(Duration.ofDays(7));
    directory.update(user, r -> r.withToken(fresh.token(), expiry, fresh.userId() != null ? fresh.userId() : r.backendUserId()));
    renewedAt = clock.instant();
    return fresh.token();
  }

  @Override
  public String toString() {
    return "DirectoryTokens[" + user + "]";
  }
}
