package io.tunecut.studio.internal.agent.beat;

import io.tunecut.studio.internal.analysis.Beats;
import io.tunecut.studio.internal.draft.Frames;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * "Cut to the beat": several clips become many short shots, each a whole number of beats,
 * with every cut on the frame at or just before a beat, the clips in their order, each clip's
 * shots spread across it.
 */
public final class Montage {
  /** A shot length people read as lively but not frantic. */
  private static final double TARGET_SHOT_SECONDS = 2.0;

  private Montage() {}

  /** A clip to take shots from: its index in the draft's order and its length in seconds. */
  public record Clip(int index, double length) {}

  /**
   * One shot on the timeline.
   *
   * @param clip the {@link Clip#index()} it comes from
   * @param in where in the clip it starts, seconds
   * @param start where on the timeline it starts, seconds
   * @param length how long it plays, seconds
   * @param beats how many beats it lasts
   */
  public record Shot(int clip, double in, double start, double length, int beats) {
    public double end() {
      return start + length;
    }
  }

  /**
   * @param musicIn where the track starts playing (the first downbeat), seconds
   * @param beatsPerShot the shot length in beats
   * @param grid the beats the shots are laid on, ms in the track, from {@code musicIn}
   */
  public record Plan(double tempo, double musicIn, int beatsPerShot, List<Shot> shots, List<Long> grid) {
    public Plan {
      shots = List.copyOf(shots);
      grid = List.copyOf(grid);
    }

    public double length() {
      return shots.isEmpty() ? 0 : shots.get(shots.size() - 1).end();
    }

    /** The cut times between shots on the timeline. */
    public List<Double> cuts() {
      List<Double> cuts = new ArrayList<>();
      for (int i = 1; i < shots.size(); i++) {
        cuts.add(shots.get(i).start());
      }
      return cuts;
    }
  }

  /**
   * @param clips the clips in draft order
   * @param beats the music's beats (track time)
   * @param trackLength seconds of music
   * @param wantedLength seconds asked for ("60-second montage"), or 0 for as long as the
   *     music and clips allow
   * @param beatsPerShot whole beats per shot, {@link BeatRequest#A_BAR} for a bar, or 0 to choose
   *     (about two seconds, in 1, 2, 4 or 8 beats; 1, 3 or 6 in three-four)
   */
  public static Plan plan(List<Clip> clips, Beats beats, double trackLength, double wantedLength,
      int beatsPerShot, double fps) {
    if (clips.isEmpty()) {
      throw new IllegalArgumentException("a montage needs at least one clip");
    }
    if (beats.beats().size() < 2) {
      throw new IllegalArgumentException("the music has no beat to cut to");
    }
    double period = beats.period() > 0 ? beats.period() : 0.5;
    int perShot = beatsPerShot > 0 ? beatsPerShot
        : beatsPerShot == BeatRequest.A_BAR ? beats.beatsPerBar() : chooseBeatsPerShot(period, beats.beatsPerBar());
    double musicIn = beats.downbeats().isEmpty() ? beats.beats().get(0) : beats.downbeats().get(0);
    double clipTotal = clips.stream().mapToDouble(Clip::length).sum();
    double available = Math.min(trackLength - musicIn, clipTotal);
    double length = wantedLength > 0 ? Math.min(wantedLength, available) : available;

    // the beats from the music start on, in whole ms (as the draft keeps them), and on at the
    // music's tempo past its last tracked beat when the video is longer
    long inMs = Math.round(musicIn * 1000);
    List<Long> grid = new ArrayList<>();
    for (double b : beats.beats()) {
      if (Math.round(b * 1000) >= inMs) grid.add(Math.round(b * 1000));
    }
    long endFrame = Math.round(length * fps);
    while (grid.size() < 2 || frame(grid.get(grid.size() - 1), inMs, fps) < endFrame) {
      long last = grid.isEmpty() ? inMs : grid.get(grid.size() - 1);
      grid.add(Math.round(last + period * 1000));
    }
    // a cut every perShot beats; the video ends on the last beat within it, so every shot is
    // whole beats, unless that last shot would be under half a shot: then it ends a shot sooner
    int lastBeat = 1; // a single beat at least
    while (lastBeat + 1 < grid.size() && frame(grid.get(lastBeat + 1), inMs, fps) <= endFrame) lastBeat++;
    List<Integer> cutBeats = new ArrayList<>();
    for (int k = 0; k < lastBeat; k += perShot) cutBeats.add(k);
    int tail = lastBeat - cutBeats.get(cutBeats.size() - 1);
    if (tail < (perShot + 1) / 2 && cutBeats.size() > 1) {
      lastBeat = cutBeats.remove(cutBeats.size() - 1);
    }
    cutBeats.add(lastBeat);
    List<Long> cutFrames = new ArrayList<>();
    for (int k : cutBeats) cutFrames.add(frame(grid.get(k), inMs, fps));
    List<Long> used = new ArrayList<>(grid.subList(0, Math.min(grid.size(), lastBeat + 1)));
    int shotCount = cutFrames.size() - 1;
    int[] owner = assign(clips, shotCount, perShot * period);
    List<Shot> shots = new ArrayList<>();
    int i = 0;
    while (i < shotCount) {
      int j = i;
      while (j + 1 < shotCount && owner[j + 1] == owner[i]) {
        j++;
      }
      Clip clip = clips.get(owner[i]);
      int parts = j - i + 1;
      for (int p = 0; p < parts; p++) {
        int s = i + p;
        double start = cutFrames.get(s) / fps;
        double len = (cutFrames.get(s + 1) - cutFrames.get(s)) / fps;
        // the middle of each of the clip's equal slots: spread across the clip, and not its
        // opening frames, which every clip's first shot showed before
        double centre = clip.length() * (p + 0.5) / parts;
        double in = Math.max(0, Math.min(clip.length() - len, centre - len / 2));
        shots.add(new Shot(clip.index(), round(in), round(start), round(len), cutBeats.get(s + 1) - cutBeats.get(s)));
      }
      i = j + 1;
    }
    return new Plan(beats.tempo(), inMs / 1000.0, perShot, shots, used);
  }

  /** The frame a cut on the beat at track time {@code beatMs} takes, with the music from {@code inMs} at 0. */
  private static long frame(long beatMs, long inMs, double fps) {
    return Frames.frameIndex((beatMs - inMs) / 1000.0, fps);
  }

  /** Shots of whole bars, halves or single beats, so cuts keep to the bar lines. */
  static int chooseBeatsPerShot(double period, int beatsPerBar) {
    int best = 1;
    for (int n : beatsPerBar == 3 ? new int[] {1, 3, 6} : new int[] {1, 2, 4, 8}) {
      if (Math.abs(n * period - TARGET_SHOT_SECONDS) < Math.abs(best * period - TARGET_SHOT_SECONDS)) {
        best = n;
      }
    }
    return best;
  }

  /**
   * Shots per clip, in clip order: every clip at least one where there are shots enough (someone
   * who sends three clips looks for all three), the rest to the clip with the most footage left.
   */
  private static int[] assign(List<Clip> clips, int shots, double shotLength) {
    int k = clips.size();
    int[] counts = new int[k];
    int given = 0;
    if (shots >= k) {
      Arrays.fill(counts, 1);
      given = k;
    }
    while (given < shots) {
      int best = 0;
      double room = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        double r = clips.get(c).length() - counts[c] * shotLength;
        if (r > room) {
          room = r;
          best = c;
        }
      }
      counts[best]++;
      given++;
    }
    int[] owner = new int[shots];
    int s = 0;
    for (int c = 0; c < k; c++) {
      for (int n = 0; n < counts[c]; n++) {
        owner[s++] = c;
      }
    }
    return owner;
  }

  private static double round(double v) {
    return Math.round(v * 1e6) / 1e6;
  }
}
