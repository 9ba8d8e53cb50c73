package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.draft.Music;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where the music stops on the timeline: "stop the music at 12 seconds", "make the music end at 10s", "音乐在第10秒结束". */
final class MusicEnd implements Instruction {
  private static final Pattern END = Pattern.compile(
      "(?:end|stop|finish|cut)\\s+(?:the\\s+)?(?:music|song)\\s+(?:at|after)\\s+(\\d+(?:\\.\\d+)?)s"
          + "|(?:music|song)\\s+(?:should\\s+|to\\s+)?(?:ends?|stops?|finish(?:es)?)\\s+(?:at|after)\\s+(\\d+(?:\\.\\d+)?)s"
          + "|(?:music|song)\\s*(?:在|到)\\s*第?\\s*(\\d+(?:\\.\\d+)?)s\\s*(?:结束|停)");

  @Override
  public Optional<Edit> apply(Turn turn, Draft draft) {
    Matcher m = turn.match(END);
    if (m == null) return Optional.empty();
    return Optional.of(end(draft, Words.ms(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3))));
  }

  /** @param end where the music stops, on the timeline */
  static Edit end(Draft draft, long end) {
    Music music = draft.music();
    if (music == null) {
      return Edit.refused(draft, "set_music_end", Edit.args(),
          "There is no background music yet: add a track first.", "还没有背景音乐：请先添加音乐。");
    }
    long d = Math.max(500, end - music.startMs());
    return Edit.done(draft.withMusic(music.withTiming(music.startMs(), d, music.inMs())), "set_music_end",
        Edit.args().put("end_ms", music.startMs() + d),
        "The music now stops at " + Words.secs(music.startMs() + d) + ".", "音乐在第 " + Words.zhSecs(music.startMs() + d) + "结束。");
  }
}
