package io.tunecut.core.fleet;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The thread that keeps an instance's rows in the shared store alive: renewed a few times per lifetime. */
final class Renewer {
  private Renewer() {}

  /** A daemon thread running {@code renew} three times per {@code ttl}. */
  static ScheduledExecutorService start(String name, Duration ttl, Runnable renew) {
    ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    });
    long every = Math.max(1, ttl.toMillis() / 3);
    thread.scheduleWithFixedDelay(renew, every, every, TimeUnit.MILLISECONDS);
    return thread;
  }
}
