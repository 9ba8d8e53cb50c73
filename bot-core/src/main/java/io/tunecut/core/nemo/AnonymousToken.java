package io.tunecut.core.nemo;

import java.time.Instant;

/**
 * A token from the anonymous-token call.
 *
 * @param userId the backend's anonymous user id ("anon_…"), for the registration link; may be null
 * @param expiresAt when the backend said it expires, else 7 days from receipt
 */
public record AnonymousToken(String token, double credits, String userId, Instant expiresAt) {
  @Override
  public String toString() {
    return "AnonymousToken[token=<redacted>, credits=" + credits + ", userId=" + userId + ", expiresAt=" + expiresAt + "]";
  }
}
