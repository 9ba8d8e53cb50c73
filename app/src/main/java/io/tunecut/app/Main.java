package io.tunecut.app;

import io.tunecut.app.bench.ComposeBenchmark;
import io.tunecut.app.bench.CoreBenchmark;
import io.tunecut.app.bench.E2eBenchmark;
import io.tunecut.app.bench.PictureBenchmark;
import io.tunecut.app.bench.RenderBenchmark;
import io.tunecut.app.config.Settings;
import io.tunecut.app.console.Console;
import io.tunecut.app.console.ConsolePort;
import io.tunecut.studio.bench.AnalysisBenchmark;
import io.tunecut.studio.bench.AnalyzeCommand;

import io.tunecut.studio.server.Studio;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/** The one entry point: {@code java -jar tunecut.jar <command>}. */
public final class Main {
  private static final String USAGE = """
      usage: tunecut <command>
        console [--user NAME]        chat with the bot in this terminal (default)
        run                          the bot on every platform that has a token
        telegram                     the Telegram bot (TELEGRAM_BOT_TOKEN)
        discord                      the Discord bot (DISCORD_BOT_TOKEN)
        studio [--host H] [--port N] [--role api|worker|all]
                                     the render backend alone, serving the NemoVideo protocol
                                     (api: no rendering; worker: renders only; all: both)
        analyze beats|cuts FILE      print the beats or the scene cuts of a file as JSON
        bench core|render|e2e|analysis|compose|timeline|preview
                                     measure the engine, the renderer, the whole flow, the analysis,
                                     composed music, the timeline picture or the quick preview
        version                      print the version
      Configuration is read from the environment: see the README.""";

  private Main() {}

  public static void main(String[] args) {
    try {
      System.exit(run(args));
    } catch (IllegalArgumentException e) {
      System.err.println("tunecut: " + e.getMessage());
      System.exit(2);
    } catch (Exception e) {
      System.err.println("tunecut: " + e.getMessage());
      System.exit(1);
    }
  }

  static int run(String[] args) throws Exception {
    String command = args.length == 0 ? "console" : args[0];
    String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
    switch (command) {
      case "console":
        return console(rest);
      case "run":
      case "telegram":
      case "discord":
        return Platforms.serve(command, Settings.fromProcessEnvironment());
      case "studio":
        return studio(rest);
      case "analyze":
        return AnalyzeCommand.run(rest, System.out);
      case "bench":
        return bench(rest);
      case "version":
        System.out.println("tunecut " + Version.current());
        return 0;
      case "help":
      case "--help":
      case "-h":
        System.out.println(USAGE);
        return 0;
      default:
        System.err.println("tunecut: unknown command '" + command + "'");
        System.err.println(USAGE);
        return 2;
    }
  }

  private static int console(String[] args) throws Exception {
    String user = option(args, "--user", "console");
    Settings settings = Settings.fromProcessEnvironment();
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (Bot bot = Bot.start(settings)) {
      ConsolePort port = new ConsolePort(out, settings.dataDir().resolve("exports"));
      bot.engine().resume(port).join();
      var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      Console.Pace pace = System.console() != null ? Console.Pace.AS_TYPED : Console.Pace.IN_ORDER;
      new Console(bot.engine(), port, user, System.err).run(in, pace);
    }
    return 0;
  }

  private static int studio(String[] args) throws Exception {
    Settings settings = Settings.fromProcessEnvironment();
    String host = option(args, "--host", settings.studioHost());
    int port = Integer.parseInt(option(args, "--port", settings.studioPort() == 0 ? "8750" : Integer.toString(settings.studioPort())));
    var role = StudioLauncher.role(option(args, "--role", "all"));
    Studio studio = StudioLauncher.start(settings, host, port, role);
    System.out.println(role.serves()
        ? "tunecut studio serving the NemoVideo protocol at " + studio.baseUrl()
        : "tunecut studio rendering; health and metrics at " + studio.baseUrl());
    awaitShutdown(studio);
    return 0;
  }

  private static int bench(String[] args) throws Exception {
    String what = args.length == 0 ? "" : args[0];
    String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
    switch (what) {
      case "core" -> CoreBenchmark.main(rest);
      case "render" -> RenderBenchmark.main(rest);
      case "e2e" -> E2eBenchmark.main(rest);
      case "analysis" -> AnalysisBenchmark.main(rest);
      case "compose" -> ComposeBenchmark.main(rest);
      case "timeline", "preview" -> PictureBenchmark.main(new String[] {what});
      default -> throw new IllegalArgumentException("bench takes core, render, e2e, analysis, compose, timeline or preview");
    }
    return 0;
  }

  /** Blocks until the process is asked to stop, then closes what runs. */
  static void awaitShutdown(AutoCloseable running) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        running.close();
      } catch (Exception ignored) {
        // Shutting down anyway.
      } finally {
        stopped.countDown();
      }
    }, "tunecut-shutdown"));
    stopped.await();
  }

  static String option(String[] args, String name, String fallback) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals(name)) {
        if (i + 1 == args.length) throw new IllegalArgumentException(name + " needs a value");
        return args[i + 1];
      }
    }
    return fallback;
  }
}
