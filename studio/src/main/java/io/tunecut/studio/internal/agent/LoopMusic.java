package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.draft.Music;
import java.util.Optional;
import java.util.regex.Pattern;

/** "loop the music", "don't loop", "play it once", "fit the music to the video", "音乐循环", "不要循环". */
final class LoopMusic implements Instruction {
  private static final Pattern LOOP = Pattern.compile("\\bloop|\\brepeat|循环|重复播放|一直放|放完再放");
  private static final Pattern ONCE = Pattern.compile("play (?:it |music |song )?(?:just )?once|\\b(?:just|only) once\\b|只(?:放|播放?)(?:一|1)(?:遍|次)|(?:放|播放?)(?:一|1)(?:遍|次)就(?:好|行|够)|不要?重复");
  private static final Pattern FIT = Pattern.compile(
      "(?:fit|match|stretch)\\b.{0,25}(?:music|song).{0,25}(?:video|length)|(?:music|song).{0,15}(?:whole|entire|full) video"
          + "|(?:music|song).{0,6}(?:对齐|适配|匹配|铺满).{0,4}视频|(?:music|song)\\s*铺满");

  @Override
  public Optional<Edit> apply(Turn turn, Draft draft) {
    boolean once = turn.match(ONCE) != null;
    boolean loopWord = !once && turn.match(LOOP) != null;
    boolean fit = !once && !loopWord && turn.match(FIT) != null;
    if (!once && !loopWord && !fit) return Optional.empty();
    return Optional.of(loop(draft, !once && !(loopWord && turn.negated())));
  }

  /** On: the music runs to the end of the video, repeated if shorter; off: played once. */
  static Edit loop(Draft draft, boolean on) {
    Music music = draft.music();
    if (music == null) {
      return Edit.refused(draft, "loop_music", Edit.args(),
          "There is no background music yet: add a track first.", "还没有背景音乐：请先添加音乐。");
    }
    Music next = music.withLoop(on);
    if (on) {
      long end = draft.clips().isEmpty() ? music.endMs() : draft.durationMs();
      long st = Math.min(music.startMs(), Math.max(0, end - 1000));
      next = next.withTiming(st, end - st, music.inMs());
    }
    var args = Edit.args().put("loop", next.loop()).put("end_ms", next.endMs());
    String en = !on ? "The music plays once and is not repeated."
        : "The music runs to the end of the video (" + Words.secs(next.endMs()) + "), repeated if it is shorter.";
    String zh = !on ? "音乐只播放一遍，不循环。" : "音乐铺满整个视频（" + Words.zhSecs(next.endMs()) + "），短了就循环。";
    return Edit.done(draft.withMusic(next), "loop_music", args, en, zh);
  }
}
