package io.tunecut.studio.internal.agent.beat;

import io.tunecut.studio.internal.analysis.TimeRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * "Duck the music under speech": where people speak in the clips, as timeline ranges in
 * milliseconds for the music segment's {@code duck} field (docs/draft.md).
 */
public final class Ducking {
  /** The music goes down 12 dB under speech: clearly under, still there. */
  public static final int DEFAULT_DB = io.tunecut.studio.internal.agent.DuckMusic.DEFAULT_DB;
  private static final double PAD_BEFORE = 0.15;
  private static final double PAD_AFTER = 0.25;
  /** Pauses shorter than this keep the music down rather than pumping. */
  private static final double BRIDGE = 0.6;

  private Ducking() {}

  /**
   * A video segment and the speech found in its clip.
   *
   * @param start where on the timeline it starts, seconds
   * @param length how long it plays, seconds
   * @param in where in the clip it starts, seconds
   * @param level the clip's own sound level (0 = muted: nothing to duck for)
   * @param speech speech in the clip, in clip time
   * @param speed how fast the clip plays: its speech is heard {@code speed} times sooner
   */
  public record Segment(double start, double length, double in, double level,
      List<TimeRange> speech, double speed) {
    public Segment {
      speech = List.copyOf(speech);
      if (!(speed > 0)) speed = 1;
    }

    public Segment(double start, double length, double in, double level, List<TimeRange> speech) {
      this(start, length, in, level, speech, 1);
    }
  }

  /** Timeline speech ranges as [startMs, endMs], padded, merged, within {@code [0, timelineLength]}. */
  public static List<long[]> ranges(List<Segment> segments, double timelineLength) {
    List<TimeRange> timeline = new ArrayList<>();
    for (Segment s : segments) {
      if (s.level() <= 0) {
        continue;
      }
      for (TimeRange r : s.speech()) {
        double a = Math.max(r.start(), s.in());
        double b = Math.min(r.end(), s.in() + s.length() * s.speed());
        if (b > a) {
          double from = s.start() + (a - s.in()) / s.speed();
          double to = s.start() + (b - s.in()) / s.speed();
          timeline.add(new TimeRange(Math.max(s.start(), from - PAD_BEFORE),
              Math.min(s.start() + s.length(), to + PAD_AFTER)));
        }
      }
    }
    timeline.sort(Comparator.comparingDouble(TimeRange::start));
    List<long[]> merged = new ArrayList<>();
    for (TimeRange r : timeline) {
      long a = Math.max(0, Math.round(r.start() * 1000));
      long b = Math.min(Math.round(timelineLength * 1000), Math.round(r.end() * 1000));
      if (b <= a) {
        continue;
      }
      if (!merged.isEmpty() && a - merged.get(merged.size() - 1)[1] <= Math.round(BRIDGE * 1000)) {
        long[] last = merged.get(merged.size() - 1);
        last[1] = Math.max(last[1], b);
      } else {
        merged.add(new long[] {a, b});
      }
    }
    return merged;
  }
}
