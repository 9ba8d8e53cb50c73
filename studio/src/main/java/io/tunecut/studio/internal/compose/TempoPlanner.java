package io.tunecut.studio.internal.compose;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Fits a tempo map to the cuts: every stretch between two cuts gets a whole number of beats,
 * so each cut falls on a downbeat; tempi stay inside the style's range and change little from
 * one stretch to the next. A dynamic programme over the cuts weighs tempo jumps, distance from
 * the wanted tempo, odd bar lengths and cuts it has to leave out.
 */
final class TempoPlanner {
  /** The change between stretches that still sounds like one piece. */
  static final double SMALL_CHANGE = 0.08;
  /**
   * Slow tempi with uneven shots sometimes leave no way within {@link #SMALL_CHANGE}: up to this,
   * a bigger change costs less than a cut off the beat.
   */
  static final double MAX_CHANGE = 0.12;
  /** A stretch has at least this many beats; closer cuts cannot both start a bar. */
  private static final int MIN_BEATS = 2;
  /** How many cuts one stretch may jump over. */
  private static final int MAX_SKIP = 6;
  private static final double MISS_COST = 100;

  private TempoPlanner() {}

  /**
   * @param end where the final chord falls (the ending's downbeat), seconds
   * @param endCue the cut the final chord falls on, or null
   * @param cues cuts strictly between 0 and {@code end}
   * @param wanted the tempo to stay near, inside the style's range
   * @param length the music's length; beats run on to it
   */
  static TempoMap plan(double end, Cue endCue, List<Cue> cues, Style style, double wanted, double length) {
    List<Double> at = new ArrayList<>();
    at.add(0.0);
    cues.forEach(c -> at.add(c.seconds()));
    at.add(end);
    int points = at.size();
    // arrivals.get(j): the cheapest way to reach point j for each stretch that may end there
    List<List<Step>> arrivals = new ArrayList<>();
    for (int j = 0; j < points; j++) arrivals.add(new ArrayList<>());
    arrivals.get(0).add(new Step(0, 0, 0, wanted, 0, null));
    for (int j = 1; j < points; j++) {
      for (int i = Math.max(0, j - 1 - MAX_SKIP); i < j; i++) {
        if (arrivals.get(i).isEmpty()) continue;
        double span = at.get(j) - at.get(i);
        double skipped = 0;
        for (int k = i + 1; k < j; k++) skipped += MISS_COST * cues.get(k - 1).strength();
        for (int beats : beatCounts(span, style, j == points - 1 && i == 0)) {
          double bpm = 60 * beats / span;
          Step cheapest = null;
          for (Step before : arrivals.get(i)) {
            double cost = before.cost + skipped + shape(beats) + distance(bpm, wanted)
                + (before.previous == null ? 0 : change(before.bpm, bpm));
            if (cheapest == null || cost < cheapest.cost) cheapest = new Step(i, j, beats, bpm, cost, before);
          }
          arrivals.get(j).add(cheapest);
        }
      }
    }
    Step last = arrivals.get(points - 1).stream().min(Comparator.comparingDouble(Step::cost))
        .orElseThrow(() -> new IllegalStateException("no tempo fits " + end + " s"));
    List<Step> steps = new ArrayList<>();
    for (Step s = last; s.previous != null; s = s.previous) steps.add(s);
    Collections.reverse(steps);
    return layout(steps, at, cues, endCue, length);
  }

  /** Beat counts whose tempo is inside the range; for the whole piece at once, the nearest one if none is. */
  private static List<Integer> beatCounts(double span, Style style, boolean only) {
    List<Integer> counts = new ArrayList<>();
    int lo = Math.max(MIN_BEATS, (int) Math.ceil(span * style.minBpm() / 60 - 1e-9));
    int hi = (int) Math.floor(span * style.maxBpm() / 60 + 1e-9);
    for (int n = lo; n <= hi; n++) counts.add(n);
    if (counts.isEmpty() && only) counts.add(Math.max(1, (int) Math.round(span * (style.minBpm() + style.maxBpm()) / 120)));
    return counts;
  }

  /** Whole bars of four are best, halves next; three and five beats are the exception. */
  private static double shape(int beats) {
    return beats % 4 == 0 ? 0 : beats % 2 == 0 ? 1.5 : 3;
  }

  private static double distance(double bpm, double wanted) {
    double d = Math.log(bpm / wanted) / 0.06;
    return d * d;
  }

  private static double change(double before, double after) {
    double r = Math.abs(Math.log(after / before));
    if (r > Math.log(1 + MAX_CHANGE)) return 1000 + 4000 * r;
    double small = Math.log(1 + SMALL_CHANGE);
    double d = Math.min(r, small) / 0.02;
    double beyond = Math.max(0, r - small) / 0.01;
    return d * d + 4 * beyond * beyond;
  }

  /** Beats evenly spaced in each stretch; bars of four, the odd beats in the stretch's last bars. */
  private static TempoMap layout(List<Step> steps, List<Double> at, List<Cue> cues, Cue endCue, double length) {
    List<Double> beats = new ArrayList<>();
    List<TempoMap.Bar> bars = new ArrayList<>();
    List<Cue> missed = new ArrayList<>();
    for (Step s : steps) {
      for (int k = s.from + 1; k < s.to; k++) missed.add(cues.get(k - 1));
      double start = at.get(s.from);
      double period = (at.get(s.to) - start) / s.beats;
      Cue cue = s.from == 0 ? null : cues.get(s.from - 1);
      int first = beats.size();
      for (int b = 0; b < s.beats; b++) beats.add(start + b * period);
      for (int size : barSizes(s.beats)) {
        bars.add(new TempoMap.Bar(first, size, cue));
        first += size;
        cue = null;
      }
    }
    // the ending: one bar from the final chord, its beats running on past the end
    double period = (at.get(at.size() - 1) - at.get(at.size() - 2)) / steps.get(steps.size() - 1).beats;
    bars.add(new TempoMap.Bar(beats.size(), 4, endCue));
    for (double t = at.get(at.size() - 1); t <= length + 2 * period; t += period) beats.add(t);
    return new TempoMap(beats, bars, missed);
  }

  static List<Integer> barSizes(int beats) {
    List<Integer> sizes = new ArrayList<>();
    int left = beats;
    while (left > 0) {
      int size = left == 5 ? 3 : left >= 4 ? 4 : left;
      sizes.add(size);
      left -= size;
    }
    return sizes;
  }

  /** One stretch of the plan: from point {@code from} to point {@code to} in {@code beats} beats. */
  private record Step(int from, int to, int beats, double bpm, double cost, Step previous) {}
}
