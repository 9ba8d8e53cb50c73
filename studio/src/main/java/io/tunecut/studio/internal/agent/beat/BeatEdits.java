package io.tunecut.studio.internal.agent.beat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tunecut.studio.internal.agent.DuckMusic;
import io.tunecut.studio.internal.analysis.AnalysisCache;
import io.tunecut.studio.internal.analysis.Beats;
import io.tunecut.studio.internal.analysis.Cuts;
import io.tunecut.studio.internal.analysis.TimeRange;
import io.tunecut.studio.internal.draft.BeatGrid;
import io.tunecut.studio.internal.draft.Clip;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.draft.Music;
import io.tunecut.studio.internal.media.Media;
import io.tunecut.studio.internal.media.MediaKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The beat-aware edits on a draft (docs/draft.md): sync the music to the cuts, cut a
 * montage to the beat, end on a phrase, duck the music under speech (ranges always from the
 * current timeline: {@link SpeechDucking}). Each returns a new draft and the sentence for the
 * user.
 */
public final class BeatEdits {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /**
   * The clips' own sound in a montage: cuts on the beat fall mid-word in speech, so the voices
   * stay in the background (−10 dB) under the music.
   */
  private static final double MONTAGE_CLIP_LEVEL = 0.3;
  /** A cut is not nudged onto a beat where that leaves a clip shorter than this: it would flash by. */
  private static final long SHORTEST_SHOT_MS = 400;

  private final Function<Path, Beats> beats;
  private final Function<Path, Cuts> cuts;
  private final SpeechDucking ducking;

  public BeatEdits(AnalysisCache cache) {
    this(cache::beats, cache::cuts, cache::speech);
  }

  BeatEdits(Function<Path, Beats> beats, Function<Path, Cuts> cuts,
      Function<Path, List<TimeRange>> speech) {
    this.beats = beats;
    this.cuts = cuts;
    this.ducking = new SpeechDucking(speech);
  }

  /**
   * One edit: the new draft, what to tell the user, and the tool call to report.
   *
   * @param changed false when nothing could be done; {@code text} says why
   */
  public record Edit(Draft draft, String text, String tool, ObjectNode args,
      ObjectNode result, boolean changed) {}

  /** "Sync the music to the cuts" / "卡点": shift the music so beats fall on the cuts. */
  public Edit syncToCuts(Draft draft, List<Media> media, boolean nudge, String language) {
    Music music = draft.music();
    Optional<Media> track = music == null ? Optional.empty() : find(media, music.src());
    if (track.isEmpty()) {
      return unchanged(draft, "sync_music_to_cuts", noMusic(language));
    }
    Beats found = beats.apply(track.get().file());
    if (found.beats().size() < 2) {
      return unchanged(draft, "sync_music_to_cuts", noBeat(language));
    }
    double musicStart = music.startMs() / 1000.0;
    List<Clip> video = new ArrayList<>(draft.clips());
    TimelineCuts seen = cutsOf(draft, media);
    List<Double> sorted = seen.at();
    List<Integer> sortedBoundary = seen.boundary();
    double fps = fps(draft);
    double videoLength = videoLength(draft) - musicStart;
    double trackLength = track.get().info().durationSeconds();
    CutSync.Plan plan = CutSync.plan(sorted, found, trackLength, videoLength, fps, false);
    int stuck = 0; // cuts a nudge would put on a beat but for the footage the clips lack
    // "make the cuts hit the beat": when shifting the music leaves cuts off the beat, they move
    // a few frames onto it too, asked or not
    if (nudge || plan.onBeat() < plan.cuts().size()) {
      CutSync.Plan nudged = CutSync.plan(sorted, found, trackLength, videoLength, fps, true);
      // Only cuts between clips with footage to spare can move; the rest stay, and say so.
      List<Clip> moved = new ArrayList<>(video);
      List<Double> applied = new ArrayList<>(sorted);
      List<Double> moves = new ArrayList<>();
      int failed = 0;
      for (int k = 0; k < sorted.size(); k++) {
        int segment = sortedBoundary.get(k);
        long delta = Math.round(nudged.moves().get(k) * 1000);
        boolean done = segment > 0 && delta != 0 && moveBoundary(moved, segment, delta, media);
        if (done) applied.set(k, sorted.get(k) + delta / 1000.0);
        if (delta != 0 && !done) failed++;
        moves.add(done ? delta / 1000.0 : 0.0);
      }
      CutSync.Plan made = new CutSync.Plan(nudged.tempo(), nudged.musicIn(), applied,
          CutSync.onBeat(applied, found.beats(), nudged.musicIn(), fps), moves);
      if (made.onBeat() > plan.onBeat()) {
        plan = made;
        video = moved;
      }
      stuck = Math.min(failed, plan.cuts().size() - plan.onBeat());
    }
    Draft synced = draft.withClips(video)
        .withMusic(music.withTiming(music.startMs(), music.durationMs(), Math.round(plan.musicIn() * 1000)));
    ObjectNode args = NODES.objectNode().put("nudge", nudge);
    ObjectNode result = NODES.objectNode().put("tempo", round2(plan.tempo()))
        .put("cuts", plan.cuts().size()).put("on_beat", plan.onBeat()).put("nudged", plan.moved())
        .put("most_nudged_ms", Math.round(plan.mostMoved() * 1000))
        .put("music_in_ms", Math.round(plan.musicIn() * 1000));
    return new Edit(synced, SyncSentence.synced(plan, stuck, fps, language), "sync_music_to_cuts", args,
        result, true);
  }

  /** "Cut to the beat" / "60-second travel montage": the clips become shots on the beat. */
  public Edit montage(Draft draft, List<Media> media, double seconds, int beatsPerShot,
      String language) {
    Music music = draft.music();
    Optional<Media> track = music == null ? Optional.empty() : find(media, music.src());
    if (track.isEmpty()) {
      // a montage asked for right after sending a track is cut to that track
      track = lastTrackSent(media);
      if (track.isEmpty()) {
        return unchanged(draft, "beat_montage", noMusic(language));
      }
      music = new Music("m1", track.get().id(), track.get().filename(), 0, 0, 0, 1.0, 0, 0, true, null, null);
    }
    List<Clip> video = draft.clips().isEmpty() ? clipsSent(media) : draft.clips(); // clips sent but not yet placed
    List<Montage.Clip> clips = new ArrayList<>();
    List<Clip> sources = new ArrayList<>();
    for (Clip seg : video) {
      Optional<Media> clip = find(media, seg.src());
      if (clip.isPresent() && clip.get().info().kind() == MediaKind.VIDEO
          && sources.stream().noneMatch(s -> s.src().equals(seg.src()))) {
        clips.add(new Montage.Clip(sources.size(), clip.get().info().durationSeconds()));
        sources.add(seg);
      }
    }
    if (clips.isEmpty()) {
      return unchanged(draft, "beat_montage", "zh".equals(language)
          ? "先发几段视频，我才能按节拍剪辑。" : "Send a few video clips first, then I can cut them to the beat.");
    }
    Beats found = beats.apply(track.get().file());
    if (found.beats().size() < 2) {
      return unchanged(draft, "beat_montage", noBeat(language));
    }
    if (seconds == 0 && draft.grid() != null) {
      seconds = draft.durationMs() / 1000.0; // "faster cuts" recuts the montage at its length
    }
    Montage.Plan plan = Montage.plan(clips, found, track.get().info().durationSeconds(), seconds,
        beatsPerShot, fps(draft));
    List<Clip> shots = new ArrayList<>();
    for (int i = 0; i < plan.shots().size(); i++) {
      Montage.Shot shot = plan.shots().get(i);
      Clip from = sources.get(shot.clip());
      long st = Math.round(shot.start() * 1000);
      long end = Math.round(shot.end() * 1000);
      shots.add(new Clip("b" + (i + 1), from.src(), from.name(), "video", end - st,
          Math.round(shot.in() * 1000), Math.min(from.level(), MONTAGE_CLIP_LEVEL), 1, shot.beats(), null));
    }
    // the draft keeps the beats and lays the shots on them, so later edits keep the cuts on the beat
    long musicIn = Math.round(plan.musicIn() * 1000);
    Draft cut = draft.withMusic(music.withTiming(0, Math.round(plan.length() * 1000), musicIn))
        .withGrid(new BeatGrid(music.src(), plan.grid())).withClips(shots);
    long total = cut.durationMs();
    cut = cut.withMusic(cut.music().withTiming(0, total, musicIn));
    ObjectNode args = NODES.objectNode().put("seconds", seconds).put("beats_per_shot", beatsPerShot);
    ObjectNode result = NODES.objectNode().put("tempo", round2(plan.tempo()))
        .put("shots", plan.shots().size()).put("beats_per_shot", plan.beatsPerShot())
        .put("d", total);
    double footage = clips.stream().mapToDouble(Montage.Clip::length).sum();
    String text = SyncSentence.montage(plan, sources.size(), language)
        + SyncSentence.shorter(seconds, plan, footage, track.get().info().durationSeconds() - plan.musicIn(), language)
        + ("zh".equals(language)
        ? " 片段原声降到 " + Math.round(MONTAGE_CLIP_LEVEL * 100) + "%，不会盖过音乐，也不会听到被剪断的半句话。"
        : " The clips' own sound is down to " + Math.round(MONTAGE_CLIP_LEVEL * 100)
            + "% under the music, so no words are heard cut in half.");
    return new Edit(cut, text, "beat_montage", args, result, true);
  }

  /** "End on a phrase": the music ends on a bar line near the video's end, fading out. */
  public Edit endOnPhrase(Draft draft, List<Media> media, String language) {
    Music music = draft.music();
    Optional<Media> track = music == null ? Optional.empty() : find(media, music.src());
    if (track.isEmpty()) {
      return unchanged(draft, "end_on_phrase", noMusic(language));
    }
    Beats found = beats.apply(track.get().file());
    double musicStart = music.startMs() / 1000.0;
    PhraseEnding.Plan plan = PhraseEnding.plan(found, music.inMs() / 1000.0, musicStart, videoLength(draft));
    long length = Math.round(plan.length() * 1000);
    long fadeOut = Math.round(plan.fadeOut() * 1000);
    Draft ended = draft.withMusic(music.withTiming(music.startMs(), length, music.inMs())
        .withFades(music.fadeInMs(), fadeOut));
    ObjectNode result = NODES.objectNode().put("d", length).put("fo", fadeOut).put("on_bar", plan.onBar());
    return new Edit(ended, SyncSentence.phrase(plan, musicStart, language), "end_on_phrase",
        NODES.objectNode(), result, true);
  }

  /** Where people can be heard on {@code draft}'s timeline now, for {@link DuckMusic#duck}. */
  public List<Music.Range> heard(Draft draft, List<Media> media) {
    return ducking.heard(draft, media);
  }

  /**
   * After every message: the ducking follows the timeline as it is now (ducking without being
   * asked when the clips have speech, unless the user said not to). Empty when the ducking
   * stays as it was.
   */
  public Optional<Edit> followTimeline(Draft before, List<Media> media, String language) {
    Draft after = ducking.follow(before, media);
    if (after.equals(before)) {
      return Optional.empty();
    }
    Music.Duck duck = after.music().duck();
    int db = (int) Math.round(after.music().duckDb());
    int places = duck == null ? 0 : duck.speech().size();
    String text = duck == null ? SyncSentence.nobodyHeard(language)
        : SyncSentence.ducked(places, db, language);
    return Optional.of(new Edit(after, text, "duck_music",
        NODES.objectNode().put("db", db), NODES.objectNode().put("db", db).put("ranges", places), true));
  }

  /**
   * The cuts a person sees, from the music's start, in order: between clips and inside them
   * (scene cuts of the footage).
   *
   * @param boundary for each cut, the clip it starts, or -1 for a cut inside a clip
   */
  private record TimelineCuts(List<Double> at, List<Integer> boundary) {}

  private TimelineCuts cutsOf(Draft draft, List<Media> media) {
    double musicStart = draft.music().startMs() / 1000.0;
    List<Clip> video = draft.clips();
    List<Double> timelineCuts = new ArrayList<>();
    List<Integer> boundaryOf = new ArrayList<>(); // clip index for boundary cuts, -1 inside clips
    for (int i = 0; i < video.size(); i++) {
      Clip seg = video.get(i);
      double st = draft.clipStartMs(i) / 1000.0;
      if (i > 0) {
        timelineCuts.add(st - musicStart);
        boundaryOf.add(i);
      }
      Optional<Media> clip = find(media, seg.src());
      if (clip.isPresent() && clip.get().info().kind() == MediaKind.VIDEO) {
        double in = seg.inMs() / 1000.0;
        double d = seg.durationMs() / 1000.0;
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
    return new TimelineCuts(sorted, sortedBoundary);
  }

  /** "Does it cut on the beat?" / "节拍对吗？": how many cuts land on a beat now; nothing changes. */
  public String onBeatNow(Draft draft, List<Media> media, String language) {
    boolean zh = "zh".equals(language);
    Music music = draft.music();
    Optional<Media> track = music == null ? Optional.empty() : find(media, music.src());
    if (track.isEmpty()) return noMusic(language);
    Beats found = beats.apply(track.get().file());
    if (found.beats().size() < 2) return noBeat(language);
    List<Double> at = cutsOf(draft, media).at();
    long bpm = Math.round(found.tempo());
    if (at.isEmpty()) {
      return zh ? bpm + " BPM。视频里还没有剪辑点。" : bpm + " BPM. The video has no cuts yet.";
    }
    int on = CutSync.onBeat(at, found.beats(), music.inMs() / 1000.0, fps(draft));
    if (zh) {
      return bpm + " BPM，" + at.size() + " 个剪辑点中有 " + on + " 个卡在节拍上。"
          + (on < at.size() ? "要全部卡上就说“切换点卡在节拍上”。" : "");
    }
    return bpm + " BPM: " + on + " of " + at.size() + (at.size() == 1 ? " cut lands" : " cuts land") + " on a beat."
        + (on < at.size() ? " Say \"make the cuts hit the beat\" to put them all on it." : "");
  }

  /** Moves the cut before clip {@code after} by {@code delta} ms when both clips have room and stay long enough to see. */
  private static boolean moveBoundary(List<Clip> clips, int after, long delta, List<Media> media) {
    Clip first = clips.get(after - 1);
    Clip second = clips.get(after);
    long firstEnd = first.inMs() + first.durationMs() + delta;
    Optional<Media> firstClip = find(media, first.src());
    boolean firstFits = firstClip.isEmpty() || firstClip.get().info().kind() != MediaKind.VIDEO
        || firstEnd <= Math.round(firstClip.get().info().durationSeconds() * 1000);
    long secondIn = second.inMs() + delta;
    boolean tooShort = first.durationMs() + delta < SHORTEST_SHOT_MS || second.durationMs() - delta < SHORTEST_SHOT_MS;
    if (!firstFits || (!second.isStill() && secondIn < 0) || tooShort) {
      return false;
    }
    clips.set(after - 1, first.withDuration(first.durationMs() + delta));
    Clip moved = second.withDuration(second.durationMs() - delta);
    clips.set(after, second.isStill() ? moved : moved.withIn(secondIn));
    return true;
  }

  /** The length the music is fitted to: the video's, or the music's own end when there are no clips. */
  private static double videoLength(Draft draft) {
    long end = draft.clips().isEmpty() && draft.music() != null ? draft.music().endMs() : draft.durationMs();
    return end / 1000.0;
  }

  private static double fps(Draft draft) {
    return draft.output().fps() > 0 ? draft.output().fps() : 30;
  }

  private static Edit unchanged(Draft draft, String tool, String text) {
    return new Edit(draft, text, tool, NODES.objectNode(), NODES.objectNode().put("error", text), false);
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

  /** Every video sent, as clips to take shots from. */
  private static List<Clip> clipsSent(List<Media> media) {
    List<Clip> out = new ArrayList<>();
    for (Media m : media) {
      if (m.info().kind() == MediaKind.VIDEO) {
        out.add(new Clip("", m.id(), m.filename(), "video", 0, 0, 1.0, null));
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

  private static double round2(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
