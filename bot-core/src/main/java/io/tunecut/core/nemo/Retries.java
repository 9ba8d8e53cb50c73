package io.tunecut.core.nemo;

import dev.failsafe.ExecutionContext;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import dev.failsafe.RetryPolicyBuilder;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The protocol's two retries of one call (nemo-protocol.md), a Failsafe policy each: a refused
 * token is renewed and the call tried once more; a 429 is tried once more after the backend's
 * rate-limit wait. Nothing else is retried. One instance per call: it keeps the call's token.
 *
 * <p>The wait is what the 429's {@code Retry-After} asks for, else the configured delay. A backend
 * asking for more than {@code maxWait} (a hostile or confused one: hours, years) is not waited
 * for at all: the call fails at once and says how long it was asked to wait.
 */
final class Retries {
  private static final Logger log = LoggerFactory.getLogger(Retries.class);

  private final String what;
  private final TokenSource auth;
  private final Duration rateLimitDelay;
  private final Duration maxWait;
  private final Function<Throwable, NemoException> refusal;
  private volatile Consumer<Duration> onWait = wait -> {};
  private volatile String token;
  private volatile boolean renewed;
  private volatile Duration waited;

  /**
   * @param refusal the backend's refusal in a failure, or null when the failure is not one the
   *     protocol retries (a stream that opened, a file over the limit)
   */
  Retries(String what, TokenSource auth, Duration rateLimitDelay, Duration maxWait,
      Function<Throwable, NemoException> refusal) {
    this.what = what;
    this.auth = auth;
    this.rateLimitDelay = rateLimitDelay;
    this.maxWait = maxWait;
    this.refusal = refusal;
  }

  /** Told how long the call waits before its try after a 429, when the wait starts. */
  Retries onWait(Consumer<Duration> listener) {
    this.onWait = listener;
    return this;
  }

  /**
   * The two policies, the rate limit outermost so that its wait covers a renewed attempt too.
   * Failsafe waits out the rate limit on the scheduler it runs with: for asynchronous calls.
   */
  <T> FailsafeExecutor<T> policies() {
    return Failsafe.with(rateLimit(true), tokenRenewal());
  }

  /**
   * The same policies for a call that blocks its thread: the attempt after a 429 starts with
   * {@link #waitOutRateLimit}, which leaves the thread's place in a shared pool to others.
   */
  <T> FailsafeExecutor<T> blockingPolicies() {
    return Failsafe.with(rateLimit(false), tokenRenewal());
  }

  private <T> RetryPolicy<T> tokenRenewal() {
    return RetryPolicy.<T>builder()
        .handleIf(failure -> auth != null && code(failure) == NemoException.TOKEN_INVALID)
        .withMaxRetries(1)
        .onRetry(event -> log.info("{}: the token was refused; renewing it and trying once more", what))
        .build();
  }

  /** @param scheduled whether Failsafe waits on its scheduler; else the attempt waits ({@link #waitOutRateLimit}) */
  private <T> RetryPolicy<T> rateLimit(boolean scheduled) {
    RetryPolicyBuilder<T> rateLimit = RetryPolicy.<T>builder()
        .handleIf(failure -> status(failure) == 429 && !askedTooLong(refusal.apply(unwrap(failure))))
        .withMaxRetries(1);
    if (!scheduled) return rateLimit.build();
    return rateLimit.withDelayFn(attempt -> wait(attempt.getLastException()))
        .onRetryScheduled(event -> rateLimited(event.getDelay())).build();
  }

  /** How long the backend asks this call to wait: its Retry-After, else the configured delay. */
  private Duration wait(Throwable failure) {
    return waitOf(failure == null ? null : refusal.apply(unwrap(failure)));
  }

  /** Whether the backend's Retry-After is over the most this client waits (the configured delay is the operator's, never over). */
  private boolean askedTooLong(NemoException refused) {
    return refused instanceof RateLimited r && r.retryAfter != null && r.retryAfter.compareTo(maxWait) > 0;
  }

  private Duration waitOf(NemoException refused) {
    if (refused instanceof RateLimited r && r.retryAfter != null) {
      return r.retryAfter;
    }
    return rateLimitDelay;
  }

  private void rateLimited(Duration wait) {
    waited = wait;
    log.info("{}: rate-limited; trying once more in {} ms", what, wait.toMillis());
    try {
      onWait.accept(wait);
    } catch (RuntimeException e) {
      log.debug("{}: the rate-limit wait was not shown: {}", what, e.toString());
    }
  }

  /**
   * Before the attempt after a 429, on a blocking call: waits the backend's rate-limit delay as
   * a managed block, so a fork-join pool (the engine's backend pool) lends another thread to the
   * people whose calls are not waiting.
   */
  void waitOutRateLimit(ExecutionContext<?> attempt) throws InterruptedIOException {
    if (attempt.isFirstAttempt() || status(attempt.getLastException()) != 429) return;
    Duration wait = wait(attempt.getLastException());
    rateLimited(wait);
    long end = System.nanoTime() + wait.toNanos();
    try {
      ForkJoinPool.managedBlock(new ForkJoinPool.ManagedBlocker() {
        @Override
        public boolean block() throws InterruptedException {
          long left = end - System.nanoTime();
          if (left > 0) TimeUnit.NANOSECONDS.sleep(left);
          return true;
        }

        @Override
        public boolean isReleasable() {
          return System.nanoTime() >= end;
        }
      });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting out a rate limit");
    }
  }

  /** The token for this attempt: a renewed one when the last attempt's token was refused. */
  String token(ExecutionContext<?> attempt) throws IOException {
    if (auth == null) {
      return null;
    }
    if (token == null) {
      token = auth.token();
    } else if (!attempt.isFirstAttempt() && code(attempt.getLastException()) == NemoException.TOKEN_INVALID) {
      renewed = true;
      token = auth.renew();
    }
    return token;
  }

  /** Fetches the first attempt's token now, on the calling thread. */
  void fetchToken() throws IOException {
    token = auth.token();
  }

  /** The failure to report: a refusal that outlived its retry says so. */
  Throwable explain(Throwable failure) {
    NemoException refused = refusal.apply(unwrap(failure));
    if (refused == null) {
      return unwrap(failure);
    }
    if (refused.code() == NemoException.TOKEN_INVALID && renewed) {
      return new NemoException(refused.code(), refused.httpStatus(),
          refused.getMessage() + "; refused again with a renewed token", refused);
    }
    if (refused.httpStatus() == 429 && waited != null) {
      return new NemoException(refused.code(), 429, refused.getMessage() + "; still rate-limited after waiting "
          + waited.toMillis() + " ms", refused);
    }
    if (refused.httpStatus() == 429 && askedTooLong(refused)) {
      return new NemoException(refused.code(), 429, refused.getMessage() + "; the backend asks to wait "
          + seconds(waitOf(refused)) + ", more than the " + seconds(maxWait) + " this client waits, so it was not retried",
          refused);
    }
    return refused;
  }

  private static String seconds(Duration d) {
    return d.getSeconds() > 365L * 24 * 3600 ? "over a year" : d.getSeconds() + " s";
  }

  private int code(Throwable failure) {
    NemoException refused = failure == null ? null : refusal.apply(unwrap(failure));
    return refused == null ? -1 : refused.code();
  }

  private int status(Throwable failure) {
    NemoException refused = failure == null ? null : refusal.apply(unwrap(failure));
    return refused == null ? -1 : refused.httpStatus();
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof FailsafeException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
