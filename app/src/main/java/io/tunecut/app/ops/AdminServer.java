package io.tunecut.app.ops;

import io.javalin.Javalin;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.BooleanSupplier;

/**
 * What a load balancer and a metrics scraper ask the bot: {@code /livez} (the process answers),
 * {@code /readyz} (it can take messages: its store answers and its platforms are connected) and
 * {@code /metrics} in Prometheus' text format.
 */
public final class AdminServer implements AutoCloseable {
  private final Javalin javalin;

  private AdminServer(Javalin javalin) {
    this.javalin = javalin;
  }

  /** @param ready asked on every {@code /readyz}; should answer within a second or two */
  public static AdminServer start(int port, PrometheusMeterRegistry registry, BooleanSupplier ready) {
    Javalin javalin = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.routes.get("/livez", ctx -> ctx.result("ok"));
      config.routes.get("/readyz", ctx -> {
        boolean ok = ready.getAsBoolean();
        ctx.status(ok ? 200 : 503).result(ok ? "ready" : "not ready");
      });
      config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape()));
    });
    javalin.start(port);
    return new AdminServer(javalin);
  }

  public int port() {
    return javalin.port();
  }

  @Override
  public void close() {
    javalin.stop();
  }
}
