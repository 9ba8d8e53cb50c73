package io.tunecut.studio.internal.analysis;

import java.util.Arrays;
import java.util.List;

/**
 * Finds where bars start: bass lines and chords change on the downbeat. Each beat's sound below
 * 350 Hz gets a fine spectrum (a beat long, resolving single bass notes, less the local mean so
 * that notes count and the spectrum's slope does not); the bar phase whose beats differ most
 * from the beat before them starts the bar (the spectral difference of Davies and Plumbley),
 * helped by how the bass differs from the bar before and the sound below 700 Hz from the half
 * bar before (see {@link #changes}).
 *
 * <p>Fed as the track is decoded, it keeps the sound at an eighth of the sample rate: 11 KB a
 * second.
 */
final class BarPhase implements Decoder.SampleSink {
  static final int DECIMATION = 8;
  /** Long enough to hold a beat at 46 BPM: the spectrum resolves 0.7 Hz. */
  private static final double FRAME_SECONDS = 1.3;

  /** Bass notes move on the downbeat more reliably than anything above them. */
  private static final double BASS_HZ = 350;
  private static final int PEAK_RADIUS = 8;
  /** Bass and the chords above it, whose changes mark the half bar. */
  private static final double HARMONY_HZ = 700;

  private final double rate;
  private float[] kept = new float[1 << 16];
  private int size;
  private double sum;
  private int inSum;

  BarPhase(int sampleRate) {
    rate = (double) sampleRate / DECIMATION;
  }

  @Override
  public void accept(float[] samples, int count) {
    // a box average over each decimated sample: the low-pass that keeps aliasing of the
    // upper partials weak enough for comparing spectra
    for (int i = 0; i < count; i++) {
      sum += samples[i];
      if (++inSum == DECIMATION) {
        if (size == kept.length) {
          kept = Arrays.copyOf(kept, kept.length * 2);
        }
        kept[size++] = (float) (sum / DECIMATION);
        sum = 0;
        inSum = 0;
      }
    }
  }

  /**
   * The measures of change whose strongest phase starts the bar (see {@link Metre#phase(double[][],
   * int)}), per beat: the bass's from beat to beat and from bar to bar, and, in bars of an even
   * number of beats, the change of the sound below {@value #HARMONY_HZ} Hz from half bar to half
   * bar. Where the bass moves on every beat the first barely tells the beats apart; chords held
   * for half a bar or more change between half bars where the bar starts (and in its middle, which
   * the bar-to-bar change tells apart). Computed beat by beat: no spectrum is kept past the
   * span it is compared over.
   */
  double[][] changes(List<Double> beats, int beatsPerBar) {
    int half = beatsPerBar % 2 == 0 ? beatsPerBar / 2 : 0;
    SpectralChange beat = new SpectralChange(1, beats.size());
    SpectralChange bar = new SpectralChange(beatsPerBar, beats.size());
    SpectralChange halfBar = new SpectralChange(Math.max(1, half), beats.size());
    Spectrum spectrum = new Spectrum();
    for (int i = 0; i < beats.size(); i++) {
      double[] power = spectrum.power(beats, i);
      double[] bass = spectrum.normalized(power, BASS_HZ);
      beat.add(bass);
      bar.add(bass);
      if (half > 0) {
        halfBar.add(spectrum.normalized(power, HARMONY_HZ));
      }
    }
    return half > 0
        ? new double[][] {beat.change(), bar.change(), halfBar.change()}
        : new double[][] {beat.change(), bar.change()};
  }

  /**
   * How much the notes change at the beat tracker's frames where {@code wanted} (see
   * {@link ChordChange}), from the sound kept here.
   */
  double[] chordChange(boolean[] wanted) {
    return ChordChange.at(kept, size, rate, BeatTracker.HOP / DECIMATION, wanted);
  }

  /** One beat's spectrum at a time, its buffers reused from beat to beat. */
  private final class Spectrum {
    private final int n = Integer.highestOneBit((int) Math.ceil(FRAME_SECONDS * rate) - 1) << 1;
    private final Fft fft = new Fft(n);
    private final double[] re = new double[n];
    private final double[] im = new double[n];
    private final double[] power = new double[n / 2 + 1];

    /** The power spectrum of beat {@code i} (to the next beat), or null where it is too short. */
    double[] power(List<Double> beats, int i) {
      if (i + 1 >= beats.size()) {
        return null;
      }
      int from = (int) Math.round(beats.get(i) * rate);
      int to = Math.min(size, Math.min(from + n, (int) Math.round(beats.get(i + 1) * rate)));
      if (to - from <= 16) {
        return null;
      }
      Arrays.fill(re, 0);
      Arrays.fill(im, 0);
      int length = to - from;
      for (int k = 0; k < length; k++) {
        double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * (k + 0.5) / length);
        re[k] = kept[from + k] * w;
      }
      fft.power(re, im, power);
      return power;
    }

    /** The peaks of {@code power} below {@code maxHz}, summing to 1; null where there are none. */
    double[] normalized(double[] power, double maxHz) {
      if (power == null) {
        return null;
      }
      double[] spectrum = peaks(power, (int) Math.min(n / 2, Math.round(maxHz * n / rate)));
      double total = 0;
      for (double v : spectrum) {
        total += v;
      }
      if (total <= 0) {
        return null;
      }
      for (int k = 0; k < spectrum.length; k++) {
        spectrum[k] /= total;
      }
      return spectrum;
    }
  }

  /**
   * The magnitudes up to {@code bins} above their local mean: the notes that are played, not
   * the slope of the spectrum.
   */
  private static double[] peaks(double[] power, int bins) {
    double[] magnitude = new double[bins];
    double[] prefix = new double[bins + 1];
    for (int k = 0; k < bins; k++) {
      magnitude[k] = Math.sqrt(power[k]);
      prefix[k + 1] = prefix[k] + magnitude[k];
    }
    double[] out = new double[bins];
    for (int k = 0; k < bins; k++) {
      int a = Math.max(0, k - PEAK_RADIUS);
      int b = Math.min(bins, k + PEAK_RADIUS + 1);
      out[k] = Math.max(0, magnitude[k] - (prefix[b] - prefix[a]) / (b - a));
    }
    return out;
  }
}
