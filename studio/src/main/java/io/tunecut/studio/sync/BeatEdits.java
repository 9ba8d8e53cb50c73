package io.tunecut.studio.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tunecut.studio.analysis.AnalysisCache;
import io.tunecut.studio.analysis.Beats;
import io.tunecut.studio.analysis.Cuts;
import io.tunecut.studio.analysis.TimeRange;
import io.tunecut.studio.media.Media;
import io.tunecut.studio.media.MediaKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The beat-aware edits on a draft (docs/draft.md): sync the music to the cuts, cut a
 * montage to the beat, end on a phrase, duck the music under speech. Each returns a new
 * draft (the argument is never changed) and the sentence for the user.
 */
public final class BeatEdits {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /**
   * The clips' own sound in a montage: cuts on the beat fall mid-word in speech, so the voices
   * stay in the background (−10 dB) under the music.
   */
  private static final double MONTAGE_CLIP_LEVEL = 0.3;

  private final Function<Path, Beats> beats;
  private final Function<Path, Cuts> cuts;
  private final Function<Path, List<TimeRange>> speech;

  public BeatEdits(AnalysisCache cache) {
    this(cache::beats, cache::cuts, cache::speech);
  }

  BeatEdits(Function<Path, Beats> beats, Function<Path, Cuts> cuts,
      Function<Path, List<TimeRange>> speech) {
    this.beats = beats;
    this.cuts = cuts;
    this.speech = speech;
  }

  /**
   * One edit: the new draft, what to tell the user, and the tool call to report.
   *
   * @param changed false when nothing could be done; {@code text} says why
   */
  public record Edit(ObjectNode draft, String text, String tool, ObjectNode args,
      ObjectNode result, boolean changed) {}

  /** "Sync the music to the cuts" / "卡点": shift the music so beats fall on the cuts. */
  public Edit syncToCuts(ObjectNode original, List<Media> media, boolean nudge, String language) {
    ObjectNode draft = original.deepCopy();
    ObjectNode music = musicSegment(draft);
    Optional<Media> track = music == null ? Optional.empty() : find(media, music.path("src").asText());
    if (track.isEmpty()) {
      return unchanged(original, "sync_music_to_cuts", noMusic(language));
    }
    Beats found = beats.apply(track.get().file());
    if (found.beats().size() < 2) {
      return unchanged(original, "sync_music_to_cuts", noBeat(language));
    }
    double musicStart = music.path("st").asLong(0) / 1000.0;
    List<ObjectNode> video = videoSegments(draft);
    List<Double> timelineCuts = new ArrayList<>();
    List<Integer> boundaryOf = new ArrayList<>(); // segment index for boundary cuts, -1 inside clips
    for (int i = 0; i < video.size(); i++) {
      ObjectNode seg = video.get(i);
      double st = seg.path("st").asLong() / 1000.0;
      if (i > 0) {
        timelineCuts.add(st - musicStart);
        boundaryOf.add(i);
      }
      Optional<Media> clip = find(media, seg.path("src").asText());
      if (clip.isPresent() && clip.get().info().kind() == MediaKind.VIDEO) {
        double in = seg.path("in").asLong() / 1000.0;
        double d = seg.path("d").asLong() / 1000.0;
        for (double c : cuts.apply(clip.get().file()).cuts()) {
          if (c > in + 0.25 && c < in + d - 0.25) {
            timelineCuts.add(st + c - in - musicStart);
            boundaryOf.add(-1);
          }
        }
      }
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < timelineCuts.size(); i++) {
      order.add(i);
    }
    order.sort((a, b) -> Double.compare(timelineCuts.get(a), timelineCuts.get(b)));
    List<Double> sorted = order.stream().map(timelineCuts::get).filter(c -> c > 0).toList();
    List<Integer> sortedBoundary = order.stream().filter(i -> timelineCuts.get(i) > 0)
        .map(boundaryOf::get).toList();
    double videoLength = draft.path("d").asLong() / 1000.0;
    double fps = draft.path("m").path("fps").asDouble(30);
    CutSync.Plan plan = CutSync.plan(sorted, found, track.get().info().durationSeconds(),
        videoLength - musicStart, fps, nudge);
    music.put("in", Math.round(plan.musicIn() * 1000));
    if (nudge) {
      // Only cuts between clips with footage to spare can move; the rest stay, and say so.
      List<Double> applied = new ArrayList<>(sorted);
      boolean moved = false;
      for (int k = 0; k < sorted.size(); k++) {
        int segment = sortedBoundary.get(k);
        long delta = Math.round((plan.cuts().get(k) - sorted.get(k)) * 1000);
        if (segment > 0 && delta != 0 && moveBoundary(video.get(segment - 1), video.get(segment), delta, media)) {
          applied.set(k, plan.cuts().get(k));
          moved = true;
        }
      }
      plan = new CutSync.Plan(plan.tempo(), plan.musicIn(), applied,
          CutSync.onBeat(applied, found.beats(), plan.musicIn(), fps), moved);
    }
    ObjectNode args = NODES.objectNode().put("nudge", nudge);
    ObjectNode result = NODES.objectNode().put("tempo", round2(plan.tempo()))
        .put("cuts", plan.cuts().size()).put("on_beat", plan.onBeat())
        .put("music_in_ms", Math.round(plan.musicIn() * 1000));
    return new Edit(draft, SyncSentence.synced(plan, language), "sync_music_to_cuts", args,
        result, true);
  }

  /** "Cut to the beat" / "60-second travel montage": the clips become shots on the beat. */
  public Edit montage(ObjectNode original, List<Media> media, double seconds, int beatsPerShot,
      String language) {
    ObjectNode draft = original.deepCopy();
    ObjectNode music = musicSegment(draft);
    Optional<Media> track = music == null ? Optional.empty() : find(media, music.path("src").asText());
    if (track.isEmpty()) {
      // a montage asked for right after sending a track is cut to that track
      track = lastTrackSent(media);
      if (track.isEmpty()) {
        return unchanged(original, "beat_montage", noMusic(language));
      }
      music = addMusic(draft, track.get());
    }
    List<ObjectNode> video = videoSegments(draft);
    if (video.isEmpty()) {
      video = clipsSent(media); // clips sent but not yet placed
    }
    List<Montage.Clip> clips = new ArrayList<>();
    List<ObjectNode> sources = new ArrayList<>();
    for (ObjectNode seg : video) {
      Optional<Media> clip = find(media, seg.path("src").asText());
      if (clip.isPresent() && clip.get().info().kind() == MediaKind.VIDEO
          && sources.stream().noneMatch(s -> s.path("src").equals(seg.path("src")))) {
        clips.add(new Montage.Clip(sources.size(), clip.get().info().durationSeconds()));
        sources.add(seg);
      }
    }
    if (clips.isEmpty()) {
      return unchanged(original, "beat_montage", "zh".equals(language)
          ? "先发几段视频，我才能按节拍剪辑。" : "Send a few video clips first, then I can cut them to the beat.");
    }
    Beats found = beats.apply(track.get().file());
    if (found.beats().size() < 2) {
      return unchanged(original, "beat_montage", noBeat(language));
    }
    double fps = draft.path("m").path("fps").asDouble(30);
    Montage.Plan plan = Montage.plan(clips, found, track.get().info().durationSeconds(), seconds,
        beatsPerShot, fps);
    ArrayNode shots = NODES.arrayNode();
    int n = 1;
    for (int i = 0; i < plan.shots().size(); i++) {
      Montage.Shot shot = plan.shots().get(i);
      ObjectNode from = sources.get(shot.clip());
      long st = Math.round(shot.start() * 1000);
      long end = Math.round(shot.end() * 1000);
      shots.add(NODES.objectNode().put("id", "b" + n++).put("src", from.path("src").asText())
          .put("n", from.path("n").asText()).put("kind", "video").put("st", st).put("d", end - st)
          .put("in", Math.round(shot.in() * 1000))
          .put("v", Math.min(from.path("v").asDouble(1.0), MONTAGE_CLIP_LEVEL)));
    }
    long total = Math.round(plan.length() * 1000);
    videoTrack(draft).set("sg", shots);
    draft.put("d", total);
    music.put("st", 0).put("d", total).put("in", Math.round(plan.musicIn() * 1000));
    ObjectNode args = NODES.objectNode().put("seconds", seconds).put("beats_per_shot", beatsPerShot);
    ObjectNode result = NODES.objectNode().put("tempo", round2(plan.tempo()))
        .put("shots", plan.shots().size()).put("beats_per_shot", plan.beatsPerShot())
        .put("d", total);
    String text = SyncSentence.montage(plan, language) + ("zh".equals(language)
        ? " 片段原声降到 " + Math.round(MONTAGE_CLIP_LEVEL * 100) + "%，不会盖过音乐，也不会听到被剪断的半句话。"
        : " The clips' own sound is down to " + Math.round(MONTAGE_CLIP_LEVEL * 100)
            + "% under the music, so no words are heard cut in half.");
    return new Edit(draft, text, "beat_montage", args, result, true);
  }

  /** "End on a phrase": the music ends on a bar line near the video's end, fading out. */
  public Edit endOnPhrase(ObjectNode original, List<Media> media, String language) {
    ObjectNode draft = original.deepCopy();
    ObjectNode music = musicSegment(draft);
    Optional<Media> track = music == null ? Optional.empty() : find(media, music.path("src").asText());
    if (track.isEmpty()) {
      return unchanged(original, "end_on_phrase", noMusic(language));
    }
    Beats found = beats.apply(track.get().file());
    double musicStart = music.path("st").asLong(0) / 1000.0;
    PhraseEnding.Plan plan = PhraseEnding.plan(found, music.path("in").asLong(0) / 1000.0,
        musicStart, draft.path("d").asLong() / 1000.0);
    music.put("d", Math.round(plan.length() * 1000)).put("fo", Math.round(plan.fadeOut() * 1000));
    ObjectNode result = NODES.objectNode().put("d", Math.round(plan.length() * 1000))
        .put("fo", Math.round(plan.fadeOut() * 1000)).put("on_bar", plan.onBar());
    return new Edit(draft, SyncSentence.phrase(plan, musicStart, language), "end_on_phrase",
        NODES.objectNode(), result, true);
  }

  /** "Duck the music under speech": lower it by {@code db} where people speak in the clips. */
  public Edit duck(ObjectNode original, List<Media> media, int db, String language) {
    ObjectNode draft = original.deepCopy();
    ObjectNode music = musicSegment(draft);
    if (music == null) {
      return unchanged(original, "duck_music", noMusic(language));
    }
    List<long[]> ranges = speechRanges(draft, media);
    music.remove("noDuck");
    if (ranges.isEmpty()) {
      music.remove("duck");
    } else {
      ArrayNode list = NODES.arrayNode();
      for (long[] r : ranges) {
        list.add(NODES.arrayNode().add(r[0]).add(r[1]));
      }
      music.set("duck", NODES.objectNode().put("db", db).set("speech", list));
    }
    ObjectNode result = NODES.objectNode().put("db", db).put("ranges", ranges.size());
    return new Edit(draft, SyncSentence.ducked(ranges.size(), db, language), "duck_music",
        NODES.objectNode().put("db", db), result, true);
  }

  /** "Don't duck": the music stays level, and automatic ducking stays off. */
  public Edit noDuck(ObjectNode original, String language) {
    ObjectNode draft = original.deepCopy();
    ObjectNode music = musicSegment(draft);
    if (music == null) {
      return unchanged(original, "duck_music", noMusic(language));
    }
    music.remove("duck");
    music.put("noDuck", true);
    return new Edit(draft, "zh".equals(language) ? "好的，有人说话时音乐也不降低。"
        : "OK — the music stays at the same level when people talk.", "duck_music",
        NODES.objectNode().put("db", 0), NODES.objectNode().put("ranges", 0), true);
  }

  /**
   * Ducking without being asked: when the draft has music, the clips have speech, and the
   * user has not said "don't duck". Empty when there is nothing to do.
   */
  public Optional<Edit> autoDuck(ObjectNode draft, List<Media> media, String language) {
    ObjectNode music = musicSegment(draft);
    if (music == null || music.path("noDuck").asBoolean(false) || music.has("duck")) {
      return Optional.empty();
    }
    if (speechRanges(draft, media).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(duck(draft, media, Ducking.DEFAULT_DB, language));
  }

  private List<long[]> speechRanges(ObjectNode draft, List<Media> media) {
    List<Ducking.Segment> segments = new ArrayList<>();
    for (ObjectNode seg : videoSegments(draft)) {
      Optional<Media> clip = find(media, seg.path("src").asText());
      if (clip.isEmpty() || clip.get().info().kind() != MediaKind.VIDEO || !clip.get().info().hasAudio()) {
        continue;
      }
      double level = seg.path("v").asDouble(1.0);
      if (level <= 0) {
        continue;
      }
      segments.add(new Ducking.Segment(seg.path("st").asLong() / 1000.0,
          seg.path("d").asLong() / 1000.0, seg.path("in").asLong() / 1000.0, level,
          speech.apply(clip.get().file())));
    }
    return Ducking.ranges(segments, draft.path("d").asLong() / 1000.0);
  }

  /** Moves the cut between two segments by {@code delta} ms when both clips have room. */
  private static boolean moveBoundary(ObjectNode before, ObjectNode after, long delta,
      List<Media> media) {
    long beforeEnd = before.path("in").asLong() + before.path("d").asLong() + delta;
    Optional<Media> beforeClip = find(media, before.path("src").asText());
    boolean beforeFits = beforeClip.isEmpty() || beforeClip.get().info().kind() != MediaKind.VIDEO
        || beforeEnd <= Math.round(beforeClip.get().info().durationSeconds() * 1000);
    long afterIn = after.path("in").asLong() + delta;
    boolean afterIsStill = "image".equals(after.path("kind").asText());
    if (!beforeFits || (!afterIsStill && afterIn < 0) || after.path("d").asLong() - delta <= 0) {
      return false;
    }
    before.put("d", before.path("d").asLong() + delta);
    after.put("st", after.path("st").asLong() + delta);
    after.put("d", after.path("d").asLong() - delta);
    if (!afterIsStill) {
      after.put("in", afterIn);
    }
    return true;
  }

  private static Edit unchanged(ObjectNode draft, String tool, String text) {
    return new Edit(draft.deepCopy(), text, tool, NODES.objectNode(),
        NODES.objectNode().put("error", text), false);
  }

  private static String noMusic(String language) {
    return "zh".equals(language) ? "还没有背景音乐。先发一首曲子，或者说“加背景音乐”。"
        : "There is no music yet. Send a track first, or say \"add background music\".";
  }

  private static String noBeat(String language) {
    return "zh".equals(language) ? "这首曲子里听不出清楚的节拍，没法卡点。"
        : "I can't hear a clear beat in that track, so I can't sync to it.";
  }

  static Optional<Media> find(List<Media> media, String id) {
    return media.stream().filter(m -> m.id().equals(id)).findFirst();
  }

  private static ObjectNode track(ObjectNode draft, int type) {
    for (JsonNode t : draft.path("t")) {
      if (t.path("tt").asInt(-1) == type && t instanceof ObjectNode node) {
        return node;
      }
    }
    return null;
  }

  private static ObjectNode videoTrack(ObjectNode draft) {
    ObjectNode video = track(draft, 0);
    if (video == null) {
      video = NODES.objectNode().put("id", "video").put("tt", 0);
      video.set("sg", NODES.arrayNode());
      draft.withArray("t").add(video);
    }
    return video;
  }

  private static List<ObjectNode> videoSegments(ObjectNode draft) {
    List<ObjectNode> out = new ArrayList<>();
    ObjectNode video = track(draft, 0);
    if (video != null) {
      for (JsonNode s : video.path("sg")) {
        if (s instanceof ObjectNode seg) {
          out.add(seg);
        }
      }
    }
    return out;
  }

  /** Every video sent, as segments to take shots from. */
  private static List<ObjectNode> clipsSent(List<Media> media) {
    List<ObjectNode> out = new ArrayList<>();
    for (Media m : media) {
      if (m.info().kind() == MediaKind.VIDEO) {
        out.add(NODES.objectNode().put("src", m.id()).put("n", m.filename()).put("v", 1.0));
      }
    }
    return out;
  }

  /** The most recently sent audio file, or empty. */
  private static Optional<Media> lastTrackSent(List<Media> media) {
    Optional<Media> last = Optional.empty();
    for (Media m : media) {
      if (m.info().kind() == MediaKind.AUDIO) {
        last = Optional.of(m);
      }
    }
    return last;
  }

  /** Puts {@code track} on the draft's music track; its timing is set by the edit. */
  private static ObjectNode addMusic(ObjectNode draft, Media track) {
    videoTrack(draft); // the picture's track comes first, as in every draft
    ObjectNode music = track(draft, 1);
    if (music == null) {
      music = NODES.objectNode().put("id", "music").put("tt", 1);
      draft.withArray("t").add(music);
    }
    ObjectNode segment = NODES.objectNode().put("id", "m1").put("src", track.id())
        .put("n", track.filename()).put("st", 0).put("d", 0).put("in", 0).put("v", 1.0);
    music.set("sg", NODES.arrayNode().add(segment));
    return segment;
  }

  private static ObjectNode musicSegment(ObjectNode draft) {
    ObjectNode music = track(draft, 1);
    if (music == null) {
      return null;
    }
    JsonNode first = music.path("sg").path(0);
    return first instanceof ObjectNode seg ? seg : null;
  }

  private static double round2(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
