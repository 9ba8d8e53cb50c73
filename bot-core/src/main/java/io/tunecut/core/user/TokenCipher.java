package io.tunecut.core.user;

import io.tunecut.core.chat.ChatUser;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals tokens with AES-256-GCM: a fresh 12-byte nonce per seal, and the owner as associated
 * data, so a sealed token opens only in its owner's row. Layout: format byte, nonce, ciphertext
 * with tag.
 */
final class TokenCipher {
  // OWASP's figure for PBKDF2-HMAC-SHA256; paid once when the directory opens.
  static final int PBKDF2_ITERATIONS = 600_000;
  private static final byte FORMAT = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";

  private final SecretKey key;
  private final SecureRandom random = new SecureRandom();

  private TokenCipher(SecretKey key) {
    this.key = key;
  }

  static TokenCipher withKey(SecretKey key) {
    return new TokenCipher(Objects.requireNonNull(key, "key"));
  }

  static TokenCipher derivedFrom(String secret, byte[] salt) {
    var spec = new PBEKeySpec(secret.toCharArray(), salt, PBKDF2_ITERATIONS, 256);
    try {
      byte[] derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
      try {
        return new TokenCipher(new SecretKeySpec(derived, "AES"));
      } finally {
        Arrays.fill(derived, (byte) 0);
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this Java runtime", e);
    } finally {
      spec.clearPassword();
    }
  }

  byte[] seal(String token, ChatUser owner) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(associatedData(owner));
      byte[] sealed = cipher.doFinal(token.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(FORMAT).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
    }
  }

  /** The token, or empty when it was sealed with another key, for another owner, or is damaged. */
  Optional<String> open(byte[] sealed, ChatUser owner) {
    if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != FORMAT) {
      return Optional.empty();
    }
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
      cipher.updateAAD(associatedData(owner));
      byte[] plain = cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
      return Optional.of(new String(plain, StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      return Optional.empty();
    }
  }

  // Length-prefixed, so ("ab", "c") and ("a", "bc") differ.
  private static byte[] associatedData(ChatUser owner) {
    byte[] platform = owner.platform().getBytes(StandardCharsets.UTF_8);
    byte[] id = owner.id().getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(8 + platform.length + id.length)
        .putInt(platform.length).put(platform).putInt(id.length).put(id).array();
  }

  @Override
  public String toString() {
    return "TokenCipher[AES-256-GCM, key=<redacted>]";
  }
}
