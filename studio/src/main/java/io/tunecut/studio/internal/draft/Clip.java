package io.tunecut.studio.internal.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * A segment of the video track: a clip, or a still shown for {@code durationMs}.
 *
 * @param inMs where in the source the segment starts
 * @param level the clip's own sound: 1.0 as recorded, 0 muted, up to 2.0
 */
public record Clip(String id, String src, String name, String kind, long durationMs, long inMs,
    double level, ObjectNode extra) {
  static final Set<String> KNOWN = Set.of("id", "src", "n", "kind", "st", "d", "in", "v");

  public Clip {
    extra = extra == null ? Json.object() : extra.deepCopy();
    level = Math.max(0, Math.min(2.0, level));
  }

  public boolean isStill() {
    return "image".equals(kind);
  }

  public Clip withDuration(long ms) {
    return new Clip(id, src, name, kind, ms, inMs, level, extra);
  }

  public Clip withIn(long ms) {
    return new Clip(id, src, name, kind, durationMs, ms, level, extra);
  }

  public Clip withLevel(double v) {
    return new Clip(id, src, name, kind, durationMs, inMs, v, extra);
  }

  static Clip read(JsonNode n) {
    return new Clip(Json.text(n, "id", ""), Json.text(n, "src", ""), Json.text(n, "n", ""),
        Json.text(n, "kind", "video"), Json.ms(n, "d", 0), Json.ms(n, "in", 0), Json.num(n, "v", 1.0),
        Json.rest(n, KNOWN));
  }

  ObjectNode write(long startMs) {
    ObjectNode o = Json.object();
    o.put("id", id).put("src", src).put("n", name).put("kind", kind)
        .put("st", startMs).put("d", durationMs).put("in", inMs).put("v", level);
    o.setAll(extra.deepCopy());
    return o;
  }
}
