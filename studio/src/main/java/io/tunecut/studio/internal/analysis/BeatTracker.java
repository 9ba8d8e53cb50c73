package io.tunecut.studio.internal.analysis;

import io.tunecut.studio.ffmpeg.Ffmpeg;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds tempo, beats and downbeats in music: mel spectral-flux onsets ({@link OnsetEnvelope}),
 * the tempo ({@link Tempo}; the beat two thirds as long where the music moves in threes, or half
 * as long where the bass moves that fast), the beats on it ({@link BeatPath}), each moved onto its
 * attack ({@link BeatRefiner}), and bars of three or four beats starting where the bass notes and
 * the harmony change ({@link Metre}, {@link BarPhase}). A file is analysed for its first
 * {@value #MAX_SECONDS} s only: a longer track gets tempo and beats for that part and none after it.
 */
public final class BeatTracker {
  static final int SAMPLE_RATE = 22050;
  static final int FFT_SIZE = 2048;
  static final int HOP = 512;
  /** Memory and time stay bounded: a quarter of an hour shows the tempo of any track. */
  static final int MAX_SECONDS = 15 * 60;
  private static final int MEL_BANDS = 64;
  static final double FRAME_RATE = (double) SAMPLE_RATE / HOP;
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
    return track(envelope.finish(), refiner, bars);
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

  private Beats track(OnsetEnvelope.Envelope envelope, BeatRefiner refiner, BarPhase bars) {
    double[] onset = envelope.onset();
    if (onset.length < 8 || std(onset) == 0) {
      return new Beats(0, List.of(), List.of());
    }
    Tempo tempo = Tempo.of(onset);
    double period = tempo.period();
    double bass = Tempo.bassPeriod(envelope.lowOnset(), period);
    if (!Double.isNaN(bass)) {
      tempo = new Tempo(bass, Double.NaN);
      period = bass;
    }
    int[] frames = BeatPath.beats(envelope, period);
    if (!Double.isNaN(tempo.twoThirds())) {
      int[] faster = BeatPath.beats(envelope, tempo.twoThirds());
      if (hitsOnsets(onset, faster, frames)) {
        frames = faster;
        period = tempo.twoThirds();
      }
    }
    frames = onTheLongNote(onset, frames, period);
    frames = BeatPhase.onTheChords(onset, bars::chordChange, frames);
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
  /** Onset strength per frame (mean positive change of log mel bands) and low-band energy. */
  static OnsetEnvelope.Envelope envelope(float[] x) {
    OnsetEnvelope envelope = new OnsetEnvelope(SAMPLE_RATE, MEL_BANDS);
    envelope.accept(x, x.length);
    return envelope.finish();
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
   * The metre (see {@link Metre}) and the bar phase where the bass notes change most, beat to
   * beat and bar to bar, and the harmony half bar to half bar (see {@link BarPhase#changes}).
   */
  private static Beats withBars(double tempo, List<Double> beats, BarPhase bars, OnsetEnvelope.Envelope envelope) {
    int beatsPerBar = Metre.beatsPerBar(accents(envelope.onset(), beats), lows(envelope.low(), beats));
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

  static double std(double[] x) {
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
