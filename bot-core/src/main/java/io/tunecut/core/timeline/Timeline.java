package io.tunecut.core.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The draft as the bot reads it: the one place that knows the wire format of docs/draft.md
 * ({@code t} tracks, {@code tt} track type, {@code sg} segments, {@code m} output). Lenient: a
 * missing or mistyped field reads as absent, never as an error, since the cloud's drafts are
 * not documented.
 *
 * @param lengthMs the draft's own length ({@code d}), 0 when it gives none
 * @param crossfadeMs the crossfade into every clip after the first ({@code xf.d}), 0 for hard cuts
 */
public record Timeline(long lengthMs, List<Track> tracks, Frame frame, long crossfadeMs) {
  public static final int VIDEO = 0;
  public static final int MUSIC = 1;
  public static final int TEXT = 7;

  public static final Timeline EMPTY = new Timeline(0, List.of(), Frame.NONE, 0);

  /** @param type the track type; a track without one is a video track, as the studio renders it */
  public record Track(int type, List<Segment> segments) {}

  /**
   * One segment of a track: a clip, the music, a title, or a segment of a track the bot does not know.
   *
   * @param id the segment's id, empty when none
   * @param name the file name ({@code n}), empty when none
   * @param text the words of a title or other text, empty when none
   * @param startMs where it starts on the timeline; a clip without one follows the clips before it
   * @param length how long it lasts, when the draft says
   * @param volume the level asked for, when the draft says (1.0 = as recorded)
   * @param ducked the music is lowered under speech somewhere
   * @param speed how fast a clip plays ({@code sp}), 1 when the draft gives none
   */
  public record Segment(String id, String name, String text, long startMs, OptionalLong length, OptionalDouble volume,
                        long fadeInMs, long fadeOutMs, boolean ducked, double speed) {
    public long endMs() {
      return startMs + length.orElse(0);
    }
  }

  /**
   * The output frame: size in pixels (0 when unknown), aspect such as "16:9" and the colour look
   * over the clips, as our studio writes it ("bw", "sepia"; empty when none or unknown).
   */
  public record Frame(int width, int height, String aspect, String look) {
    static final Frame NONE = new Frame(0, 0, "", "");

    public Frame(int width, int height, String aspect) {
      this(width, height, aspect, "");
    }

    public boolean sized() {
      return width > 0 && height > 0;
    }
  }

  public static Timeline of(JsonNode draft) {
    if (draft == null || !draft.isObject()) return EMPTY;
    List<Track> tracks = new ArrayList<>();
    for (JsonNode track : array(draft.path("t"))) {
      int type = track.path("tt").asInt(VIDEO);
      tracks.add(new Track(type, segments(array(track.path("sg")), type == VIDEO)));
    }
    JsonNode xf = draft.path("xf");
    long crossfade = xf.isObject() ? Math.max(0, (long) number(xf.path("d")).orElse(0)) : 0;
    return new Timeline(Math.max(0, draft.path("d").asLong(0)), List.copyOf(tracks), frame(draft.path("m")), crossfade);
  }

  /** The segments on video tracks: the clips and stills. */
  public List<Segment> clips() {
    List<Segment> clips = new ArrayList<>();
    for (Track t : tracks) if (t.type() == VIDEO) clips.addAll(t.segments());
    return clips;
  }

  /** True when there is a clip: music or titles alone make no video. */
  public boolean hasClip() {
    return !clips().isEmpty();
  }

  /** True when no track has a segment. */
  public boolean empty() {
    return tracks.stream().allMatch(t -> t.segments().isEmpty());
  }

  /** How long the video lasts: the draft's {@code d}, or else the end of its last segment. */
  public long endMs() {
    if (lengthMs > 0) return lengthMs;
    long end = 0;
    for (Track t : tracks) for (Segment s : t.segments()) end = Math.max(end, s.endMs());
    return end;
  }

  private static List<Segment> segments(List<JsonNode> sg, boolean oneAfterAnother) {
    List<Segment> segments = new ArrayList<>();
    long end = 0;
    for (JsonNode seg : sg) {
      OptionalDouble d = number(seg.path("d"));
      OptionalLong length = d.isPresent() ? OptionalLong.of(Math.max(0, (long) d.getAsDouble())) : OptionalLong.empty();
      long start = Math.max(0, seg.path("st").asLong(oneAfterAnother ? end : 0));
      OptionalDouble volume = number(seg.path("v"));
      Segment s = new Segment(text(seg.path("id")), text(seg.path("n")), text(seg.path("text")), start, length, volume,
          Math.max(0, seg.path("fi").asLong(0)), Math.max(0, seg.path("fo").asLong(0)), seg.path("duck").isObject(),
          speed(seg.path("sp")));
      if (length.isPresent()) end = Math.max(end, s.endMs());
      segments.add(s);
    }
    return List.copyOf(segments);
  }

  /** A clip's speed; 1 for none, a non-positive or a mistyped one. */
  private static double speed(JsonNode sp) {
    double value = number(sp).orElse(1);
    return value > 0 ? value : 1;
  }

  private static Frame frame(JsonNode m) {
    if (!m.isObject()) return Frame.NONE;
    return new Frame(Math.max(0, m.path("width").asInt(0)), Math.max(0, m.path("height").asInt(0)), text(m.path("aspect")),
        text(m.path("look")));
  }

  /** The elements of an array; nothing for anything else. */
  private static List<JsonNode> array(JsonNode node) {
    List<JsonNode> items = new ArrayList<>();
    if (node.isArray()) node.forEach(items::add);
    return items;
  }

  /** A number, or one written as text; absent for anything else. */
  private static OptionalDouble number(JsonNode node) {
    if (node.isNumber()) return OptionalDouble.of(node.asDouble());
    if (!node.isTextual()) return OptionalDouble.empty();
    try {
      double value = Double.parseDouble(node.asText().trim());
      return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
    } catch (NumberFormatException e) {
      return OptionalDouble.empty();
    }
  }

  private static String text(JsonNode node) {
    return node.isValueNode() && !node.isNull() ? node.asText() : "";
  }
}
