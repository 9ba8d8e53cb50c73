package io.tunecut.studio.internal.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The background music.
 *
 * @param startMs where the music starts on the timeline
 * @param durationMs how long it plays on the timeline
 * @param inMs offset into the track where playback starts
 * @param volume 1.0 as the file, 0.35 = "35%"
 * @param fadeInMs fade-in length from {@code startMs}
 * @param fadeOutMs fade-out length, ending at {@code startMs + durationMs}
 * @param loop repeat the track when it is shorter than {@code durationMs}
 * @param duck lowering under speech, or null
 */
public record Music(String id, String src, String name, long startMs, long durationMs, long inMs,
    double volume, long fadeInMs, long fadeOutMs, boolean loop, Duck duck, ObjectNode extra) {
  static final Set<String> KNOWN = Set.of("id", "src", "n", "st", "d", "in", "v", "fi", "fo", "loop", "duck");

  public Music {
    extra = extra == null ? Json.object() : extra.deepCopy();
    volume = Math.max(0, Math.min(4.0, volume));
  }

  public long endMs() {
    return startMs + durationMs;
  }

  public Music withTrack(String newSrc, String newName) {
    return new Music(id, newSrc, newName, startMs, durationMs, inMs, volume, fadeInMs, fadeOutMs, loop, duck, extra);
  }

  public Music withTiming(long st, long d, long in) {
    return new Music(id, src, name, st, d, in, volume, fadeInMs, fadeOutMs, loop, duck, extra);
  }

  public Music withVolume(double v) {
    return new Music(id, src, name, startMs, durationMs, inMs, v, fadeInMs, fadeOutMs, loop, duck, extra);
  }

  public Music withFades(long fi, long fo) {
    return new Music(id, src, name, startMs, durationMs, inMs, volume, fi, fo, loop, duck, extra);
  }

  public Music withLoop(boolean l) {
    return new Music(id, src, name, startMs, durationMs, inMs, volume, fadeInMs, fadeOutMs, l, duck, extra);
  }

  /** "Don't duck" was said: the music stays level under speech. */
  public boolean duckRefused() {
    return extra.path("noDuck").asBoolean(false);
  }

  /** The depth last asked for (negative dB), kept while nobody can be heard; null when never ducked. */
  public Double duckDb() {
    if (duck != null) return duck.db();
    JsonNode kept = extra.get("duckDb");
    return kept != null && kept.isNumber() ? kept.asDouble() : null;
  }

  /**
   * Lowered by {@code db} under {@code speech}. With no speech nothing is ducked, so the draft
   * does not claim ducking, and the depth waits for speech to come back.
   */
  public Music ducked(double db, List<Range> speech) {
    ObjectNode rest = extra.deepCopy();
    rest.remove("noDuck");
    rest.remove("duckDb");
    if (speech.isEmpty()) rest.put("duckDb", db);
    Duck d = speech.isEmpty() ? null : new Duck(db, speech);
    return new Music(id, src, name, startMs, durationMs, inMs, volume, fadeInMs, fadeOutMs, loop, d, rest);
  }

  /** "Don't duck": level under speech, and no ducking by itself either until asked again. */
  public Music levelUnderSpeech() {
    ObjectNode rest = extra.deepCopy();
    rest.remove("duckDb");
    rest.put("noDuck", true);
    return new Music(id, src, name, startMs, durationMs, inMs, volume, fadeInMs, fadeOutMs, loop, null, rest);
  }

  /** The music is lowered by {@code db} (negative) during each speech range of the timeline. */
  public record Duck(double db, List<Range> speech) {
    public Duck {
      speech = List.copyOf(speech);
    }
  }

  /** A timeline range in ms. */
  public record Range(long startMs, long endMs) {}

  static Music read(JsonNode n) {
    Duck duck = null;
    JsonNode d = n.get("duck");
    if (d != null && d.isObject()) {
      List<Range> ranges = new ArrayList<>();
      for (JsonNode r : d.path("speech")) {
        if (r.isArray() && r.size() >= 2 && r.get(0).isNumber() && r.get(1).isNumber()
            && r.get(1).asLong() > r.get(0).asLong()) {
          ranges.add(new Range(Math.max(0, r.get(0).asLong()), r.get(1).asLong()));
        }
      }
      duck = new Duck(Json.num(d, "db", -12), ranges);
    }
    return new Music(Json.text(n, "id", ""), Json.text(n, "src", ""), Json.text(n, "n", ""),
        Json.ms(n, "st", 0), Json.ms(n, "d", 0), Json.ms(n, "in", 0), Json.num(n, "v", 1.0),
        Json.ms(n, "fi", 0), Json.ms(n, "fo", 0), n.path("loop").asBoolean(true), duck, Json.rest(n, KNOWN));
  }

  ObjectNode write() {
    ObjectNode o = Json.object();
    o.put("id", id).put("src", src).put("n", name).put("st", startMs).put("d", durationMs)
        .put("in", inMs).put("v", volume).put("fi", fadeInMs).put("fo", fadeOutMs).put("loop", loop);
    if (duck != null) {
      ObjectNode dk = o.putObject("duck");
      dk.put("db", duck.db());
      ArrayNode sp = dk.putArray("speech");
      for (Range r : duck.speech()) sp.addArray().add(r.startMs()).add(r.endMs());
    }
    o.setAll(extra.deepCopy());
    return o;
  }
}
