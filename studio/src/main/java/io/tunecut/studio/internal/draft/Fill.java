package io.tunecut.studio.internal.draft;

import java.util.Optional;

/** How a clip whose shape differs from the frame fills it. */
public enum Fill {
  /** Scaled to cover the frame, the overflow cut off. */
  CROP("crop"),
  /** Scaled to fit, over a blurred copy of itself that covers the frame. */
  BLUR("blur"),
  /** Scaled to fit, with black bars. */
  BARS("bars");

  private final String wire;

  Fill(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  /** Shapes closer than this (2 %) count as the same: the clip is cut to cover. */
  private static final double SAME_SHAPE = 0.02;

  /**
   * How a clip of {@code clipRatio} (width / height) fills a frame of {@code frameRatio}: cut to
   * cover when the shapes are the same, else as {@code asked} (null: a blurred copy of itself).
   */
  public static Fill of(double clipRatio, double frameRatio, Fill asked) {
    if (Math.abs(Math.log(clipRatio / frameRatio)) < SAME_SHAPE) return CROP;
    return asked == null ? BLUR : asked;
  }

  public static Optional<Fill> fromWire(String value) {
    for (Fill f : values()) if (f.wire.equals(value)) return Optional.of(f);
    return Optional.empty();
  }
}
