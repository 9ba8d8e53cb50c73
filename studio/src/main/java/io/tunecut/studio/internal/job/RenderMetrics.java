package io.tunecut.studio.internal.job;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tunecut.studio.internal.store.RenderJobs;
import io.tunecut.studio.internal.store.RenderStatus;
import java.time.Duration;

/**
 * What operators watch: renders queued and running (across every studio on the store), and
 * what this studio saw: submitted, failed, retried, render seconds and the wait in the queue.
 */
final class RenderMetrics {
  private final Counter submitted;
  private final Counter completed;
  private final Counter failed;
  private final Counter cancelled;
  private final Counter retried;
  private final Timer rendering;
  private final Timer waiting;

  RenderMetrics(MeterRegistry registry, RenderJobs jobs) {
    Gauge.builder("tunecut.renders.queued", () -> count(jobs, RenderStatus.PENDING))
        .description("Renders waiting for a worker, on every studio").register(registry);
    Gauge.builder("tunecut.renders.running", () -> count(jobs, RenderStatus.PROCESSING))
        .description("Renders a worker is rendering, on every studio").register(registry);
    submitted = Counter.builder("tunecut.renders.submitted").description("Exports accepted here").register(registry);
    completed = Counter.builder("tunecut.renders.completed").description("Renders finished here").register(registry);
    failed = Counter.builder("tunecut.renders.failed").description("Renders that failed here").register(registry);
    cancelled = Counter.builder("tunecut.renders.cancelled").description("Renders cancelled").register(registry);
    retried = Counter.builder("tunecut.renders.retried")
        .description("Renders started again: their worker died or stopped, or the media store failed them").register(registry);
    rendering = Timer.builder("tunecut.render.duration").description("Time spent rendering")
        .publishPercentileHistogram().minimumExpectedValue(Duration.ofSeconds(1))
        .maximumExpectedValue(Duration.ofHours(1)).register(registry);
    waiting = Timer.builder("tunecut.render.queue.wait").description("From export to the start of the render")
        .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(10))
        .maximumExpectedValue(Duration.ofHours(1)).register(registry);
  }

  private static double count(RenderJobs jobs, RenderStatus status) {
    try {
      return jobs.count(status);
    } catch (RuntimeException e) {
      return Double.NaN; // the store is down: /readyz says so
    }
  }

  void submitted() {
    submitted.increment();
  }

  void started(int attempt, Duration waited) {
    if (attempt > 1) retried.increment();
    else waiting.record(waited);
  }

  void ended(RenderStatus status, Duration took) {
    switch (status) {
      case COMPLETED -> completed.increment();
      case FAILED -> failed.increment();
      case CANCELLED -> cancelled.increment();
      default -> { }
    }
    rendering.record(took);
  }
}
