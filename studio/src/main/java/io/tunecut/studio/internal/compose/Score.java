package io.tunecut.studio.internal.compose;

import io.tunecut.studio.internal.analysis.Beats;
import java.util.List;

/**
 * A composed piece before it is heard: every note with its time, on instruments of the
 * soundfont.
 *
 * @param chords the chord of each bar, as scale degrees; the last is the final chord
 * @param notes in time order
 * @param seconds the piece's exact length
 */
record Score(Style style, long seed, Harmony harmony, TempoMap tempo, List<Integer> chords,
    List<Note> notes, List<Voice> voices, double seconds) {
  public static final int DRUM_CHANNEL = 9;

  public Score {
    chords = List.copyOf(chords);
    notes = List.copyOf(notes);
    voices = List.copyOf(voices);
  }

  /**
   * One note.
   *
   * @param seconds when it starts
   * @param length how long it is held
   */
  public record Note(int channel, int pitch, int velocity, double seconds, double length) {}

  /**
   * An instrument on a MIDI channel.
   *
   * @param part what it plays, or null for the drum kit on {@link #DRUM_CHANNEL}
   */
  public record Voice(int channel, int program, Style.Part part) {
    public boolean isDrums() {
      return part == null;
    }
  }

  /** The beats and downbeats as written, inside the piece, at the tempo its name says. */
  public Beats beats() {
    List<Double> beats = tempo.beats().stream().filter(b -> b < seconds).toList();
    List<Double> downbeats = tempo.bars().stream().map(tempo::downbeat).filter(b -> b < seconds).toList();
    return new Beats(bpm(), beats, downbeats);
  }

  /** The tempo most of the piece is at, rounded: what its name says ("112 BPM"). */
  public long bpm() {
    double[] tempi = new double[tempo.finalBar().firstBeat()];
    for (int i = 0; i < tempi.length; i++) tempi[i] = tempo.bpm(i);
    java.util.Arrays.sort(tempi);
    return tempi.length == 0 ? Math.round(tempo.bpm(0)) : Math.round(tempi[tempi.length / 2]);
  }
}
