package io.tunecut.studio.internal.link;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, expiring links to files: {@code <base>/files/<id>?exp=<epoch seconds>&sig=<HMAC>}.
 * The key is made once per store (every studio on it signs alike) and never leaves it. A link
 * carries no token: whoever holds it may fetch the file until it expires.
 */
public final class LinkSigner {
  public enum Verdict { VALID, TAMPERED, EXPIRED }

  private final byte[] key;
  private final Supplier<String> base;
  private final Duration ttl;
  private final Clock clock;

  /** @param base the public base URL, read at each link (the port may be bound after this is made) */
  public LinkSigner(byte[] key, Supplier<String> base, Duration ttl, Clock clock) {
    this.key = key.clone();
    this.base = base;
    this.ttl = ttl;
    this.clock = clock;
  }

  /** A new random key. */
  public static byte[] newKey() {
    byte[] fresh = new byte[32];
    new SecureRandom().nextBytes(fresh);
    return fresh;
  }

  /**
   * The key an earlier tunecut kept in {@code file} (the data directory's {@code link.key}),
   * when there is one: the first key the store keeps, so links already sent stay valid.
   */
  public static Optional<byte[]> keptIn(Path file) throws IOException {
    if (!Files.isRegularFile(file)) return Optional.empty();
    byte[] k = Base64.getDecoder().decode(Files.readString(file).strip());
    if (k.length < 16) throw new IOException("the link key in the data directory is too short");
    return Optional.of(k);
  }

  public String link(String id) {
    return link(id, clock.instant().plus(ttl).getEpochSecond());
  }

  public String link(String id, long expiresEpochSeconds) {
    return base.get() + "/files/" + URLEncoder.encode(id, StandardCharsets.UTF_8)
        + "?exp=" + expiresEpochSeconds + "&sig=" + sign(id, expiresEpochSeconds);
  }

  public Verdict verify(String id, String exp, String sig) {
    if (id == null || exp == null || sig == null) return Verdict.TAMPERED;
    long expires;
    try {
      expires = Long.parseLong(exp);
    } catch (NumberFormatException e) {
      return Verdict.TAMPERED;
    }
    byte[] expected = sign(id, expires).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, sig.getBytes(StandardCharsets.US_ASCII))) return Verdict.TAMPERED;
    return clock.instant().getEpochSecond() >= expires ? Verdict.EXPIRED : Verdict.VALID;
  }

  private String sign(String id, long expires) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] sig = mac.doFinal((id + "\n" + expires).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }
}
