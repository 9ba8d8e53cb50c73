package io.tunecut.studio.internal.draft;

import java.util.Optional;

/** A colour look over every clip (captions keep their own colours). */
public enum Look {
  /** Grey tones only. */
  BLACK_AND_WHITE("bw", "black and white", "黑白"),
  /** Grey tones tinted warm brown, as old photographs. */
  SEPIA("sepia", "sepia (vintage)", "复古棕褐色");

  private final String wire;
  private final String english;
  private final String chinese;

  Look(String wire, String english, String chinese) {
    this.wire = wire;
    this.english = english;
    this.chinese = chinese;
  }

  public String wire() {
    return wire;
  }

  /** How a person names it: "black and white", "黑白". */
  public String said(boolean zh) {
    return zh ? chinese : english;
  }

  /** Sepia's chroma in 8-bit YUV: every grey tone tinted the same warm brown. */
  public static final int SEPIA_U = 110;
  public static final int SEPIA_V = 145;

  /** One RGB pixel as this look shows it, for pictures drawn outside the render (the timeline's thumbnails). */
  public int pixel(int rgb) {
    int r = (rgb >> 16) & 255;
    int g = (rgb >> 8) & 255;
    int b = rgb & 255;
    double y = 0.299 * r + 0.587 * g + 0.114 * b;
    if (this == BLACK_AND_WHITE) return (rgb & 0xff000000) | grey(y) << 16 | grey(y) << 8 | grey(y);
    double u = SEPIA_U - 128;
    double v = SEPIA_V - 128;
    return (rgb & 0xff000000) | grey(y + 1.402 * v) << 16 | grey(y - 0.344 * u - 0.714 * v) << 8 | grey(y + 1.772 * u);
  }

  private static int grey(double level) {
    return (int) Math.max(0, Math.min(255, Math.round(level)));
  }

  public static Optional<Look> fromWire(String value) {
    for (Look l : values()) if (l.wire.equals(value)) return Optional.of(l);
    return Optional.empty();
  }
}
