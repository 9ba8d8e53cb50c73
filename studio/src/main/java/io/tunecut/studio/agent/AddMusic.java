package io.tunecut.studio.agent;

import io.tunecut.studio.draft.Draft;
import io.tunecut.studio.draft.Music;
import io.tunecut.studio.media.Media;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds or replaces the background music: "add background music", "use the second track",
 * "use lofi", "change the song", "添加背景音乐", "换成第二首".
 */
final class AddMusic implements Instruction {
  private static final Pattern MUSIC_WORD = Pattern.compile("music|\\bsong|\\btrack|\\bbgm\\b|\\btune\\b|soundtrack|音乐|配乐|歌|曲");
  private static final Pattern ADD = Pattern.compile(
      "\\b(add|adding|use|put|set|pick|choose|play|with)\\b[^.;!?]{0,40}?(music|song|track|bgm|tune|soundtrack)"
          + "|background music|添加.{0,6}(音乐|配乐)|加.{0,4}(音乐|配乐)|配上?.{0,4}(音乐|乐)|用.{0,8}(首|音乐|歌)|背景音乐");
  private static final Pattern REPLACE = Pattern.compile(
      "\\b(replace|change|switch|swap|another|different|other|next)\\b[^.;!?]{0,30}?(music|song|track|bgm|tune)|换.{0,6}(音乐|歌|首)|换成");
  private static final Pattern BY_ORDER = Pattern.compile(
      Words.ORDINAL + "\\s*(?:one|track|song|audio|music|tune|首|个音乐|个音轨|段音乐)|(?:track|song)\\s*#?(\\d{1,2})\\b");
  private static final Pattern REMOVAL = Pattern.compile(
      "\\b(remove|delete|drop|no|without|mute|take out|get rid of|lose)\\b[^.;!?]{0,20}(music|song|track|bgm)|(删除|去掉|移除|不要|关掉).{0,4}(音乐|配乐)");

  @Override
  public Optional<Edit> apply(Turn turn, Draft draft) {
    if (turn.has(REMOVAL)) return Optional.empty();
    List<Media> tracks = turn.tracks();
    Media named = byName(turn, tracks);
    Media ordered = byOrder(turn, tracks);
    boolean asked = turn.has(ADD) || turn.has(REPLACE) || named != null || ordered != null
        || (draft.music() == null && turn.has(MUSIC_WORD) && !tracks.isEmpty() && !mentionsClipSound(turn));
    if (!asked) return Optional.empty();
    var args = Edit.args();
    if (tracks.isEmpty()) {
      return Optional.of(Edit.refused(draft, "add_music", args,
          "Send me a music track (mp3, wav, m4a, aac, ogg or flac) and I'll add it as background music.",
          "请先发送一首音乐（mp3、wav、m4a、aac、ogg 或 flac），我会把它加为背景音乐。"));
    }
    Media pick = ordered != null ? ordered : named;
    Music current = draft.music();
    if (pick == null) {
      if (current != null && turn.has(REPLACE)) pick = next(tracks, current.src());
      else if (current != null) pick = tracks.stream().filter(t -> t.id().equals(current.src())).findFirst().orElse(tracks.get(0));
      else pick = tracks.get(0);
    }
    args.put("track", pick.filename()).put("src", pick.id());
    if (current != null && current.src().equals(pick.id())) {
      return Optional.of(Edit.done(draft, "add_music", args,
          "'" + pick.filename() + "' is already the background music.",
          "「" + pick.filename() + "」已经是背景音乐。"));
    }
    long length = draft.clips().isEmpty() ? Math.round(pick.info().durationSeconds() * 1000) : draft.durationMs();
    Music music = current != null
        ? current.withTrack(pick.id(), pick.filename()).withTiming(current.startMs(), current.durationMs(), 0)
        : new Music("m1", pick.id(), pick.filename(), 0, length, 0, 1.0, 0, 0, true, null, null);
    String verb = current != null ? "Replaced the background music with" : "Added";
    String end = current != null ? "" : " as background music, " + Words.secs(music.startMs()) + "–" + Words.secs(music.endMs());
    return Optional.of(Edit.done(draft.withMusic(music), current != null ? "replace_music" : "add_music", args,
        verb + " '" + pick.filename() + "'" + end + ".",
        (current != null ? "背景音乐已换成「" : "已添加背景音乐「") + pick.filename() + "」。"));
  }

  private static boolean mentionsClipSound(Turn turn) {
    return turn.text().matches("(?s).*(clip|original|video'?s?|own|voice|原声|视频声).{0,12}(sound|audio|声|音).*");
  }

  private static Media next(List<Media> tracks, String currentSrc) {
    for (int i = 0; i < tracks.size(); i++) {
      if (tracks.get(i).id().equals(currentSrc)) return tracks.get((i + 1) % tracks.size());
    }
    return tracks.get(0);
  }

  private static Media byOrder(Turn turn, List<Media> tracks) {
    Matcher m = turn.match(BY_ORDER);
    if (m == null) return null;
    int position = m.group(1) != null ? Words.ordinal(m.group(1)) : Integer.parseInt(m.group(2));
    int i = Words.index(position, tracks.size());
    return i < 0 ? null : tracks.get(i);
  }

  /** A track whose name (without extension) is in the message: "use lofi" for lofi-beat.mp3. */
  private static Media byName(Turn turn, List<Media> tracks) {
    Media best = null;
    int bestLength = 0;
    for (Media t : tracks) {
      String base = t.filename().toLowerCase(Locale.ROOT).replaceFirst("\\.[a-z0-9]{1,5}$", "");
      for (String candidate : List.of(base, base.split("[-_ .]+")[0])) {
        if (candidate.length() >= 3 && candidate.length() > bestLength && contains(turn.text(), candidate)) {
          best = t;
          bestLength = candidate.length();
        }
      }
    }
    return best;
  }

  private static boolean contains(String text, String word) {
    return Pattern.compile("(?<![\\p{L}\\d])" + Pattern.quote(word) + "(?![\\p{L}\\d])").matcher(text).find();
  }
}
