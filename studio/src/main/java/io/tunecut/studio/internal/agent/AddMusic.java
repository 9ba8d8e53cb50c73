package io.tunecut.studio.internal.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tunecut.studio.internal.agent.beat.BeatRequest;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.draft.Music;
import io.tunecut.studio.internal.media.Media;
import io.tunecut.studio.internal.media.MediaKind;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds or replaces the background music: "add background music", "use the second track",
 * "use lofi", "change the song", "添加背景音乐", "换成第二首". Without a track, a composed one
 * when the studio has a {@link MusicMaker}.
 */
final class AddMusic implements Instruction {
  private static final Pattern ADD = Pattern.compile(
      "\\b(?:add|adding|use|put|pick|choose|play|with|want|need|give|insert|include|throw in|set|lay|let's have|i'd like)\\b[^\\d]{0,30}?\\b(?:music|song)\\b"
          + "|^(?:some )?music(?: please)?$|(?:加|添加|配|用|放|来|要)\\s*(?:上|个|一首|一段|点|一些|(?:我|刚才|刚刚)?\\s*(?:我)?(?:发|传|上传|给你)的|我的)?\\s*(?:(?:那|这)首\\s*)?(?:music|song)|配(?:个|点|上)?乐");
  private static final Pattern REPLACE = Pattern.compile(
      "\\b(?:replace|change|switch|swap|another|different|other|next)\\b.{0,30}?\\b(?:music|song)\\b|换.{0,6}(?:music|song|首)|(?:music|song)\\s*换掉"
          + "|(?:don't|do not|doesn't) (?:like|love|want) (?:the |this |that )?(?:music|song)(?!\\s+to\\b)|(?:hate|dislike) (?:the |this |that )?(?:music|song)"
          + "|(?:music|song) (?:is |sounds )?(?:boring|bad|awful|terrible|lame|annoying)|不喜欢\\s*(?:music|song)|(?:music|song)\\s*(?:不好听|难听|太难听)"
          + "|\\b(?:use|try|pick|play)\\s+(?:the\\s+)?(?:other|another|next|different)\\s+(?:one|1)\\b|另(?:一|1)首|别的\\s*(?:music|song|首)|其他的?\\s*(?:music|song)");
  private static final Pattern BY_ORDER = Pattern.compile(
      "\\b(first|second|third|fourth|last|\\d(?:st|nd|rd|th))\\s+(?:one|track|song|audio|music|tune|mp3)\\b|\\b(?:track|song)\\s*#?(\\d)\\b|第\\s*(\\d)\\s*(?:首|个\\s*music|个\\s*song)");
  private static final Pattern OTHER_TARGET = Pattern.compile("original sound|title|caption|\\btext\\b|«");
  private static final Pattern GENERIC = Pattern.compile("(?:song|music|track|audio|tune|bgm|soundtrack)");
  private static final Pattern FEATURE = Pattern.compile("\\d+%|fade|loop|duck|volume|louder|quieter|淡|循环|音量|\\d+s");

  @Override
  public Optional<Edit> apply(Turn turn, Draft draft) {
    if (OTHER_TARGET.matcher(turn.whole()).find()) return Optional.empty();
    List<Media> tracks = turn.tracks();
    if (turn.negated() && !turn.has(REPLACE)) return Optional.empty();
    Media ordered = byOrder(turn, tracks);
    Media named = ordered == null ? byName(turn, tracks) : null;
    boolean replace = turn.match(REPLACE) != null;
    if (replace && turn.earlier("replace_music")) return Optional.of(Edit.understood(draft)); // "boring, use the other one"
    Matcher add = ordered != null || named != null || replace ? null : turn.match(ADD);
    if (add != null && ordered == null && named == null && madeByThisClause(draft.music(), turn.media())) {
      return Optional.of(Edit.understood(draft)); // "add some chill music": composed in that style already
    }
    if (add != null && draft.music() != null && !turn.text().replace(add.group(), "").replaceAll("\\b(?:please|pls|now|again|on it|to it|to this|on this|for me)\\b|[^a-z\\p{IsHan}]", "").isEmpty()) {
      turn.discard(); // "play the song just once": about the music already there, not a new one
      add = null;
    }
    boolean asked = ordered != null || named != null || replace || add != null;
    // "把音乐调小一点" with a track sent and none playing: added at that level, as "make the song quieter" is
    if (!asked && draft.music() == null && !tracks.isEmpty() && (turn.has(FEATURE) || turn.has(MusicVolume.QUIETER) || turn.has(MusicVolume.LOUDER))) {
      asked = turn.match(Pattern.compile("\\b(?:music|song)\\b")) != null;
    }
    // "音乐卡点", "sync it to the beat" with a track sent and none playing: the beats are that track's
    if (!asked && draft.music() == null && !tracks.isEmpty()) asked = onTheBeat(turn);
    if (!asked) return Optional.empty();
    Media pick = ordered != null ? ordered : named;
    if (tracks.isEmpty() && turn.maker() != null) {
      // "帮我配个音乐，要那种很燃的": made in the style the rest of the message names
      String style = ComposeMusic.styleBeside(turn, turn.maker()).orElse(null);
      return Optional.of(ComposeMusic.make(turn.maker(), turn.media(), draft, new MusicMaker.Wish(style, 1), "new"));
    }
    return Optional.of(add(draft, turn.media(), pick, replace, turn.maker()));
  }

  private static boolean onTheBeat(Turn turn) {
    return BeatRequest.read(turn.whole(), turn.negated())
        .filter(r -> r.kind() == BeatRequest.Kind.SYNC_TO_CUTS || r.kind() == BeatRequest.Kind.MONTAGE).isPresent();
  }

  /**
   * Plays {@code pick} as the background music; without one, the track playing now, the next
   * one when {@code replace}, or the first; without any track, a composed one.
   */
  static Edit add(Draft draft, List<Media> media, Media pick, boolean replace, MusicMaker maker) {
    List<Media> tracks = media.stream().filter(m -> m.info().kind() == MediaKind.AUDIO).toList();
    if (tracks.isEmpty()) return compose(draft, media, maker);
    var args = Edit.args();
    Music current = draft.music();
    if (pick == null) {
      if (current != null && replace) pick = next(tracks, current.src());
      else if (current != null) pick = tracks.stream().filter(t -> t.id().equals(current.src())).findFirst().orElse(tracks.get(0));
      else pick = tracks.get(0);
    }
    args.put("track", pick.filename()).put("src", pick.id());
    if (current != null && current.src().equals(pick.id())) {
      return Edit.done(draft, "add_music", args,
          "'" + pick.filename() + "' is already the background music.", "「" + pick.filename() + "」已经是背景音乐。");
    }
    return put(draft, pick, args);
  }

  private static Edit put(Draft draft, Media pick, ObjectNode args) {
    Draft next = place(draft, pick);
    return Edit.done(next, draft.music() != null ? "replace_music" : "add_music", args,
        draft.music() != null ? "Replaced the background music with '" + pick.filename() + "'."
            : "Added '" + pick.filename() + "' as background music, " + Words.secs(next.music().startMs()) + "–"
                + Words.secs(next.music().endMs()) + ".",
        (draft.music() != null ? "背景音乐已换成「" : "已添加背景音乐「") + pick.filename() + "」。");
  }

  /** The track as the music: in place of the one playing, or under the whole video. */
  static Draft place(Draft draft, Media track) {
    Music current = draft.music();
    long length = draft.clips().isEmpty() ? Math.round(track.info().durationSeconds() * 1000) : draft.durationMs();
    Music music = current != null
        ? current.withTrack(track.id(), track.filename()).withTiming(current.startMs(), current.durationMs(), 0)
        : new Music("m1", track.id(), track.filename(), 0, length, 0, 1.0, 0, 0, true, null, null);
    return draft.withMusic(music);
  }

  /** No track was sent: compose one when the studio can, or ask for a track. */
  private static Edit compose(Draft draft, List<Media> media, MusicMaker maker) {
    if (maker == null) {
      return Edit.refused(draft, "add_music", Edit.args(),
          "Send me a music track (mp3, wav, m4a, aac, ogg or flac) and I'll add it as background music.",
          "请先发送一首音乐（mp3、wav、m4a、aac、ogg 或 flac），我会把它加为背景音乐。");
    }
    return ComposeMusic.make(maker, media, draft, MusicMaker.Wish.defaults(), "new");
  }

  /** Music that is none of the session's media was composed by an earlier reading of this clause. */
  private static boolean madeByThisClause(Music music, List<Media> media) {
    return music != null && media.stream().noneMatch(m -> m.id().equals(music.src()));
  }

  private static Media next(List<Media> tracks, String currentSrc) {
    for (int i = 0; i < tracks.size(); i++) {
      if (tracks.get(i).id().equals(currentSrc)) return tracks.get((i + 1) % tracks.size());
    }
    return tracks.get(0);
  }

  private static Media byOrder(Turn turn, List<Media> tracks) {
    if (tracks.size() < 2 && !turn.has(Pattern.compile("\\b(?:track|song)\\s*#?\\d|第\\s*\\d\\s*首"))) return null;
    Matcher m = turn.match(BY_ORDER);
    if (m == null) return null;
    String w = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
    int position = switch (w) {
      case "first" -> 1;
      case "second" -> 2;
      case "third" -> 3;
      case "fourth" -> 4;
      case "last" -> -1;
      default -> Integer.parseInt(w.replaceAll("\\D", ""));
    };
    int i = Words.index(position, tracks.size());
    return i < 0 ? null : tracks.get(i);
  }

  /** A track whose name (without extension) is in the message: "use lofi" for lofi-chill.mp3. */
  private static Media byName(Turn turn, List<Media> tracks) {
    for (Media t : tracks) {
      String file = t.filename().toLowerCase(Locale.ROOT);
      String base = file.replaceFirst("\\.[a-z0-9]{1,5}$", "");
      String first = base.split("[-_ .]+")[0];
      String words = Pattern.quote(base).replace("-", "\\E[-_ ]?\\Q");
      // "make the song quieter" with song.ogg: a word that names any music names the music playing, not the file
      Pattern p = Pattern.compile("(?<![a-z\\d])(?!" + GENERIC + "(?![a-z\\d.]))(?:" + Pattern.quote(file) + "|" + words
          + (first.length() >= 3 && !first.equals("music") && !first.equals("loop") ? "|" + Pattern.quote(first) : "") + ")(?![a-z\\d])");
      if (turn.match(p) != null) return t;
    }
    return null;
  }
}
