package io.tunecut.studio.internal.compose;

import io.tunecut.studio.internal.compose.Score.Note;
import io.tunecut.studio.internal.compose.Style.Drums;
import io.tunecut.studio.internal.compose.Style.Line;
import io.tunecut.studio.internal.compose.TempoMap.Bar;
import java.util.List;
import java.util.Random;

/**
 * Writes the drums: the style's groove at each bar's level, a hit on every cut, and where a
 * strong cut starts a section a fill on the beat before and a crash on it.
 */
final class DrumWriter {
  private static final double HIT = 0.2;
  private final Drums drums;
  private final TempoMap tempo;
  private final Random random;
  private final Swing swing;

  DrumWriter(Drums drums, TempoMap tempo, Random random, double swing) {
    this.drums = drums;
    this.tempo = tempo;
    this.random = random;
    this.swing = new Swing(swing);
  }

  void write(int[] level, boolean[] sectionStart, List<Note> into) {
    List<Bar> bars = tempo.bars();
    int last = bars.size() - 1;
    for (int b = 0; b < last; b++) {
      Bar bar = bars.get(b);
      int steps = bar.beats() * 4;
      Cue next = bars.get(b + 1).cue();
      boolean fill = next != null && next.isStrong() && sectionStart[b + 1] && level[b] >= 2 && !drums.fill().isEmpty();
      int grooveEnd = fill ? steps - 4 : steps;
      for (Line line : drums.lines()) {
        if (level[b] < line.from()) continue;
        for (int s = 0; s < grooveEnd; s++) {
          char c = line.pattern().charAt(s % line.pattern().length());
          if (c == '.') continue;
          // a cut's own hit stands in for the groove's on its downbeat
          if (s == 0 && bar.cue() != null && line.note() == drums.cue().note()) continue;
          hit(bar, s, line.note(), c == 'o' ? line.velocity() * 3 / 5 : line.velocity(), into);
        }
      }
      if (fill) {
        for (int i = 0; i < 4; i++) hit(bar, steps - 4 + i, drums.fill().get(i % drums.fill().size()), 70 + 12 * i, into);
      }
      if (bar.cue() != null) {
        hit(bar, 0, drums.cue().note(), drums.cue().velocity(), into);
        if (bar.cue().isStrong() && sectionStart[b]) hit(bar, 0, Composer.CRASH, 100, into);
      } else if (b > 0 && sectionStart[b] && level[b] == 3) {
        hit(bar, 0, Composer.CRASH, 90, into);
      }
    }
    Bar ending = bars.get(last);
    hit(ending, 0, drums.cue().note(), drums.cue().velocity(), into);
    hit(ending, 0, Composer.CRASH, 96, into);
  }

  private void hit(Bar bar, int step, int note, int velocity, List<Note> into) {
    double at = tempo.seconds(bar.firstBeat() + swing.beats(step));
    int v = Math.max(1, Math.min(127, velocity + random.nextInt(7) - 3));
    into.add(new Note(Score.DRUM_CHANNEL, note, v, at, HIT));
  }
}
