package io.tunecut.studio.internal.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunecut.studio.internal.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokensTest {
  @TempDir Path dir;

  @Test
  void aTokenStopsWorkingAfterSevenDaysAndRenewingKeepsTheUser() {
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    Clock clock = new Clock() {
      @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
      @Override public Clock withZone(java.time.ZoneId zone) { return this; }
      @Override public Instant instant() { return now.get(); }
    };
    try (Database db = new Database(dir.resolve("studio.db"))) {
      Tokens tokens = new Tokens(new Accounts(db), clock);
      Tokens.Issued first = tokens.issue("client");

      assertThat(tokens.userOf(first.token())).contains(first.userId());
      assertThat(first.toString()).doesNotContain(first.token());
      now.set(now.get().plus(Duration.ofDays(7)).minusSeconds(1));
      assertThat(tokens.userOf(first.token())).isPresent();
      now.set(now.get().plusSeconds(1));
      assertThat(tokens.userOf(first.token())).isEmpty();

      Tokens.Issued renewed = tokens.issue("client");
      assertThat(renewed.userId()).isEqualTo(first.userId());
      assertThat(tokens.userOf(renewed.token())).contains(first.userId());
      assertThat(tokens.userOf("nmv_usr_" + "0".repeat(48))).isEmpty();
      assertThat(tokens.userOf(null)).isEmpty();
    }
  }
}
