package io.tunecut.studio.draft;

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

  public static Optional<Fill> fromWire(String value) {
    for (Fill f : values()) if (f.wire.equals(value)) return Optional.of(f);
    return Optional.empty();
  }
}
