package io.tunecut.core.access;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a render would cost, read from the draft: its length, and its longest clip.
 *
 * @param longestClip the name of the longest clip, or null when there is no clip
 */
public record RenderSize(long seconds, long longestClipSeconds, String longestClip) {

  /** From a draft as the protocol's state returns it (milliseconds; track type 0 holds clips). */
  public static RenderSize of(JsonNode draft) {
    long total = draft.path("d").asLong(0);
    long longest = 0;
    String name = null;
    for (JsonNode track : draft.path("t")) {
      if (track.path("tt").asInt(-1) != 0) continue;
      for (JsonNode clip : track.path("sg")) {
        long d = clip.path("d").asLong(0);
        total = Math.max(total, clip.path("st").asLong(0) + d);
        if (d > longest) {
          longest = d;
          name = clip.path("n").asText(null);
        }
      }
    }
    return new RenderSize(seconds(total), seconds(longest), name);
  }

  private static long seconds(long millis) {
    return (millis + 999) / 1000;
  }
}
