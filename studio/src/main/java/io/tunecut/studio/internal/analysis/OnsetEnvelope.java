package io.tunecut.studio.internal.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The beat tracker's front end, fed samples as they are decoded: one centred, Hann-windowed
 * spectrum per hop, kept as log mel bands. Only a window of samples is held, so memory grows
 * with the number of hops (64 numbers each), not with the samples.
 */
final class OnsetEnvelope implements Decoder.SampleSink {
  /**
   * Per frame: the onset strength without its local mean, the energy below 150 Hz, and the onsets
   * of the bass alone.
   */
  record Envelope(double[] onset, double[] low, double[] lowOnset) {}

  private static final int FFT_SIZE = BeatTracker.FFT_SIZE;
  private static final int HOP = BeatTracker.HOP;
  private static final int PAD = FFT_SIZE / 2;
  /** The bass's own onsets: the notes below this, whatever plays above them. */
  private static final double BASS_HZ = 200;

  private final int melBands;
  private final Fft fft = new Fft(FFT_SIZE);
  private final double[] window = new double[FFT_SIZE];
  private final MelBands mel;
  private final int lowBands;
  private final int bassBands;
  private final double[] re = new double[FFT_SIZE];
  private final double[] im = new double[FFT_SIZE];
  private final double[] power = new double[FFT_SIZE / 2 + 1];
  private final double[] bands;
  private final List<double[]> db = new ArrayList<>();
  private final Doubles low = new Doubles(1024);
  private double peak = -Double.MAX_VALUE;

  /** Samples from absolute index {@code bufferStart} on; the next frame's start is inside. */
  private float[] buffer = new float[4 * FFT_SIZE];
  private long bufferStart = -PAD;
  private int buffered = PAD; // the frames before the first sample see zeros
  private long received;
  private int frames;

  OnsetEnvelope(int sampleRate, int melBands) {
    this.melBands = melBands;
    for (int i = 0; i < FFT_SIZE; i++) {
      window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / FFT_SIZE);
    }
    mel = new MelBands(melBands, FFT_SIZE, sampleRate, 30, sampleRate / 2.0);
    lowBands = mel.bandsBelow(150);
    bassBands = mel.bandsBelow(BASS_HZ);
    bands = new double[melBands];
  }

  @Override
  public void accept(float[] samples, int count) {
    int from = 0;
    while (from < count) {
      int room = buffer.length - buffered;
      if (room == 0) {
        buffer = Arrays.copyOf(buffer, buffer.length * 2);
        continue;
      }
      int n = Math.min(room, count - from);
      System.arraycopy(samples, from, buffer, buffered, n);
      buffered += n;
      from += n;
      received += n;
      // a frame is complete once the samples up to its window's end have arrived
      while ((long) frames * HOP - PAD + FFT_SIZE <= received) {
        frame(false);
      }
    }
  }

  /**
   * Spectral flux per frame (mean positive change of log mel bands, before the tracker takes
   * out the local mean), low-band energy, and the flux of the bands below {@value #BASS_HZ} Hz.
   */
  Envelope finish() {
    int total = (int) (1 + received / HOP);
    while (frames < total) {
      frame(true);
    }
    double[] onset = flux(0, melBands);
    return new Envelope(removeLocalMean(onset, (int) Math.round(BeatTracker.FRAME_RATE)), low.toArray(), flux(0, bassBands));
  }

  /** Mean positive change of the log mel bands [from, to) per frame. */
  private double[] flux(int from, int to) {
    double floor = peak - 80;
    double[] onset = new double[frames];
    for (int t = 1; t < frames; t++) {
      double[] now = db.get(t);
      double[] before = db.get(t - 1);
      double sum = 0;
      for (int b = from; b < to; b++) {
        double d = Math.max(now[b], floor) - Math.max(before[b], floor);
        if (d > 0) {
          sum += d;
        }
      }
      onset[t] = sum / (to - from);
    }
    return onset;
  }

  /** Subtracts a sliding mean (a DC-blocking high-pass) so loudness swells are not onsets. */
  static double[] removeLocalMean(double[] x, int radius) {
    double[] prefix = new double[x.length + 1];
    for (int i = 0; i < x.length; i++) {
      prefix[i + 1] = prefix[i] + x[i];
    }
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      int a = Math.max(0, i - radius);
      int b = Math.min(x.length, i + radius + 1);
      out[i] = x[i] - (prefix[b] - prefix[a]) / (b - a);
    }
    return out;
  }
  private void frame(boolean atEnd) {
    long start = (long) frames * HOP - PAD;
    int offset = (int) (start - bufferStart);
    for (int i = 0; i < FFT_SIZE; i++) {
      long s = start + i;
      // before the first sample and after the last the window sees silence
      re[i] = s >= 0 && s < received ? buffer[offset + i] * window[i] : 0;
    }
    fft.power(re, im, power);
    mel.apply(power, bands);
    double[] levels = new double[melBands];
    double lowSum = 0;
    for (int b = 0; b < melBands; b++) {
      double v = 10 * Math.log10(Math.max(bands[b], 1e-10));
      levels[b] = v;
      peak = Math.max(peak, v);
      if (b < lowBands) {
        lowSum += bands[b];
      }
    }
    db.add(levels);
    low.add(lowSum);
    frames++;
    if (!atEnd) {
      dropBefore((long) frames * HOP - PAD);
    }
  }

  private void dropBefore(long absolute) {
    int drop = (int) (absolute - bufferStart);
    if (drop <= 0) {
      return;
    }
    System.arraycopy(buffer, drop, buffer, 0, buffered - drop);
    buffered -= drop;
    bufferStart = absolute;
  }
}
