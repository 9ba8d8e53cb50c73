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
   * Forgets the motion-compensated change where a scorer of the whole video in one run would
   * not have worked it out: scorers of parts work it out for more frames near their ends,
   * where they do not know all the neighbours. So the numbers are the same however the video
   * was split between decoders.
   */
  void keepMotionAsReadWhole() {
    int n = frames();
    Doubles change = columns[Kind.CHANGE.ordinal()];
    Doubles moved = columns[Kind.MOVED.ordinal()];
    boolean[] read = new boolean[n];
    int reach = ShotBoundaries.NEIGHBOURHOOD;
    for (int i = 1; i < n; i++) {
      if (!(change.get(i) >= ShotBoundaries.MIN_CUT_SCORE)) {
        continue;
      }
      if (ShotBoundaries.weighable(i, n)) {
        ShotBoundaries.readMotion(change::get, k -> {
          read[k] = true;
          return moved.get(k);
        }, i, n);
      } else {
        // near the video's ends the whole neighbourhood is worked out
        for (int k = Math.max(1, i - reach); k <= Math.min(n - 1, i + reach); k++) {
          read[k] = true;
        }
      }
    }
    for (int f = 1; f < n; f++) {
      // the first frames, whose neighbour 0 changes from nothing, and the last
      if (!read[f] && f - reach > 0 && f + reach < n) {
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
