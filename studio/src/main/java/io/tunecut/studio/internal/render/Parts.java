package io.tunecut.studio.internal.render;

import io.tunecut.studio.internal.draft.Clip;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A timeline's segments in runs of about equal length, to encode side by side. A run ends
 * between two segments when one is near, else inside a segment whose source goes on past the
 * cut (a clip played past its source's end holds its last frame, which a cut there would lose).
 */
final class Parts {
  private Parts() {}

  /** At most {@code count} runs, in order, covering every frame once. */
  static List<List<RenderPlan.Segment>> of(List<RenderPlan.Segment> segments, int count) {
    RenderPlan.Segment last = segments.get(segments.size() - 1);
    long total = last.firstFrame() + last.frames();
    TreeSet<Long> cuts = new TreeSet<>();
    for (int k = 1; k < count; k++) {
      long cut = cut(segments, total * k / count, total / (4L * count));
      if (cut > 0 && cut < total) cuts.add(cut);
    }
    List<List<RenderPlan.Segment>> parts = new ArrayList<>();
    List<RenderPlan.Segment> part = new ArrayList<>();
    for (RenderPlan.Segment s : segments) {
      Long inside = cuts.higher(s.firstFrame());
      while (inside != null && inside < s.firstFrame() + s.frames()) {
        long frames = inside - s.firstFrame();
        part.add(head(s, frames));
        parts.add(part);
        part = new ArrayList<>();
        s = tail(s, frames);
        inside = cuts.higher(s.firstFrame());
      }
      part.add(s);
      if (cuts.contains(s.firstFrame() + s.frames())) {
        parts.add(part);
        part = new ArrayList<>();
      }
    }
    if (!part.isEmpty()) parts.add(part);
    return parts;
  }

  /** Where to end a run near frame {@code target}: a segment's edge within {@code near}, else inside one if it may. */
  private static long cut(List<RenderPlan.Segment> segments, long target, long near) {
    long edge = 0;
    for (RenderPlan.Segment s : segments) {
      long end = s.firstFrame() + s.frames();
      if (Math.abs(end - target) < Math.abs(edge - target)) edge = end;
    }
    if (Math.abs(edge - target) <= near) return edge;
    for (RenderPlan.Segment s : segments) {
      if (target > s.firstFrame() && target < s.firstFrame() + s.frames() && mayCut(s, target - s.firstFrame())) return target;
    }
    return edge;
  }

  /**
   * Never inside a crossfade (both clips show there); else a still anywhere, a video where its
   * source has a second of picture after the cut.
   */
  private static boolean mayCut(RenderPlan.Segment s, long frames) {
    if (s.crossfade() != null && frames <= s.crossfade().frames()) return false;
    if (s.clip().isStill()) return true;
    double at = s.clip().inMs() / 1000.0 + frames / s.fps() * s.clip().speed();
    return s.media().info().durationSeconds() >= at + 1;
  }

  private static RenderPlan.Segment head(RenderPlan.Segment s, long frames) {
    return new RenderPlan.Segment(s.clip().withDuration(ms(s, frames)), s.media(), s.firstFrame(), frames, s.fps(),
        s.crossfade());
  }

  private static RenderPlan.Segment tail(RenderPlan.Segment s, long frames) {
    Clip c = s.clip();
    Clip rest = c.withIn(c.inMs() + Math.round(ms(s, frames) * c.speed())).withDuration(Math.max(1, c.durationMs() - ms(s, frames)));
    return new RenderPlan.Segment(rest, s.media(), s.firstFrame() + frames, s.frames() - frames, s.fps());
  }

  private static long ms(RenderPlan.Segment s, long frames) {
    return Math.round(frames * 1000 / s.fps());
  }
}
