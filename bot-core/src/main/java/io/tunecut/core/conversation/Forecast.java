package io.tunecut.core.conversation;

import io.tunecut.core.language.Messages;
import io.tunecut.core.nemo.Credits;
import io.tunecut.core.timeline.Timeline;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before an export: when the render will take longer than about 20 s, say first how long,
 * and what it costs (render minutes on a tunecut studio, credits elsewhere). It never stops
 * the export: when anything here fails, the export just goes on.
 */
final class Forecast {
  private static final Logger log = LoggerFactory.getLogger(Forecast.class);
  static final long LONG_SECONDS = 20;

  private final Context ctx;
  private final People people;
  private final Replies replies;
  private final RenderPace pace;

  Forecast(Context ctx, People people, Replies replies, RenderPace pace) {
    this.ctx = ctx;
    this.people = people;
    this.replies = replies;
    this.pace = pace;
  }

  CompletableFuture<Void> before(Work work) {
    return CompletableFuture.runAsync(() -> {
      try {
        tell(work);
      } catch (IOException | RuntimeException e) {
        log.info("no forecast for the export of {}: {}", work.user, e.toString());
      }
    }, ctx.backendPool());
  }

  private void tell(Work work) throws IOException {
    Messages say = work.say;
    Timeline timeline = Timeline.of(people.state(work.user, say).draft());
    if (!timeline.hasClip()) return;
    double seconds = timeline.endMs() / 1000.0;
    long render = pace.forecast(seconds);
    work.videoSeconds = seconds;
    // A first guess may say roughly how long, but it is no time left to count down on the bar.
    work.forecastSeconds = pace.measured() ? render : 0;
    if (render < LONG_SECONDS) return;
    long video = Math.round(seconds);
    Credits credits = null;
    try {
      credits = ctx.nemo().credits(people.auth(work.user));
    } catch (IOException e) {
      log.info("balance for the forecast of {} unavailable: {}", work.user, e.toString());
    }
    String text = credits == null ? say.renderForecast(video, render)
        : credits.renderMinutes() ? say.renderForecastMinutes(video, render, seconds / 60, credits.available())
        : say.renderForecastCredits(video, render, credits.available());
    replies.send(work, text);
  }
}
