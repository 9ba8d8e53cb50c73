package io.tunecut.studio.internal.song;

import io.tunecut.studio.internal.analysis.Beats;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds a song's chorus, drop and loudest part on its bars. The chorus is the block of bars
 * that is heard again elsewhere and is loud, starting where the sound rises; of its repeats the
 * first that is as loud is taken, as people mean the first chorus. It stands out only when its
 * repeat is clearly closer than the song's stretches usually are to each other.
 */
final class PartFinder {
  /** A chorus block lasts about this long, in whole bars. */
  static final double BLOCK_SECONDS = 12;
  /**
   * How much closer than two stretches of the song usually are (similarity, 0..1) a chorus and
   * its repeat must be to stand out: measured repeats of real choruses are 0.26 to 0.75, a song
   * whose chords never come back 0.29 to 0.30.
   */
  static final double STANDS_OUT = 0.32;
  /** A chorus is among the loud parts: this far (dB) under the loudest block at most. */
  static final double LOUD_ENOUGH_DB = 6;
  /** A drop rises at least this much (dB, level and bass together) over the bars before it. */
  static final double DROP_DB = 6;
  /** A repeat of the chorus this close in level (dB) is as loud: the same chorus. */
  private static final double SAME_LEVEL_DB = 1.5;
  /** Drops this close (dB) to the biggest count as big; the first is taken. */
  private static final double SAME_DROP_DB = 3;
  /** The repeats of the chosen chorus this close in similarity are the same chorus; the first is taken. */
  private static final double SAME_CHORUS = 0.06;

  private final BeatSound sound;
  private final int perBar;
  private final List<Integer> bars;

  PartFinder(BeatSound sound, Beats beats) {
    this.sound = sound;
    this.perBar = beats.beatsPerBar();
    this.bars = bars(sound, beats, perBar);
  }

  SongParts find() {
    int n = sound.size();
    if (n < 4 * perBar || bars.isEmpty()) return new SongParts(Optional.empty(), Optional.empty(), 0);
    int block = Math.max(4, (int) Math.round(BLOCK_SECONDS / barSeconds())) * perBar;
    block = Math.min(block, Math.max(2 * perBar, n / 3 / perBar * perBar));
    int loudest = loudest(block);
    return new SongParts(chorus(block, loudest), drop(block), time(loudest));
  }

  private Optional<Double> chorus(int block, int loudest) {
    Repetition repetition = new Repetition(sound, block, block);
    double top = level(loudest, block);
    int best = -1;
    double bestScore = Double.NEGATIVE_INFINITY;
    double[] score = new double[sound.size()];
    double[] repeat = new double[sound.size()];
    double[] loud = new double[sound.size()];
    for (int i : bars) {
      if (i + block > sound.size()) break;
      int partner = repetition.partner(i);
      if (partner < 0) continue;
      repeat[i] = repetition.between(i, partner);
      loud[i] = level(i, block) - top;
      if (loud[i] < -LOUD_ENOUGH_DB) continue;
      score[i] = repeat[i] + 0.02 * loud[i] + 0.01 * Math.max(0, Math.min(10, rise(i)));
      if (score[i] > bestScore) {
        bestScore = score[i];
        best = i;
      }
    }
    if (best < 0 || repeat[best] < STANDS_OUT) return Optional.empty();
    for (int i : bars) {
      if (i >= best) break;
      if (near(repetition, i, best) >= repeat[best] - SAME_CHORUS && loud[i] >= loud[best] - SAME_LEVEL_DB) return Optional.of(time(startAround(i, score)));
    }
    return Optional.of(time(best));
  }

  /** Of the bars a bar either side of {@code i}, the one whose score (mostly: where the sound rises) is best. */
  private int startAround(int i, double[] score) {
    int k = bars.indexOf(i);
    int best = i;
    for (int j = Math.max(0, k - 1); j <= Math.min(bars.size() - 1, k + 1); j++) if (score[bars.get(j)] > score[best]) best = bars.get(j);
    return best;
  }

  /**
   * The bar where level and bass rise most over the two bars before, among the loud parts; of
   * drops nearly as big (within {@link #SAME_DROP_DB}) the first, as people mean the first drop.
   */
  private Optional<Double> drop(int block) {
    int before = 2 * perBar;
    double top = level(loudest(block), block);
    double[] rise = new double[sound.size()];
    double most = Double.NEGATIVE_INFINITY;
    for (int i : bars) {
      if (i < before || i + perBar > sound.size() || level(i, perBar) < top - LOUD_ENOUGH_DB) continue;
      rise[i] = 0.5 * (level(i, perBar) - level(i - before, before)) + 0.5 * (bass(i, perBar) - bass(i - before, before));
      most = Math.max(most, rise[i]);
    }
    if (most < DROP_DB) return Optional.empty();
    for (int i : bars) if (rise[i] >= most - SAME_DROP_DB) return Optional.of(time(i));
    return Optional.empty();
  }

  /**
   * How alike the blocks from {@code i} and about {@code j} are: a bar either way, as the beat
   * grid may meet two copies of a part a beat or two apart.
   */
  private double near(Repetition repetition, int i, int j) {
    double best = Double.NEGATIVE_INFINITY;
    for (int k = j - perBar; k <= j + perBar; k++) best = Math.max(best, repetition.between(i, k));
    return best;
  }

  /** The start of the loudest block, moved back over bars as loud as it, to where that stretch starts. */
  private int loudest(int block) {
    int best = bars.get(0);
    double most = Double.NEGATIVE_INFINITY;
    for (int i : bars) {
      if (i + block > sound.size()) break;
      double l = level(i, block);
      if (l > most) {
        most = l;
        best = i;
      }
    }
    for (int k = bars.indexOf(best) - 1; k >= 0 && level(bars.get(k), perBar) >= most - 3; k--) best = bars.get(k);
    return best;
  }

  /** How much louder (dB) the two bars from {@code i} are than the two before. */
  private double rise(int i) {
    int span = 2 * perBar;
    if (i < span) return 0;
    return level(i, span) - level(i - span, span);
  }

  private double level(int from, int count) {
    return mean(sound.power(), from, count);
  }

  private double bass(int from, int count) {
    return mean(sound.bass(), from, count);
  }

  private static double mean(double[] power, int from, int count) {
    double s = 0;
    int end = Math.min(power.length, from + count);
    for (int i = Math.max(0, from); i < end; i++) s += power[i];
    return decibels(s / Math.max(1, end - Math.max(0, from)));
  }

  private double barSeconds() {
    double[] t = sound.times();
    return (t[t.length - 1] - t[0]) / sound.size() * perBar;
  }

  private double time(int beat) {
    return sound.times()[beat];
  }

  private static double decibels(double power) {
    return 10 * Math.log10(power + 1e-12);
  }

  /** The beats that start bars: the analysis's downbeats, or every bar's worth of beats from the first. */
  private static List<Integer> bars(BeatSound sound, Beats beats, int perBar) {
    List<Integer> starts = new ArrayList<>();
    double[] t = sound.times();
    int b = 0;
    for (double d : beats.downbeats()) {
      while (b + 1 < t.length - 1 && Math.abs(t[b + 1] - d) <= Math.abs(t[b] - d)) b++;
      if (Math.abs(t[b] - d) < 0.08 && (starts.isEmpty() || starts.get(starts.size() - 1) < b)) starts.add(b);
    }
    if (starts.size() < 4) {
      starts.clear();
      for (int i = 0; i < sound.size(); i += perBar) starts.add(i);
    }
    return starts;
  }
}
