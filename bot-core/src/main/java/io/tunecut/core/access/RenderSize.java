package io.tunecut.core.access;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunecut.core.timeline.Timeline;

/**
 * What a render would cost, read from the draft: its length, and its longest clip.
 *
 * @param longestClip the name of the longest clip, or null when there is no clip or it has no name
 */
public record RenderSize(long seconds, long longestClipSeconds, String longestClip) {

  /** From a draft as the protocol's state returns it. */
  public static RenderSize of(JsonNode draft) {
    Timeline timeline = Timeline.of(draft);
    long total = timeline.lengthMs();
    long longest = 0;
    String name = null;
    for (Timeline.Segment clip : timeline.clips()) {
      total = Math.max(total, clip.endMs());
      long d = clip.length().orElse(0);
      if (d > longest) {
        longest = d;
        name = clip.name().isEmpty() ? null : clip.name();
      }
    }
    return new RenderSize(seconds(total), seconds(longest), name);
  }

  private static long seconds(long millis) {
    return (millis + 999) / 1000;
  }
}
