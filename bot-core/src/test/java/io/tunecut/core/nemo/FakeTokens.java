package io.tunecut.core.nemo;

import java.util.concurrent.atomic.AtomicInteger;

/** A user's token as the directory would hand it out: renewing gives the next one. */
final class FakeTokens implements TokenSource {
  static final String FIRST = "nmv_usr_first-secret-7f3a9c";
  static final String RENEWED = "nmv_usr_renewed-secret-b81d2e";

  final AtomicInteger renewals = new AtomicInteger();
  private volatile String current = FIRST;

  @Override
  public String token() {
    return current;
  }

  @Override
  public String renew() {
    renewals.incrementAndGet();
    current = RENEWED;
    return current;
  }
}
