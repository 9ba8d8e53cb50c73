package io.tunecut.studio.internal.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * The draft's {@code m}: output settings. {@code aspect} and {@code resolution} are null until
 * the user asks for one: then a single clip's picture can be kept as it is (stream copy).
 *
 * @param width the frame the render will have (derived; 0 when unknown)
 * @param fps output frame rate, 0 for the clips' own (the smoothest of them, up to 60)
 * @param loudness target integrated loudness in LUFS, or null for no normalisation
 * @param fill how clips of another shape fill the frame, or null for the renderer's default
 * @param look a colour look over every clip, or null for the clips' own colours
 */
public record Output(String title, Aspect aspect, String resolution, int width, int height, double fps,
    Double loudness, Fill fill, Look look, ObjectNode extra) {
  static final Set<String> KNOWN = Set.of("title", "aspect", "resolution", "width", "height", "fps", "loudness", "fill", "look");
  public static final double DEFAULT_LOUDNESS = -14;

  public Output {
    extra = extra == null ? Json.object() : extra.deepCopy();
    if (resolution != null && !resolution.equals("1080p") && !resolution.equals("720p")) resolution = null;
  }

  public static Output defaults() {
    return new Output(null, null, null, 0, 0, 0, DEFAULT_LOUDNESS, null, null, null);
  }

  /** The short side of the frame in pixels: 1080 unless 720p was asked for. */
  public int shortSide() {
    return "720p".equals(resolution) ? 720 : 1080;
  }

  public Output withTitle(String t) {
    return new Output(t, aspect, resolution, width, height, fps, loudness, fill, look, extra);
  }

  public Output withAspect(Aspect a) {
    return new Output(title, a, resolution, width, height, fps, loudness, fill, look, extra);
  }

  public Output withResolution(String r) {
    return new Output(title, aspect, r, width, height, fps, loudness, fill, look, extra);
  }

  public Output withFrame(int w, int h) {
    return new Output(title, aspect, resolution, w, h, fps, loudness, fill, look, extra);
  }

  public Output withLoudness(Double lufs) {
    return new Output(title, aspect, resolution, width, height, fps, lufs, fill, look, extra);
  }

  public Output withFill(Fill f) {
    return new Output(title, aspect, resolution, width, height, fps, loudness, f, look, extra);
  }

  public Output withLook(Look l) {
    return new Output(title, aspect, resolution, width, height, fps, loudness, fill, l, extra);
  }

  static Output read(JsonNode m) {
    if (m == null || !m.isObject()) return defaults();
    Double loudness = DEFAULT_LOUDNESS;
    if (m.has("loudness")) {
      JsonNode l = m.get("loudness");
      loudness = l.isNumber() ? Double.valueOf(Math.max(-40, Math.min(-5, l.asDouble()))) : null;
    }
    String title = m.path("title").isTextual() ? m.get("title").asText() : null;
    return new Output(title, Aspect.fromWire(Json.text(m, "aspect", "")).orElse(null),
        Json.text(m, "resolution", null), (int) Json.ms(m, "width", 0), (int) Json.ms(m, "height", 0),
        Json.num(m, "fps", 0), loudness, Fill.fromWire(Json.text(m, "fill", "")).orElse(null),
        Look.fromWire(Json.text(m, "look", "")).orElse(null), Json.rest(m, KNOWN));
  }

  ObjectNode write() {
    ObjectNode o = Json.object();
    if (title != null) o.put("title", title);
    if (aspect != null) o.put("aspect", aspect.wire());
    if (resolution != null) o.put("resolution", resolution);
    if (width > 0 && height > 0) o.put("width", width).put("height", height);
    if (fps > 0) o.put("fps", fps);
    if (fill != null) o.put("fill", fill.wire());
    if (look != null) o.put("look", look.wire());
    if (loudness == null) o.putNull("loudness");
    else o.put("loudness", loudness);
    o.setAll(extra.deepCopy());
    return o;
  }
}
