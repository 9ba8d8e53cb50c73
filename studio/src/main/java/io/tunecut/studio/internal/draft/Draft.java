package io.tunecut.studio.internal.draft;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The timeline, typed (docs/draft.md). Immutable: every change returns a new draft. Reading
 * keeps what we do not model (unknown fields, unknown tracks) and writes it back unchanged.
 *
 * @param music the background music, or null
 * @param transition how every clip passes into the next, or null for hard cuts
 * @param grid the music's beats that montage shots are laid on, or null: kept only while the
 *     music is the track it was found in
 */
public record Draft(Output output, List<Clip> clips, Music music, List<Caption> captions,
    List<JsonNode> otherTracks, ObjectNode extra, Transition transition, BeatGrid grid) {
  public static final int VIDEO = 0;
  public static final int MUSIC = 1;
  public static final int TEXT = 7;
  private static final Set<String> KNOWN = Set.of("d", "m", "t", "xf", "grid");

  public Draft {
    clips = List.copyOf(clips);
    captions = List.copyOf(captions);
    otherTracks = otherTracks.stream().<JsonNode>map(JsonNode::deepCopy).toList();
    extra = extra == null ? Json.object() : extra.deepCopy();
    if (output == null) output = Output.defaults();
    if (grid != null && (music == null || !music.src().equals(grid.src()))) grid = null;
  }

  /** A draft with no montage laid on the beats. */
  public Draft(Output output, List<Clip> clips, Music music, List<Caption> captions, List<JsonNode> otherTracks,
      ObjectNode extra, Transition transition) {
    this(output, clips, music, captions, otherTracks, extra, transition, null);
  }

  /** A draft with hard cuts. */
  public Draft(Output output, List<Clip> clips, Music music, List<Caption> captions, List<JsonNode> otherTracks,
      ObjectNode extra) {
    this(output, clips, music, captions, otherTracks, extra, null, null);
  }

  public static Draft empty() {
    return new Draft(Output.defaults(), List.of(), null, List.of(), List.of(), null, null, null);
  }

  /** The crossfade from clip {@code index - 1} into clip {@code index} in ms, 0 for a hard cut. */
  public long transitionMs(int index) {
    if (transition == null || index <= 0 || index >= clips.size()) return 0;
    return transition.between(clips.get(index - 1).durationMs(), clips.get(index).durationMs());
  }

  public Draft withTransition(Transition t) {
    return new Draft(output, clips, music, captions, otherTracks, extra, t, grid);
  }

  /** The video's length: the end of the last video segment. */
  public long durationMs() {
    return clips.stream().mapToLong(Clip::durationMs).sum();
  }

  /** Where clip {@code index} starts on the timeline. */
  public long clipStartMs(int index) {
    long st = 0;
    for (int i = 0; i < index; i++) st += clips.get(i).durationMs();
    return st;
  }

  /** Whether a render can start: music or titles alone make no video. */
  public boolean canRender() {
    return !clips.isEmpty();
  }

  /** What a render of it counts against the day's render time: the video's length, a second at least. */
  public double renderMinutes() {
    return Math.max(durationMs(), 1000) / 60000.0;
  }

  /** Every media id the draft uses, in tracks we model or not. */
  public Set<String> sources() {
    Set<String> ids = new LinkedHashSet<>();
    clips.forEach(c -> ids.add(c.src()));
    if (music != null) ids.add(music.src());
    for (JsonNode track : otherTracks) {
      for (JsonNode seg : track.path("sg")) {
        if (seg.path("src").isTextual()) ids.add(seg.path("src").asText());
      }
    }
    ids.remove("");
    return ids;
  }

  /** Ready for export when some track has a segment. */
  public boolean isReady() {
    return !clips.isEmpty() || music != null || !captions.isEmpty();
  }

  public Draft withOutput(Output o) {
    return new Draft(o, clips, music, captions, otherTracks, extra, transition, grid);
  }

  /**
   * New clips; music that ran to the end of the video keeps running to the new end (and is
   * cut where the video now ends sooner). Montage shots are laid on the beats again, so their
   * cuts stay on the beat whatever was trimmed, moved or removed ({@link BeatGrid}).
   */
  public Draft withClips(List<Clip> newClips) {
    long oldEnd = durationMs();
    List<Clip> laid = grid == null ? newClips : grid.lay(newClips, music, fps());
    Draft next = new Draft(output, laid, music, captions, otherTracks, extra, transition, grid);
    long newEnd = next.durationMs();
    if (music != null) {
      Music m = music;
      if (m.endMs() == oldEnd || m.endMs() > newEnd) {
        m = m.withTiming(Math.min(m.startMs(), Math.max(0, newEnd - 1000)), 0, m.inMs());
        m = m.withTiming(m.startMs(), Math.max(0, newEnd - m.startMs()), m.inMs());
      }
      next = next.withMusic(m);
    }
    return next;
  }

  /** Other music; a track other than the grid's takes the grid with it (the shots are plain clips then). */
  public Draft withMusic(Music m) {
    return new Draft(output, clips, m, captions, otherTracks, extra, transition, grid);
  }

  public Draft withCaptions(List<Caption> c) {
    return new Draft(output, clips, music, c, otherTracks, extra, transition, grid);
  }

  /** What we do not model, replaced by {@code e}. */
  public Draft withExtra(ObjectNode e) {
    return new Draft(output, clips, music, captions, otherTracks, e, transition, grid);
  }

  /** The montage's shots are laid on {@code g}, the beats of the music's track (null: none). */
  public Draft withGrid(BeatGrid g) {
    return new Draft(output, clips, music, captions, otherTracks, extra, transition, g);
  }

  /** Whether clip {@code index} is a montage shot laid on the beats of the music playing now. */
  public boolean isShot(int index) {
    return grid != null && index >= 0 && index < clips.size() && clips.get(index).isShot();
  }

  /** The frame rate cuts are placed at: the output's, or 30 while it follows the clips. */
  public double fps() {
    return output.fps() > 0 ? output.fps() : 30;
  }

  /** Reads any draft object; missing or malformed parts become empty. */
  public static Draft read(JsonNode json) {
    if (json == null || !json.isObject()) return empty();
    List<Clip> clips = new ArrayList<>();
    Music music = null;
    List<Caption> captions = new ArrayList<>();
    List<JsonNode> others = new ArrayList<>();
    for (JsonNode track : json.path("t")) {
      int type = track.path("tt").asInt(-1);
      JsonNode sg = track.path("sg");
      boolean known = track.path("tt").isInt() && (type == VIDEO || type == MUSIC || type == TEXT);
      if (!known) {
        others.add(track);
        continue;
      }
      for (JsonNode s : sg) {
        if (!s.isObject()) continue;
        if (type == VIDEO) clips.add(Clip.read(s));
        else if (type == MUSIC && music == null) music = Music.read(s);
        else if (type == TEXT) captions.add(Caption.read(s));
      }
    }
    return new Draft(Output.read(json.get("m")), clips, music, captions, others, Json.rest(json, KNOWN),
        Transition.read(json.get("xf")), BeatGrid.read(json.get("grid")));
  }

  /** The {@code t/tt/sg/d/m} form; tracks without segments are left out. */
  public ObjectNode toJson() {
    ObjectNode o = Json.object();
    o.put("d", Math.max(durationMs(), music == null ? 0 : clips.isEmpty() ? music.endMs() : 0));
    o.set("m", output.write());
    ArrayNode tracks = o.putArray("t");
    if (!clips.isEmpty()) {
      ArrayNode sg = track(tracks, "video", VIDEO);
      long st = 0;
      for (Clip c : clips) {
        sg.add(c.write(st));
        st += c.durationMs();
      }
    }
    if (music != null) track(tracks, "music", MUSIC).add(music.write());
    if (!captions.isEmpty()) {
      ArrayNode sg = track(tracks, "text", TEXT);
      captions.forEach(c -> sg.add(c.write()));
    }
    otherTracks.forEach(t -> tracks.add(t.deepCopy()));
    if (transition != null) o.set("xf", transition.write());
    if (grid != null) o.set("grid", grid.write());
    o.setAll(extra.deepCopy());
    return o;
  }

  private static ArrayNode track(ArrayNode tracks, String id, int type) {
    ObjectNode t = tracks.addObject();
    t.put("id", id).put("tt", type);
    return t.putArray("sg");
  }

  /** "3 tracks: video 0–10 s (2 clips), music 'lofi.mp3' 0–10 s at 35%, title 'Urban Dreams' 0–3 s". */
  public String summary() {
    return DraftSummary.of(this);
  }
}
