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

  public static Optional<Look> fromWire(String value) {
    for (Look l : values()) if (l.wire.equals(value)) return Optional.of(l);
    return Optional.empty();
  }
}
