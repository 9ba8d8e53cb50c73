package io.tunecut.studio.internal.analysis;

import io.tunecut.studio.internal.analysis.FrameFeatures.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores a run of thumbnails as they are decoded, keeping only the last few: the numbers of
 * {@link FrameFeatures} for each frame whose neighbours are in the run. The first thumbnails
 * can be kept as well, so a run can be joined to the run before it.
 */
final class FrameScorer {
  private static final double BLACK = 0.08;
  private static final int THUMBNAIL = CutDetector.WIDTH * CutDetector.HEIGHT * 3;
  /** A whip pan moves a 64-pixel-wide thumbnail by up to about 4 pixels a frame. */
  private static final int SHIFT_X = 4;
  private static final int SHIFT_Y = 2;
  private static final float[] BYTE_TO_UNIT = new float[256];

  static {
    for (int i = 0; i < 256; i++) {
      BYTE_TO_UNIT[i] = i / 255f;
    }
  }

  private final int span;
  private final int reach;
  private final int frameSize;
  private final float[][] ring;
  private final boolean keepHead;
  private final List<float[]> head = new ArrayList<>();
  private final FrameFeatures features;
  private int count;
  /** The shift that matched the newest thumbnail to the one before. */
  private int lastShiftX;
  private int lastShiftY;

  /**
   * @param span frames between a blend's middle and each of its ends
   * @param frameSize numbers per thumbnail
   * @param keepHead whether to keep the first {@link #reach()} thumbnails for joining
   */
  FrameScorer(int span, int frameSize, boolean keepHead, int expectedFrames) {
    this.span = span;
    this.reach = Math.max(2 * span, 3);
    this.frameSize = frameSize;
    this.ring = new float[reach + 1][frameSize];
    this.keepHead = keepHead;
    this.features = new FrameFeatures(expectedFrames);
  }

  /** Frames between a blend's middle and each of its ends. */
  int span() {
    return span;
  }

  /** How many thumbnails back the furthest comparison looks. */
  int reach() {
    return reach;
  }

  int frames() {
    return count;
  }

  FrameFeatures features() {
    return features;
  }

  /** Scores one thumbnail given as bytes (0–255). */
  void accept(byte[] frame, int offset) {
    float[] slot = ring[count % ring.length];
    for (int i = 0; i < frameSize; i++) {
      slot[i] = BYTE_TO_UNIT[frame[offset + i] & 0xff];
    }
    scoreNewest();
  }

  /** Scores one thumbnail given as numbers in 0..1. */
  void accept(float[] frame) {
    System.arraycopy(frame, 0, ring[count % ring.length], 0, frameSize);
    scoreNewest();
  }

  /** The first thumbnails of the run, oldest first. */
  List<float[]> head() {
    return head;
  }

  /** The last thumbnails of the run, up to {@link #reach()}, oldest first. */
  List<float[]> tail() {
    List<float[]> tail = new ArrayList<>();
    for (int f = Math.max(0, count - reach); f < count; f++) {
      tail.add(ring[f % ring.length]);
    }
    return tail;
  }

  /** One pass over the newest thumbnail and those it is compared with (their sums stay apart). */
  private void scoreNewest() {
    int j = count;
    float[] now = frame(j);
    if (keepHead && head.size() < reach) {
      head.add(now.clone());
    }
    // a comparison without its older frame runs against the frame itself and is not kept
    float[] one = j >= 1 ? frame(j - 1) : now;
    float[] two = j >= 2 ? frame(j - 2) : now;
    float[] three = j >= 3 ? frame(j - 3) : now;
    int middle = j - span;
    boolean blend = middle - span >= 0;
    float[] before = blend ? frame(middle - span) : now;
    float[] mid = blend ? frame(middle) : now;
    double level = 0;
    int bright = 0;
    double change = 0;
    double back2 = 0;
    double back3 = 0;
    double apart = 0;
    double error = 0;
    for (int i = 0; i < frameSize; i++) {
      float v = now[i];
      level += v;
      if (v > BLACK) {
        bright++;
      }
      change += Math.abs(v - one[i]);
      back2 += Math.abs(two[i] - v);
      back3 += Math.abs(three[i] - v);
      apart += Math.abs(before[i] - v);
      error += Math.abs(mid[i] - (before[i] + v) / 2);
    }
    features.addFrame();
    features.set(Kind.LEVEL, j, level / frameSize);
    // nearly all of the picture is dark
    features.set(Kind.BLACK, j, bright < frameSize / 50 ? 1 : 0);
    if (j >= 1) {
      features.set(Kind.CHANGE, j, change / frameSize);
      features.set(Kind.MOVED, j, frameSize == THUMBNAIL ? moved(now, one) : change / frameSize);
    }
    if (j >= 2) {
      features.set(Kind.BACK2, j, back2 / frameSize);
    }
    if (j >= 3) {
      features.set(Kind.BACK3, j, back3 / frameSize);
    }
    if (blend) {
      features.set(Kind.APART, middle, apart / frameSize);
      features.set(Kind.MIDPOINT_ERROR, middle, error / frameSize);
    }
    count++;
  }

  /**
   * The mean difference between two thumbnails over their middle, at the shift of up to
   * {@link #SHIFT_X} by {@link #SHIFT_Y} pixels that makes it smallest. The camera moves
   * smoothly, so the shift that matched the frame before is tried first: a good first match
   * lets every worse shift stop after a few rows.
   */
  private double moved(float[] now, float[] before) {
    int count = (CutDetector.WIDTH - 2 * SHIFT_X) * (CutDetector.HEIGHT - 2 * SHIFT_Y) * 3;
    double limit = Double.MAX_VALUE;
    int bestX = lastShiftX;
    int bestY = lastShiftY;
    for (int s = -2; s < (2 * SHIFT_X + 1) * (2 * SHIFT_Y + 1); s++) {
      // the last frame's shift, then none, then all of them in order
      int dx = s == -2 ? lastShiftX : s == -1 ? 0 : s % (2 * SHIFT_X + 1) - SHIFT_X;
      int dy = s == -2 ? lastShiftY : s == -1 ? 0 : s / (2 * SHIFT_X + 1) - SHIFT_Y;
      double sum = shiftedDifference(now, before, dx, dy, limit);
      if (sum < limit) {
        limit = sum;
        bestX = dx;
        bestY = dy;
      }
    }
    lastShiftX = bestX;
    lastShiftY = bestY;
    return limit / count;
  }

  /** The summed difference at one shift, or a sum of at least {@code limit} once it gets there. */
  private static double shiftedDifference(float[] now, float[] before, int dx, int dy,
      double limit) {
    int w = CutDetector.WIDTH;
    int rowLength = (w - 2 * SHIFT_X) * 3;
    double sum = 0;
    for (int y = SHIFT_Y; y < CutDetector.HEIGHT - SHIFT_Y && sum < limit; y++) {
      int a = (y * w + SHIFT_X) * 3;
      int b = ((y + dy) * w + SHIFT_X + dx) * 3;
      float row = 0;
      for (int i = 0; i < rowLength; i++) {
        row += Math.abs(now[a + i] - before[b + i]);
      }
      sum += row;
    }
    return sum;
  }

  private float[] frame(int f) {
    return ring[f % ring.length];
  }
}
