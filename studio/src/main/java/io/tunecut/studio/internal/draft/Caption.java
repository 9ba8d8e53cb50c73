package io.tunecut.studio.internal.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * A text on the picture (the title is simply the first caption).
 *
 * @param position {@code top}, {@code center}, {@code bottom}, or a corner: {@code top-left},
 *     {@code top-right}, {@code bottom-left}, {@code bottom-right}
 * @param size text height as a fraction of the frame height
 * @param color {@code #rrggbb}
 */
public record Caption(String id, String text, long startMs, long durationMs, String position,
    double size, String color, ObjectNode extra) {
  static final Set<String> KNOWN = Set.of("id", "text", "st", "d", "pos", "size", "color");
  public static final Set<String> POSITIONS =
      Set.of("top", "center", "bottom", "top-left", "top-right", "bottom-left", "bottom-right");

  public Caption {
    extra = extra == null ? Json.object() : extra.deepCopy();
    if (!POSITIONS.contains(position)) position = "center";
    if (!(size > 0.01 && size < 0.5)) size = 0.08;
    if (color == null || !color.matches("#[0-9a-fA-F]{6}")) color = "#ffffff";
  }

  public static Caption of(String id, String text, long startMs, long durationMs, String position) {
    return new Caption(id, text, startMs, durationMs, position, 0.08, "#ffffff", null);
  }

  static Caption read(JsonNode n) {
    return new Caption(Json.text(n, "id", ""), Json.text(n, "text", ""), Json.ms(n, "st", 0),
        Json.ms(n, "d", 3000), Json.text(n, "pos", "center"), Json.num(n, "size", 0.08),
        Json.text(n, "color", "#ffffff"), Json.rest(n, KNOWN));
  }

  ObjectNode write() {
    ObjectNode o = Json.object();
    o.put("id", id).put("text", text).put("st", startMs).put("d", durationMs).put("pos", position)
        .put("size", size).put("color", color);
    o.setAll(extra.deepCopy());
    return o;
  }
}
