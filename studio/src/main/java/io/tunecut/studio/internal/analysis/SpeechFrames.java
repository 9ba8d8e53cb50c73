package io.tunecut.studio.internal.analysis;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The speech detector's front end, fed samples as they are decoded: per 10 ms hop, the level
 * of a 25 ms frame and whether its spectrum is harmonic and in the voice band. Only one
 * frame of samples is held, so hours of sound cost a few numbers per hop.
 */
final class SpeechFrames implements Decoder.SampleSink {
  static final int FRAME = 400; // 25 ms at 16 kHz
  static final int HOP = 160; // 10 ms
  private static final int FFT = 512;

  private final double minVoiceBand;
  private final double maxFlatness;
  private final Fft fft = new Fft(FFT);
  private final double[] window = new double[FRAME];
  private final double[] re = new double[FFT];
  private final double[] im = new double[FFT];
  private final double[] power = new double[FFT / 2 + 1];
  private final int lo;
  private final int hi;
  private final float[] buffer = new float[FRAME];
  private int buffered;
  private final Doubles level = new Doubles(1024);
  private final BitSet harmonicVoiceBand = new BitSet();

  /** The per-hop numbers, one of each per frame. */
  record Features(double[] level, boolean[] harmonicVoiceBand) {}

  SpeechFrames(int sampleRate, double minVoiceBand, double maxFlatness) {
    this.minVoiceBand = minVoiceBand;
    this.maxFlatness = maxFlatness;
    for (int i = 0; i < FRAME; i++) {
      window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / FRAME);
    }
    double binHz = (double) sampleRate / FFT;
    lo = (int) Math.ceil(150 / binHz);
    hi = (int) Math.floor(4000 / binHz);
  }

  @Override
  public void accept(float[] samples, int count) {
    int from = 0;
    while (from < count) {
      int n = Math.min(FRAME - buffered, count - from);
      System.arraycopy(samples, from, buffer, buffered, n);
      buffered += n;
      from += n;
      if (buffered == FRAME) {
        frame();
        System.arraycopy(buffer, HOP, buffer, 0, FRAME - HOP);
        buffered = FRAME - HOP;
      }
    }
  }

  Features finish() {
    int frames = level.size();
    boolean[] harmonic = new boolean[frames];
    for (int t = 0; t < frames; t++) {
      harmonic[t] = harmonicVoiceBand.get(t);
    }
    return new Features(level.toArray(), harmonic);
  }

  private void frame() {
    Arrays.fill(re, 0);
    double energy = 0;
    for (int i = 0; i < FRAME; i++) {
      double v = buffer[i];
      energy += v * v;
      re[i] = v * window[i];
    }
    int t = level.size();
    level.add(10 * Math.log10(energy / FRAME + 1e-12));
    fft.power(re, im, power);
    double total = 1e-20;
    double band = 1e-20;
    double logSum = 0;
    for (int k = 1; k < power.length; k++) {
      total += power[k];
      if (k >= lo && k <= hi) {
        band += power[k];
        logSum += Math.log(power[k] + 1e-20);
      }
    }
    int bins = hi - lo + 1;
    double flatness = Math.exp(logSum / bins) / (band / bins);
    harmonicVoiceBand.set(t, band / total >= minVoiceBand && flatness <= maxFlatness);
  }
}
