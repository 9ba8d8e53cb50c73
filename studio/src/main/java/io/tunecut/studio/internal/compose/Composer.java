package io.tunecut.studio.internal.compose;

import io.tunecut.studio.internal.compose.Score.Note;
import io.tunecut.studio.internal.compose.Score.Voice;
import io.tunecut.studio.internal.compose.Style.Part;
import io.tunecut.studio.internal.compose.TempoMap.Bar;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Writes a piece for a timeline in a style: the tempo map on the cuts, an intro, sections that
 * build and settle with the picture (a new one at each strong cut, with a fill and a crash),
 * and an ending: a cadence onto the home chord just before the end, left to ring.
 * The same timeline, style and seed always give the same notes.
 */
final class Composer {
  /** Music shorter than this has no room for an intro and an ending. */
  public static final double SHORTEST = 3;
  static final int CRASH = 49;
  /** The ending's last notes are let go this long before the end, so it rings out in silence. */
  private static final double RELEASE = 0.6;
  private static final int SECTION_BARS = 8;
  /** Bars a section lasts at least before a strong cut may start the next. */
  static final int SHORTEST_SECTION = 3;

  private final Style style;
  private final long seed;

  public Composer(Style style, long seed) {
    this.style = style;
    this.seed = seed;
  }

  public Score compose(Timeline timeline) {
    double length = timeline.seconds();
    if (length < SHORTEST) {
      throw new IllegalArgumentException("music needs at least " + SHORTEST + " s, the video has " + length);
    }
    Random random = new Random(seed * 1_000_003L + style.name().hashCode());
    Harmony harmony = new Harmony(Harmony.pitchClass(style.keys().get(random.nextInt(style.keys().size()))),
        style.minor(), style.sevenths());
    double wanted = Math.exp(Math.log(style.minBpm())
        + (0.3 + 0.4 * random.nextDouble()) * Math.log(style.maxBpm() / style.minBpm()));
    TempoMap tempo = tempo(timeline, wanted);
    List<Bar> bars = tempo.bars();
    boolean[] sectionStart = sections(tempo);
    int[] level = levels(tempo, sectionStart, length);
    List<Integer> chords = chords(bars, sectionStart, random);

    List<Voice> voices = new ArrayList<>();
    List<Note> notes = new ArrayList<>();
    int channel = 0;
    for (Part part : style.parts()) {
      if (channel == Score.DRUM_CHANNEL) channel++;
      Voice voice = new Voice(channel++, part.program(), part);
      voices.add(voice);
      new PartWriter(voice, harmony, tempo, random, style.swing())
          .write(chords, level, sectionStart, length - RELEASE, notes);
    }
    voices.add(new Voice(Score.DRUM_CHANNEL, style.drums().kit(), null));
    new DrumWriter(style.drums(), tempo, random, style.swing()).write(level, sectionStart, notes);
    notes.sort(Comparator.comparingDouble(Note::seconds).thenComparingInt(Note::channel).thenComparingInt(Note::pitch));
    return new Score(style, seed, harmony, tempo, chords, notes, voices, length);
  }

  /**
   * The final chord falls on a cut between 1 and 3 s before the end when there is one, else a
   * short tail before the end; cuts too near the start or the final chord cannot start a bar.
   */
  private TempoMap tempo(Timeline timeline, double wanted) {
    double length = timeline.seconds();
    double end = length - Math.max(1.2, Math.min(2.2, 0.08 * length));
    Cue endCue = null;
    for (Cue c : timeline.cues()) {
      if (c.seconds() >= length - 3 && c.seconds() <= length - 1) {
        end = c.seconds();
        endCue = c;
      }
    }
    double gap = 2 * 60 / style.maxBpm();
    List<Cue> inside = new ArrayList<>();
    List<Cue> missed = new ArrayList<>();
    for (Cue c : timeline.cues()) {
      if (c == endCue) continue;
      if (c.seconds() >= gap && c.seconds() <= end - gap) inside.add(c);
      else missed.add(c);
    }
    TempoMap planned = TempoPlanner.plan(end, endCue, inside, style, wanted, length);
    missed.addAll(planned.missed());
    return new TempoMap(planned.beats(), planned.bars(), missed);
  }

  /**
   * Where sections start: the intro's two bars, the strongest cuts, and every eighth bar
   * without one. A strong cut starts a section (with a crash and a fill into it) only when the
   * section it ends has lasted {@link #SHORTEST_SECTION} bars; a clip change every bar gets its
   * hit, not a crash every bar.
   */
  private static boolean[] sections(TempoMap tempo) {
    List<Bar> bars = tempo.bars();
    boolean[] starts = new boolean[bars.size()];
    int since = 0;
    for (int b = 0; b < bars.size(); b++) {
      Cue cue = bars.get(b).cue();
      boolean accent = cue != null && cue.isStrong() && since >= SHORTEST_SECTION;
      starts[b] = b <= 1 || accent || since >= SECTION_BARS;
      since = starts[b] ? 1 : since + 1;
    }
    return starts;
  }

  /**
   * How full each bar is, 0 (the intro's first bar: chords alone) to 3 (everything): it builds
   * to the middle of the video and changes where a section starts; the cadence settles.
   */
  private static int[] levels(TempoMap tempo, boolean[] sectionStart, double length) {
    List<Bar> bars = tempo.bars();
    double end = tempo.downbeat(tempo.finalBar());
    int[] level = new int[bars.size()];
    int current = 0;
    for (int b = 0; b < bars.size(); b++) {
      double x = tempo.downbeat(bars.get(b)) / end;
      if (sectionStart[b]) current = b == 0 ? 0 : b == 1 && length >= 12 ? 1 : x < 0.3 ? 2 : x < 0.8 ? 3 : 2;
      level[b] = current;
    }
    // the two bars of the cadence settle
    for (int b = Math.max(0, bars.size() - 3); b < bars.size(); b++) level[b] = Math.min(level[b], 2);
    return level;
  }

  /** A progression per section, one chord a bar; the cadence (IV–V–I, or ♭VI–♭VII–i in minor) ends it. */
  private List<Integer> chords(List<Bar> bars, boolean[] sectionStart, Random random) {
    List<Integer> chords = new ArrayList<>();
    List<Integer> progression = style.progressions().get(0);
    int at = 0;
    for (int b = 0; b < bars.size(); b++) {
      if (sectionStart[b]) {
        progression = style.progressions().get(random.nextInt(style.progressions().size()));
        at = 0;
      }
      chords.add(progression.get(at++ % progression.size()));
    }
    int last = bars.size() - 1;
    List<Integer> cadence = style.minor() ? List.of(6, 7, 1) : List.of(4, 5, 1);
    for (int k = 0; k < 3 && last - k >= 1; k++) chords.set(last - k, cadence.get(2 - k));
    chords.set(last, 1);
    return chords;
  }
}
