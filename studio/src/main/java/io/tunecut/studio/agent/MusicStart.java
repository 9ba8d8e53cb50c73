package io.tunecut.studio.agent;

import io.tunecut.studio.draft.Draft;
import io.tunecut.studio.draft.Music;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When the music starts on the timeline ("start the music at 5 s", "music after 0:03") and
 * where in the track ("start the song from 30 s in", "skip the first 10 seconds of the track").
 */
final class MusicStart implements Instruction {
  private static final String T = "(\\d+:\\d{1,2}(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)\\s*(?:s|sec|secs|seconds?|秒)?";
  private static final Pattern AT = Pattern.compile(
      "(?:start|begin|bring in|come in)s?\\s+(?:the\\s+)?(?:music|song|track|bgm)\\s+(?:at|after|from)\\s+" + T
          + "|(?:music|song|track|bgm)\\s+(?:starts?|begins?|comes? in)\\s+(?:at|after)\\s+" + T
          + "|音乐(?:从|在)\\s*" + T + "\\s*(?:开始|进入|处开始)");
  private static final Pattern OFFSET = Pattern.compile(
      "(?:start|play)\\s+(?:the\\s+)?(?:music|song|track)\\s+from\\s+" + T + "\\s+in(?:to)?\\b"
          + "|skip\\s+the\\s+first\\s+" + T + "\\s+of\\s+the\\s+(?:music|song|track)|(?:从|跳过)歌曲?的?(?:第|前)?\\s*" + T);

  @Override
  public Optional<Edit> apply(Turn turn, Draft draft) {
    Matcher offset = turn.match(OFFSET);
    Matcher at = offset == null ? turn.match(AT) : null;
    if (offset == null && at == null) return Optional.empty();
    Music music = draft.music();
    if (music == null) {
      return Optional.of(Edit.refused(draft, "set_music_start", Edit.args(),
          "There is no background music yet: add a track first.", "还没有背景音乐：请先添加音乐。"));
    }
    long value = Words.clock(first(offset != null ? offset : at));
    if (offset != null) {
      var args = Edit.args().put("in_ms", value);
      return Optional.of(Edit.done(draft.withMusic(music.withTiming(music.startMs(), music.durationMs(), value)),
          "set_music_start", args, "The music now plays from " + Words.secs(value) + " into the track.",
          "音乐从曲目的第 " + Words.zhSecs(value) + "开始播放。"));
    }
    long end = draft.clips().isEmpty() ? music.endMs() : draft.durationMs();
    long st = Math.min(value, Math.max(0, end - 1000));
    var args = Edit.args().put("start_ms", st);
    return Optional.of(Edit.done(draft.withMusic(music.withTiming(st, Math.max(0, end - st), music.inMs())),
        "set_music_start", args, "The music now starts at " + Words.secs(st) + ".",
        "音乐从 " + Words.zhSecs(st) + "开始。"));
  }

  private static String first(Matcher m) {
    for (int g = 1; g <= m.groupCount(); g++) if (m.group(g) != null) return m.group(g);
    return "0";
  }
}
