package io.tunecut.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The time left on the render's bar: told only once it means something, and then counting down
 * steadily instead of jumping with each poll. Time here is the render's own clock, in seconds.
 */
class RenderProgressTest {
  private static final String SHOWN = "rendering";
  private final RenderProgress render = new RenderProgress(at(0));

  private static long at(double seconds) {
    return Math.round(seconds * 1e9);
  }

  private void report(int progress, double seconds) {
    render.report(progress, at(seconds), SHOWN);
  }

  private long left(double seconds) {
    return render.secondsLeft(at(seconds), 0);
  }

  @Test
  void nothingIsToldBeforeTheRenderMovedEnoughToMeasureItsSpeed() {
    report(0, 0);
    assertThat(left(2)).as("at 0%, with no forecast measured here").isEqualTo(-1);
    report(3, 3);
    assertThat(left(3.5)).as("three points say little").isEqualTo(-1);
    report(16, 6);
    assertThat(left(6)).as("16% after 6 s: 84 points at 16 points in 6 s").isBetween(30L, 32L);
  }

  @Test
  void aWaitBeforeTheRenderStartsMovingDoesNotCountAsSlowness() {
    report(0, 0);
    report(0, 5); // waiting for a worker
    report(10, 6);
    report(20, 7);
    assertThat(left(7)).as("10 points a second once moving").isEqualTo(8);
  }

  /**
   * A render as a studio reports it: 3 s waiting for a worker, the sound mixed (3 points in
   * 1 s), then the picture, 97 points in 50 s at a speed going 40% up and down.
   */
  private static int studioProgress(double t) {
    if (t < 3) return 0;
    if (t < 4) return (int) (3 * (t - 3));
    double x = t - 4;
    return (int) Math.min(100, 3 + 97 * (x + 0.4 * 12 / (2 * Math.PI) * Math.sin(2 * Math.PI * x / 12)) / 50);
  }

  @Test
  void theFirstFigureIsNearTheTruthAndFromThereItCountsDownWithoutJumpingUp() {
    List<Long> told = new ArrayList<>();
    int firstTold = -1;
    for (int second = 0; second < 54; second++) {
      if (second % 2 == 0) report(studioProgress(second), second); // polled every 2 s, shown every second
      long left = left(second + 0.5);
      if (left < 0) continue;
      if (firstTold < 0) firstTold = second;
      told.add(left);
    }
    double truth = 54 - (firstTold + 0.5);
    assertThat((double) told.get(0)).as("first figure, %s s truly left", truth).isBetween(truth * 0.8, truth * 1.2);
    for (int i = 1; i < told.size(); i++) {
      assertThat(told.get(i)).as("figure %d after %s", i, told.subList(0, i)).isLessThanOrEqualTo(told.get(i - 1) + 2);
    }
    assertThat(told.get(told.size() - 1)).isBetween(1L, 3L);
  }

  @Test
  void aForecastMeasuredHereGivesTheFirstFigureAndTheRendersOwnSpeedTakesOver() {
    // Forecast 30 s; the render really takes 60 s.
    report(0, 0);
    assertThat(render.secondsLeft(at(2), 30)).isEqualTo(28);
    long told = 0;
    for (int second = 3; second <= 30; second++) {
      report((int) Math.round(second / 0.6), second);
      told = render.secondsLeft(at(second), 30);
    }
    assertThat(told).as("at half way, 30 s left").isBetween(26L, 34L);
  }

  @Test
  void aRenderThatOutrunsItsForecastTellsNothingUntilItsOwnSpeedIsMeasured() {
    report(0, 0);
    report(0, 12);
    assertThat(render.secondsLeft(at(12), 10)).as("10 s forecast, 12 s gone at 0%").isEqualTo(-1);
  }

  @Test
  void aRenderThatSlowsDownForGoodShowsMoreTimeLeft() {
    report(0, 0);
    report(50, 10);
    long before = left(10);
    // Then one point every 2 s: 50 points take 100 s more.
    for (int second = 12; second <= 30; second += 2) {
      report(50 + (second - 10) / 2, second);
      left(second);
    }
    assertThat(left(30)).as("first %d s left", before).isGreaterThan(before + 5);
  }
}
