package io.tunecut.studio.internal.compose;

import io.tunecut.studio.internal.compose.Score.Note;
import io.tunecut.studio.internal.compose.Score.Voice;
import io.tunecut.studio.internal.compose.Style.Part;
import io.tunecut.studio.internal.compose.Style.Role;
import io.tunecut.studio.internal.compose.TempoMap.Bar;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Writes one pitched instrument's notes, bar by bar, from its one-bar pattern and the chords. */
final class PartWriter {
  private final Voice voice;
  private final Part part;
  private final Harmony harmony;
  private final TempoMap tempo;
  private final Random random;
  private final Swing swing;
  private final List<Integer> scale = new ArrayList<>();
  private int[] motif = new int[0];
  private int melodyStep;
  private int melody;

  PartWriter(Voice voice, Harmony harmony, TempoMap tempo, Random random, double swing) {
    this.voice = voice;
    this.part = voice.part();
    this.harmony = harmony;
    this.tempo = tempo;
    this.random = random;
    this.swing = new Swing(swing);
    for (int p = part.low(); p <= part.high(); p++) if (harmony.inKey(p)) scale.add(p);
    this.melody = nearest(harmony.chord(1), (part.low() + part.high()) / 2);
  }

  /**
   * @param level how full each bar is; the part plays where it reaches the part's level
   * @param letGo when the final chord is released
   */
  void write(List<Integer> chords, int[] level, boolean[] sectionStart, double letGo, List<Note> into) {
    List<Bar> bars = tempo.bars();
    int last = bars.size() - 1;
    for (int b = 0; b < last; b++) {
      if (sectionStart[b]) newMotif();
      if (level[b] < part.from()) continue;
      bar(bars.get(b), harmony.chord(chords.get(b)), level[b], into);
    }
    if (level[last] >= part.from()) ending(bars.get(last), letGo, into);
  }

  private void bar(Bar bar, List<Integer> chord, int level, List<Note> into) {
    int steps = bar.beats() * 4;
    List<Integer> onsets = new ArrayList<>();
    for (int s = 0; s < steps; s++) if (part.pattern().charAt(s % part.pattern().length()) != '.') onsets.add(s);
    for (int k = 0; k < onsets.size(); k++) {
      int s = onsets.get(k);
      int next = k + 1 < onsets.size() ? onsets.get(k + 1) : steps;
      double start = tempo.seconds(bar.firstBeat() + swing.beats(s));
      double end = tempo.seconds(bar.firstBeat() + (next == steps ? steps / 4.0 : swing.beats(next)));
      double held = part.role() == Role.PAD ? end - start : (end - start) * 0.9;
      int velocity = velocity(s, level);
      for (int pitch : pitches(part.pattern().charAt(s % part.pattern().length()), s, chord)) {
        into.add(new Note(voice.channel(), pitch, velocity, start, held));
      }
    }
  }

  /** The home chord (the lead: the home note) on the final downbeat, held until {@code letGo}. */
  private void ending(Bar bar, double letGo, List<Note> into) {
    double start = tempo.downbeat(bar);
    List<Integer> home = harmony.chord(1);
    List<Integer> pitches = switch (part.role()) {
      case BASS -> List.of(inRange(home.get(0), part.low()));
      case LEAD -> List.of(nearest(List.of(home.get(0)), melody));
      default -> voicing(home, part.role() == Role.PAD);
    };
    for (int pitch : pitches) into.add(new Note(voice.channel(), pitch, velocity(0, 2), start, letGo - start));
  }

  private List<Integer> pitches(char symbol, int step, List<Integer> chord) {
    return switch (part.role()) {
      case BASS -> List.of(bass(symbol, chord));
      case LEAD -> List.of(melody(step, chord));
      case PAD -> voicing(chord, true);
      case CHORDS -> Character.isDigit(symbol)
          ? List.of(voicing(chord, false).get((symbol - '1') % chord.size()))
          : voicing(chord, false);
    };
  }

  private int bass(char symbol, List<Integer> chord) {
    int root = inRange(chord.get(0), part.low());
    return switch (symbol) {
      case '5' -> root + 7 <= part.high() ? root + 7 : root - 5 >= part.low() ? root - 5 : root;
      case '8' -> root + 12 <= part.high() ? root + 12 : root;
      default -> root;
    };
  }

  /** Chord tones on beats one and three; steps of the motif through the scale between them. */
  private int melody(int step, List<Integer> chord) {
    if (step % 8 == 0) {
      melody = nearest(chord, melody);
    } else {
      int i = scale.indexOf(melody);
      if (i < 0) i = scale.size() / 2;
      i += motif[melodyStep++ % motif.length];
      if (i < 0) i = -i;
      if (i >= scale.size()) i = 2 * (scale.size() - 1) - i;
      melody = scale.get(Math.max(0, Math.min(scale.size() - 1, i)));
    }
    return melody;
  }

  private void newMotif() {
    motif = new int[8];
    for (int i = 0; i < motif.length; i++) motif[i] = random.nextInt(5) - 2;
    melodyStep = 0;
  }

  /** The chord's tones in the octave around the middle of the part's range, low to high; a pad adds the root below. */
  private List<Integer> voicing(List<Integer> chord, boolean pad) {
    int bottom = (part.low() + part.high()) / 2 - 6;
    List<Integer> notes = new ArrayList<>();
    for (int pc : chord) notes.add(inRange(pc, bottom));
    notes.sort(null);
    int root = notes.get(0) - 1 - Math.floorMod(notes.get(0) - 1 - chord.get(0), 12);
    if (pad && root >= part.low()) notes.add(0, root);
    return notes;
  }

  /** The pitch of class {@code pc} nearest {@code pitch} inside the part's range. */
  private int nearest(List<Integer> pcs, int pitch) {
    int best = -1;
    for (int p = part.low(); p <= part.high(); p++) {
      if (pcs.contains(p % 12) && (best < 0 || Math.abs(p - pitch) < Math.abs(best - pitch))) best = p;
    }
    return best;
  }

  /** The first pitch of class {@code pc} at or above {@code bottom}. */
  private static int inRange(int pc, int bottom) {
    return bottom + Math.floorMod(pc - bottom, 12);
  }

  private int velocity(int step, int level) {
    int accent = step == 0 ? 6 : step % 4 == 0 ? 2 : -3;
    int v = part.velocity() + accent + random.nextInt(7) - 3 - (level < 2 ? 8 : 0);
    return Math.max(1, Math.min(127, v));
  }
}
