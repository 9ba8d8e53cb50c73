package io.tunecut.studio.internal.analysis;

/**
 * The few numbers per frame that cut decisions need, in frame order. A number that could
 * not be worked out where it was scored (its neighbours were in another part of the video)
 * stays unknown until a part that has them fills it in.
 */
final class FrameFeatures {
  /** The per-frame numbers. */
  enum Kind {
    /** Mean difference from the previous frame. */
    CHANGE,
    /**
     * Mean difference from the previous frame moved by the small shift that matches it best:
     * a panning or shaking camera changes little by this measure, a new shot still does.
     */
    MOVED,
    /** Mean difference between the frame and the one two before it. */
    BACK2,
    /** Mean difference between the frame and the one three before it. */
    BACK3,
    /** Mean difference between the frames a blend span before and after. */
    APART,
    /** How far the frame is from the average of those two. */
    MIDPOINT_ERROR,
    /** Mean brightness. */
    LEVEL,
    /** 1 when nearly all of the picture is dark. */
    BLACK
  }

  private static final Kind[] KINDS = Kind.values();
  private final Doubles[] columns = new Doubles[KINDS.length];

  FrameFeatures(int expectedFrames) {
    for (int k = 0; k < columns.length; k++) {
      columns[k] = new Doubles(Math.max(16, expectedFrames));
    }
  }

  int frames() {
    return columns[0].size();
  }

  /** Starts a frame with every number unknown. */
  void addFrame() {
    for (Doubles column : columns) {
      column.add(Double.NaN);
    }
  }

  void set(Kind kind, int frame, double value) {
    columns[kind.ordinal()].set(frame, value);
  }

  /** The number, NaN while unknown. */
  double get(Kind kind, int frame) {
    return columns[kind.ordinal()].get(frame);
  }

  /** Appends {@code later}'s frames after these. */
  void append(FrameFeatures later) {
    for (int f = 0; f < later.frames(); f++) {
      addFrame();
      int at = frames() - 1;
      for (int k = 0; k < columns.length; k++) {
        columns[k].set(at, later.columns[k].get(f));
      }
    }
  }

  /** Fills in the numbers {@code part} knows, its first frame being frame {@code offset}. */
  void fillFrom(FrameFeatures part, int offset) {
    for (int f = 0; f < part.frames(); f++) {
      for (int k = 0; k < columns.length; k++) {
        double v = part.columns[k].get(f);
        if (!Double.isNaN(v)) {
          columns[k].set(offset + f, v);
        }
      }
    }
  }

  /**
   * Forgets the motion-compensated change where no cut decision reads it (no frame within a
   * neighbourhood changes enough to be a cut). Scorers work it out for more frames where they
   * do not know all the neighbours; this makes the numbers the same however the video was
   * split between decoders.
   */
  void keepMotionNearCuts() {
    int n = frames();
    Doubles change = columns[Kind.CHANGE.ordinal()];
    Doubles moved = columns[Kind.MOVED.ordinal()];
    int lastCandidate = Integer.MIN_VALUE;
    int[] nextCandidate = new int[n + 1];
    nextCandidate[n] = Integer.MAX_VALUE;
    for (int f = n - 1; f >= 0; f--) {
      nextCandidate[f] = f >= 1 && change.get(f) >= ShotBoundaries.MIN_CUT_SCORE
          ? f : nextCandidate[f + 1];
    }
    for (int f = 0; f < n; f++) {
      if (f >= 1 && change.get(f) >= ShotBoundaries.MIN_CUT_SCORE) {
        lastCandidate = f;
      }
      boolean near = (long) f - lastCandidate <= ShotBoundaries.NEIGHBOURHOOD
          || (long) nextCandidate[f] - f <= ShotBoundaries.NEIGHBOURHOOD;
      if (!near) {
        moved.set(f, Double.NaN);
      }
    }
  }

  /** The column, with numbers that have no neighbours to compare (at the ends) as 0. */
  double[] column(Kind kind) {
    double[] values = columns[kind.ordinal()].toArray();
    for (int i = 0; i < values.length; i++) {
      if (Double.isNaN(values[i])) {
        values[i] = 0;
      }
    }
    return values;
  }
}
