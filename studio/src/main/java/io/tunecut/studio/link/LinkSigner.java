package io.tunecut.studio.link;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, expiring links to files: {@code <base>/files/<id>?exp=<epoch seconds>&sig=<HMAC>}.
 * The key is made once per data directory and readable by its owner only. A link carries no
 * token: whoever holds it may fetch the file until it expires.
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

  /** Reads the key from {@code file}, creating it (owner-only) on first use. */
  public static byte[] loadOrCreateKey(Path file) throws IOException {
    if (!Files.exists(file)) {
      byte[] fresh = new byte[32];
      new SecureRandom().nextBytes(fresh);
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.deleteIfExists(tmp);
      try {
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        Files.createFile(tmp);
      }
      Files.write(tmp, Base64.getEncoder().encode(fresh));
      try {
        Files.move(tmp, file);
      } catch (FileAlreadyExistsException raced) {
        Files.deleteIfExists(tmp);
      }
    }
    byte[] k = Base64.getDecoder().decode(Files.readString(file).strip());
    if (k.length < 16) throw new IOException("the link key in the data directory is too short");
    return k;
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
