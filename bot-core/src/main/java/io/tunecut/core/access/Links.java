package io.tunecut.core.access;

import io.tunecut.core.chat.ChatUser;
import io.tunecut.core.language.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * Two accounts become one person: {@code /link} on one gives a one-time code that lives ten
 * minutes, {@code /link CODE} on the other joins it to the first (whose timeline both then
 * use), {@code /unlink} separates them. Codes are random, kept only as hashes, and used once.
 */
final class Links {
  static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
  // No 0/O, 1/I/L: codes are read off one screen and typed on another.
  private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
  private static final int CODE_LENGTH = 8;

  private final AccessBook book;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  Links(AccessBook book, Clock clock) {
    this.book = book;
    this.clock = clock;
  }

  /** The person behind an account: the one it is joined to, or itself. */
  ChatUser person(ChatUser account) throws IOException {
    return book.owner(account).orElse(account);
  }

  String newCode(ChatUser account, Messages say) throws IOException {
    char[] code = new char[CODE_LENGTH];
    for (int i = 0; i < code.length; i++) code[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    String text = new String(code);
    book.keepCode(hash(text), account, clock.instant().plus(CODE_LIFETIME));
    return say.linkCode(text, CODE_LIFETIME.toMinutes());
  }

  /** The outcome of {@code /link CODE}: whether it joined, and what to answer. */
  record Outcome(boolean joined, String answer) {}

  Outcome join(ChatUser account, String code, Messages say) throws IOException {
    Optional<AccessBook.Code> found = book.takeCode(hash(code.strip().toUpperCase(Locale.ROOT)));
    if (found.isEmpty()) return new Outcome(false, say.linkCodeWrong());
    if (!found.get().expiresAt().isAfter(clock.instant())) {
      return new Outcome(false, say.linkCodeExpired(CODE_LIFETIME.toMinutes()));
    }
    ChatUser owner = person(found.get().account());
    if (owner.equals(person(account))) return new Outcome(false, say.alreadyLinked());
    book.link(account, owner, clock.instant());
    return new Outcome(true, say.linked(found.get().account().toString()));
  }

  String unlink(ChatUser account, Messages say) throws IOException {
    return book.unlink(account) > 0 ? say.unlinked() : say.notLinked();
  }

  private static String hash(String code) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this Java runtime", e);
    }
  }
}
