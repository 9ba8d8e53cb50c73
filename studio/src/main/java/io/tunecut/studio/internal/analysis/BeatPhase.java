package io.tunecut.studio.internal.analysis;

import java.util.function.Function;

/**
 * Whether the beats are on the beat or half a beat off it, judged over the whole excerpt. The
 * onsets alone often tie the two grids, or favour the off-beat where stabs, hi-hats or a
 * syncopated bass are louder there; the notes themselves (chords, bass, melody; see
 * {@link ChordChange}) tend to change on the beat.
 */
final class BeatPhase {
  /**
   * How many times the notes must change more on the grid half a beat later than on ours for the
   * beats to move there. On the two evaluation sets the beats half a beat off (harp-harmony,
   * relax-song) have 1.34 and 1.93, the right beats at most 1.12 (ultimate-run).
   */
  static final double MOVE_RATIO = 1.22;
  /** The onsets on the grid half a beat later must be at least this share of ours. */
  static final double MIN_ONSET_SHARE = 0.5;

  private BeatPhase() {}

  /**
   * The beats half a beat later where the notes change there clearly more than on them and the
   * onsets there are not much weaker; else {@code frames} itself. Where the two grids' notes
   * change alike, the onsets (which chose {@code frames}) keep their choice.
   */
  static int[] onTheChords(double[] onset, Function<boolean[], double[]> chordChange, int[] frames) {
    if (frames.length < 8) {
      return frames;
    }
    int[] half = halfBeatLater(frames, onset.length);
    boolean[] wanted = new boolean[onset.length];
    for (int[] grid : new int[][] {frames, half}) {
      for (int f : grid) {
        for (int g = Math.max(0, f - 1); g <= Math.min(onset.length - 1, f + 1); g++) {
          wanted[g] = true;
        }
      }
    }
    double[] chords = chordChange.apply(wanted);
    double chordRatio = mean(chords, half) / mean(chords, frames);
    double onsetRatio = mean(onset, half) / mean(onset, frames);
    return chordRatio > MOVE_RATIO && onsetRatio >= MIN_ONSET_SHARE ? half : frames;
  }

  /** The grid between the beats, the first half a beat after the first beat. */
  private static int[] halfBeatLater(int[] frames, int length) {
    int last = frames[frames.length - 1] + (frames[frames.length - 1] - frames[frames.length - 2]) / 2;
    int[] out = new int[last < length ? frames.length : frames.length - 1];
    for (int i = 0; i + 1 < frames.length; i++) {
      out[i] = (frames[i] + frames[i + 1]) / 2;
    }
    if (last < length) {
      out[out.length - 1] = last;
    }
    return out;
  }

  /** The mean of the strongest value within a frame of each position (none below 0). */
  private static double mean(double[] curve, int[] frames) {
    double sum = 0;
    for (int f : frames) {
      double max = 0;
      for (int g = Math.max(0, f - 1); g <= Math.min(curve.length - 1, f + 1); g++) {
        max = Math.max(max, curve[g]);
      }
      sum += max;
    }
    return sum / frames.length;
  }
}
