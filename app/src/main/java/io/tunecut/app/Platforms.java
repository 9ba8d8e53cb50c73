package io.tunecut.app;

import io.tunecut.app.config.Settings;
import io.tunecut.app.ops.AdminServer;
import io.tunecut.app.ops.Meters;
import io.tunecut.app.ops.TurnMeter;
import io.tunecut.core.chat.MessageHandler;
import io.tunecut.core.chat.ChatPort;
import io.tunecut.discord.DiscordBot;
import io.tunecut.discord.DiscordSettings;
import io.tunecut.telegram.TelegramBot;
import io.tunecut.telegram.TelegramSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code run}, {@code telegram} and {@code discord}: the bot on chat platforms until stopped. */
final class Platforms {
  private static final Logger log = LoggerFactory.getLogger(Platforms.class);

  private Platforms() {}

  static int serve(String command, Settings settings) throws Exception {
    boolean telegram = has(settings, "TELEGRAM_BOT_TOKEN");
    boolean discord = has(settings, "DISCORD_BOT_TOKEN");
    switch (command) {
      case "telegram" -> {
        if (!telegram) throw new IllegalArgumentException("TELEGRAM_BOT_TOKEN is not set: get a token from @BotFather");
        discord = false;
      }
      case "discord" -> {
        if (!discord) throw new IllegalArgumentException("DISCORD_BOT_TOKEN is not set: create a bot in the Discord developer portal");
        telegram = false;
      }
      default -> {
        if (!telegram && !discord) {
          throw new IllegalArgumentException("no platform has a token: set TELEGRAM_BOT_TOKEN and/or DISCORD_BOT_TOKEN");
        }
      }
    }

    List<AutoCloseable> running = new ArrayList<>();
    Bot bot = Bot.start(settings);
    running.add(bot);
    MessageHandler handler = bot.engine();
    AtomicBoolean connected = new AtomicBoolean();
    try {
      if (settings.adminPort() >= 0) {
        var registry = Meters.prometheus();
        handler = TurnMeter.around(bot.engine(), registry);
        AdminServer admin = AdminServer.start(settings.adminPort(), registry, () -> connected.get() && bot.storeAnswers());
        running.add(0, admin);
        log.info("/livez, /readyz and /metrics on port {}", admin.port());
      }
      if (telegram) {
        TelegramBot adapter = TelegramBot.start(TelegramSettings.fromEnvironment(settings.env()), handler, bot.updateClaims(),
            bot.albumParts());
        running.add(0, adapter);
        resume(bot, adapter.port());
        log.info("telegram bot running");
      }
      if (discord) {
        DiscordBot adapter = DiscordBot.start(DiscordSettings.fromEnvironment(settings.env()), handler);
        running.add(0, adapter);
        resume(bot, adapter.port());
        log.info("discord bot running");
      }
      connected.set(true);
    } catch (Exception e) {
      closeAll(running);
      throw e;
    }
    Main.awaitShutdown(() -> closeAll(running));
    return 0;
  }

  /** Renders that were running when the bot last stopped report to their messages again. */
  private static void resume(Bot bot, ChatPort port) {
    bot.engine().resume(port).whenComplete((ok, failure) -> {
      if (failure != null) log.warn("resuming {} renders failed: {}", port.platform(), failure.toString());
    });
  }

  private static boolean has(Settings settings, String name) {
    String value = settings.env().get(name);
    return value != null && !value.isBlank();
  }

  private static void closeAll(List<AutoCloseable> running) {
    for (AutoCloseable each : running) {
      try {
        each.close();
      } catch (Exception e) {
        log.warn("closing {} failed: {}", each.getClass().getSimpleName(), e.toString());
      }
    }
  }
}
