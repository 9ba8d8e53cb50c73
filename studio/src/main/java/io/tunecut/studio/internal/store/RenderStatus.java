package io.tunecut.studio.internal.store;

import java.util.Locale;

/** Where a render stands, as the queue keeps it and the store saves it. */
public enum RenderStatus {
  PENDING, PROCESSING, COMPLETED, FAILED, CANCELLED;

  public boolean finished() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }

  /** As stored: the lower-case name. */
  public String stored() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static RenderStatus ofStored(String stored) {
    return valueOf(stored.toUpperCase(Locale.ROOT));
  }
}
