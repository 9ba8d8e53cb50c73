package io.tunecut.studio.draft;

import java.util.Optional;

/** The output frame's shape. */
public enum Aspect {
  LANDSCAPE("16:9", 16, 9),
  PORTRAIT("9:16", 9, 16),
  SQUARE("1:1", 1, 1);

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

  /** The nearest of the three shapes to a picture of this size. */
  public static Aspect nearest(int width, int height) {
    if (width <= 0 || height <= 0) return LANDSCAPE;
    double r = Math.log((double) width / height);
    Aspect best = LANDSCAPE;
    for (Aspect a : values()) {
      if (Math.abs(r - Math.log((double) a.w / a.h)) < Math.abs(r - Math.log((double) best.w / best.h))) best = a;
    }
    return best;
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
