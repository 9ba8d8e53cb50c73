package io.tunecut.studio.internal.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Speech-like sound without a speech synthesiser: a voiced source (harmonics of a gliding
 * pitch) shaped by vowel formants, in syllables of 120–250 ms with short gaps, in words and
 * phrases; and music (sustained chords over drums) and noise to tell it from.
 */
final class SyntheticSpeech {
  static final int RATE = SpeechDetector.SAMPLE_RATE;
  private static final double[][] VOWELS = {
      {730, 1090, 2440}, {270, 2290, 3010}, {530, 1840, 2480}, {570, 840, 2410}, {300, 870, 2240}};

  private SyntheticSpeech() {}

  /** Adds talking between {@code from} and {@code to} seconds. */
  static void talk(float[] x, double from, double to, double gain, long seed) {
    Random random = new Random(seed);
    double t = from;
    double f0Base = 110 + random.nextDouble() * 90;
    while (t < to - 0.15) {
      double syllable = 0.12 + random.nextDouble() * 0.13;
      double[] formants = VOWELS[random.nextInt(VOWELS.length)];
      int start = (int) (t * RATE);
      int n = (int) (Math.min(syllable, to - t) * RATE);
      double phase = 0;
      for (int i = 0; i < n && start + i < x.length; i++) {
        double u = (double) i / n;
        double f0 = f0Base * (1 + 0.15 * Math.sin(Math.PI * u) - 0.05 * u);
        phase += 2 * Math.PI * f0 / RATE;
        double env = Math.sin(Math.PI * u);
        double sum = 0;
        for (int h = 1; h * f0 < 4000; h++) {
          double f = h * f0;
          double shape = 0;
          for (int k = 0; k < 3; k++) {
            double bw = 80 + 40 * k;
            shape += (1.0 / (k + 1)) / (1 + Math.pow((f - formants[k]) / bw, 2));
          }
          sum += shape * Math.sin(h * phase) / Math.sqrt(h);
        }
        x[start + i] += (float) (gain * env * sum * 0.3);
      }
      t += syllable + 0.04 + random.nextDouble() * 0.08;
      if (random.nextDouble() < 0.2) {
        t += 0.2; // between words
      }
    }
  }

  /** Sustained chords changing every two seconds, with a kick and snare. */
  static void music(float[] x, double from, double to, double gain) {
    double[][] chords = {{220, 277.2, 329.6}, {196, 246.9, 293.7}, {174.6, 220, 261.6}};
    for (int i = (int) (from * RATE); i < Math.min(x.length, to * RATE); i++) {
      double time = (double) i / RATE;
      double[] chord = chords[(int) (time / 2) % chords.length];
      double v = 0;
      for (double f : chord) {
        for (int h = 1; h <= 4; h++) {
          v += Math.sin(2 * Math.PI * f * h * time) / (h * h);
        }
      }
      double beat = time % 0.5;
      v += 2 * Math.exp(-beat / 0.06) * Math.sin(2 * Math.PI * (50 + 80 * Math.exp(-beat / 0.02)) * beat);
      x[i] += (float) (gain * 0.15 * v);
    }
  }

  static void noise(float[] x, double gain, long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < x.length; i++) {
      x[i] += (float) (gain * random.nextGaussian());
    }
  }

  static double overlap(List<TimeRange> found, double from, double to) {
    double sum = 0;
    for (TimeRange r : found) {
      sum += Math.max(0, Math.min(r.end(), to) - Math.max(r.start(), from));
    }
    return sum;
  }

  static List<TimeRange> complement(List<TimeRange> truth, double length) {
    List<TimeRange> out = new ArrayList<>();
    double at = 0;
    for (TimeRange r : truth) {
      if (r.start() > at) {
        out.add(new TimeRange(at, r.start()));
      }
      at = r.end();
    }
    if (at < length) {
      out.add(new TimeRange(at, length));
    }
    return out;
  }
}
