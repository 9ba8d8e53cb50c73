package io.tunecut.studio.analysis;

import java.util.ArrayList;
import java.util.List;

/** mir_eval-style beat scores: beats before 5 s ignored, one-to-one matching. */
final class BeatScores {
  static final double SKIP = 5.0;

  private BeatScores() {}

  static double fMeasure(List<Double> reference, List<Double> estimated, double window) {
    List<Double> ref = after(reference);
    List<Double> est = after(estimated);
    if (ref.isEmpty() || est.isEmpty()) {
      return 0;
    }
    boolean[] used = new boolean[est.size()];
    int hits = 0;
    for (double r : ref) {
      int best = -1;
      for (int j = 0; j < est.size(); j++) {
        if (!used[j] && Math.abs(est.get(j) - r) <= window
            && (best < 0 || Math.abs(est.get(j) - r) < Math.abs(est.get(best) - r))) {
          best = j;
        }
      }
      if (best >= 0) {
        used[best] = true;
        hits++;
      }
    }
    double precision = (double) hits / est.size();
    double recall = (double) hits / ref.size();
    return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
  }

  /**
   * Agreement at any metrical level (AMLt-like): the best F-measure against the reference,
   * its double tempo, its half tempo (either phase) and its off-beats, each with a window of
   * 17.5% of that level's beat period.
   */
  static double anyMetricalLevel(List<Double> reference, List<Double> estimated) {
    List<List<Double>> levels = new ArrayList<>();
    levels.add(reference);
    List<Double> offbeats = new ArrayList<>();
    List<Double> doubled = new ArrayList<>();
    for (int i = 0; i + 1 < reference.size(); i++) {
      double mid = (reference.get(i) + reference.get(i + 1)) / 2;
      offbeats.add(mid);
      doubled.add(reference.get(i));
      doubled.add(mid);
    }
    levels.add(offbeats);
    levels.add(doubled);
    List<Double> even = new ArrayList<>();
    List<Double> odd = new ArrayList<>();
    for (int i = 0; i < reference.size(); i++) {
      (i % 2 == 0 ? even : odd).add(reference.get(i));
    }
    levels.add(even);
    levels.add(odd);
    double best = 0;
    for (List<Double> level : levels) {
      if (level.size() < 2) {
        continue;
      }
      double period = (level.get(level.size() - 1) - level.get(0)) / (level.size() - 1);
      best = Math.max(best, fMeasure(level, estimated, 0.175 * period));
    }
    return best;
  }

  private static List<Double> after(List<Double> beats) {
    return beats.stream().filter(b -> b >= SKIP).toList();
  }
}
