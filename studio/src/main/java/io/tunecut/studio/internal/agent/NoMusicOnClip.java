package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.draft.Music;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "No music on the first clip", "don't want music on the beach clip", "第一个视频不要音乐": the music
 * leaves that clip out. The music is one piece, so it can start after the first clip or end
 * before the last one; it is not removed.
 */
final class NoMusicOnClip implements Instruction {
  private static final Pattern NO_MUSIC = Pattern.compile(
      "\\b(?:no|without|(?:i )?(?:don't|do not) (?:want|need|use|put|play)(?: any)?|not? any|mute|turn off|remove|drop|cut)\\s+(?:the\\s+)?(?:music|song)"
          + "\\s+(?:on|during|over|for|in|under|from)\\s+clip (\\d+)(?!\\d)"
          + "|clip (\\d+)(?!\\d)\\s*(?:上|里|里面|的时候|时)?\\s*(?:不要|不放|别放|不用|别用|不需要|没有|去掉|关掉)\\s*(?:the\\s+)?(?:music|song)"
          + "|(?:music|song)\\s*(?:不要|别|不)\\s*(?:放在|出现在|盖住|在)\\s*clip (\\d+)(?!\\d)");

  @Override
  public Optional<Edit> apply(Turn turn, Draft draft) {
    Matcher m = turn.match(NO_MUSIC);
    if (m == null) return Optional.empty();
    int n = Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
    int count = draft.clips().size();
    if (n < 1 || n > count) return Optional.of(ClipOrder.noSuchClip(draft, n));
    Music music = draft.music();
    if (music == null) return Optional.of(Edit.understood(draft));
    if (n == 1 && count > 1) {
      long st = draft.clipStartMs(1);
      long end = Math.max(st, music.endMs());
      return Optional.of(Edit.done(draft.withMusic(music.withTiming(st, end - st, music.inMs())), "set_music_start",
          Edit.args().put("start_ms", st), "The music now comes in after the first clip, at " + Words.secs(st) + ".",
          "音乐改为在第一段之后（第 " + Words.zhSecs(st) + "）进入。"));
    }
    if (n == count && count > 1) {
      long end = draft.clipStartMs(count - 1);
      long d = Math.max(0, end - music.startMs());
      return Optional.of(Edit.done(draft.withMusic(music.withTiming(music.startMs(), d, music.inMs())), "set_music_end",
          Edit.args().put("end_ms", end), "The music now stops before the last clip, at " + Words.secs(end) + ".",
          "音乐改为在最后一段之前（第 " + Words.zhSecs(end) + "）结束。"));
    }
    return Optional.of(Edit.answer(draft,
        "The music plays as one piece: I can start it after the first clip or end it before the last one. To keep clip " + n
            + " without music, move it first or last and ask again.",
        "背景音乐是一整段：可以从第一段之后开始，或在最后一段之前结束。想让第 " + n + " 段没有音乐，可以先把它移到最前或最后。"));
  }
}
