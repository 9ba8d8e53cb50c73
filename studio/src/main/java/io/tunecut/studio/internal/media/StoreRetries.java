package io.tunecut.studio.internal.media;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import dev.failsafe.function.CheckedSupplier;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one retry policy of the media store: a call that failed in passing (a dropped connection,
 * a server error, a busy mount) is tried again after a short, growing wait, {@link #ATTEMPTS}
 * times in all. A store that refuses for good ({@link MediaStoreException}: wrong keys, no
 * bucket) is not asked again. What still fails is the caller's to handle: a render goes back
 * to the queue.
 */
public final class StoreRetries {
  private static final Logger log = LoggerFactory.getLogger(StoreRetries.class);
  /** Calls made for one operation at most: about two seconds of waiting in all. */
  public static final int ATTEMPTS = 4;

  private static final FailsafeExecutor<Object> POLICY = Failsafe.with(RetryPolicy.builder()
      .handleIf(failure -> failure instanceof IOException && !(failure instanceof MediaStoreException)
          && !(failure instanceof InterruptedIOException))
      .withMaxAttempts(ATTEMPTS)
      .withBackoff(Duration.ofMillis(250), Duration.ofSeconds(2))
      .withJitter(0.2)
      .onRetry(e -> log.info("the media store failed ({}); trying again, attempt {} of {}",
          e.getLastException().getMessage(), e.getAttemptCount() + 1, ATTEMPTS))
      .build());

  private StoreRetries() {}

  /** Storage work that may fail in passing. */
  interface Call<T> {
    T run() throws IOException;
  }

  @SuppressWarnings("unchecked")
  static <T> T run(Call<T> call) throws IOException {
    try {
      return (T) POLICY.get((CheckedSupplier<Object>) call::run);
    } catch (FailsafeException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) throw io;
      if (cause instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting to try the media store again");
      }
      throw e;
    }
  }
}
