package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.draft.Caption;
import io.tunecut.studio.internal.draft.Clip;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.draft.Music;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the turn before changed, read from the draft it replaced and the draft now (the history
 * keeps drafts, not messages), said again in the words the instructions read: "music 30%",
 * "mute clip 1", "trim clip 1 to 5s". A follow-up ("actually 50%", "no, the other clip", "a bit
 * more") is that request with another value, on another clip, or once more.
 *
 * @param before the draft the last change was made on
 * @param kind what changed
 * @param clip the clip it changed, 1-based in {@code before}; 0 when not one clip
 * @param was the value before (a level, a size) where "more" needs it
 * @param now the value after
 * @param caption the id of the text it changed ("title" or another's); null when not text
 */
record LastChange(Draft before, Kind kind, int clip, double was, double now, String caption) {
  LastChange(Draft before, Kind kind, int clip, double was, double now) {
    this(before, kind, clip, was, now, null);
  }

  /** {@code SONG_START}: where in the song it plays from; {@code MUSIC_START}: where on the timeline it comes in; {@code STILLS}: how long the photos show. */
  enum Kind { MOVE, VOLUME, FADE_IN, FADE_OUT, CROSSFADE, CLIP_LEVEL, SOUND_LEVEL, CLIP_SPEED, CLIP_TRIM, LENGTH, REMOVE, TEXT_SIZE, TEXT,
    SONG_START, MUSIC_START, STILLS }

  /**
   * The last change, when the history holds the draft before it and one thing changed.
   *
   * @param moved the clip the last turn moved, by name, or null
   */
  static Optional<LastChange> of(History history, Draft now, String moved) {
    if (history.earlier().isEmpty()) return Optional.empty();
    Draft before = history.earlier().get(history.earlier().size() - 1);
    return between(before, now, moved);
  }

  static Optional<LastChange> between(Draft before, Draft now) {
    return between(before, now, null);
  }

  private static Optional<LastChange> between(Draft before, Draft now, String movedName) {
    List<Clip> was = before.clips();
    List<Clip> is = now.clips();
    if (is.size() == was.size() - 1) {
      for (int i = 0; i < was.size(); i++) {
        String id = was.get(i).id();
        if (is.stream().noneMatch(c -> c.id().equals(id))) return Optional.of(new LastChange(before, Kind.REMOVE, i + 1, 0, 0));
      }
    }
    if (is.size() == was.size() && ids(is).equals(ids(was))) {
      List<Integer> level = new ArrayList<>();
      List<Integer> speed = new ArrayList<>();
      List<Integer> length = new ArrayList<>();
      for (int i = 0; i < is.size(); i++) {
        if (is.get(i).level() != was.get(i).level()) level.add(i);
        if (is.get(i).speed() != was.get(i).speed()) speed.add(i);
        else if (is.get(i).durationMs() != was.get(i).durationMs()) length.add(i);
      }
      if (speed.size() == 1) return one(before, Kind.CLIP_SPEED, speed.get(0), was.get(speed.get(0)).speed(), is.get(speed.get(0)).speed());
      if (level.size() == 1) return one(before, Kind.CLIP_LEVEL, level.get(0), was.get(level.get(0)).level(), is.get(level.get(0)).level());
      if (level.size() > 1 && level.size() == is.size()) return Optional.of(new LastChange(before, Kind.SOUND_LEVEL, 0, 1, is.get(0).level()));
      if (length.size() == 1 && is.size() > 1) {
        int i = length.get(0);
        return one(before, Kind.CLIP_TRIM, i, was.get(i).durationMs() / 1000.0, is.get(i).durationMs() / 1000.0);
      }
      if (length.size() > 1 && length.stream().allMatch(i -> is.get(i).isStill())) { // "photos 2 sec each"
        return Optional.of(new LastChange(before, Kind.STILLS, 0, was.get(length.get(0)).durationMs() / 1000.0, is.get(length.get(0)).durationMs() / 1000.0));
      }
      if (!length.isEmpty() && length.size() == is.size()) {
        return Optional.of(new LastChange(before, Kind.LENGTH, 0, before.durationMs() / 1000.0, now.durationMs() / 1000.0));
      }
    }
    // one clip put somewhere else ("put sunset first"): "no, the other one" puts another there, "no, second" puts it there
    if (is.size() == was.size() && !ids(is).equals(ids(was)) && new java.util.HashSet<>(ids(is)).equals(new java.util.HashSet<>(ids(was)))) {
      Optional<LastChange> moved = moved(before, ids(was), ids(is), movedName);
      if (moved.isPresent()) return moved;
    }
    Music a = before.music();
    Music b = now.music();
    if (a == null && b != null) {
      return Optional.of(new LastChange(before, Kind.VOLUME, 0, 1, b.volume())); // added: "music at 30%" on no music
    }
    if (a != null && b != null && a.src().equals(b.src())) {
      if (a.volume() != b.volume()) return Optional.of(new LastChange(before, Kind.VOLUME, 0, a.volume(), b.volume()));
      if (a.fadeOutMs() != b.fadeOutMs()) return Optional.of(new LastChange(before, Kind.FADE_OUT, 0, a.fadeOutMs() / 1000.0, b.fadeOutMs() / 1000.0));
      if (a.fadeInMs() != b.fadeInMs()) return Optional.of(new LastChange(before, Kind.FADE_IN, 0, a.fadeInMs() / 1000.0, b.fadeInMs() / 1000.0));
      if (a.inMs() != b.inMs()) return Optional.of(new LastChange(before, Kind.SONG_START, 0, a.inMs() / 1000.0, b.inMs() / 1000.0));
      if (a.startMs() != b.startMs()) return Optional.of(new LastChange(before, Kind.MUSIC_START, 0, a.startMs() / 1000.0, b.startMs() / 1000.0));
    }
    if (now.transition() != null && !now.transition().equals(before.transition())) {
      return Optional.of(new LastChange(before, Kind.CROSSFADE, 0, 0, now.transition().durationMs() / 1000.0));
    }
    for (Caption c : before.captions()) { // taken off: what "bring it back, make it smaller" is about
      if (now.captions().stream().noneMatch(x -> x.id().equals(c.id()))) return Optional.of(new LastChange(before, Kind.TEXT, 0, 0, 0, c.id()));
    }
    for (Caption c : now.captions()) {
      Caption old = before.captions().stream().filter(x -> x.id().equals(c.id())).findFirst().orElse(null);
      if (old != null && old.size() != c.size() && old.text().equals(c.text())) {
        return Optional.of(new LastChange(before, Kind.TEXT_SIZE, 0, old.size(), c.size(), c.id()));
      }
      if (!c.equals(old)) return Optional.of(new LastChange(before, Kind.TEXT, 0, 0, 0, c.id()));
    }
    return Optional.empty();
  }

  /**
   * The clip that alone changed place, and its place now (from 1); of two neighbours that swapped,
   * the one the turn said it moved ({@code name}), else the one now at an end ("put walk last" moves walk, not the clip that came forward).
   */
  private static Optional<LastChange> moved(Draft before, List<String> was, List<String> is, String name) {
    LastChange found = null;
    for (int i = 0; i < was.size(); i++) {
      if (name != null && !before.clips().get(i).name().equals(name)) continue;
      List<String> a = new ArrayList<>(was);
      List<String> b = new ArrayList<>(is);
      String id = a.remove(i);
      b.remove(id);
      if (!a.equals(b)) continue;
      int at = is.indexOf(id) + 1;
      LastChange c = new LastChange(before, Kind.MOVE, i + 1, 0, at);
      if (at == 1 || at == is.size()) return Optional.of(c);
      if (found == null) found = c;
    }
    return found == null && name != null ? moved(before, was, is, null) : Optional.ofNullable(found);
  }

  private static Optional<LastChange> one(Draft before, Kind kind, int index, double was, double now) {
    return Optional.of(new LastChange(before, kind, index + 1, was, now));
  }

  private static List<String> ids(List<Clip> clips) {
    return clips.stream().map(Clip::id).toList();
  }

  /** What the change was about, as the instructions name it, for "move it to the top", "再大一点"; null when not one thing. */
  String subject() {
    return switch (kind) {
      case VOLUME, FADE_IN, FADE_OUT, SONG_START, MUSIC_START -> "music";
      case TEXT, TEXT_SIZE -> text();
      case SOUND_LEVEL -> "original sound";
      case CLIP_LEVEL, CLIP_SPEED, CLIP_TRIM -> "clip " + clip;
      default -> null;
    };
  }

  /** The text changed as the instructions name it: "title" is the title, "text" the latest other text. */
  private String text() {
    return "title".equals(caption) ? "title" : "text";
  }

  /**
   * "no 'Day One'", "不对 改成 毕业啦" after a text was written: other words for that text, as the
   * text instruction reads them; the message as it was when it is not that.
   */
  String renamed(String message) {
    if (kind != Kind.TEXT || caption == null) return message;
    Matcher m = RENAMED.matcher(message.strip());
    if (!m.matches()) return message;
    String words = m.group(1).strip();
    if (QUOTED.matcher(words).matches()) return ("title".equals(caption) ? "title " : "change the text to ") + words;
    String named = new Said(text(), false).named(words);
    return named.equals(words) ? message : named;
  }

  private static final Pattern RENAMED = Pattern.compile(
      "^(?:(?:no+|nope|nah|wait|actually|sorry|oops|i mean|i meant|不对|不是|哦不|啊不)[\\s,，.!。]*)+(\\S.*)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern QUOTED = Pattern.compile("^[\"“「『‘'].+[\"”」』’']$");

  /** The same request with another value: "actually 50%", "还是15秒吧", "actually 6" (in the change's own unit). */
  Optional<String> with(double value, String unit) {
    boolean share = unit.equals("%") || unit.isEmpty() && (kind == Kind.VOLUME || kind == Kind.CLIP_LEVEL || kind == Kind.SOUND_LEVEL);
    boolean secs = unit.equals("s") || unit.isEmpty() && !share;
    String v = number(value);
    return Optional.ofNullable(switch (kind) {
      case VOLUME -> share ? "music " + v + "%" : null;
      case CLIP_LEVEL -> share ? "clip " + clip + " original sound " + v + "%" : null;
      case SOUND_LEVEL -> share ? "original sound " + v + "%" : null;
      case FADE_OUT -> secs ? "fade out " + v + "s" : null;
      case FADE_IN -> secs ? "fade in " + v + "s" : null;
      case CROSSFADE -> secs ? "crossfade " + v + "s" : null;
      case CLIP_TRIM -> secs ? "trim clip " + clip + " to " + v + "s" : null;
      case CLIP_SPEED -> unit.equals("x") || unit.isEmpty() ? "play clip " + clip + " at " + v + "x" : null;
      case LENGTH -> secs ? "make it " + v + "s" : null;
      case SONG_START -> secs ? "start the song at " + v + "s" : null;
      case MUSIC_START -> secs ? "music starts at " + v + "s" : null;
      case STILLS -> secs ? "photos " + v + "s each" : null;
      default -> null;
    });
  }

  /**
   * The same change on another clip, with its own value: "and city to 4" after a trim, "clip 3
   * 1.5" after a speed; in the change's own unit when none is said. Empty when it was not one clip's.
   */
  Optional<String> onWith(int other, double value, String unit) {
    if (other == clip || other < 1 || other > before.clips().size()) return Optional.empty();
    String v = number(value);
    return Optional.ofNullable(switch (kind) {
      case CLIP_TRIM -> unit.isEmpty() || unit.equals("s") ? "trim clip " + other + " to " + v + "s" : null;
      case CLIP_SPEED -> unit.isEmpty() || unit.equals("x") ? "play clip " + other + " at " + v + "x" : null;
      case CLIP_LEVEL -> unit.isEmpty() || unit.equals("%") ? "clip " + other + " original sound " + v + "%" : null;
      default -> null;
    });
  }

  /** "i meant fade out" after a fade in (or the other way): that fade instead, as long; empty when the last change was not the other fade. */
  Optional<String> otherFade(boolean in) {
    if (in ? kind != Kind.FADE_OUT : kind != Kind.FADE_IN) return Optional.empty();
    return Optional.of((in ? "fade in " : "fade out ") + number(now) + "s");
  }

  /** Whether the change has a length in seconds of its own ("make it 4 sec" after a fade is the fade's). */
  boolean timed() {
    return kind == Kind.FADE_IN || kind == Kind.FADE_OUT || kind == Kind.CROSSFADE || kind == Kind.CLIP_TRIM
        || kind == Kind.SONG_START || kind == Kind.MUSIC_START || kind == Kind.STILLS;
  }

  /** "Not the beach one" after a change to every clip's sound: the same to all but that clip. */
  Optional<String> except(int spared) {
    if (kind != Kind.SOUND_LEVEL || spared < 1 || spared > before.clips().size() || before.clips().size() < 2) return Optional.empty();
    List<String> others = new ArrayList<>();
    for (int i = 1; i <= before.clips().size(); i++) if (i != spared) others.add("clip " + i);
    String which = String.join(" and ", others);
    return Optional.of(now == 0 ? "mute " + which : which + " original sound " + number(now * 100) + "%");
  }

  /** "不要了", "get rid of it": the thing the last change added or set, taken off. */
  Optional<String> removal() {
    return Optional.ofNullable(switch (kind) {
      case CROSSFADE -> "no transitions";
      case FADE_OUT -> "no fade out";
      case FADE_IN -> "no fade in";
      case TEXT -> "title".equals(caption) ? "remove the title" : null;
      default -> null;
    });
  }

  /** The same change on another clip ("no, the other clip", "不对，是第二段"); empty when it was not one clip's. */
  Optional<String> on(int other) {
    if (other == clip || other < 1 || other > before.clips().size()) return Optional.empty();
    return Optional.ofNullable(switch (kind) {
      case REMOVE -> "remove clip " + other;
      case MOVE -> placed(other, (int) now);
      case CLIP_LEVEL -> now == 0 ? "mute clip " + other : "clip " + other + " original sound " + number(now * 100) + "%";
      case CLIP_SPEED -> "play clip " + other + " at " + number(now) + "x";
      case CLIP_TRIM -> "trim clip " + other + " to " + number(now) + "s";
      default -> null;
    });
  }

  /**
   * "A bit more", "less": a step repeated in its direction, or, after a value was set, one step
   * up ("music 40%", "a bit more" is louder); {@code less} goes the other way.
   */
  Optional<String> further(boolean less) {
    boolean up = kind == Kind.VOLUME ? !isStep(now / was, 0.7) : now > was;
    if (less) up = !up;
    return Optional.ofNullable(switch (kind) {
      case VOLUME -> up ? "music louder" : "music quieter";
      case TEXT_SIZE -> text() + (up ? " bigger" : " smaller");
      default -> null;
    });
  }

  /**
   * The change done to something else ("mute the city clip", "the music too", "IMG_3001也是"): a mute,
   * and one clip's length or speed, carry over to another clip.
   */
  Optional<String> alsoFor(String thing) {
    boolean muted = (kind == Kind.CLIP_LEVEL || kind == Kind.SOUND_LEVEL || kind == Kind.VOLUME) && now == 0;
    if (muted) return Optional.of("mute " + thing);
    if (!thing.startsWith("clip ")) return Optional.empty();
    if (kind == Kind.CLIP_TRIM) return Optional.of((before.clips().get(clip - 1).isStill() ? "show " + thing + " for " : "trim " + thing + " to ") + number(now) + "s");
    if (kind == Kind.CLIP_SPEED) return Optional.of("play " + thing + " at " + number(now) + "x");
    return Optional.empty();
  }

  /**
   * "Even slower", "a bit longer", "a bit later": a fade 2 s longer (a crossfade 0.5 s), the photos
   * 2 s longer, the music 2 s later; the other way a fade or crossfade half as long, photos 1 s shorter, the music 2 s sooner.
   */
  Optional<String> lengthened(boolean longer) {
    return Optional.ofNullable(switch (kind) {
      case FADE_OUT -> "fade out " + number(longer ? now + 2 : Math.max(0.5, now / 2)) + "s";
      case FADE_IN -> "fade in " + number(longer ? now + 2 : Math.max(0.5, now / 2)) + "s";
      case CROSSFADE -> "crossfade " + number(longer ? now + 0.5 : Math.max(0.25, now / 2)) + "s";
      case STILLS -> "photos " + number(longer ? now + 2 : Math.max(1, now - 1)) + "s each";
      case MUSIC_START -> "music starts at " + number(longer ? now + MusicStart.LATER_MS / 1000.0 : Math.max(0, now - MusicStart.LATER_MS / 1000.0)) + "s";
      default -> null;
    });
  }

  /** Whether the last change put music in where there was none: "the other one" is then another track. */
  boolean addedMusic() {
    return kind == Kind.VOLUME && before.music() == null;
  }

  /** The still the last change left alone, when it changed one of exactly two; -1 otherwise. */
  int otherStill() {
    List<Integer> stills = new ArrayList<>();
    for (int i = 0; i < before.clips().size(); i++) if (before.clips().get(i).isStill()) stills.add(i + 1);
    return stills.size() == 2 && stills.contains(clip) ? stills.get(0) + stills.get(1) - clip : -1;
  }

  /** "actually make it first", "no wait second" after a clip was moved: that clip to that place instead (from 1). */
  Optional<String> movedTo(int place) {
    return kind == Kind.MOVE ? Optional.of(placed(clip, place)) : Optional.empty();
  }

  /** Clip {@code which} of the clips before, put at {@code place} (from 1), in the words the order instruction reads. */
  private String placed(int which, int place) {
    int n = before.clips().size();
    return "put clip " + which + (place <= 1 ? " first" : place >= n ? " last" : " at clip " + place);
  }

  private static boolean isStep(double ratio, double step) {
    return Math.abs(ratio - step) < 0.005;
  }

  private static String number(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v).replaceAll("0+$", "");
  }
}
