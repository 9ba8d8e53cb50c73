package io.tunecut.studio.analysis;

/**
 * The few numbers per frame that cut decisions need, in frame order. A number whose
 * neighbours are missing (at the ends of the video) stays unknown and reads as 0.
 */
final class FrameFeatures {
  /** The per-frame numbers; each compares thumbnails the given number of frames apart. */
  enum Kind {
    /** Mean difference from the previous frame. */
    CHANGE,
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
