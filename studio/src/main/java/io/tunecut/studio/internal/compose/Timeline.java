package io.tunecut.studio.internal.compose;

import io.tunecut.studio.internal.analysis.Cuts;
import io.tunecut.studio.internal.draft.Clip;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.media.Media;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the music is made for: the video's length and its cuts.
 *
 * @param seconds the video's length; the music lasts exactly as long
 * @param cues the cuts in time order
 */
record Timeline(double seconds, List<Cue> cues) {
  /** A cut inside a clip after a shot this long reads as a new scene. */
  private static final double LONG_SHOT = 6;
  /** Cuts closer than this are one cut (a flash, a jump of a frame or two). */
  private static final double SAME_CUT = 0.25;

  public Timeline {
    cues = cues.stream().sorted(Comparator.comparingDouble(Cue::seconds)).toList();
  }

  /**
   * The draft's clip boundaries (strong) and, inside each video clip, the cuts the analysis
   * found in the part of the clip that is used.
   *
   * @param media the session's media by id
   * @param cuts the cut analysis of a file (the studio's cached one)
   */
  public static Timeline of(Draft draft, Map<String, Media> media, Function<Path, Cuts> cuts) {
    List<Cue> cues = new ArrayList<>();
    double start = 0;
    for (Clip clip : draft.clips()) {
      if (start > 0) cues.add(new Cue(start, 1.0));
      Media source = media.get(clip.src());
      if (!clip.isStill() && source != null && source.info().durationSeconds() > 0) {
        double in = clip.inMs() / 1000.0;
        double length = clip.durationMs() / 1000.0;
        double previous = 0;
        for (double cut : cuts.apply(source.file()).cuts()) {
          double at = cut - in;
          if (at <= SAME_CUT || at >= length - SAME_CUT) continue;
          cues.add(new Cue(start + at, at - previous >= LONG_SHOT ? 0.85 : 0.6));
          previous = at;
        }
      }
      start += clip.durationMs() / 1000.0;
    }
    return new Timeline(draft.durationMs() / 1000.0, distinct(cues));
  }

  private static List<Cue> distinct(List<Cue> cues) {
    List<Cue> sorted = cues.stream().sorted(Comparator.comparingDouble(Cue::seconds)).toList();
    List<Cue> kept = new ArrayList<>();
    for (Cue c : sorted) {
      Cue last = kept.isEmpty() ? null : kept.get(kept.size() - 1);
      if (last != null && c.seconds() - last.seconds() < SAME_CUT) {
        if (c.strength() > last.strength()) kept.set(kept.size() - 1, c);
      } else {
        kept.add(c);
      }
    }
    return kept;
  }
}
