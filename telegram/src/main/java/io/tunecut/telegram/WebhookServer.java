package io.tunecut.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Receives updates Telegram posts to our webhook. Every request must carry the secret we
 * gave setWebhook; anything else is turned away before its body is read.
 */
final class WebhookServer implements AutoCloseable {
  static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
  private static final Logger log = LoggerFactory.getLogger(WebhookServer.class);

  private final Javalin javalin;

  private WebhookServer(Javalin javalin) {
    this.javalin = javalin;
  }

  static WebhookServer start(int port, String path, String secret, ObjectMapper json, Consumer<Update> updates) {
    byte[] expected = secret.getBytes(StandardCharsets.UTF_8);
    Javalin javalin = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.routes.post(path, ctx -> {
        String given = ctx.header(SECRET_HEADER);
        if (given == null || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
          log.warn("Refused a webhook request without the right secret from {}", ctx.ip());
          ctx.status(401).result("wrong secret");
          return;
        }
        Update update;
        try {
          update = json.readValue(ctx.bodyAsBytes(), Update.class);
        } catch (Exception e) {
          // Answered 200 all the same: Telegram would otherwise send the broken update again and again.
          log.warn("Skipped an update we could not read: {}", e.getClass().getSimpleName());
          ctx.status(200);
          return;
        }
        updates.accept(update);
        ctx.status(200);
      });
    });
    javalin.start(port);
    return new WebhookServer(javalin);
  }

  int port() {
    return javalin.port();
  }

  @Override
  public void close() {
    javalin.stop();
  }
}
