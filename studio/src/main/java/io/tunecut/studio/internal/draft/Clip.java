package io.tunecut.studio.internal.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Set;

/**
 * A segment of the video track: a clip, or a still shown for {@code durationMs}.
 *
 * @param inMs where in the source the segment starts
 * @param durationMs the screen time: how long it shows on the timeline
 * @param level the clip's own sound: 1.0 as recorded, 0 muted, up to 2.0
 * @param speed how fast the source plays, {@link #MIN_SPEED} to {@link #MAX_SPEED}: at 2 a clip
 *     shows its source's {@code 2 × durationMs}; a still has no speed
 * @param beats a montage shot of that many beats of the draft's {@link BeatGrid}, laid with its
 *     cuts on them; 0 for any other clip
 */
public record Clip(String id, String src, String name, String kind, long durationMs, long inMs,
    double level, double speed, int beats, ObjectNode extra) {
  static final Set<String> KNOWN = Set.of("id", "src", "n", "kind", "st", "d", "in", "v", "sp", "beats");
  public static final double MIN_SPEED = 0.25;
  public static final double MAX_SPEED = 4;

  public Clip {
    extra = extra == null ? Json.object() : extra.deepCopy();
    level = Math.max(0, Math.min(2.0, level));
    speed = "image".equals(kind) || !Double.isFinite(speed) || speed <= 0 ? 1 : Math.max(MIN_SPEED, Math.min(MAX_SPEED, speed));
    beats = Math.max(0, beats);
  }

  /** A clip that is no montage shot. */
  public Clip(String id, String src, String name, String kind, long durationMs, long inMs, double level, double speed,
      ObjectNode extra) {
    this(id, src, name, kind, durationMs, inMs, level, speed, 0, extra);
  }

  /** A clip at its own speed. */
  public Clip(String id, String src, String name, String kind, long durationMs, long inMs, double level, ObjectNode extra) {
    this(id, src, name, kind, durationMs, inMs, level, 1, 0, extra);
  }

  /** An id none of {@code clips} has: "c" and the first free number past their count. */
  public static String unusedId(Collection<Clip> clips) {
    int n = clips.size();
    String id;
    do {
      id = "c" + (++n);
    } while (taken(clips, id));
    return id;
  }

  private static boolean taken(Collection<Clip> clips, String id) {
    for (Clip c : clips) if (c.id().equals(id)) return true;
    return false;
  }

  public boolean isStill() {
    return "image".equals(kind);
  }

  public Clip withDuration(long ms) {
    return new Clip(id, src, name, kind, ms, inMs, level, speed, beats, extra);
  }

  public Clip withIn(long ms) {
    return new Clip(id, src, name, kind, durationMs, ms, level, speed, beats, extra);
  }

  public Clip withLevel(double v) {
    return new Clip(id, src, name, kind, durationMs, inMs, v, speed, beats, extra);
  }

  /** The same stretch of the source at another speed: its screen time changes with it. */
  public Clip withSpeed(double s) {
    Clip faster = new Clip(id, src, name, kind, durationMs, inMs, level, s, beats, extra);
    return faster.withDuration(Math.max(1, Math.round(sourceMs() / faster.speed())));
  }

  /** The same clip as a montage shot of {@code n} beats (0: no longer a shot). */
  public Clip withBeats(int n) {
    return new Clip(id, src, name, kind, durationMs, inMs, level, speed, n, extra);
  }

  /** Whether it was laid as a montage shot; see {@link Draft#isShot(int)} for whether it still is. */
  public boolean isShot() {
    return beats > 0;
  }

  /** Without its first {@code ms} of screen time: the source is cut at its speed. */
  public Clip withoutHead(long ms) {
    return withIn(inMs + Math.round(ms * speed)).withDuration(durationMs - ms);
  }

  /** How much of the source it plays: its screen time times its speed. */
  public long sourceMs() {
    return Math.round(durationMs * speed);
  }

  static Clip read(JsonNode n) {
    return new Clip(Json.text(n, "id", ""), Json.text(n, "src", ""), Json.text(n, "n", ""),
        Json.text(n, "kind", "video"), Json.ms(n, "d", 0), Json.ms(n, "in", 0), Json.num(n, "v", 1.0),
        Json.num(n, "sp", 1.0), (int) Math.min(Json.ms(n, "beats", 0), 100_000), Json.rest(n, KNOWN));
  }

  ObjectNode write(long startMs) {
    ObjectNode o = Json.object();
    o.put("id", id).put("src", src).put("n", name).put("kind", kind)
        .put("st", startMs).put("d", durationMs).put("in", inMs).put("v", level);
    if (speed != 1) o.put("sp", speed);
    if (beats > 0) o.put("beats", beats);
    o.setAll(extra.deepCopy());
    return o;
  }
}
