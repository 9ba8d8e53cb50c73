package io.tunecut.studio.internal.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

/**
 * The beats and bar lines a MIDI file writes, exactly: its tempo map (meta 0x51) gives the time
 * of every tick, its time signatures (meta 0x58; 4/4 where it has none) the length of every bar.
 * The beat people tap is the quarter note in x/4 and the dotted quarter in 6/8, 9/8 and 12/8;
 * other metres (2/2, 5/4, 6/4, 7/8 …) have no single tapped beat and are refused.
 *
 * <p>Bars start at the file's first tick, or where the notes' sixteenth grid starts when every
 * note is shifted off tick 0 by the same few ticks (some exporters write a short lead-in).
 */
final class MidiTruth {
  private static final int DEFAULT_TEMPO = 500_000;

  /**
   * Beats and downbeats in seconds from the excerpt's start.
   *
   * @param beatsPerBar the metre most of the excerpt's bars are in
   * @param bpm the tempo most of the excerpt's beats are at
   */
  record Truth(List<Double> beats, List<Double> downbeats, int beatsPerBar, double bpm) {}

  private final Sequence sequence;
  private final TreeMap<Long, Integer> tempi = new TreeMap<>();
  private final TreeMap<Long, int[]> metres = new TreeMap<>();
  private final long lead;

  MidiTruth(Sequence sequence) {
    if (sequence.getDivisionType() != Sequence.PPQ) {
      throw new IllegalArgumentException("a MIDI file timed in SMPTE frames has no beats written");
    }
    this.sequence = sequence;
    for (Track track : sequence.getTracks()) {
      for (int i = 0; i < track.size(); i++) {
        MidiEvent e = track.get(i);
        if (e.getMessage() instanceof MetaMessage m) {
          byte[] d = m.getData();
          if (m.getType() == 0x51 && d.length >= 3) {
            tempi.put(e.getTick(), (d[0] & 255) << 16 | (d[1] & 255) << 8 | (d[2] & 255));
          } else if (m.getType() == 0x58 && d.length >= 2) {
            metres.put(e.getTick(), new int[] {d[0], 1 << d[1]});
          }
        }
      }
    }
    tempi.putIfAbsent(0L, DEFAULT_TEMPO);
    metres.putIfAbsent(0L, new int[] {4, 4});
    lead = lead();
  }

  /** The time of {@code tick} in seconds, through every tempo change before it. */
  double seconds(long tick) {
    double seconds = 0;
    long at = 0;
    int tempo = DEFAULT_TEMPO;
    for (Map.Entry<Long, Integer> change : tempi.entrySet()) {
      if (change.getKey() >= tick) {
        break;
      }
      seconds += (change.getKey() - at) * (double) tempo / sequence.getResolution() / 1e6;
      at = change.getKey();
      tempo = change.getValue();
    }
    return seconds + (tick - at) * (double) tempo / sequence.getResolution() / 1e6;
  }

  /** The first note's time in seconds. */
  double firstNote() {
    long first = Long.MAX_VALUE;
    for (Track track : sequence.getTracks()) {
      for (int i = 0; i < track.size(); i++) {
        if (isNoteOn(track.get(i))) {
          first = Math.min(first, track.get(i).getTick());
        }
      }
    }
    return first == Long.MAX_VALUE ? 0 : seconds(first);
  }

  /**
   * The beats and bar lines from {@code from} for {@code length} seconds, times from
   * {@code from}.
   *
   * @throws IllegalArgumentException a bar in a metre with no single tapped beat
   */
  Truth between(double from, double length) {
    int ppq = sequence.getResolution();
    List<Double> beats = new ArrayList<>();
    List<Double> downbeats = new ArrayList<>();
    Map<Integer, Integer> barsOf = new HashMap<>();
    long end = sequence.getTickLength();
    List<Long> starts = new ArrayList<>(metres.keySet());
    for (int s = 0; s < starts.size(); s++) {
      int[] metre = metres.get(starts.get(s));
      long segmentEnd = (s + 1 < starts.size() ? starts.get(s + 1) : end + 1) + lead;
      long beat = tactus(metre, ppq);
      int perBar = metre[0] * 4 * ppq / metre[1] / (int) beat;
      long origin = starts.get(s) + lead;
      for (long tick = origin, k = 0; tick < segmentEnd; tick += beat, k++) {
        double t = seconds(tick) - from;
        if (t > length + 1e-9) {
          break;
        }
        if (t < -1e-9) {
          continue;
        }
        beats.add(t);
        if (k % perBar == 0) {
          downbeats.add(t);
          barsOf.merge(perBar, 1, Integer::sum);
        }
      }
    }
    int beatsPerBar = barsOf.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(4);
    return new Truth(beats, downbeats, beatsPerBar, bpm(beats));
  }

  /** Ticks per tapped beat in this metre. */
  private static long tactus(int[] metre, int ppq) {
    int num = metre[0];
    int den = metre[1];
    if (den == 4 && num >= 2 && num <= 4) {
      return ppq;
    }
    if (den == 8 && (num == 6 || num == 9 || num == 12)) {
      return 3L * ppq / 2;
    }
    throw new IllegalArgumentException("a bar in " + num + "/" + den + " has no single tapped beat");
  }

  private static double bpm(List<Double> beats) {
    if (beats.size() < 2) {
      return 0;
    }
    double[] periods = new double[beats.size() - 1];
    for (int i = 0; i < periods.length; i++) {
      periods[i] = beats.get(i + 1) - beats.get(i);
    }
    java.util.Arrays.sort(periods);
    return 60 / periods[periods.length / 2];
  }

  /**
   * The notes' shift off the tick grid: the most common offset of a note within its sixteenth,
   * when at least half the notes are within a tick of it; else 0.
   */
  private long lead() {
    int sixteenth = sequence.getResolution() / 4;
    if (sixteenth < 2) {
      return 0;
    }
    int[] count = new int[sixteenth];
    int notes = 0;
    for (Track track : sequence.getTracks()) {
      for (int i = 0; i < track.size(); i++) {
        if (isNoteOn(track.get(i))) {
          count[(int) (track.get(i).getTick() % sixteenth)]++;
          notes++;
        }
      }
    }
    // a lead of 19.5 ticks splits its notes between 19 and 20: count each offset with its neighbours
    int mode = 0;
    int most = -1;
    for (int r = 0; r < sixteenth; r++) {
      int near = count[(r + sixteenth - 1) % sixteenth] + count[r] + count[(r + 1) % sixteenth];
      if (near > most) {
        most = near;
        mode = r;
      }
    }
    return most * 2 >= notes && mode > 1 && mode < sixteenth - 1 ? mode : 0;
  }

  private static boolean isNoteOn(MidiEvent e) {
    return e.getMessage() instanceof ShortMessage m && m.getCommand() == ShortMessage.NOTE_ON && m.getData2() > 0;
  }
}
