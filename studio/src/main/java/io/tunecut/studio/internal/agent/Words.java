package io.tunecut.studio.internal.agent;

import java.util.Locale;

/** How the agent writes numbers back: seconds, percentages, list positions. */
final class Words {
  private Words() {}

  /** The index into a list of {@code size} for a 1-based position or -1 (last); -1 when out of range. */
  public static int index(int position, int size) {
    int i = position == -1 ? size - 1 : position - 1;
    return i >= 0 && i < size ? i : -1;
  }

  /** "2.5" (seconds, as normalised text writes them) in ms. */
  public static long ms(String seconds) {
    return Math.round(Double.parseDouble(seconds) * 1000);
  }

  public static String secs(long ms) {
    double s = ms / 1000.0;
    return s == Math.rint(s) ? String.format(Locale.ROOT, "%d s", (long) s) : String.format(Locale.ROOT, "%.1f s", s);
  }

  public static String zhSecs(long ms) {
    double s = ms / 1000.0;
    return s == Math.rint(s) ? String.format(Locale.ROOT, "%d 秒", (long) s) : String.format(Locale.ROOT, "%.1f 秒", s);
  }

  public static String percent(double v) {
    return Math.round(v * 100) + "%";
  }
}
