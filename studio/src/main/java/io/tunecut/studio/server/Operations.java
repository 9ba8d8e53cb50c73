package io.tunecut.studio.server;

import io.javalin.http.Context;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tunecut.studio.internal.media.MediaStore;
import io.tunecut.studio.internal.media.MediaStoreException;
import io.tunecut.studio.internal.store.Database;
import java.util.concurrent.atomic.AtomicInteger;

/** {@code /livez}, {@code /readyz} and {@code /metrics} (Prometheus text) for operators. */
final class Operations implements AutoCloseable {
  private final Database db;
  private final MediaStore store;
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final AtomicInteger streams = new AtomicInteger();

  /** A handler that may throw, as Javalin's do. */
  interface Stream {
    void run() throws Exception;
  }

  Operations(Database db, MediaStore store) {
    this.db = db;
    this.store = store;
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    Gauge.builder("tunecut.sse.streams.open", streams, AtomicInteger::get)
        .description("Chat turns streaming to a client now").register(registry);
  }

  MeterRegistry registry() {
    return registry;
  }

  /** Counts an open chat stream while it runs. */
  void stream(Stream handler) throws Exception {
    streams.incrementAndGet();
    try {
      handler.run();
    } finally {
      streams.decrementAndGet();
    }
  }

  /** The process runs: nothing else is checked, so a slow store does not get it restarted. */
  void live(Context ctx) {
    plain(ctx, 200, "ok");
  }

  /** Ready when the database and the media store answer. */
  void ready(Context ctx) {
    try {
      db.one("SELECT 1", rs -> rs.getInt(1));
    } catch (RuntimeException e) {
      plain(ctx, 503, "the store does not answer");
      return;
    }
    try {
      store.check();
      plain(ctx, 200, "ready");
    } catch (MediaStoreException e) {
      plain(ctx, 503, e.getMessage());
    }
  }

  void metrics(Context ctx) {
    ctx.attribute(Json.ANSWERED, true);
    ctx.status(200);
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8");
    ctx.result(registry.scrape());
  }

  private static void plain(Context ctx, int status, String word) {
    ctx.attribute(Json.ANSWERED, true);
    ctx.status(status);
    ctx.contentType("text/plain; charset=utf-8");
    ctx.result(word);
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
