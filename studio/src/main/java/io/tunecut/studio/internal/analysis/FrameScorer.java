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
  /** A value above this (0.08 of full scale) is not dark. */
  private static final int BLACK = 20;
  private static final double FULL = 255;
  private static final int THUMBNAIL = CutDetector.WIDTH * CutDetector.HEIGHT * 3;
  /** A whip pan moves a 64-pixel-wide thumbnail by up to about 4 pixels a frame. */
  private static final int SHIFT_X = 4;
  private static final int SHIFT_Y = 2;
  private static final int SHIFTS = (2 * SHIFT_X + 1) * (2 * SHIFT_Y + 1);
  /** The middle compared at every shift: rows and pixels per row. */
  private static final int ROWS = CutDetector.HEIGHT - 2 * SHIFT_Y;
  private static final int REGION_WIDTH = CutDetector.WIDTH - 2 * SHIFT_X;
  /** Pixels per block whose sums bound a shift's difference. */
  private static final int BLOCK = 8;
  /** Blocks of a row that start at each pixel. */
  private static final int WINDOWS = CutDetector.WIDTH - BLOCK + 1;

  private final int span;
  private final int reach;
  private final int frameSize;
  /**
   * The thumbnails' values (0–255) as ints: whole-number sums are exact, and the compiler
   * turns their loops into vector instructions, which it cannot do for floating-point sums.
   */
  private final int[][] ring;
  private final boolean keepHead;
  private final List<int[]> head = new ArrayList<>();
  private final FrameFeatures features;
  private int count;
  /** Frames before this have their motion-compensated change decided. */
  private int movedDecided = 1;
  /** The shift that matched the newest thumbnail to the one before. */
  private int lastShiftX;
  private int lastShiftY;
  /** Working space of the shift search, kept to make no garbage per frame. */
  private int[] nowSums = new int[CutDetector.HEIGHT * WINDOWS];
  private int[] beforeSums = new int[CutDetector.HEIGHT * WINDOWS];
  /** The frame whose block sums {@link #nowSums} holds, -1 for none. */
  private int nowSumsFrame = -1;
  private final int[] bounds = new int[SHIFTS * (ROWS + 1)];
  private final int[] order = new int[SHIFTS];

  /**
   * @param span frames between a blend's middle and each of its ends
   * @param frameSize numbers per thumbnail
   * @param keepHead whether to keep the first {@link #reach()} thumbnails for joining
   */
  FrameScorer(int span, int frameSize, boolean keepHead, int expectedFrames) {
    this.span = span;
    this.reach = Math.max(2 * span, 3);
    this.frameSize = frameSize;
    // the motion-compensated change is decided a neighbourhood later, so its frames are kept
    this.ring = new int[Math.max(reach, ShotBoundaries.NEIGHBOURHOOD + 1) + 1][frameSize];
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

  /** The numbers of every thumbnail so far. */
  FrameFeatures features() {
    // the last frames' neighbourhoods are not all known: their motion counts as needed
    while (movedDecided < count) {
      decideMoved(movedDecided++);
    }
    return features;
  }

  /** Scores one thumbnail given as bytes (0–255). */
  void accept(byte[] frame, int offset) {
    int[] slot = ring[count % ring.length];
    for (int i = 0; i < frameSize; i++) {
      slot[i] = frame[offset + i] & 0xff;
    }
    scoreNewest();
  }

  /** Scores one thumbnail given as numbers in 0..1. */
  void accept(float[] frame) {
    int[] slot = ring[count % ring.length];
    for (int i = 0; i < frameSize; i++) {
      slot[i] = Math.round(Math.min(1, Math.max(0, frame[i])) * 255);
    }
    scoreNewest();
  }

  /** Scores one thumbnail kept by another scorer. */
  void accept(int[] frame) {
    System.arraycopy(frame, 0, ring[count % ring.length], 0, frameSize);
    scoreNewest();
  }

  /** The first thumbnails of the run, oldest first. */
  List<int[]> head() {
    return head;
  }

  /** The last thumbnails of the run, up to {@link #reach()}, oldest first. */
  List<int[]> tail() {
    List<int[]> tail = new ArrayList<>();
    for (int f = Math.max(0, count - reach); f < count; f++) {
      tail.add(ring[f % ring.length]);
    }
    return tail;
  }

  /** The numbers of the newest thumbnail and of those it completes. */
  private void scoreNewest() {
    int j = count;
    int[] now = frame(j);
    if (keepHead && head.size() < reach) {
      head.add(now.clone());
    }
    // a comparison without its older frame runs against the frame itself and is not kept
    int[] one = j >= 1 ? frame(j - 1) : now;
    int[] two = j >= 2 ? frame(j - 2) : now;
    int[] three = j >= 3 ? frame(j - 3) : now;
    int middle = j - span;
    boolean blend = middle - span >= 0;
    int[] before = blend ? frame(middle - span) : now;
    int[] mid = blend ? frame(middle) : now;
    // one simple loop per sum: each becomes vector instructions
    int level = 0;
    int bright = 0;
    for (int i = 0; i < frameSize; i++) {
      level += now[i];
    }
    for (int i = 0; i < frameSize; i++) {
      bright += now[i] > BLACK ? 1 : 0;
    }
    double scale = FULL * frameSize;
    features.addFrame();
    features.set(Kind.LEVEL, j, level / scale);
    // nearly all of the picture is dark
    features.set(Kind.BLACK, j, bright < frameSize / 50 ? 1 : 0);
    if (j >= 1) {
      double change = difference(now, one) / scale;
      features.set(Kind.CHANGE, j, change);
      if (frameSize != THUMBNAIL) {
        features.set(Kind.MOVED, j, change);
      }
    }
    if (j >= 2) {
      features.set(Kind.BACK2, j, difference(now, two) / scale);
    }
    if (j >= 3) {
      features.set(Kind.BACK3, j, difference(now, three) / scale);
    }
    if (blend) {
      features.set(Kind.APART, middle, difference(now, before) / scale);
      // |mid - (before + now) / 2|, in whole numbers
      int error = 0;
      for (int i = 0; i < frameSize; i++) {
        error += Math.abs(2 * mid[i] - before[i] - now[i]);
      }
      features.set(Kind.MIDPOINT_ERROR, middle, error / (2 * scale));
    }
    count++;
    int decidable = count - 1 - ShotBoundaries.NEIGHBOURHOOD;
    while (movedDecided <= decidable) {
      decideMoved(movedDecided++);
    }
  }

  /**
   * Works out the motion-compensated change of frame {@code f}, the costliest number, only
   * where a cut decision reads it: near a frame that changes enough to be a cut, or where the
   * changes around it are not all known (the ends of a part of the video).
   */
  private void decideMoved(int f) {
    if (frameSize != THUMBNAIL) {
      return;
    }
    boolean needed = false;
    for (int k = f - ShotBoundaries.NEIGHBOURHOOD; k <= f + ShotBoundaries.NEIGHBOURHOOD; k++) {
      double change = k >= 0 && k < count ? features.get(Kind.CHANGE, k) : Double.NaN;
      // NaN: unknown here, perhaps a cut
      if (!(change < ShotBoundaries.MIN_CUT_SCORE)) {
        needed = true;
        break;
      }
    }
    if (needed) {
      features.set(Kind.MOVED, f, moved(f));
    }
  }

  /** The summed absolute difference of two thumbnails. */
  private int difference(int[] a, int[] b) {
    int sum = 0;
    for (int i = 0; i < frameSize; i++) {
      sum += Math.abs(a[i] - b[i]);
    }
    return sum;
  }

  /**
   * The mean difference between frame {@code f} and the one before over their middle, at the
   * shift of up to {@link #SHIFT_X} by {@link #SHIFT_Y} pixels that makes it smallest. Sums over
   * blocks of a row differ by no more than the pixels do, so they bound each shift's difference
   * from below for a fraction of its cost: shifts are tried from the lowest bound (the frame
   * before's shift first, as the camera moves smoothly), a shift stops once what it summed plus the
   * bound of its remaining rows reaches the best so far, and the search stops at the first
   * shift whose bound does. The result is the same as trying every shift in full.
   */
  private double moved(int f) {
    int[] now = frame(f);
    int[] before = frame(f - 1);
    // frames are compared in order, so the newer frame's sums serve again as the older's
    if (nowSumsFrame == f - 1) {
      int[] swap = beforeSums;
      beforeSums = nowSums;
      nowSums = swap;
    } else {
      blockSums(before, beforeSums);
    }
    blockSums(now, nowSums);
    nowSumsFrame = f;
    for (int s = 0; s < SHIFTS; s++) {
      int dx = s % (2 * SHIFT_X + 1) - SHIFT_X;
      int dy = s / (2 * SHIFT_X + 1) - SHIFT_Y;
      int rest = 0;
      // from the last row up, so each row holds the bound of the rows from it to the end
      for (int r = ROWS - 1; r >= 0; r--) {
        int a = (r + SHIFT_Y) * WINDOWS + SHIFT_X;
        int b = (r + SHIFT_Y + dy) * WINDOWS + SHIFT_X + dx;
        for (int x = 0; x < REGION_WIDTH; x += BLOCK) {
          rest += Math.abs(nowSums[a + x] - beforeSums[b + x]);
        }
        bounds[s * (ROWS + 1) + r] = rest;
      }
      bounds[s * (ROWS + 1) + ROWS] = 0;
      order[s] = s;
    }
    int last = (lastShiftY + SHIFT_Y) * (2 * SHIFT_X + 1) + lastShiftX + SHIFT_X;
    // the last shift first, then the others by their bounds (insertion sort: 45 shifts)
    order[last] = 0;
    order[0] = last;
    for (int i = 2; i < SHIFTS; i++) {
      int s = order[i];
      int bound = bounds[s * (ROWS + 1)];
      int k = i - 1;
      while (k >= 1 && bounds[order[k] * (ROWS + 1)] > bound) {
        order[k + 1] = order[k];
        k--;
      }
      order[k + 1] = s;
    }
    int limit = Integer.MAX_VALUE;
    int best = last;
    for (int i = 0; i < SHIFTS; i++) {
      int s = order[i];
      if (bounds[s * (ROWS + 1)] >= limit) {
        break; // and so do all after it
      }
      int sum = shiftedDifference(now, before, s, limit);
      if (sum < limit) {
        limit = sum;
        best = s;
      }
    }
    lastShiftX = best % (2 * SHIFT_X + 1) - SHIFT_X;
    lastShiftY = best / (2 * SHIFT_X + 1) - SHIFT_Y;
    return limit / (FULL * REGION_WIDTH * ROWS * 3);
  }

  /** The sum of a thumbnail's values over each block of a row, at every pixel it can start. */
  private static void blockSums(int[] frame, int[] sums) {
    int w = CutDetector.WIDTH;
    for (int y = 0; y < CutDetector.HEIGHT; y++) {
      int at = y * WINDOWS;
      int p = y * w * 3;
      int sum = 0;
      for (int x = 0; x < BLOCK; x++) {
        sum += frame[p + 3 * x] + frame[p + 3 * x + 1] + frame[p + 3 * x + 2];
      }
      sums[at] = sum;
      for (int x = BLOCK; x < w; x++) {
        int in = p + 3 * x;
        int out = in - 3 * BLOCK;
        sum += frame[in] + frame[in + 1] + frame[in + 2]
            - frame[out] - frame[out + 1] - frame[out + 2];
        sums[at + x - BLOCK + 1] = sum;
      }
    }
  }

  /**
   * The summed difference at shift {@code s}, or a sum of at least {@code limit} once what it
   * summed and the bound of the rows left get there.
   */
  private int shiftedDifference(int[] now, int[] before, int s, int limit) {
    int w = CutDetector.WIDTH;
    int dx = s % (2 * SHIFT_X + 1) - SHIFT_X;
    int dy = s / (2 * SHIFT_X + 1) - SHIFT_Y;
    int rowLength = REGION_WIDTH * 3;
    int sum = 0;
    for (int r = 0; r < ROWS; r++) {
      int y = r + SHIFT_Y;
      int a = (y * w + SHIFT_X) * 3;
      int b = ((y + dy) * w + SHIFT_X + dx) * 3;
      int row = 0;
      for (int i = 0; i < rowLength; i++) {
        row += Math.abs(now[a + i] - before[b + i]);
      }
      sum += row;
      if (sum + bounds[s * (ROWS + 1) + r + 1] >= limit) {
        return Math.max(sum, limit);
      }
    }
    return sum;
  }

  private int[] frame(int f) {
    return ring[f % ring.length];
  }
}
