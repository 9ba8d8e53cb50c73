package io.tunecut.studio.internal.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Moves each tracked beat onto the attack it stands for. The beat tracker's onset envelope has
 * a 23 ms grid and its smooth path may run a frame off the real hits; a cut synced to a beat
 * needs the beat to the millisecond. The attack is where the sound's energy rises most from the
 * 10 ms before to the 10 ms after, within 35 ms; a beat with no clear
 * rise nearby stays put.
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
      previous = refined;
    }
    return out;
  }
}
