package io.tunecut.studio.sync;

import io.tunecut.studio.analysis.Beats;

/** "End on a phrase": the music stops on a bar line near the end of the video, fading out. */
public final class PhraseEnding {
  private static final double LONGEST_FADE = 3.0;

  private PhraseEnding() {}

  /**
   * @param length how long the music plays on the timeline, seconds (ends on a bar line)
   * @param fadeOut the fade-out that ends with it, seconds
   * @param onBar false when no bar line was near the end and the video's end was kept
   */
  public record Plan(double length, double fadeOut, boolean onBar) {}

  /**
   * @param musicIn where in the track playback starts
   * @param musicStart where on the timeline the music starts
   * @param videoLength the timeline's length
   */
  public static Plan plan(Beats beats, double musicIn, double musicStart, double videoLength) {
    double period = beats.period() > 0 ? beats.period() : 0.5;
    double bar = 4 * period;
    double best = Double.NaN;
    for (double d : beats.downbeats()) {
      double end = d - musicIn + musicStart;
      // not past the picture, and not more than a bar before its end
      if (end <= videoLength + 1e-9 && end >= videoLength - bar - 1e-9
          && (Double.isNaN(best) || end > best)) {
        best = end;
      }
    }
    if (Double.isNaN(best) || best <= musicStart) {
      return new Plan(round(videoLength - musicStart), Math.min(2.0, videoLength / 4), false);
    }
    double length = best - musicStart;
    double fade = Math.min(LONGEST_FADE, Math.min(bar, length / 3));
    return new Plan(round(length), round(fade), true);
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
