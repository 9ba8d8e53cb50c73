package io.tunecut.studio.internal.analysis;

import io.tunecut.studio.internal.analysis.FrameFeatures.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Decides cuts from per-frame numbers: a frame change that stands out from its neighbourhood
 * is a cut, shots are at least half a second, a flash that returns to the previous picture is
 * not a cut, and blends are reported as gradual.
 */
final class ShotBoundaries {
  /** A frame changing less than this is no cut (its motion-compensated change is not needed). */
  static final double MIN_CUT_SCORE = 0.035;
  private static final double NEIGHBOURHOOD_RATIO = 3.0;
  /** Frames each side that a peak is compared with. */
  static final int NEIGHBOURHOOD = 4;
  /** Where the neighbourhood changes steadily, a peak this far above it is enough. */
  private static final double CALM_RATIO = 2.0;
  private static final double CALM_DEVIATIONS = 4.0;
  /** Compression noise alone makes frames differ this much from one to the next. */
  private static final double MIN_SPREAD = 0.002;
  private static final double MIN_SHOT_SECONDS = 0.5;
  private static final double FLASH_RETURN = 0.4;
  private static final double BLEND_SPAN_SECONDS = 0.2;
  private static final double MIN_BLEND_CHANGE = 0.06;
  private static final double BLEND_LINEARITY = 0.35;
  /** A frame a tenth darker than the one before dims the picture beyond compression noise. */
  private static final double FADE_STEP = 0.1;

  private ShotBoundaries() {}

  /** Frames between a blend's middle and each of its ends, at this frame interval. */
  static int span(double frameSeconds) {
    return Math.max(2, (int) Math.round(BLEND_SPAN_SECONDS / Math.max(frameSeconds, 1e-3)));
  }

  /** Decides from {@code features} (scored with {@code span}) of frames shown at times {@code t}. */
  static Cuts decide(FrameFeatures features, double[] t, int span) {
    int n = t.length;
    double[] change = features.column(Kind.CHANGE);
    double[] back2 = features.column(Kind.BACK2);
    double[] back3 = features.column(Kind.BACK3);
    double[] moved = features.column(Kind.MOVED);
    List<Integer> candidates = new ArrayList<>();
    for (int i = 1; i < n; i++) {
      // camera motion raises the plain change around a cut; with the motion taken out, the cut
      // stands out again, and a new view of the same colours still differs in its shapes
      if (change[i] >= MIN_CUT_SCORE && (standsOut(change, i, true) || standsOut(moved, i, false))) {
        candidates.add(i);
      }
    }
    double[] level = features.column(Kind.LEVEL);
    double[] black = features.column(Kind.BLACK);
    candidates.removeIf(i -> stepOfAFade(level, black, i));
    boolean[] flash = new boolean[n];
    for (int i : candidates) {
      for (int k = 1; k <= 2 && i - 1 >= 0 && i + k < n; k++) {
        // one or two odd frames, then the picture from before: a flash, not a new shot
        double returnAfter = k == 1 ? back2[i + 1] : back3[i + 2];
        if (returnAfter < FLASH_RETURN * change[i] && change[i + k] >= 0.5 * change[i]) {
          flash[i] = true;
          flash[i + k] = true;
        }
        // the same flash seen from its last edge
        if (i - k - 1 >= 0 && (k == 1 ? back2[i] : back3[i]) < FLASH_RETURN * change[i]
            && change[i - k] >= 0.5 * change[i]) {
          flash[i] = true;
          flash[i - k] = true;
        }
      }
    }
    List<Integer> strongestFirst = new ArrayList<>();
    for (int i : candidates) {
      if (!flash[i]) {
        strongestFirst.add(i);
      }
    }
    strongestFirst.sort((a, b) -> Double.compare(change[b], change[a]));
    List<Integer> accepted = new ArrayList<>();
    TreeSet<Double> acceptedTimes = new TreeSet<>();
    for (int i : strongestFirst) {
      if (!near(acceptedTimes, t[i], MIN_SHOT_SECONDS) && t[i] >= MIN_SHOT_SECONDS / 2) {
        accepted.add(i);
        acceptedTimes.add(t[i]);
      }
    }
    accepted.sort(Integer::compare);
    List<Double> cuts = new ArrayList<>();
    for (int i : accepted) {
      cuts.add(Math.round(t[i] * 1000) / 1000.0);
    }
    int[] sortedCuts = accepted.stream().mapToInt(Integer::intValue).toArray();
    return new Cuts(cuts, gradual(features, t, sortedCuts, span));
  }

  /**
   * Whether frame {@code i} is one step of a fade through black rather than a cut: the
   * picture already dimmed a frame before and goes black within two frames, or it comes out of
   * black and keeps brightening a frame after. An editor's fade can be gone in three frames, its
   * last step the largest change around; a cut to or from black is one step alone.
   */
  private static boolean stepOfAFade(double[] level, double[] black, int i) {
    int n = level.length;
    boolean dimming = i >= 2 && dims(level[i - 1], level[i]) && dims(level[i - 2], level[i - 1])
        && anyBlack(black, i, i + 2);
    boolean brightening = i + 1 < n && dims(level[i + 1], level[i])
        && dims(level[i], level[i - 1]) && anyBlack(black, i - 2, i - 1);
    return dimming || brightening;
  }

  /** Whether {@code to} is clearly darker than {@code from}, beyond noise. */
  private static boolean dims(double from, double to) {
    return to < (1 - FADE_STEP) * from;
  }

  private static boolean anyBlack(double[] black, int from, int to) {
    for (int k = Math.max(0, from); k <= Math.min(black.length - 1, to); k++) {
      if (black[k] != 0) {
        return true;
      }
    }
    return false;
  }

  /** Whether a time in {@code times} is closer than {@code distance} to {@code time}. */
  private static boolean near(TreeSet<Double> times, double time, double distance) {
    Double below = times.floor(time);
    Double above = times.ceiling(time);
    return (below != null && Math.abs(below - time) < distance)
        || (above != null && Math.abs(above - time) < distance);
  }

  /**
   * Whether {@code x[i]} is a peak well above the mean of its neighbourhood.
   *
   * @param orFarOutsideACalmSpread also when it is less far above a neighbourhood that changes
   *     steadily; not for the motion-compensated change, which a shake's one jolt can lift so
   */
  private static boolean standsOut(double[] x, int i, boolean orFarOutsideACalmSpread) {
    if (!localPeak(x, i)) {
      return false;
    }
    double around = 0;
    int count = 0;
    for (int k = i - NEIGHBOURHOOD; k <= i + NEIGHBOURHOOD; k++) {
      if (k >= 1 && k < x.length && k != i) {
        around += x[k];
        count++;
      }
    }
    around = count > 0 ? around / count : 0;
    if (x[i] >= NEIGHBOURHOOD_RATIO * around + 0.005) {
      return true;
    }
    if (!orFarOutsideACalmSpread) {
      return false;
    }
    // a cut between two views of similar colours changes less, but where the frames around
    // it change steadily (a still or a smooth move) it still stands far outside their spread
    double spread = 0;
    for (int k = i - NEIGHBOURHOOD; k <= i + NEIGHBOURHOOD; k++) {
      if (k >= 1 && k < x.length && k != i) {
        spread += (x[k] - around) * (x[k] - around);
      }
    }
    spread = Math.max(MIN_SPREAD, count > 1 ? Math.sqrt(spread / (count - 1)) : 0);
    return x[i] >= CALM_RATIO * around + 0.005 && x[i] - around >= CALM_DEVIATIONS * spread;
  }

  private static boolean localPeak(double[] change, int i) {
    return (i == 0 || change[i] >= change[i - 1]) && (i + 1 >= change.length || change[i] > change[i + 1]);
  }

  /**
   * A dissolve or fade is where a frame is the average of the frames a little before and
   * after it while those two differ clearly: motion does not look like that, blends do.
   */
  private static List<Transition> gradual(FrameFeatures features, double[] t, int[] cuts, int span) {
    int n = t.length;
    double frameSeconds = n > 1 ? (t[n - 1] - t[0]) / (n - 1) : 1 / 30.0;
    double[] apart = features.column(Kind.APART);
    double[] error = features.column(Kind.MIDPOINT_ERROR);
    int reach = Math.max(4 * span, (int) Math.round(1.0 / Math.max(frameSeconds, 1e-3)));
    boolean[] blending = new boolean[n];
    for (int i = span; i + span < n; i++) {
      int from = i - span;
      int to = i + span;
      // the first cut after the blend's start
      int after = firstAbove(cuts, from);
      boolean cutInside = after < cuts.length && cuts[after] <= to;
      if (cutInside || apart[i] < MIN_BLEND_CHANGE || error[i] > BLEND_LINEARITY * apart[i]) {
        continue;
      }
      // steady motion also changes a lot over the span: a blend changes more than its surroundings
      int previousCut = after > 0 ? Math.max(0, cuts[after - 1]) : 0;
      int next = firstAbove(cuts, to);
      int nextCut = next < cuts.length ? Math.min(n, cuts[next]) : n;
      // the surroundings within the same shots only
      double before = median(apart, Math.max(previousCut + span, i - 2 * span - reach), i - 2 * span);
      double later = median(apart, i + 2 * span + 1, Math.min(nextCut - span, i + 2 * span + 1 + reach));
      double background = Math.max(before, later);
      blending[i] = apart[i] >= 2 * background + 0.03;
    }
    List<Transition> transitions = fades(features, t, cuts);
    int i = 0;
    while (i < n) {
      if (!blending[i]) {
        i++;
        continue;
      }
      int j = i;
      while (j + 1 < n && blending[j + 1]) {
        j++;
      }
      if (j - i + 1 >= 3) {
        int start = Math.max(0, i - span);
        int end = Math.min(n - 1, j + span);
        double a = Math.round(t[start] * 1000) / 1000.0;
        double b = Math.round(t[end] * 1000) / 1000.0;
        boolean withinFade = transitions.stream()
            .anyMatch(f -> f.kind() == Transition.Kind.FADE && f.start() < b && a < f.end());
        if (!withinFade) {
          transitions.add(new Transition(a, b, Transition.Kind.DISSOLVE));
        }
      }
      i = j + 1;
    }
    transitions.sort((x, y) -> Double.compare(x.start(), y.start()));
    return transitions;
  }

  /** The index of the first value above {@code x} in ascending {@code sorted}. */
  private static int firstAbove(int[] sorted, int x) {
    int i = Arrays.binarySearch(sorted, x);
    return i >= 0 ? i + 1 : -i - 1;
  }

  /** Runs of black frames with the picture dimming into them or brightening out of them. */
  private static List<Transition> fades(FrameFeatures features, double[] t, int[] cuts) {
    int n = t.length;
    double[] level = features.column(Kind.LEVEL);
    double[] blackness = features.column(Kind.BLACK);
    boolean[] cut = new boolean[n];
    for (int c : cuts) {
      cut[c] = true;
    }
    List<Transition> fades = new ArrayList<>();
    int i = 0;
    while (i < n) {
      if (blackness[i] == 0) {
        i++;
        continue;
      }
      int j = i;
      while (j + 1 < n && blackness[j + 1] != 0) {
        j++;
      }
      int start = i;
      while (start > 0 && !cut[start] && level[start - 1] > level[start] + 0.001
          && i - start < 90) {
        start--;
      }
      int end = j;
      while (end + 1 < n && !cut[end + 1] && level[end + 1] > level[end] + 0.001
          && end - j < 90) {
        end++;
      }
      if (i - start >= 3 || end - j >= 3) {
        fades.add(new Transition(Math.round(t[start] * 1000) / 1000.0,
            Math.round(t[end] * 1000) / 1000.0, Transition.Kind.FADE));
      }
      i = j + 1;
    }
    return fades;
  }

  private static double median(double[] x, int from, int to) {
    if (to - from < 3) {
      return 0;
    }
    double[] part = Arrays.copyOfRange(x, from, to);
    Arrays.sort(part);
    return part[part.length / 2];
  }
}
