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

  private static final Pattern DIGIT = Pattern.compile("\\d");
  /** "make the music longer", "音乐短一点": no time said. */
  private static final Pattern LONGER_SHORTER = Pattern.compile(
      "^(?:can you |could you |please )?(?:make\\s+)?(?:the\\s+)?(?:music|song)\\s+(?:a bit |a little |much )?(longer|shorter)\\b"
          + "|^(?:music|song)\\s*(?:再)?\\s*(长|短)\\s*一?\\s*(?:点|些)");

  @Override
  public Optional<Edit> apply(Turn turn, Draft draft) {
    Matcher vague = turn.has(DIGIT) ? null : turn.match(LONGER_SHORTER);
    if (vague != null) return Optional.of(longerOrShorter(draft, vague.group(1) != null ? vague.group(1).equals("longer") : vague.group(2).equals("长")));
    Matcher m = turn.match(END);
    if (m == null) return Optional.empty();
    return Optional.of(end(draft, Words.ms(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3))));
  }

  /** Longer runs the music to the video's end, if it stops before; shorter needs a time. */
  private static Edit longerOrShorter(Draft draft, boolean longer) {
    Music music = draft.music();
    if (music == null) return Edit.answer(draft, "There is no background music yet.", "还没有背景音乐。");
    if (longer && music.endMs() < draft.durationMs()) return end(draft, draft.durationMs());
    if (longer) {
      return Edit.question(draft, "The music already plays to the end of the video (" + Words.secs(draft.durationMs())
              + "). For a longer video, send more clips.",
          "音乐已经放到视频结尾（" + Words.zhSecs(draft.durationMs()) + "）。想要更长的视频，再发几段视频就行。");
    }
    return Edit.question(draft, "Where should the music stop? Say e.g. \"stop the music at " + Words.secs(draft.durationMs() * 2 / 3) + "\".",
        "音乐要在哪里结束？比如说“音乐在第" + Words.zhSecs(draft.durationMs() * 2 / 3) + "结束”。");
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
