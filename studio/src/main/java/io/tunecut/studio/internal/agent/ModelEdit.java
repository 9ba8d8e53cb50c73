package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.agent.beat.BeatRequest;
import io.tunecut.studio.internal.draft.Aspect;
import io.tunecut.studio.internal.draft.Caption;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.draft.Fill;
import io.tunecut.studio.internal.draft.Look;
import io.tunecut.studio.internal.llm.Param;
import io.tunecut.studio.internal.llm.Tool;
import io.tunecut.studio.internal.media.Media;
import io.tunecut.studio.internal.media.MediaKind;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The edits a language model may propose, offered to it as tools. Each applies itself through
 * the very method the rule reading uses, so an edit reads the same whichever way it was asked.
 * Clips and tracks are counted from 1 in the order the timeline lists them; times are seconds.
 */
sealed interface ModelEdit {

  /** The tools, in the order they are offered. */
  List<Class<? extends ModelEdit>> ALL = List.of(AddMusic.class, Compose.class, RemoveMusic.class, MusicVolume.class, Fade.class,
      Loop.class, MusicStart.class, MusicEnd.class, Duck.class, ClipSound.class, Text.class, TrimVideo.class, KeepPart.class,
      VideoLength.class, LoopClips.class, TrimClip.class, RemoveClips.class, MoveClip.class, SwapClips.class, OrderClips.class, PhotoLength.class,
      Crossfade.class, ClipSpeed.class, Shape.class, Resolution.class, ColourLook.class, CutOut.class, Loudness.class, Undo.class, Redo.class, Export.class);

  /** The edits that need the music heard (its beats), offered when the studio can analyse it. */
  List<Class<? extends ModelEdit>> ON_THE_BEAT = List.of(SyncToCuts.class, Montage.class, EndOnPhrase.class);

  /** An edit of the draft (all but undo and redo, which move through the history, and the beat edits). */
  sealed interface Change extends ModelEdit {
    Edit apply(Draft draft, List<Media> media, MusicMaker maker);
  }

  @Tool(name = "add_music", value = "Adds background music or replaces it with another uploaded track; "
      + "without a track or name, the next uploaded track (or composed music when none was sent).")
  record AddMusic(
      @Param(value = "which uploaded track, counted from 1", min = 1, max = 99) Optional<Integer> track,
      @Param(value = "words of the track's file name", required = false) String name) implements Change {
    @Override
    public Edit apply(Draft draft, List<Media> media, MusicMaker maker) {
      List<Media> tracks = media.stream().filter(m -> m.info().kind() == MediaKind.AUDIO).toList();
      Media pick = track.filter(n -> n <= tracks.size()).map(n -> tracks.get(n - 1)).orElse(null);
      String words = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
      if (pick == null && !words.isEmpty()) {
        pick = tracks.stream().filter(t -> t.filename().toLowerCase(Locale.ROOT).contains(words)).findFirst().orElse(null);
      }
      return io.tunecut.studio.internal.agent.AddMusic.add(draft, media, pick, draft.music() != null, maker);
    }
  }

  /** What the music made should be. */
  enum Made {
    NEW(ComposeMusic.Ask.NEW), ANOTHER_VERSION(ComposeMusic.Ask.ANOTHER), CALMER(ComposeMusic.Ask.CALMER),
    LIVELIER(ComposeMusic.Ask.LIVELIER), WITHOUT_DRUMS(ComposeMusic.Ask.WITHOUT_DRUMS);

    final ComposeMusic.Ask ask;

    Made(ComposeMusic.Ask ask) {
      this.ask = ask;
    }
  }

  @Tool(name = "compose_music", value = "Composes music for this video when the person asks for music made for them, in a style "
      + "(\"lo-fi\", \"epic\", 欢快), or another version, calmer, livelier or without drums of the music made before; "
      + "a track they sent is add_music.")
  record Compose(
      @Param(value = "new (in the style named, if any), another_version, calmer, livelier or without_drums; new when left out",
          required = false) Made made,
      @Param(value = "the style in the person's words, for new", required = false) String style) implements Change {
    public Compose {
      if (style != null && style.length() > 200) throw new IllegalArgumentException("style must be a few words");
    }

    @Override
    public Edit apply(Draft draft, List<Media> media, MusicMaker maker) {
      return ComposeMusic.compose(draft, media, maker, made == null ? ComposeMusic.Ask.NEW : made.ask, style);
    }
  }

  @Tool(name = "remove_music", value = "Removes the background music.")
  record RemoveMusic() implements Change {
    @Override
    public Edit apply(Draft draft, List<Media> media, MusicMaker maker) {
      return io.tunecut.studio.internal.agent.RemoveMusic.remove(draft);
    }
  }

  @Tool(name = "set_music_volume", value = "Sets how loud the background music plays.")
  record MusicVolume(@Param(value = "percent of the track's own loudness", min = 0, max = 200) double percent)
      implements Change {
    @Override
    public Edit apply(Draft draft, List<Media> media, MusicMaker maker) {
      return io.tunecut.studio.internal.agent.MusicVolume.set(draft, percent / 100);
    }
  }

  @Tool(name = "fade_music", value = "Sets the music's fade-in and/or fade-out; 0 seconds removes a fade.")
  record Fade(
      @Param(value = "length of the fade-in in seconds, 0 for none", min = 0, max = 60) Optional<Double> fadeIn,
      @Param(value = "length of the fade-out at the end in seconds, 0 for none", min = 0, max = 60) Optional<Double> fadeOut)
      implements Change {
    public Fade {
      if (fadeIn.isEmpty() && fadeOut.isEmpty()) throw new IllegalArgumentException("give fade_in or fade_out");
    }

    @Override
    public Edit apply(Draft draft, List<Media> media, MusicMaker maker) {
      return FadeMusic.fade(draft, fadeIn.map(ModelEdit::ms).orElse(null), fadeOut.map(ModelEdit::ms).orElse(null));
    }
  }

  @Tool(name = "loop_music", value = "On: the music runs to the end of the video, repeated if shorter. Off: played once.")
  record Loop(boolean loop) implements Change {
    @Override
    public Edit apply(Draft draft, List<Media> media, MusicMaker maker) {
      return LoopMusic.loop(draft, loop);
    }
  }

  /** Which clock a music start is on. */
  enum Clock { SONG, VIDEO }

  @Tool(name = "set_music_start", value = "Where the music starts: 'song' plays the song from that many seconds into "
      + "the track (\"start the song at 0:25\"); 'video' brings the music in that many seconds into the video.")
  record MusicStart(@Param(value = "seconds", min = 0, max = 3600) double seconds, Clock clock) implements Change {
    @Override
    public Edit apply(Draft draft, List<Media> media, MusicMaker maker) {
      return io.tunecut.studio.internal.agent.MusicStart.start(draft, ms(seconds), clock == Clock.SONG);
    }
  }

  @Tool(name = "set_music_end", value = "Stops the music that many seconds into the video.")
  record MusicEnd(@Param(value = "seconds into the video", min = 0, max = 3600) double seconds) implements Change {
    @Override
    public Edit apply(Draft draft, List<Media> media, MusicMaker maker) {
      return io.tunecut.studio.internal.agent.MusicEnd.end(draft, ms(seconds));
    }
  }

  @Tool(name = "duck_music", value = "Lowers the music while people talk in the clips (ducking; on by itself at 12 dB "
      + "when the clips have speech), or keeps it level under speech (\"no ducking\").")
  record Duck(
      @Param("true lowers the music under speech, false keeps it level") boolean duck,
      @Param(value = "how many dB lower under speech, 12 when left out", min = 1, max = 40) Optional<Double> db)
      implements Change {
    @Override
    public Edit apply(Draft draft, List<Media> media, MusicMaker maker) {
      // Where people speak is worked out once the message is read, on the timeline as it is then.
      return duck ? DuckMusic.duck(draft, -(int) Math.round(db.orElse((double) -DuckMusic.DEFAULT_DB)), null)
          : DuckMusic.keepLevel(draft);
    }
  }

  @Tool(name = "set_clip_sound", value = "Sets the clips' own recorded sound (not the music): 0 mutes it, 100 keeps it.")
  record ClipSound(
      @Param(value = "percent of the recorded sound", min = 0, max = 200) double percent,
      @Param(value = "only this clip, counted from 1; every clip when left out", min = 1, max = 999) Optional<Integer> clip)
      implements Change {
    @Override
    public Edit apply(Draft draft, List<Media> media, MusicMaker maker) {
      return io.tunecut.studio.internal.agent.ClipSound.level(draft, percent / 100, clip.orElse(0));
    }
  }

  /** What to do with text. */
  enum TextAction { ADD, REPLACE, STYLE, REMOVE }

  /** Which text. */
  enum TextKind { TITLE, TEXT }

  /** Where in the frame: a side, the middle, or a corner (a label such as "Day 1" goes top left). */
  enum Position {
    TOP, CENTER, BOTTOM, TOP_LEFT, TOP_RIGHT, BOTTOM_LEFT, BOTTOM_RIGHT;

    /** As the draft writes it: "top-left". */
    String wire() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  @Tool(name = "text", value = "Adds, replaces (new words), restyles or removes the title or other text on the video.")
  record Text(
      TextAction action,
      TextKind kind,
      @Param(value = "the words to show, exactly as the person wrote them (for add and replace)", required = false) String words,
      @Param(value = "where in the frame", required = false) Position position,
      @Param(value = "seconds into the video where it appears", min = 0, max = 3600) Optional<Double> start,
      @Param(value = "how many seconds it shows", min = 0.5, max = 3600) Optional<Double> length,
      @Param(value = "letter height in percent of the frame height (default 8)", min = 2, max = 30) Optional<Double> size,
      @Param(value = "red, white, black, yellow, blue, green, orange, pink, purple, gray, gold or #rrggbb", required = false) String colour)
      implements Change {
    public Text {
      boolean writes = action == TextAction.ADD || action == TextAction.REPLACE;
      if (writes && (words == null || words.isBlank())) throw new IllegalArgumentException("words are needed to add or replace text");
      if (colour != null && SetText.hex(colour).isEmpty()) {
        throw new IllegalArgumentException("colour must be red, white, black, yellow, blue, green, orange, pink, purple, gray, gold or #rrggbb");
      }
    }

    @Override
    public Edit apply(Draft draft, List<Media> media, MusicMaker maker) {
      boolean title = kind == TextKind.TITLE;
      return switch (action) {
        case REMOVE -> SetText.remove(draft, title);
        case STYLE -> SetText.restyle(draft, title, this::look);
        case ADD, REPLACE -> SetText.write(draft, words.strip(), title, title || action == TextAction.REPLACE, this::look);
      };
    }

    /** The caption with the look asked for, or null when none was. */
    private Caption look(Caption c) {
      if (position == null && start.isEmpty() && length.isEmpty() && size.isEmpty() && colour == null) return null;
      return SetText.styled(c, position == null ? null : position.wire(),
          size.map(s -> s / 100).orElse(null), colour, start.map(ModelEdit::ms).orElse(null), length.map(ModelEdit::ms).orElse(null));
    }
  }

  /** An end of the video or of a clip. */
  enum End { START, END }

  @Tool(name = "trim_video", value = "Cuts seconds off the start or the end of the whole video.")
  record TrimVideo(End from, @Param(value = "seconds to cut", min = 0.1, max = 3600) double seconds) implements Change {
    @Override
    public Edit apply(Draft draft, List<Media> media, MusicMaker maker) {
      return io.tunecut.studio.internal.agent.VideoLength.cut(draft, ms(seconds), from == End.START);
    }
  }

  @Tool(name = "keep_part", value = "Keeps only the part of the video between two times (\"only keep the first 10 seconds\": 0 to 10).")
  record KeepPart(
      @Param(value = "seconds into the video", min = 0, max = 3600) double from,
      @Param(value = "seconds into the video", min = 0, max = 3600) double to) implements Change {
    public KeepPart {
      if (to <= from) throw new IllegalArgumentException("the end must come after the start");
    }

    @Override
    public Edit apply(Draft draft, List<Media> media, MusicMaker maker) {
      return io.tunecut.studio.internal.agent.VideoLength.keep(draft, ms(from), ms(to));
    }
  }

  @Tool(name = "set_length", value = "Shortens every clip by the same share so the whole video lasts that many seconds.")
  record VideoLength(@Param(value = "seconds", min = 1, max = 3600) double seconds) implements Change {
    @Override
    public Edit apply(Draft draft, List<Media> media, MusicMaker maker) {
      return io.tunecut.studio.internal.agent.VideoLength.fit(draft, ms(seconds));
    }
  }

  @Tool(name = "loop_clips", value = "Plays the clips again after themselves (\"loop the clips\", \"play the video twice\"): "
      + "twice as long, or until the video runs that many seconds (10 minutes at most). Not the music: that is loop_music.")
  record LoopClips(
      @Param(value = "how long the video runs with the repeats, in seconds; twice its length when left out", min = 1, max = 600)
      Optional<Double> seconds) implements Change {
    @Override
    public Edit apply(Draft draft, List<Media> media, MusicMaker maker) {
      return io.tunecut.studio.internal.agent.VideoLength.loop(draft, seconds.map(ModelEdit::ms).orElse(0L));
    }
  }

  /** How a clip is trimmed. */
  enum ClipCut { CUT_START, CUT_END, LENGTH }

  @Tool(name = "trim_clip", value = "Trims one clip: cut seconds off its start or end, or set how long it plays.")
  record TrimClip(
      @Param(value = "the clip, counted from 1", min = 1, max = 999) int clip,
      ClipCut cut,
      @Param(value = "seconds", min = 0.1, max = 3600) double seconds) implements Change {
    @Override
    public Edit apply(Draft draft, List<Media> media, MusicMaker maker) {
      return cut == ClipCut.LENGTH ? ClipTrim.keep(draft, media, clip, ms(seconds))
          : ClipTrim.cut(draft, clip, ms(seconds), cut == ClipCut.CUT_START);
    }
  }

  @Tool(name = "set_photo_length", value = "Sets how long a photo (a still on the timeline) shows; without a clip, every photo.")
  record PhotoLength(
      @Param(value = "the photo's clip number, counted from 1 among all clips", min = 1, max = 999) Optional<Integer> clip,
      @Param(value = "seconds on screen", min = 0.5, max = 60) double seconds) implements Change {
    @Override
    public Edit apply(Draft draft, List<Media> media, MusicMaker maker) {
      List<Integer> stills = StillLength.stills(draft);
      if (clip.isPresent() && !stills.contains(clip.get())) {
        return Edit.refused(draft, "set_photo_length", Edit.args().put("clip", clip.get()),
            "Clip " + clip.get() + " is not a photo: trim a video clip instead.", "第 " + clip.get() + " 个片段不是照片：视频片段请用剪辑。");
      }
      if (stills.isEmpty()) {
        return Edit.refused(draft, "set_photo_length", Edit.args(), "There is no photo on the timeline.", "时间线上没有照片。");
      }
      return StillLength.set(draft, clip.map(List::of).orElse(stills), ms(seconds), 0);
    }
  }

  @Tool(name = "set_crossfades", value = "Crossfades every clip into the next (a dissolve at each cut; the video keeps its length); 0 seconds for hard cuts.")
  record Crossfade(@Param(value = "length of each crossfade in seconds, 0 for hard cuts", min = 0, max = 2) double seconds)
      implements Change {
    @Override
    public Edit apply(Draft draft, List<Media> media, MusicMaker maker) {
      return seconds <= 0 ? Crossfades.off(draft) : Crossfades.on(draft, ms(seconds));
    }
  }

  @Tool(name = "set_clip_speed", value = "Plays video clips faster or slower (0.25 to 4, 1 = normal); the clip's time on screen changes with it.")
  record ClipSpeed(
      @Param(value = "the clips, counted from 1; none for every video clip", required = false) List<Integer> clips,
      @Param(value = "speed: 2 twice as fast, 0.5 slow motion, 1 normal", min = 0.25, max = 4) double speed) implements Change {
    @Override
    public Edit apply(Draft draft, List<Media> media, MusicMaker maker) {
      return io.tunecut.studio.internal.agent.ClipSpeed.set(draft, clips == null ? List.of() : clips, speed);
    }
  }

  @Tool(name = "remove_clip", value = "Removes clips from the video.")
  record RemoveClips(@Param("the clips to remove, counted from 1") List<Integer> clips) implements Change {
    public RemoveClips {
      if (clips == null || clips.isEmpty()) throw new IllegalArgumentException("name at least one clip");
      clips = List.copyOf(clips);
    }

    @Override
    public Edit apply(Draft draft, List<Media> media, MusicMaker maker) {
      return ClipTrim.remove(draft, clips.get(0), clips);
    }
  }

  @Tool(name = "move_clip", value = "Moves a clip to another place in the order (1 is first).")
  record MoveClip(
      @Param(value = "the clip, counted from 1", min = 1, max = 999) int clip,
      @Param(value = "its new place, counted from 1", min = 1, max = 999) int to) implements Change {
    @Override
    public Edit apply(Draft draft, List<Media> media, MusicMaker maker) {
      return ClipOrder.move(draft, clip, to);
    }
  }

  @Tool(name = "swap_clips", value = "Two clips change places.")
  record SwapClips(
      @Param(value = "a clip, counted from 1", min = 1, max = 999) int first,
      @Param(value = "the other clip, counted from 1", min = 1, max = 999) int second) implements Change {
    @Override
    public Edit apply(Draft draft, List<Media> media, MusicMaker maker) {
      return ClipOrder.swap(draft, first, second);
    }
  }

  @Tool(name = "order_clips", value = "Puts clips in a new order (\"3, 1, 2\"): the clips named first, in that order, then the others as they were.")
  record OrderClips(@Param("the clips in their new order, counted from 1") List<Integer> clips) implements Change {
    public OrderClips {
      if (clips == null || clips.isEmpty()) throw new IllegalArgumentException("name the clips in their new order");
      if (clips.contains(null)) throw new IllegalArgumentException("clips must be numbers");
      clips = List.copyOf(clips);
    }

    @Override
    public Edit apply(Draft draft, List<Media> media, MusicMaker maker) {
      return ClipOrder.sequence(draft, clips, 0);
    }
  }

  @Tool(name = "cut_out", value = "Takes the stretch between two times out of the video, across clips (\"cut out 4s to 6s\"): "
      + "the clip plays on from the other side, text after it moves up.")
  record CutOut(
      @Param(value = "seconds into the video", min = 0, max = 3600) double from,
      @Param(value = "seconds into the video", min = 0, max = 3600) double to) implements Change {
    public CutOut {
      if (to <= from) throw new IllegalArgumentException("the end must come after the start");
    }

    @Override
    public Edit apply(Draft draft, List<Media> media, MusicMaker maker) {
      return CutRange.cut(draft, ms(from), ms(to));
    }
  }

  /** A colour look over the clips, or none. */
  enum Colours {
    BLACK_AND_WHITE(Look.BLACK_AND_WHITE), SEPIA(Look.SEPIA), NATURAL(null);

    final Look look;

    Colours(Look look) {
      this.look = look;
    }
  }

  @Tool(name = "set_look", value = "A colour look over every clip: black and white, sepia (vintage), or natural (the clips' own "
      + "colours again). Text keeps its colour. No other filters exist.")
  record ColourLook(Colours look) implements Change {
    @Override
    public Edit apply(Draft draft, List<Media> media, MusicMaker maker) {
      return SetLook.look(draft, look.look);
    }
  }

  /** A frame's shape, by name or by the platform that uses it. */
  enum Frame {
    VERTICAL(Aspect.PORTRAIT), SQUARE(Aspect.SQUARE), HORIZONTAL(Aspect.LANDSCAPE),
    TIKTOK(Aspect.PORTRAIT), DOUYIN(Aspect.PORTRAIT), KUAISHOU(Aspect.PORTRAIT), REELS(Aspect.PORTRAIT),
    SHORTS(Aspect.PORTRAIT), STORY(Aspect.PORTRAIT), INSTAGRAM_POST(Aspect.SQUARE), YOUTUBE(Aspect.LANDSCAPE),
    BILIBILI(Aspect.LANDSCAPE);

    final Aspect aspect;

    Frame(Aspect aspect) {
      this.aspect = aspect;
    }
  }

  /** How clips of another shape fill the frame. */
  enum FrameFill {
    CROP(Fill.CROP), BLUR(Fill.BLUR), BARS(Fill.BARS);

    final Fill fill;

    FrameFill(Fill fill) {
      this.fill = fill;
    }
  }

  @Tool(name = "set_aspect", value = "Sets the frame's shape (by name or platform) and/or how clips of another shape "
      + "fill it: crop to fill, over a blurred copy, or bars.")
  record Shape(
      @Param(value = "the shape or the platform it is for", required = false) Frame shape,
      @Param(value = "how clips of another shape fill the frame", required = false) FrameFill fill) implements Change {
    public Shape {
      if (shape == null && fill == null) throw new IllegalArgumentException("give shape or fill");
    }

    @Override
    public Edit apply(Draft draft, List<Media> media, MusicMaker maker) {
      return SetAspect.shape(draft, shape == null ? null : shape.aspect, fill == null ? null : fill.fill);
    }
  }

  @Tool(name = "set_resolution", value = "Sets the export resolution: 720 or 1080 lines (1080p is full HD).")
  record Resolution(@Param(value = "720 or 1080", min = 720, max = 1080) int lines) implements Change {
    public Resolution {
      if (lines != 720 && lines != 1080) throw new IllegalArgumentException("lines must be 720 or 1080");
    }

    @Override
    public Edit apply(Draft draft, List<Media> media, MusicMaker maker) {
      return SetResolution.resolution(draft, lines + "p");
    }
  }

  @Tool(name = "set_loudness", value = "Normalises the mix's loudness for sharing (-14 LUFS, peaks at most -1 dBTP), "
      + "or turns that off so the mix keeps its own level.")
  record Loudness(@Param("true normalises the loudness, false keeps the mix's own level") boolean normalise) implements Change {
    @Override
    public Edit apply(Draft draft, List<Media> media, MusicMaker maker) {
      return io.tunecut.studio.internal.agent.Loudness.set(draft, normalise);
    }
  }

  /** An edit on the music's beats, made by the rules' beat instruction (it hears the music). */
  sealed interface OnTheBeat extends ModelEdit {
    BeatRequest request();
  }

  @Tool(name = "sync_music_to_cuts", value = "Lines the music's beats up with the cuts between the clips (\"sync the music to the cuts\", "
      + "卡点); with nudge, the cuts also move a little onto the beats.")
  record SyncToCuts(@Param("also move the cuts a little onto the beats") Optional<Boolean> nudge) implements OnTheBeat {
    @Override
    public BeatRequest request() {
      return new BeatRequest(BeatRequest.Kind.SYNC_TO_CUTS, 0, 0, nudge.orElse(false), 0);
    }
  }

  @Tool(name = "beat_montage", value = "Recuts the clips into a montage on the music's beat (a shot every few beats, 混剪), "
      + "of a length if one is asked (\"a 20 second montage\"); \"faster cuts\" on a montage is fewer beats per shot.")
  record Montage(
      @Param(value = "the montage's length in seconds; chosen from the music and the clips when left out", min = 2, max = 600)
      Optional<Double> seconds,
      @Param(value = "beats per shot (1 every beat, 4 usual, 8 slow); chosen when left out", min = 1, max = 32)
      Optional<Integer> beatsPerShot,
      @Param("true: one shot per bar of the music, whatever its metre") Optional<Boolean> everyBar) implements OnTheBeat {
    public Montage {
      if (beatsPerShot.isPresent() && everyBar.orElse(false)) throw new IllegalArgumentException("give beatsPerShot or everyBar, not both");
    }

    @Override
    public BeatRequest request() {
      int beats = everyBar.orElse(false) ? BeatRequest.A_BAR : beatsPerShot.orElse(0);
      return new BeatRequest(BeatRequest.Kind.MONTAGE, seconds.orElse(0.0), beats, false, 0);
    }
  }

  @Tool(name = "end_on_phrase", value = "Ends the music on a bar line near the video's end, fading out, so it does not stop mid-phrase "
      + "(\"end the music nicely\").")
  record EndOnPhrase() implements OnTheBeat {
    @Override
    public BeatRequest request() {
      return new BeatRequest(BeatRequest.Kind.END_ON_PHRASE, 0, 0, false, 0);
    }
  }

  @Tool(name = "undo", value = "Takes back the last change.")
  record Undo() implements ModelEdit {}

  @Tool(name = "redo", value = "Brings back the change just undone.")
  record Redo() implements ModelEdit {}

  @Tool(name = "export", value = "Renders the video now, when the person asks to export, render or send it.")
  record Export() implements Change {
    @Override
    public Edit apply(Draft draft, List<Media> media, MusicMaker maker) {
      return ExportRequest.export(draft);
    }
  }

  private static long ms(double seconds) {
    return Math.round(seconds * 1000);
  }
}
