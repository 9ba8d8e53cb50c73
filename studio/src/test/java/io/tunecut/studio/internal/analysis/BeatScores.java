package io.tunecut.studio.internal.analysis;

import java.util.ArrayList;
import java.util.Arrays;
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

  /** mir_eval's continuity scores: correct metrical level (CML) and any level (AML). */
  record Continuity(double cmlC, double cmlT, double amlC, double amlT) {}

  /**
   * Davies et al.'s continuity measures as mir_eval computes them: a beat is right when it is
   * within 17.5% of the reference period of its nearest reference beat, the interval to the
   * previous beat is within 17.5% of the reference interval, and that reference beat is still
   * unused. "t" counts every right beat; "c" the longest unbroken run. AML also accepts the
   * off-beats, double tempo and either half tempo. Beats before 5 s are ignored.
   */
  static Continuity continuity(List<Double> reference, List<Double> estimated) {
    double[] ref = after(reference).stream().mapToDouble(Double::doubleValue).toArray();
    double[] est = after(estimated).stream().mapToDouble(Double::doubleValue).toArray();
    if (ref.length < 2 || est.length < 2) {
      return new Continuity(0, 0, 0, 0);
    }
    double[][] variations = variations(ref);
    double[] continuous = new double[variations.length];
    double[] total = new double[variations.length];
    for (int v = 0; v < variations.length; v++) {
      double[] r = variations[v];
      if (r.length < 2) {
        continue;
      }
      int n = Math.max(r.length, est.length);
      boolean[] used = new boolean[r.length];
      int run = 0;
      int longest = 0;
      int hits = 0;
      for (int m = 0; m < est.length; m++) {
        int nearest = 0;
        for (int j = 1; j < r.length; j++) {
          if (Math.abs(est[m] - r[j]) < Math.abs(est[m] - r[nearest])) {
            nearest = j;
          }
        }
        boolean success = !used[nearest] && matches(r, est, m, nearest);
        if (success) {
          used[nearest] = true;
          hits++;
          longest = Math.max(longest, ++run);
        } else {
          run = 0;
        }
      }
      continuous[v] = (double) longest / n;
      total[v] = (double) hits / n;
    }
    return new Continuity(continuous[0], total[0], Arrays.stream(continuous).max().orElse(0),
        Arrays.stream(total).max().orElse(0));
  }

  private static boolean matches(double[] r, double[] est, int m, int nearest) {
    double difference = Math.abs(est[m] - r[nearest]);
    double referenceInterval;
    double estimatedInterval;
    if (m == 0 || nearest == 0) {
      // at the start, look forward
      referenceInterval = nearest + 1 < r.length ? r[nearest + 1] - r[nearest] : r[nearest] - r[nearest - 1];
      estimatedInterval = m + 1 < est.length ? est[m + 1] - est[m] : est[m] - est[m - 1];
    } else {
      referenceInterval = r[nearest] - r[nearest - 1];
      estimatedInterval = est[m] - est[m - 1];
    }
    if (referenceInterval <= 0) {
      return false;
    }
    double phase = difference / referenceInterval;
    double period = Math.abs(1 - estimatedInterval / referenceInterval);
    return phase < 0.175 && period < 0.175;
  }

  /** The reference, its off-beats, double tempo, and half tempo on odd and on even beats. */
  private static double[][] variations(double[] ref) {
    double[] doubled = new double[2 * ref.length - 1];
    for (int i = 0; i < ref.length; i++) {
      doubled[2 * i] = ref[i];
      if (i + 1 < ref.length) {
        doubled[2 * i + 1] = (ref[i] + ref[i + 1]) / 2;
      }
    }
    double[] offbeats = new double[ref.length - 1];
    for (int i = 0; i < offbeats.length; i++) {
      offbeats[i] = doubled[2 * i + 1];
    }
    double[] odd = new double[(ref.length + 1) / 2];
    double[] even = new double[ref.length / 2];
    for (int i = 0; i < ref.length; i++) {
      if (i % 2 == 0) {
        odd[i / 2] = ref[i];
      } else {
        even[i / 2] = ref[i];
      }
    }
    return new double[][] {ref, offbeats, doubled, odd, even};
  }

  private static List<Double> after(List<Double> beats) {
    return beats.stream().filter(b -> b >= SKIP).toList();
  }
}
