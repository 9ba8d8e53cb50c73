package io.tunecut.studio.internal.compose;

import java.util.List;

/**
 * A kind of music, kept as data ({@code styles.json}): how fast it may go, its instruments,
 * grooves, bass line and chord progressions.
 *
 * @param name the English name people use ("upbeat pop")
 * @param chinese the Chinese name ("欢快流行")
 * @param words what people say when they mean it, in English and Chinese
 * @param calm 0 = calmest; "calmer" moves to a lower number
 * @param minBpm the slowest tempo it may take
 * @param maxBpm the fastest tempo it may take
 * @param keys home notes it may be in ("C", "F#"), one picked per seed
 * @param minor natural minor instead of major
 * @param sevenths four-note chords (lo-fi) instead of triads
 * @param swing how late the off-beats come: a fraction of an eighth for eighths, of a sixteenth for sixteenths
 * @param progressions chords as scale degrees (1 = home), one chord per bar
 * @param parts the pitched instruments
 * @param drums the drum kit's lines, empty for none
 */
public record Style(String name, String chinese, List<String> words, int calm, double minBpm, double maxBpm,
    List<String> keys, boolean minor, boolean sevenths, double swing, List<List<Integer>> progressions, List<Part> parts,
    Drums drums) {
  public Style {
    words = List.copyOf(words);
    keys = List.copyOf(keys);
    progressions = progressions.stream().map(List::copyOf).toList();
    parts = List.copyOf(parts);
    if (!(minBpm > 0 && maxBpm >= minBpm * 1.2)) {
      throw new IllegalArgumentException(name + ": the tempo range must span at least 20%");
    }
  }

  /**
   * One pitched instrument.
   *
   * @param role chords (strummed or arpeggiated), pad (held), bass or lead
   * @param program the General MIDI program (0–127)
   * @param low the lowest note it plays (MIDI number)
   * @param high the highest
   * @param pattern one bar in sixteenths: {@code x} strikes (the chord, the bass root, a melody
   *     note), {@code 1}–{@code 4} a single chord tone from the bottom (arpeggios), {@code 5} the
   *     fifth and {@code 8} the octave (bass lines), {@code .} holds
   * @param from the lowest arrangement level (0–3) at which it plays
   */
  public record Part(Role role, int program, int low, int high, int velocity, String pattern, int from) {
    public Part {
      if (high - low < 12) throw new IllegalArgumentException("a part needs at least an octave");
    }
  }

  public enum Role { CHORDS, PAD, BASS, LEAD }

  /**
   * @param kit the General MIDI drum kit (0 standard, 8 room, 16 power, 25 electronic, 32 jazz…)
   * @param lines one bar in sixteenths per drum note
   * @param fill the drum notes of a fill into a strong cut (snare, toms), high to low
   * @param cue what strikes on every cut: a kick, or something softer
   */
  public record Drums(int kit, List<Line> lines, List<Integer> fill, Line cue) {
    public Drums {
      lines = List.copyOf(lines);
      fill = List.copyOf(fill);
    }
  }

  /** A drum note's pattern: {@code x} a hit, {@code o} a softer one, {@code .} nothing. */
  public record Line(int note, String pattern, int velocity, int from) {}
}
