package io.tunecut.studio.server;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Fresh identifiers. */
final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  /** 19 decimal digits, no leading zero, like the cloud's session ids. */
  static String sessionId() {
    StringBuilder sb = new StringBuilder(19);
    sb.append(1 + RANDOM.nextInt(9));
    for (int i = 0; i < 18; i++) sb.append(RANDOM.nextInt(10));
    return sb.toString();
  }

  static String hex(String prefix, int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return prefix + HexFormat.of().formatHex(b);
  }
}
