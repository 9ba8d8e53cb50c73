package io.tunecut.studio.internal.compose;

import java.util.ArrayList;
import java.util.List;

/**
 * A key: its home note and its scale, and the chords built on the scale's degrees. Every
 * chord is diatonic, so every note the music plays is in the key.
 *
 * @param tonic the home note's pitch class (0 = C)
 */
record Harmony(int tonic, boolean minor, boolean sevenths) {
  private static final int[] MAJOR = {0, 2, 4, 5, 7, 9, 11};
  private static final int[] MINOR = {0, 2, 3, 5, 7, 8, 10};
  private static final String NAMES = "C C#D D#E F F#G G#A A#B ";

  /** "D", "F#", "Bb" to a pitch class. */
  static int pitchClass(String note) {
    int pc = "C D EF G A B".indexOf(Character.toUpperCase(note.charAt(0)));
    if (pc < 0) throw new IllegalArgumentException("not a note: " + note);
    if (note.endsWith("#")) pc++;
    if (note.endsWith("b") && note.length() > 1) pc--;
    return Math.floorMod(pc, 12);
  }

  /** "D major", "A minor". */
  public String name() {
    return NAMES.substring(tonic * 2, tonic * 2 + 2).strip() + (minor ? " minor" : " major");
  }

  public boolean inKey(int pitch) {
    int step = Math.floorMod(pitch - tonic, 12);
    for (int s : scale()) if (s == step) return true;
    return false;
  }

  /** The chord on a scale degree (1 = the home chord), as pitch classes from its root up. */
  public List<Integer> chord(int degree) {
    int[] scale = scale();
    List<Integer> tones = new ArrayList<>();
    int size = sevenths ? 4 : 3;
    for (int t = 0; t < size; t++) tones.add((tonic + scale[(degree - 1 + 2 * t) % 7]) % 12);
    return tones;
  }

  private int[] scale() {
    return minor ? MINOR : MAJOR;
  }
}
