package io.tunecut.studio.internal.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Moves each tracked beat onto the attack it stands for. The beat tracker's onset envelope has
 * a 23 ms grid and its smooth path may run a frame off the real hits; a cut synced to a beat
 * needs the beat to the millisecond. The attack is where the sound's energy rises most from the
 * 10 ms before to the 10 ms after, within 35 ms; a beat with no clear
 * rise nearby stays put. Then a beat whose rise is not a clear hit goes onto the line through its
 * own attack and its neighbours' (two either side): in busy music the loudest rise near a beat
 * may be a flam, a pickup or a sixteenth beside it, and the line through five says where a steady
 * player's beat falls.
 *
 * <p>Fed sample by sample, it keeps one number per millisecond (4 bytes where the samples
 * take 88), so it can follow a streaming decoder.
 */
final class BeatRefiner implements Decoder.SampleSink {
  /**
   * A beat moves at most a frame and a half of the tracker's grid: further away the loudest rise
   * in busy music is as likely the sixteenth note before or after the beat as the beat itself.
   */
  private static final double REACH_SECONDS = 0.035;
  private static final double WINDOW_SECONDS = 0.010;
  private static final double MIN_RISE_DB = 3;
  private static final int NEIGHBOURS = 2;
  /** A rise this steep (a hundredfold in 10 ms) is a hit that stands alone: it stays where it is played. */
  private static final double CLEAR_RISE_DB = 20;
  /**
   * Past this change between tracked beat lengths (a share, plus the tracker's frame they are
   * rounded to) they do not run on one line: a jump of phase, a gap.
   */
  private static final double STEADY = 0.15;
  private static final double TRACKER_FRAME_SECONDS = 1 / BeatTracker.FRAME_RATE;

  private final int samplesPerBin;
  private final double binSeconds;
  private float[] bins = new float[60_000];
  private int count;
  private double current;
  private int inBin;

  BeatRefiner(int rate) {
    samplesPerBin = Math.max(1, rate / 1000);
    binSeconds = (double) samplesPerBin / rate;
  }

  @Override
  public void accept(float[] samples, int n) {
    for (int i = 0; i < n; i++) {
      current += (double) samples[i] * samples[i];
      if (++inBin == samplesPerBin) {
        if (count == bins.length) bins = Arrays.copyOf(bins, bins.length * 2);
        bins[count++] = (float) current;
        current = 0;
        inBin = 0;
      }
    }
  }

  List<Double> refine(List<Double> beats) {
    int window = (int) Math.round(WINDOW_SECONDS / binSeconds);
    int reach = (int) Math.round(REACH_SECONDS / binSeconds);
    double[] sum = new double[count + 1];
    for (int i = 0; i < count; i++) sum[i + 1] = sum[i] + bins[i];
    List<Double> out = new ArrayList<>(beats.size());
    List<Double> rises = new ArrayList<>(beats.size());
    double previous = Double.NEGATIVE_INFINITY;
    for (double beat : beats) {
      int center = (int) Math.round(beat / binSeconds);
      double bestRise = MIN_RISE_DB;
      int best = -1;
      for (int p = Math.max(window, center - reach); p <= Math.min(count - window, center + reach); p++) {
        double before = sum[p] - sum[p - window];
        double after = sum[p + window] - sum[p];
        double rise = 10 * Math.log10((after + 1e-12) / (before + 1e-12));
        if (rise > bestRise) {
          bestRise = rise;
          best = p;
        }
      }
      double refined = best < 0 ? beat : Math.round(best * binSeconds * 1000) / 1000.0;
      if (refined <= previous) refined = beat; // never reorder or merge beats
      out.add(refined);
      rises.add(best < 0 ? 0 : bestRise);
      previous = refined;
    }
    return steady(out, beats, rises);
  }

  /**
   * Each attack on the least-squares line through it and its neighbours', where the tracked beats
   * around it run steadily, unless it is a clear hit: a drummer's hit a little off the grid is
   * where the cut belongs.
   */
  static List<Double> steady(List<Double> beats, List<Double> tracked, List<Double> rises) {
    List<Double> out = new ArrayList<>(beats.size());
    for (int i = 0; i < beats.size(); i++) {
      int from = Math.max(0, i - NEIGHBOURS);
      int to = Math.min(beats.size() - 1, i + NEIGHBOURS);
      boolean loose = rises.get(i) < CLEAR_RISE_DB && to - from >= 2 && runsSteadily(tracked, from, to);
      out.add(loose ? onTheLine(beats, from, to, i) : beats.get(i));
    }
    for (int i = 1; i < out.size(); i++) {
      if (out.get(i) <= out.get(i - 1)) return beats; // never reorder or merge beats
    }
    return out;
  }

  private static boolean runsSteadily(List<Double> beats, int from, int to) {
    double shortest = Double.MAX_VALUE;
    double longest = 0;
    for (int j = from; j < to; j++) {
      double length = beats.get(j + 1) - beats.get(j);
      shortest = Math.min(shortest, length);
      longest = Math.max(longest, length);
    }
    return longest - shortest <= shortest * STEADY + TRACKER_FRAME_SECONDS;
  }

  private static double onTheLine(List<Double> beats, int from, int to, int i) {
    int n = to - from + 1;
    double meanIndex = (from + to) / 2.0;
    double meanTime = 0;
    for (int j = from; j <= to; j++) meanTime += beats.get(j);
    meanTime /= n;
    double covariance = 0;
    double variance = 0;
    for (int j = from; j <= to; j++) {
      covariance += (j - meanIndex) * (beats.get(j) - meanTime);
      variance += (j - meanIndex) * (j - meanIndex);
    }
    double time = meanTime + covariance / variance * (i - meanIndex);
    return Math.round(time * 1000) / 1000.0;
  }
}
