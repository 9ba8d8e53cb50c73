package io.tunecut.studio.internal.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Precision, recall and F1 of found cuts against true ones: each true cut is matched by at
 * most one found cut within {@code tolerance} seconds.
 */
record CutScores(int truth, int found, int hits) {
  static CutScores of(List<Double> truth, List<Double> found, double tolerance) {
    List<Double> left = new ArrayList<>(found);
    int hits = 0;
    for (double t : truth) {
      Double best = null;
      for (double f : left) {
        if (Math.abs(f - t) <= tolerance && (best == null || Math.abs(f - t) < Math.abs(best - t))) {
          best = f;
        }
      }
      if (best != null) {
        left.remove(best);
        hits++;
      }
    }
    return new CutScores(truth.size(), found.size(), hits);
  }

  CutScores plus(CutScores other) {
    return new CutScores(truth + other.truth, found + other.found, hits + other.hits);
  }

  double precision() {
    return found == 0 ? 1 : (double) hits / found;
  }

  double recall() {
    return truth == 0 ? 1 : (double) hits / truth;
  }

  double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
}
