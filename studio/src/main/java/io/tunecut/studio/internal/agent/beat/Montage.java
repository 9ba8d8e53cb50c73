package io.tunecut.studio.internal.agent.beat;

import io.tunecut.studio.internal.analysis.Beats;
import java.util.ArrayList;
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
   */
  public record Shot(int clip, double in, double start, double length) {
    public double end() {
      return start + length;
    }
  }

  /**
   * @param musicIn where the track starts playing (the first downbeat), seconds
   * @param beatsPerShot the shot length in beats
   */
  public record Plan(double tempo, double musicIn, int beatsPerShot, List<Shot> shots) {
    public Plan {
      shots = List.copyOf(shots);
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

    // boundaries: beats (timeline time) every perShot beats from the music start
    List<Double> grid = new ArrayList<>();
    for (double b : beats.beats()) {
      if (b >= musicIn - 1e-9) {
        grid.add(b - musicIn);
      }
    }
    List<Long> cutFrames = new ArrayList<>();
    cutFrames.add(0L);
    long endFrame = Math.round(length * fps);
    for (int k = perShot; k < grid.size(); k += perShot) {
      long frame = BeatGrid.frameIndex(grid.get(k), fps);
      if (frame >= endFrame) {
        break;
      }
      cutFrames.add(frame);
    }
    // keep going past the music's last tracked beat at its tempo when the video is longer
    long last = cutFrames.get(cutFrames.size() - 1);
    double lastBeat = grid.isEmpty() ? 0 : grid.get(Math.min(grid.size() - 1,
        (cutFrames.size() - 1) * perShot));
    for (double t = lastBeat + perShot * period; BeatGrid.frameIndex(t, fps) < endFrame;
        t += perShot * period) {
      long frame = BeatGrid.frameIndex(t, fps);
      if (frame > last) {
        cutFrames.add(frame);
        last = frame;
      }
    }
    // the last shot ends at a boundary too, unless that would lose more than half a shot
    if (endFrame - last < Math.round(perShot * period * fps / 2) && cutFrames.size() > 1) {
      endFrame = last;
      cutFrames.remove(cutFrames.size() - 1);
    }
    cutFrames.add(endFrame);
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
        shots.add(new Shot(clip.index(), round(in), round(start), round(len)));
      }
      i = j + 1;
    }
    return new Plan(beats.tempo(), round(musicIn), perShot, shots);
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

  /** Shots per clip in proportion to clip length, in clip order, each clip at least one. */
  private static int[] assign(List<Clip> clips, int shots, double shotLength) {
    int k = clips.size();
    int[] counts = new int[k];
    double total = clips.stream().mapToDouble(Clip::length).sum();
    int given = 0;
    for (int c = 0; c < k; c++) {
      counts[c] = (int) Math.floor(shots * clips.get(c).length() / total);
      given += counts[c];
    }
    // hand the rest to clips with room for another shot, longest first
    while (given < shots) {
      int best = 0;
      double room = -1;
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
