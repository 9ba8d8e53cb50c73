package io.tunecut.studio.internal.draft;

import java.util.Optional;

/** The output frame's shape. */
public enum Aspect {
  LANDSCAPE("16:9", 16, 9),
  PORTRAIT("9:16", 9, 16),
  SQUARE("1:1", 1, 1);

  /** The widest picture still made square: 5:4. */
  private static final double SQUARE_WIDEST = 1.25;

  private final String wire;
  private final int w;
  private final int h;

  Aspect(String wire, int w, int h) {
    this.wire = wire;
    this.w = w;
    this.h = h;
  }

  public String wire() {
    return wire;
  }

  public static Optional<Aspect> fromWire(String value) {
    for (Aspect a : values()) if (a.wire.equals(value)) return Optional.of(a);
    return Optional.empty();
  }

  /**
   * The shape people expect for a picture of this size: landscape for anything wider than
   * 5:4 (a 4:3 clip too), portrait for anything taller than 4:5, square only in between.
   */
  public static Aspect nearest(int width, int height) {
    if (width <= 0 || height <= 0) return LANDSCAPE;
    double ratio = (double) width / height;
    if (ratio > SQUARE_WIDEST + 1e-9) return LANDSCAPE;
    if (ratio < 1 / SQUARE_WIDEST - 1e-9) return PORTRAIT;
    return SQUARE;
  }

  /** The frame for a short side of {@code shortSide} pixels (1080 for 1080p). */
  public Frame frame(int shortSide) {
    int longSide = this == SQUARE ? shortSide : even(shortSide * 16.0 / 9.0);
    return this == PORTRAIT ? new Frame(shortSide, longSide)
        : this == LANDSCAPE ? new Frame(longSide, shortSide) : new Frame(shortSide, shortSide);
  }

  private static int even(double v) {
    return (int) Math.round(v / 2) * 2;
  }

  /** An output frame size in pixels. */
  public record Frame(int width, int height) {}
}
