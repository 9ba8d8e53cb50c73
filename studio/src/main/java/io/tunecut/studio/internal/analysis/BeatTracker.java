package io.tunecut.studio.internal.analysis;

import io.tunecut.studio.ffmpeg.Ffmpeg;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds tempo, beats and downbeats in music: mel spectral-flux onsets, tempo by windowed
 * autocorrelation combed over four multiples of each lag under a log-normal prior around
 * 120 BPM (or the beat two thirds as long where the music moves in threes, or half as long
 * where the bass moves that fast), beats by Ellis's (2007) dynamic programming as librosa does
 * it but held more tightly to the period, bars of three or four beats starting where the bass
 * notes change. A file is
 * analysed for its first {@value #MAX_SECONDS} s only: a longer track gets tempo and beats for
 * that part and none after it.
 */
public final class BeatTracker {
  static final int SAMPLE_RATE = 22050;
  static final int FFT_SIZE = 2048;
  static final int HOP = 512;
  /** Memory and time stay bounded: a quarter of an hour shows the tempo of any track. */
  static final int MAX_SECONDS = 15 * 60;
  private static final int MEL_BANDS = 64;
  private static final double FRAME_RATE = (double) SAMPLE_RATE / HOP;
  private static final double MIN_BPM = 30;
  private static final double MAX_BPM = 300;
  private static final double PRIOR_BPM = 120;
  private static final double PRIOR_OCTAVES = 0.7;
  /**
   * How much the programme pays for a beat off the period (librosa's 100 lets the path hop onto
   * off-beat accents for a beat or two; 400 holds it on the pulse: on the exact-truth set F 0.68 to
   * 0.72, on the real-music set unchanged to slightly better; 1,000 and over can no longer follow
   * tempo changes).
   */
  private static final double TIGHTNESS = 400;
  /** The fastest beat the bass may double the tempo to. */
  private static final double MAX_BASS_BPM = 200;
  /** How close to half the beat period the bass's period must be. */
  private static final double BASS_RATIO_TOLERANCE = 0.03;
  private static final int COMB_MULTIPLES = 4;
  private static final double MAX_TERNARY_BPM = 175;
  private static final double TERNARY_EVIDENCE = 0.5;
  /** A beat is empty where its onset is under this share of the slower beats' median. */
  private static final double EMPTY_BEAT = 0.25;
  /** Swing leaves a third of the two-thirds grid empty; music that moves in threes far less. */
  private static final double MAX_EMPTY_SHARE = 0.25;
  /** A swung eighth after the beat carries at least this share of the beat's onsets… */
  private static final double SWING_SHARE = 0.2;
  /** …and this many times those of any other subdivision. */
  private static final double SWING_CONTRAST = 2;
  /**
   * Beats between the others with less than this share of their onsets are empty (on both sets
   * the next lowest share is 0.32, where the beat is right).
   */
  private static final double EMPTY_SHARE = 0.25;
  /** Flux of log bands peaks when an onset enters the window, before the window centre. */
  private static final double ONSET_LAG_SECONDS = 0.022;

  private final Decoder decoder;

  /** Runs the ffmpeg on the PATH. */
  public BeatTracker() {
    this(Ffmpeg.of("ffmpeg", "ffprobe"));
  }

  public BeatTracker(Ffmpeg ffmpeg) {
    this(ffmpeg, TimeLimit.STANDARD);
  }

  BeatTracker(Ffmpeg ffmpeg, TimeLimit limit) {
    this.decoder = new Decoder(ffmpeg, limit);
  }

  /** Decodes the first {@value #MAX_SECONDS} s of {@code file} with ffmpeg and tracks its beats. */
  public Beats track(Path file) {
    OnsetEnvelope envelope = new OnsetEnvelope(SAMPLE_RATE, MEL_BANDS);
    BeatRefiner refiner = new BeatRefiner(SAMPLE_RATE);
    BarPhase bars = new BarPhase(SAMPLE_RATE);
    Decoder.SampleSink all = (samples, count) -> {
      envelope.accept(samples, count);
      refiner.accept(samples, count);
      bars.accept(samples, count);
    };
    if (decoder.monoPcm(file, SAMPLE_RATE, MAX_SECONDS, all) == 0) {
      throw new AnalysisException(file.getFileName() + " has no sound to analyse");
    }
    return track(withoutLocalMean(envelope.finish()), refiner, bars);
  }

  /** Tracks beats in mono samples at {@value #SAMPLE_RATE} Hz. */
  public Beats track(float[] mono, int sampleRate) {
    if (sampleRate != SAMPLE_RATE) {
      throw new IllegalArgumentException("samples must be at " + SAMPLE_RATE + " Hz");
    }
    BeatRefiner refiner = new BeatRefiner(SAMPLE_RATE);
    refiner.accept(mono, mono.length);
    BarPhase bars = new BarPhase(SAMPLE_RATE);
    bars.accept(mono, mono.length);
    return track(envelope(mono), refiner, bars);
  }

  private Beats track(Envelope envelope, BeatRefiner refiner, BarPhase bars) {
    double[] onset = envelope.onset;
    if (onset.length < 8 || std(onset) == 0) {
      return new Beats(0, List.of(), List.of());
    }
    Tempo tempo = tempo(onset);
    double period = tempo.period;
    double bass = bassPeriod(envelope.lowOnset, period);
    if (!Double.isNaN(bass)) {
      tempo = new Tempo(bass, Double.NaN);
      period = bass;
    }
    int[] frames = dynamicBeats(onset, period);
    if (!Double.isNaN(tempo.twoThirds)) {
      int[] faster = dynamicBeats(onset, tempo.twoThirds);
      if (hitsOnsets(onset, faster, frames)) {
        frames = faster;
        period = tempo.twoThirds;
      }
    }
    frames = onTheLongNote(onset, frames, period);
    int[] everyOther = withoutEmptyBeats(onset, frames);
    if (everyOther != frames) {
      frames = everyOther;
      period *= 2;
    }
    List<Double> beats = new ArrayList<>(frames.length);
    for (int f : frames) {
      beats.add(round3(f / FRAME_RATE + ONSET_LAG_SECONDS));
    }
    beats = refiner.refine(beats);
    // the beats follow the music more closely than the autocorrelation's grid of whole lags
    double mean = frames.length >= 8 ? (double) (frames[frames.length - 1] - frames[0]) / (frames.length - 1) : period;
    return withBars(round3(60 * FRAME_RATE / mean), beats, bars, envelope);
  }

  record Envelope(double[] onset, double[] low, double[] lowOnset) {}

  /** A log-normal preference for tempi near {@value #PRIOR_BPM} BPM. */
  private static double prior(double period) {
    double bpm = 60 * FRAME_RATE / period;
    double octaves = Math.log(bpm / PRIOR_BPM) / Math.log(2) / PRIOR_OCTAVES;
    return Math.exp(-0.5 * octaves * octaves);
  }

  /** Onset strength per frame (mean positive change of log mel bands) and low-band energy. */
  static Envelope envelope(float[] x) {
    OnsetEnvelope envelope = new OnsetEnvelope(SAMPLE_RATE, MEL_BANDS);
    envelope.accept(x, x.length);
    return withoutLocalMean(envelope.finish());
  }

  private static Envelope withoutLocalMean(Envelope raw) {
    return new Envelope(removeLocalMean(raw.onset, (int) Math.round(FRAME_RATE)), raw.low, raw.lowOnset);
  }

  /** Subtracts a sliding mean (a DC-blocking high-pass) so loudness swells are not onsets. */
  private static double[] removeLocalMean(double[] x, int radius) {
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

  /** A beat period in frames and, where the onsets divide it in three, two thirds of it (else NaN). */
  record Tempo(double period, double twoThirds) {}

  /**
   * Half of {@code period} where the bass alone repeats twice as fast as all the onsets do and
   * that beat is one people tap (up to {@value #MAX_BASS_BPM} BPM), else NaN. Fast music
   * (170–200 BPM) accents every other beat, which the tempo prior takes for the beat; a bass that
   * plays every beat shows the real one. The bass is not trusted the other way: it often plays
   * every other beat of music whose beat is right.
   */
  private static double bassPeriod(double[] lowOnset, double period) {
    if (lowOnset.length < 8 || std(lowOnset) == 0) {
      return Double.NaN;
    }
    double bass = tempo(removeLocalMean(lowOnset, (int) Math.round(FRAME_RATE))).period;
    boolean twiceAsFast = Math.abs(bass / period - 0.5) < BASS_RATIO_TOLERANCE;
    return twiceAsFast && 60 * FRAME_RATE / bass <= MAX_BASS_BPM ? bass : Double.NaN;
  }

  /**
   * Whether the faster beats land on onsets as well as the slower ones do: on swung music the
   * two-thirds grid falls every third beat where nothing is played.
   */
  private static boolean hitsOnsets(double[] onset, int[] faster, int[] slower) {
    double[] slow = strengthAt(onset, slower);
    double[] fast = strengthAt(onset, faster);
    if (slow.length < 4 || fast.length < 4) {
      return false;
    }
    double[] sorted = slow.clone();
    Arrays.sort(sorted);
    double floor = EMPTY_BEAT * sorted[sorted.length / 2];
    int empty = 0;
    for (double v : fast) {
      if (v < floor) {
        empty++;
      }
    }
    return empty <= MAX_EMPTY_SHARE * fast.length;
  }

  /**
   * The beats a third of a period later where they fall on the swung eighth: swing is long-short,
   * so a beat whose only subdivision comes a third after it (short-long) is the "and" of the beat
   * before. Where the beat is divided otherwise too (straight eighths, sixteenths, triplets) it
   * stays.
   */
  static int[] onTheLongNote(double[] onset, int[] frames, double period) {
    if (frames.length < 8) {
      return frames;
    }
    double beat = meanAt(onset, frames, 0);
    double third = meanAt(onset, frames, period / 3);
    double others = Math.max(meanAt(onset, frames, period / 4),
        Math.max(meanAt(onset, frames, period / 2), meanAt(onset, frames, 2 * period / 3)));
    if (beat <= 0 || third < SWING_SHARE * beat || third < SWING_CONTRAST * others) {
      return frames;
    }
    int shift = (int) Math.round(period / 3);
    return Arrays.stream(frames).map(f -> f + shift).filter(f -> f < onset.length).toArray();
  }

  /**
   * Every other beat where those between carry almost no onsets: the tracker's prior pulls a slow
   * beat (60–70 BPM) to twice its tempo, and the beats it adds fall where nothing is played.
   * Else {@code frames} itself.
   */
  static int[] withoutEmptyBeats(double[] onset, int[] frames) {
    if (frames.length < 16) {
      return frames;
    }
    double[] strength = strengthAt(onset, frames);
    double[] sum = new double[2];
    for (int i = 0; i < strength.length; i++) {
      sum[i % 2] += strength[i];
    }
    int strong = sum[0] >= sum[1] ? 0 : 1;
    if (sum[1 - strong] >= EMPTY_SHARE * sum[strong]) {
      return frames;
    }
    int[] out = new int[(frames.length - strong + 1) / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = frames[strong + 2 * i];
    }
    return out;
  }

  /** The mean strongest onset within a frame of each beat moved by {@code offset} frames. */
  private static double meanAt(double[] onset, int[] frames, double offset) {
    int[] moved = new int[frames.length];
    for (int i = 0; i < frames.length; i++) {
      moved[i] = Math.min(onset.length - 1, (int) Math.round(frames[i] + offset));
    }
    double sum = 0;
    for (double v : strengthAt(onset, moved)) {
      sum += v;
    }
    return sum / frames.length;
  }

  /** The strongest onset within a frame of each beat. */
  private static double[] strengthAt(double[] onset, int[] beats) {
    double[] out = new double[beats.length];
    for (int i = 0; i < beats.length; i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int f = Math.max(0, beats[i] - 1); f <= Math.min(onset.length - 1, beats[i] + 1); f++) {
        max = Math.max(max, onset[f]);
      }
      out[i] = Math.max(0, max);
    }
    return out;
  }

  /**
   * Beat period in frames (fractional): autocorrelation in 8 s windows, combed over multiples
   * of each lag and weighted by a prior.
   */
  static Tempo tempo(double[] rawOnset) {
    // beat periods fall between frames: smoothing keeps every level's peak visible to whole lags
    double[] onset = smooth(rawOnset, 1.5);
    int maxLag = ((int) Math.ceil(60 * FRAME_RATE / MIN_BPM) + 1) * COMB_MULTIPLES;
    int minLag = (int) Math.floor(60 * FRAME_RATE / MAX_BPM);
    int windowLength = Math.min(onset.length, (int) Math.round(8 * FRAME_RATE));
    int hop = Math.max(1, windowLength / 2);
    double[] ac = new double[maxLag + 1];
    double[] w = new double[windowLength];
    for (int i = 0; i < windowLength; i++) {
      w[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * (i + 0.5) / windowLength);
    }
    double[] seg = new double[windowLength];
    for (int start = 0; start + windowLength <= onset.length; start += hop) {
      for (int i = 0; i < windowLength; i++) {
        seg[i] = onset[start + i] * w[i];
      }
      double zero = 0;
      for (double v : seg) {
        zero += v * v;
      }
      if (zero == 0) {
        continue;
      }
      for (int lag = 1; lag <= maxLag && lag < windowLength; lag++) {
        double sum = 0;
        for (int i = lag; i < windowLength; i++) {
          sum += seg[i] * seg[i - lag];
        }
        // unbiased: long lags see fewer products
        ac[lag] += sum / zero * windowLength / (windowLength - lag);
      }
    }
    int slowest = maxLag / COMB_MULTIPLES;
    double[] score = new double[slowest + 1];
    int best = -1;
    for (int lag = Math.max(1, minLag); lag <= slowest; lag++) {
      double periodicity = comb(ac, lag);
      score[lag] = periodicity * prior(lag);
      if (best < 0 || score[lag] > score[best]) {
        best = lag;
      }
    }
    if (best <= 0) {
      return new Tempo(FRAME_RATE / 2, Double.NaN);
    }
    int faster = twoThirds(ac, score, best, minLag);
    return new Tempo(refine(score, best, minLag, slowest),
        faster > 0 ? refine(score, faster, minLag, slowest) : Double.NaN);
  }

  /** The peak of the score between whole lags. */
  private static double refine(double[] score, int best, int minLag, int slowest) {
    double refined = best;
    if (best > minLag && best < slowest) {
      double a = score[best - 1];
      double b = score[best];
      double c = score[best + 1];
      double denominator = a - 2 * b + c;
      if (denominator < 0) {
        refined = best + Math.max(-0.5, Math.min(0.5, 0.5 * (a - c) / denominator));
      }
    }
    return refined;
  }

  /**
   * The lag two thirds of {@code lag} when the onsets divide {@code lag} in three, not in two,
   * and that faster beat is one people tap (under {@value #MAX_TERNARY_BPM} BPM); else 0. Music
   * with triplet subdivisions or 3+3+2 accents repeats at the dotted half-beat, which the
   * tempo prior favours over the beat itself.
   */
  private static int twoThirds(double[] ac, double[] score, int lag, int minLag) {
    double half = peakNear(ac, lag / 2.0, 0);
    double third = peakNear(ac, lag / 3.0, 0);
    double twoThirds = peakNear(ac, 2 * lag / 3.0, 0);
    double beat = peakNear(ac, lag, 0);
    boolean ternary = third > half && twoThirds > half && third + twoThirds > TERNARY_EVIDENCE * beat
        && half < TERNARY_EVIDENCE * beat;
    if (!ternary || 60 * FRAME_RATE / (2 * lag / 3.0) > MAX_TERNARY_BPM) {
      return 0;
    }
    int target = (int) Math.round(2 * lag / 3.0);
    int best = 0;
    for (int l = Math.max(minLag, target - 1); l <= target + 1 && l < score.length; l++) {
      if (best == 0 || comb(ac, l) > comb(ac, best)) {
        best = l;
      }
    }
    return best;
  }

  /**
   * How strongly the onsets repeat at {@code lag} and its multiples: the beat repeats at every
   * multiple, a level three half-beats long (the dotted beat of syncopated patterns) only at
   * its even ones.
   */
  private static double comb(double[] ac, int lag) {
    double sum = 0;
    for (int k = 1; k <= COMB_MULTIPLES; k++) {
      sum += peakNear(ac, k * lag, k - 1);
    }
    return sum;
  }

  private static double peakNear(double[] ac, double lag, int reach) {
    double peak = 0;
    for (int j = (int) Math.floor(lag) - reach; j <= (int) Math.ceil(lag) + reach; j++) {
      if (j > 0 && j < ac.length) {
        peak = Math.max(peak, ac[j]);
      }
    }
    return peak;
  }

  /** Ellis's dynamic programme: beats on strong onsets, spaced close to the period. */
  static int[] dynamicBeats(double[] onset, double period) {
    int n = onset.length;
    double sd = std(onset);
    int radius = (int) Math.round(period);
    double[] kernel = new double[2 * radius + 1];
    for (int i = -radius; i <= radius; i++) {
      double z = i * 32.0 / period;
      kernel[i + radius] = Math.exp(-0.5 * z * z);
    }
    double[] local = new double[n];
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (int k = -radius; k <= radius; k++) {
        int j = i + k;
        if (j >= 0 && j < n) {
          sum += onset[j] / sd * kernel[k + radius];
        }
      }
      local[i] = sum;
    }
    int from = (int) Math.round(2 * period);
    int to = (int) Math.round(period / 2);
    double[] penalty = new double[from - to + 1];
    for (int back = to; back <= from; back++) {
      double r = Math.log(back / period);
      penalty[back - to] = -TIGHTNESS * r * r;
    }
    double maxLocal = Arrays.stream(local).max().orElse(0);
    double threshold = 0.01 * maxLocal;
    double[] cumulative = new double[n];
    int[] backlink = new int[n];
    boolean first = true;
    for (int i = 0; i < n; i++) {
      double best = Double.NEGATIVE_INFINITY;
      int bestAt = -1;
      for (int back = to; back <= from; back++) {
        int j = i - back;
        double candidate = penalty[back - to] + (j >= 0 ? cumulative[j] : 0);
        if (candidate > best) {
          best = candidate;
          bestAt = j;
        }
      }
      if (bestAt < 0 && best == Double.NEGATIVE_INFINITY) {
        best = 0;
      }
      cumulative[i] = local[i] + best;
      if (first && local[i] < threshold) {
        backlink[i] = -1;
      } else {
        backlink[i] = bestAt;
        first = false;
      }
    }
    int last = lastBeat(cumulative);
    List<Integer> reversedBeats = new ArrayList<>();
    for (int b = last; b >= 0; b = backlink[b]) {
      reversedBeats.add(b);
    }
    int[] beats = new int[reversedBeats.size()];
    for (int i = 0; i < beats.length; i++) {
      beats[i] = reversedBeats.get(beats.length - 1 - i);
    }
    return trimWeak(local, beats);
  }

  private static int lastBeat(double[] cumulative) {
    List<Double> peaks = new ArrayList<>();
    for (int i = 1; i + 1 < cumulative.length; i++) {
      if (cumulative[i] > cumulative[i - 1] && cumulative[i] >= cumulative[i + 1]) {
        peaks.add(cumulative[i]);
      }
    }
    if (peaks.isEmpty()) {
      return cumulative.length - 1;
    }
    double[] sorted = peaks.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double threshold = 0.5 * sorted[sorted.length / 2];
    for (int i = cumulative.length - 2; i >= 1; i--) {
      if (cumulative[i] > cumulative[i - 1] && cumulative[i] >= cumulative[i + 1]
          && cumulative[i] > threshold) {
        return i;
      }
    }
    return cumulative.length - 1;
  }

  /** Drops beats in the silent lead-in and tail, where the programme only extrapolates. */
  private static int[] trimWeak(double[] local, int[] beats) {
    if (beats.length < 3) {
      return beats;
    }
    double[] smooth = new double[beats.length];
    double[] hann = {0.25, 0.75, 1.0, 0.75, 0.25};
    for (int i = 0; i < beats.length; i++) {
      double sum = 0;
      for (int k = -2; k <= 2; k++) {
        int j = i + k;
        if (j >= 0 && j < beats.length) {
          sum += local[beats[j]] * hann[k + 2];
        }
      }
      smooth[i] = sum;
    }
    double rms = 0;
    for (double v : smooth) {
      rms += v * v;
    }
    double threshold = 0.5 * Math.sqrt(rms / smooth.length);
    int a = 0;
    while (a < beats.length && smooth[a] <= threshold) {
      a++;
    }
    int b = beats.length;
    while (b > a && smooth[b - 1] <= threshold) {
      b--;
    }
    return Arrays.copyOfRange(beats, a, b);
  }

  /**
   * The metre (see {@link Metre}) and the bar phase where the bass notes change most, beat to
   * beat and bar to bar, and the harmony half bar to half bar (see {@link BarPhase#changes}).
   */
  private static Beats withBars(double tempo, List<Double> beats, BarPhase bars, Envelope envelope) {
    int beatsPerBar = Metre.beatsPerBar(accents(envelope.onset, beats), lows(envelope.low, beats));
    double[][] cues = bars.changes(beats, beatsPerBar);
    List<Double> down = new ArrayList<>();
    for (int i = Metre.phase(cues, beatsPerBar); i < beats.size(); i += beatsPerBar) {
      down.add(beats.get(i));
    }
    return new Beats(tempo, beats, down, beatsPerBar);
  }

  /** The onset strength on each beat. */
  static double[] accents(double[] onset, List<Double> beats) {
    int[] frames = new int[beats.size()];
    for (int i = 0; i < frames.length; i++) {
      frames[i] = (int) Math.round((beats.get(i) - ONSET_LAG_SECONDS) * FRAME_RATE);
    }
    return strengthAt(onset, frames);
  }

  /** The log energy below 150 Hz through each beat. */
  static double[] lows(double[] low, List<Double> beats) {
    double[] out = new double[beats.size()];
    for (int i = 0; i < out.length; i++) {
      int from = Math.max(0, Math.min(low.length - 1, (int) Math.round(beats.get(i) * FRAME_RATE)));
      int to = i + 1 < out.length ? (int) Math.round(beats.get(i + 1) * FRAME_RATE) : from + 1;
      to = Math.max(from + 1, Math.min(low.length, to));
      double sum = 0;
      for (int f = from; f < to; f++) {
        sum += low[f];
      }
      out[i] = Math.log(1e-10 + sum / (to - from));
    }
    return out;
  }

  private static double[] smooth(double[] x, double sigma) {
    int radius = (int) Math.ceil(3 * sigma);
    double[] kernel = new double[2 * radius + 1];
    for (int i = -radius; i <= radius; i++) {
      kernel[i + radius] = Math.exp(-0.5 * i * i / (sigma * sigma));
    }
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      double sum = 0;
      for (int k = -radius; k <= radius; k++) {
        int j = i + k;
        if (j >= 0 && j < x.length) {
          sum += x[j] * kernel[k + radius];
        }
      }
      out[i] = sum;
    }
    return out;
  }

  private static double std(double[] x) {
    double mean = 0;
    for (double v : x) {
      mean += v;
    }
    mean /= x.length;
    double sum = 0;
    for (double v : x) {
      sum += (v - mean) * (v - mean);
    }
    return Math.sqrt(sum / Math.max(1, x.length - 1));
  }

  private static double round3(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
