package io.tunecut.studio.internal.analysis;

import io.tunecut.studio.ffmpeg.Ffmpeg;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where someone speaks in a clip's own sound, for ducking the music. Speech is loud enough
 * above the clip's noise floor, harmonic (low spectral flatness) with its energy in the
 * voice band (150–4000 Hz), and comes in syllables: its level rises and falls several times
 * a second, where sustained music does not. Ranges are smoothed with a hangover. The whole
 * clip is analysed, streamed: memory grows by a few numbers per 10 ms of sound.
 */
public final class SpeechDetector {
  static final int SAMPLE_RATE = 16000;
  private static final int FRAME = SpeechFrames.FRAME;
  private static final int HOP = SpeechFrames.HOP;
  private static final double HOP_SECONDS = (double) HOP / SAMPLE_RATE;
  private static final double ABOVE_FLOOR_DB = 8;
  private static final double QUIETEST_DB = -55;
  private static final double MIN_VOICE_BAND = 0.6;
  private static final double MAX_FLATNESS = 0.35;
  private static final double MIN_SYLLABLE_SWING_DB = 6;
  private static final double BRIDGE_SECONDS = 0.35;
  private static final double MIN_SPEECH_SECONDS = 0.3;
  private static final double HANGOVER_SECONDS = 0.2;

  private final Decoder decoder;

  /** Runs the ffmpeg on the PATH. */
  public SpeechDetector() {
    this(Ffmpeg.of("ffmpeg", "ffprobe"));
  }

  public SpeechDetector(Ffmpeg ffmpeg) {
    this(ffmpeg, TimeLimit.STANDARD);
  }

  SpeechDetector(Ffmpeg ffmpeg, TimeLimit limit) {
    this.decoder = new Decoder(ffmpeg, limit);
  }

  /** Decodes the sound of {@code file}, all of it; a clip without sound has no speech. */
  public List<TimeRange> detect(Path file) {
    SpeechFrames frames = frames();
    decoder.monoPcm(file, SAMPLE_RATE, Double.POSITIVE_INFINITY, frames);
    return detect(frames.finish());
  }

  /** Speech ranges in mono samples at {@value #SAMPLE_RATE} Hz. */
  public List<TimeRange> detect(float[] x) {
    SpeechFrames frames = frames();
    frames.accept(x, x.length);
    return detect(frames.finish());
  }

  private static SpeechFrames frames() {
    return new SpeechFrames(SAMPLE_RATE, MIN_VOICE_BAND, MAX_FLATNESS);
  }

  private List<TimeRange> detect(SpeechFrames.Features features) {
    double[] level = features.level();
    boolean[] harmonicVoiceBand = features.harmonicVoiceBand();
    int frames = level.length;
    if (frames == 0) {
      return List.of();
    }
    double[] sorted = level.clone();
    Arrays.sort(sorted);
    double floor = sorted[sorted.length / 10];
    boolean[] voiced = new boolean[frames];
    for (int t = 0; t < frames; t++) {
      voiced[t] = harmonicVoiceBand[t] && level[t] >= floor + ABOVE_FLOOR_DB
          && level[t] >= QUIETEST_DB;
    }
    // syllables: within about a second the level swings; sustained notes do not
    int radius = (int) Math.round(0.5 / HOP_SECONDS);
    boolean[] speech = new boolean[frames];
    for (int t = 0; t < frames; t++) {
      if (!voiced[t]) {
        continue;
      }
      int a = Math.max(0, t - radius);
      int b = Math.min(frames, t + radius + 1);
      double[] part = Arrays.copyOfRange(level, a, b);
      Arrays.sort(part);
      double swing = part[(int) (part.length * 0.9)] - part[(int) (part.length * 0.2)];
      int voicedCount = 0;
      for (int k = a; k < b; k++) {
        voicedCount += voiced[k] ? 1 : 0;
      }
      double fraction = (double) voicedCount / (b - a);
      speech[t] = swing >= MIN_SYLLABLE_SWING_DB && fraction >= 0.15 && fraction <= 0.92;
    }
    return ranges(speech);
  }

  private static List<TimeRange> ranges(boolean[] speech) {
    List<double[]> runs = new ArrayList<>();
    int t = 0;
    while (t < speech.length) {
      if (!speech[t]) {
        t++;
        continue;
      }
      int end = t;
      while (end + 1 < speech.length && speech[end + 1]) {
        end++;
      }
      double a = t * HOP_SECONDS;
      double b = (end + 1) * HOP_SECONDS + FRAME / (double) SAMPLE_RATE;
      if (!runs.isEmpty() && a - runs.get(runs.size() - 1)[1] <= BRIDGE_SECONDS) {
        runs.get(runs.size() - 1)[1] = b;
      } else {
        runs.add(new double[] {a, b});
      }
      t = end + 1;
    }
    double length = speech.length * HOP_SECONDS + FRAME / (double) SAMPLE_RATE;
    List<TimeRange> out = new ArrayList<>();
    for (double[] r : runs) {
      if (r[1] - r[0] >= MIN_SPEECH_SECONDS) {
        out.add(new TimeRange(Math.round(r[0] * 1000) / 1000.0,
            Math.round(Math.min(length, r[1] + HANGOVER_SECONDS) * 1000) / 1000.0));
      }
    }
    return out;
  }
}
