package io.tunecut.studio.internal.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The beats a montage's shots are laid on: the beats of the track {@code src}, as times in the
 * track, so they follow the music wherever it is placed. The draft's {@code grid}; a draft whose
 * music is another track (or none) has no grid, and its shots are plain clips again.
 *
 * @param beatsMs beat times in the track, ms, rising; past the last one the beat goes on at the
 *     mean period
 */
public record BeatGrid(String src, List<Long> beatsMs) {
  public BeatGrid {
    beatsMs = beatsMs.stream().sorted().distinct().toList();
    if (beatsMs.size() < 2) throw new IllegalArgumentException("a beat grid needs two beats");
  }

  /** The mean time between beats, ms. */
  public double periodMs() {
    return (double) (beatsMs.get(beatsMs.size() - 1) - beatsMs.get(0)) / (beatsMs.size() - 1);
  }

  /**
   * The shots laid again after the clips changed: each montage shot ends on the cut of the beat
   * nearest to where the clips as given would end it (so a shot trimmed by two beats ends two
   * beats sooner, a removed or moved shot takes its beats with it, and no error adds up), a beat
   * at least. Other clips keep their length. A cut is on the frame at or before its beat.
   */
  List<Clip> lay(List<Clip> clips, Music music, double fps) {
    List<Clip> laid = new ArrayList<>(clips.size());
    long start = 0;
    long given = 0; // where the clips as given end so far
    long half = Math.round(periodMs() / 2);
    long first = cutMs(0, music, fps);
    for (Clip c : clips) {
      given += c.durationMs();
      if (!c.isShot()) {
        laid.add(c);
        start += c.durationMs();
        continue;
      }
      if (given < first + half) { // it ends before the music's first beat: nothing to lay it on
        laid.add(c);
        start += c.durationMs();
        continue;
      }
      long from = start < first - half ? -1 : nearest(start, music, fps);
      long to = Math.max(from + 1, nearest(given, music, fps));
      long end = cutMs(to, music, fps);
      int beats = from >= 0 ? (int) (to - from) : (int) Math.max(1, Math.round((end - start) / periodMs()));
      laid.add(c.withDuration(end - start).withBeats(beats));
      start = end;
    }
    return laid;
  }

  /** The cut for beat {@code k} on the timeline of {@code music}: the start of the frame holding the beat, ms. */
  long cutMs(long k, Music music, double fps) {
    return Math.round(Frames.frameIndex(timelineMs(k, music) / 1000.0, fps) / fps * 1000);
  }

  /** Where beat {@code k} is on the timeline, ms (past the grid's end at the mean period). */
  long timelineMs(long k, Music music) {
    int last = beatsMs.size() - 1;
    double track = k <= last ? beatsMs.get((int) Math.max(0, k)) : beatsMs.get(last) + (k - last) * periodMs();
    return Math.round(music.startMs() + track - music.inMs());
  }

  /** The beat whose cut is nearest to timeline {@code ms}. */
  private long nearest(long ms, Music music, double fps) {
    long lo = 0;
    long hi = beatsMs.size();
    while (cutMs(hi, music, fps) < ms) hi *= 2;
    while (lo < hi) { // the first beat whose cut is at or after ms
      long mid = (lo + hi) >>> 1;
      if (cutMs(mid, music, fps) < ms) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && ms - cutMs(lo - 1, music, fps) < cutMs(lo, music, fps) - ms ? lo - 1 : lo;
  }

  static BeatGrid read(JsonNode n) {
    if (n == null || !n.isObject() || !n.path("src").isTextual()) return null;
    List<Long> ms = new ArrayList<>();
    for (JsonNode b : n.path("beats")) {
      if (b.isNumber() && Double.isFinite(b.asDouble()) && b.asDouble() >= 0) ms.add(Math.round(b.asDouble()));
    }
    return ms.stream().distinct().count() < 2 ? null : new BeatGrid(n.path("src").asText(), ms);
  }

  ObjectNode write() {
    ObjectNode o = Json.object();
    o.put("src", src);
    ArrayNode b = o.putArray("beats");
    beatsMs.forEach(b::add);
    return o;
  }
}
