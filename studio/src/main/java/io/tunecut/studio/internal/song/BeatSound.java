package io.tunecut.studio.internal.song;

import java.util.List;

/**
 * What each beat of a track sounds like: how loud, how much bass, which notes (chroma) and
 * which colour of sound (a cepstrum of band energies, as MFCCs are). A song's sections are
 * told apart, and found again, by these.
 *
 * @param times where each beat starts, in seconds; one more than the beats, the last beat's end
 * @param power mean power of each beat (linear)
 * @param bass mean power under {@link #BASS_HZ} of each beat (linear)
 * @param chroma per beat, the 12 pitch classes' energy, scaled to length 1
 * @param timbre per beat, the band-energy cepstrum without its level, scaled to length 1
 */
record BeatSound(double[] times, double[] power, double[] bass, double[][] chroma, double[][] timbre) {
  static final int FFT = 2048;
  static final int HOP = 512;
  static final double BASS_HZ = 150;
  private static final int BANDS = 24;
  private static final int CEPSTRUM = 12;

  int size() {
    return power.length;
  }

  /**
   * @param beats the track's beat times in seconds, ascending; with fewer than 8 a half-second
   *     grid stands in
   */
  static BeatSound of(float[] samples, int rate, List<Double> beats) {
    double length = samples.length / (double) rate;
    double[] edges = edges(beats, length);
    int n = edges.length - 1;
    double[] power = new double[n];
    double[] bass = new double[n];
    double[][] chroma = new double[n][12];
    double[][] bands = new double[n][BANDS];
    int[] frames = new int[n];
    Spectrum spectrum = new Spectrum(FFT);
    double[] bin = new double[FFT / 2 + 1];
    int[] pitchClass = new int[bin.length];
    int[] band = new int[bin.length];
    double binHz = rate / (double) FFT;
    double lowMel = mel(60);
    double highMel = mel(Math.min(5000, rate / 2.0));
    for (int k = 0; k < bin.length; k++) {
      double hz = k * binHz;
      pitchClass[k] = hz >= 55 && hz <= 2000 ? Math.floorMod((int) Math.round(12 * Math.log(hz / 440) / Math.log(2)) + 9, 12) : -1;
      double m = hz > 0 ? (mel(hz) - lowMel) / (highMel - lowMel) : -1;
      band[k] = m >= 0 && m < 1 ? (int) (m * BANDS) : -1;
    }
    int b = 0;
    for (int from = 0; from + HOP <= samples.length; from += HOP) {
      double centre = (from + FFT / 2.0) / rate;
      while (b < n && centre >= edges[b + 1]) b++;
      if (b >= n) break;
      if (centre < edges[b]) continue;
      spectrum.power(samples, from, bin);
      double total = 0;
      double low = 0;
      for (int k = 1; k < bin.length; k++) {
        double p = bin[k];
        total += p;
        if (k * binHz < BASS_HZ) low += p;
        if (pitchClass[k] >= 0) chroma[b][pitchClass[k]] += Math.sqrt(p);
        if (band[k] >= 0) bands[b][band[k]] += p;
      }
      power[b] += total;
      bass[b] += low;
      frames[b]++;
    }
    double[][] timbre = new double[n][];
    for (int i = 0; i < n; i++) {
      int f = Math.max(1, frames[i]);
      power[i] /= f;
      bass[i] /= f;
      unit(chroma[i]);
      timbre[i] = cepstrum(bands[i], f);
    }
    centre(timbre);
    for (double[] t : timbre) unit(t);
    return new BeatSound(edges, power, bass, chroma, timbre);
  }

  /** Beat starts within the sound and the last one's end; a half-second grid when the beats are too few. */
  private static double[] edges(List<Double> beats, double length) {
    List<Double> inside = beats.stream().filter(t -> t >= 0 && t < length).toList();
    if (inside.size() < 8) {
      int n = (int) Math.floor(length / 0.5);
      double[] grid = new double[Math.max(1, n) + 1];
      for (int i = 0; i < grid.length; i++) grid[i] = Math.min(length, i * 0.5);
      return grid;
    }
    double[] edges = new double[inside.size() + 1];
    for (int i = 0; i < inside.size(); i++) edges[i] = inside.get(i);
    double last = inside.get(inside.size() - 1);
    edges[inside.size()] = Math.min(length, last + (last - inside.get(inside.size() - 2)));
    return edges;
  }

  /** The DCT of the log band energies, without its first (level) coefficient. */
  private static double[] cepstrum(double[] bands, int frames) {
    double[] log = new double[bands.length];
    for (int j = 0; j < bands.length; j++) log[j] = Math.log(bands[j] / frames + 1e-10);
    double[] c = new double[CEPSTRUM];
    for (int q = 1; q <= CEPSTRUM; q++) {
      double s = 0;
      for (int j = 0; j < log.length; j++) s += log[j] * Math.cos(Math.PI * q * (j + 0.5) / log.length);
      c[q - 1] = s;
    }
    return c;
  }

  /** Each coefficient less its mean over the song, so what every beat shares does not make them alike. */
  private static void centre(double[][] rows) {
    if (rows.length == 0) return;
    for (int q = 0; q < rows[0].length; q++) {
      double mean = 0;
      for (double[] r : rows) mean += r[q];
      mean /= rows.length;
      for (double[] r : rows) r[q] -= mean;
    }
  }

  private static void unit(double[] v) {
    double s = 0;
    for (double x : v) s += x * x;
    if (s <= 0) return;
    double norm = Math.sqrt(s);
    for (int i = 0; i < v.length; i++) v[i] /= norm;
  }

  private static double mel(double hz) {
    return 2595 * Math.log10(1 + hz / 700);
  }
}
