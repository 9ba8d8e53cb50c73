package io.tunecut.studio.internal.agent.beat;

import io.tunecut.studio.internal.analysis.Beats;
import io.tunecut.studio.internal.draft.Frames;
import java.util.ArrayList;
import java.util.List;

/**
 * "Sync the music to the cuts": the clips stay as they are; the music start is chosen so
 * beats (downbeats first) fall on the existing cuts.
 */
public final class CutSync {
  /** How far a cut may be from a beat and still feel on it: σ of the Gaussian score. */
  static final double SIGMA = 0.040;
  private static final double DOWNBEAT_WEIGHT = 1.5;
  /** Score a cut may lose and still count as fitting as well: about 18 ms off, half a frame. */
  private static final double CLOSE_ENOUGH = 0.1;
  /** Cuts may always move this many frames when nudged onto a beat... */
  public static final int MAX_NUDGE_FRAMES = 3;
  /**
   * ... and up to half a beat (so any cut can reach its nearest beat), but never more than a
   * quarter second: a shot a few seconds long does not look cut differently.
   */
  private static final double MAX_NUDGE_SECONDS = 0.25;

  private CutSync() {}

  /**
   * The result.
   *
   * @param musicIn where in the track playback starts, seconds
   * @param cuts the cuts on the timeline after any nudging, seconds
   * @param onBeat how many of them land on a beat (within a frame or 40 ms)
   * @param moves how far each cut was nudged, seconds (0: not moved)
   */
  public record Plan(double tempo, double musicIn, List<Double> cuts, int onBeat, List<Double> moves) {
    public Plan {
      cuts = List.copyOf(cuts);
      moves = List.copyOf(moves);
    }

    /** How many cuts were nudged. */
    public int moved() {
      return (int) moves.stream().filter(m -> Math.abs(m) > 1e-9).count();
    }

    /** The largest nudge, seconds. */
    public double mostMoved() {
      return moves.stream().mapToDouble(Math::abs).max().orElse(0);
    }
  }

  /** How far a cut may be nudged: half a beat up to {@value #MAX_NUDGE_SECONDS} s, {@value #MAX_NUDGE_FRAMES} frames at least. */
  public static double nudgeLimit(double period, double fps) {
    return Math.max(MAX_NUDGE_FRAMES / fps, Math.min(MAX_NUDGE_SECONDS, period / 2)) + 1e-9;
  }

  /**
   * @param cuts timeline times of the cuts between shots, seconds
   * @param trackLength the music's length; the start stays within it
   * @param videoLength the timeline's length; when the track is longer, the music still
   *     covers the whole video
   * @param fps the output frame rate, for nudging and for "on a beat"
   * @param nudge move cuts off the beat by up to {@link #nudgeLimit} onto the nearest beat,
   *     choosing the music's start so the most cuts can reach one
   */
  public static Plan plan(List<Double> cuts, Beats beats, double trackLength, double videoLength,
      double fps, boolean nudge) {
    List<Double> beatTimes = beats.beats();
    double latest = trackLength >= videoLength ? trackLength - videoLength : trackLength / 2;
    List<Double> candidates = new ArrayList<>(List.of(0.0));
    for (double b : beatTimes) {
      for (double c : cuts) {
        if (b - c >= 0 && b - c <= latest) candidates.add(b - c);
      }
    }
    double limit = nudgeLimit(beats.period() > 0 ? beats.period() : 0.5, fps);
    if (nudge) {
      // also each start that centres the cuts between their beats, so nudges stay small
      for (double in : List.copyOf(candidates)) {
        double low = Double.MAX_VALUE;
        double high = -Double.MAX_VALUE;
        for (double c : cuts) {
          double d = nearest(beatTimes, c + in) - in - c;
          low = Math.min(low, d);
          high = Math.max(high, d);
        }
        double centred = in + (low + high) / 2;
        if (cuts.size() > 1 && centred >= 0 && centred <= latest) candidates.add(centred);
      }
    }
    double[] scores = new double[candidates.size()];
    int[] reach = new int[candidates.size()];
    int most = 0;
    for (int i = 0; i < scores.length; i++) {
      scores[i] = score(cuts, beats, candidates.get(i));
      reach[i] = nudge ? reachable(cuts, beatTimes, candidates.get(i), limit) : 0;
      most = Math.max(most, reach[i]);
    }
    // Nudging: the starts that let the most cuts reach a beat. Then, within a few milliseconds
    // per cut of the best fit, the earliest start wins: it keeps the intro.
    double best = 0;
    for (int i = 0; i < scores.length; i++) if (reach[i] == most) best = Math.max(best, scores[i]);
    double bestIn = Double.MAX_VALUE;
    for (int i = 0; i < scores.length; i++) {
      if (reach[i] == most && scores[i] >= best - CLOSE_ENOUGH * cuts.size()) bestIn = Math.min(bestIn, candidates.get(i));
    }
    double in = Math.round(bestIn * 1000) / 1000.0;
    List<Double> placed = new ArrayList<>();
    List<Double> moves = new ArrayList<>();
    for (double c : cuts) {
      double beat = nearest(beatTimes, c + in) - in;
      double target = Frames.frameAtOrBefore(beat, fps);
      boolean move = nudge && Math.abs(target - c) <= limit && !onBeat(c, beatTimes, in, fps);
      placed.add(move ? target : c);
      moves.add(move ? target - c : 0.0);
    }
    return new Plan(beats.tempo(), in, placed, onBeat(placed, beatTimes, in, fps), moves);
  }

  /** How many cuts are within {@code limit} of a beat with the music from {@code in}. */
  private static int reachable(List<Double> cuts, List<Double> beatTimes, double in, double limit) {
    int n = 0;
    for (double c : cuts) if (Math.abs(nearest(beatTimes, c + in) - in - c) <= limit) n++;
    return n;
  }

  private static boolean onBeat(double cut, List<Double> beatTimes, double musicIn, double fps) {
    return onBeat(List.of(cut), beatTimes, musicIn, fps) == 1;
  }

  /** How many of the timeline's {@code cuts} are within a frame (or 40 ms) of a beat. */
  static int onBeat(List<Double> cuts, List<Double> beatTimes, double musicIn, double fps) {
    int onBeat = 0;
    for (double c : cuts) {
      if (Math.abs(nearest(beatTimes, c + musicIn) - musicIn - c) <= Math.max(1 / fps, 0.040) + 1e-9) {
        onBeat++;
      }
    }
    return onBeat;
  }

  /** Σ over cuts of exp(−Δ²/2σ²) to the nearest beat, downbeats counting more. */
  static double score(List<Double> cuts, Beats beats, double in) {
    double total = 0;
    for (double c : cuts) {
      double db = nearest(beats.beats(), c + in) - in - c;
      double dd = nearest(beats.downbeats(), c + in) - in - c;
      total += Math.max(gauss(db), DOWNBEAT_WEIGHT * gauss(dd));
    }
    return total;
  }

  private static double gauss(double delta) {
    return Math.exp(-delta * delta / (2 * SIGMA * SIGMA));
  }

  static double nearest(List<Double> sorted, double t) {
    if (sorted.isEmpty()) {
      return Double.POSITIVE_INFINITY;
    }
    int lo = 0;
    int hi = sorted.size() - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted.get(mid) < t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    double best = sorted.get(lo);
    if (lo > 0 && Math.abs(sorted.get(lo - 1) - t) < Math.abs(best - t)) {
      best = sorted.get(lo - 1);
    }
    return best;
  }
}
