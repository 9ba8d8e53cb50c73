package io.tunecut.studio.internal.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * How a video is split so that several single-threaded decoders share it. A part starts just
 * after a keyframe: its decoder seeks to that keyframe (no earlier frames to decode) and drops
 * it, the part before ends with it. Counts come from the container's packets; a part that
 * decodes to a different count shows the split cannot be trusted.
 *
 * @param parts in order, covering every frame once
 */
record SegmentPlan(List<Part> parts) {
  /**
   * @param first the index of its first frame
   * @param frames how many frames it should decode to
   * @param seekSeconds the {@code -ss} that starts it; {@link Double#NaN} for the first part
   */
  record Part(int first, int frames, double seekSeconds, boolean isLast) {
    boolean isFirst() {
      return Double.isNaN(seekSeconds);
    }
  }

  SegmentPlan {
    parts = List.copyOf(parts);
  }

  static SegmentPlan whole(int frames) {
    return new SegmentPlan(List.of(new Part(0, frames, Double.NaN, true)));
  }

  /**
   * Up to {@code wanted} parts of at least {@code minFrames} frames each, split at the
   * keyframes nearest to equal shares; fewer when the keyframes do not allow it.
   *
   * @param start the container's start time, which {@code -ss} counts from
   */
  static SegmentPlan of(FrameTimes times, double start, int wanted, int minFrames) {
    int n = times.count();
    List<Integer> splitAfter = new ArrayList<>();
    if (wanted > 1 && n >= 2 * minFrames) {
      List<Integer> keyframes = new ArrayList<>();
      for (double k : times.keyframes()) {
        int i = times.indexOf(k);
        // the next frame must be later, so the seek lands between the two
        if (i >= 0 && i + 1 < n && times.time(i + 1) > times.time(i)) {
          keyframes.add(i);
        }
      }
      int previous = -1;
      for (int p = 1; p < wanted; p++) {
        long ideal = (long) n * p / wanted;
        int best = -1;
        for (int k : keyframes) {
          boolean roomy = k + 1 - (previous + 1) >= minFrames && n - (k + 1) >= minFrames;
          if (roomy && k > previous && (best < 0 || Math.abs(k - ideal) < Math.abs(best - ideal))) {
            best = k;
          }
        }
        if (best >= 0) {
          splitAfter.add(best);
          previous = best;
        }
      }
    }
    if (splitAfter.isEmpty()) {
      return whole(n);
    }
    List<Part> parts = new ArrayList<>();
    int first = 0;
    double seek = Double.NaN;
    for (int k : splitAfter) {
      parts.add(new Part(first, k + 1 - first, seek, false));
      // a quarter of a frame after the keyframe: rounding cannot move it to another frame
      seek = times.time(k) + (times.time(k + 1) - times.time(k)) / 4 - start;
      if (!(seek > 0)) {
        return whole(n);
      }
      first = k + 1;
    }
    parts.add(new Part(first, n - first, seek, true));
    return new SegmentPlan(parts);
  }
}
