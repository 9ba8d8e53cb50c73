package io.tunecut.studio.internal.agent.beat;

import io.tunecut.studio.internal.analysis.Beats;

/**
 * "End on a phrase": the music plays to the video's last frame and closes on a bar, fading out
 * from the last bar line before the end. Stopping on that bar line instead left up to a bar of
 * silence under the picture.
 */
public final class PhraseEnding {
  /** A shorter fade sounds like a cut-off, not an ending. */
  private static final double SHORTEST_FADE = 1.0;

  private PhraseEnding() {}

  /**
   * @param length how long the music plays on the timeline, seconds: to the video's end
   * @param fadeOut the fade-out that ends with it, seconds; it starts on a bar line
   * @param onBar false when no bar line was near the end and the fade starts anywhere
   */
  public record Plan(double length, double fadeOut, boolean onBar) {}

  /**
   * @param musicIn where in the track playback starts
   * @param musicStart where on the timeline the music starts
   * @param videoLength the timeline's length
   */
  public static Plan plan(Beats beats, double musicIn, double musicStart, double videoLength) {
    double period = beats.period() > 0 ? beats.period() : 0.5;
    double bar = beats.beatsPerBar() * period;
    double length = round(videoLength - musicStart);
    double best = Double.NaN;
    for (double d : beats.downbeats()) {
      double barLine = d - musicIn + musicStart;
      double fade = videoLength - barLine;
      if (fade >= SHORTEST_FADE - 1e-9 && fade <= bar + SHORTEST_FADE + 1e-9 && barLine > musicStart
          && (Double.isNaN(best) || barLine > best)) {
        best = barLine;
      }
    }
    if (Double.isNaN(best)) {
      return new Plan(length, round(Math.min(2.0, length / 4)), false);
    }
    return new Plan(length, round(videoLength - best), true);
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
