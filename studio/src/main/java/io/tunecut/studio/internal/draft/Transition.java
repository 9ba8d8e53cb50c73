package io.tunecut.studio.internal.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How one clip passes into the next: a crossfade of {@code durationMs}, the outgoing clip
 * playing on over the first {@code durationMs} of the next one, so every clip still starts
 * where it did with a hard cut (and the video keeps its length and its cuts on the beat).
 * The draft's {@code xf}; a draft without it has hard cuts.
 */
public record Transition(String kind, long durationMs) {
  public static final long DEFAULT_MS = 500;
  public static final long MIN_MS = 100;
  public static final long MAX_MS = 2000;

  public Transition {
    kind = "fade";
    durationMs = Math.max(MIN_MS, Math.min(MAX_MS, durationMs));
  }

  public static Transition crossfade(long ms) {
    return new Transition("fade", ms);
  }

  /** The crossfade into a clip of {@code nextMs} after one of {@code previousMs}: at most half of either. */
  public long between(long previousMs, long nextMs) {
    return Math.min(durationMs, Math.min(previousMs, nextMs) / 2);
  }

  static Transition read(JsonNode n) {
    if (n == null || !n.isObject()) return null;
    long d = Json.ms(n, "d", 0);
    return d <= 0 ? null : crossfade(d);
  }

  ObjectNode write() {
    ObjectNode o = Json.object();
    o.put("kind", kind).put("d", durationMs);
    return o;
  }
}
