package io.tunecut.app.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tunecut.core.chat.MessageHandler;

/** Counts and times what the engine does with each message, by platform. */
public final class TurnMeter {
  static final String TURNS = "tunecut.turns";

  private TurnMeter() {}

  /** {@code handler}, with each message's turn (up to everything it started) timed in {@code registry}. */
  public static MessageHandler around(MessageHandler handler, MeterRegistry registry) {
    return (message, port) -> {
      Timer.Sample started = Timer.start(registry);
      return handler.handle(message, port).whenComplete((v, t) ->
          started.stop(registry.timer(TURNS, "platform", message.user().platform())));
    };
  }
}
