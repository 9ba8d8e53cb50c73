package io.tunecut.core.user;

import java.util.Objects;

/**
 * A record as it is stored: its token is always null, the token travels sealed beside it.
 *
 * @param sealedToken the token as sealed by {@link TokenCipher}, or null when there is none
 */
record StoredUser(UserRecord record, byte[] sealedToken) {
  StoredUser {
    Objects.requireNonNull(record, "record");
    if (record.token() != null) {
      throw new IllegalArgumentException("a stored record carries its token sealed, not in plain text");
    }
  }

  @Override
  public String toString() {
    return "StoredUser[record=" + record + ", sealedToken="
        + (sealedToken == null ? "null" : "<" + sealedToken.length + " bytes>") + "]";
  }
}
