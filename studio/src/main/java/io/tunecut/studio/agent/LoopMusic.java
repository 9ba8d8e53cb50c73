package io.tunecut.studio.agent;

import io.tunecut.studio.draft.Draft;
import io.tunecut.studio.draft.Music;
import java.util.Optional;
import java.util.regex.Pattern;

/** "loop the music", "don't loop", "fit the music to the video", "循环播放音乐". */
final class LoopMusic implements Instruction {
  private static final Pattern NO_LOOP = Pattern.compile("(don'?t|do not|no|stop)\\s+(loop|repeat)|play (it )?once|不要循环|不循环");
  private static final Pattern LOOP = Pattern.compile("\\bloop|\\brepeat|循环");
  private static final Pattern FIT = Pattern.compile(
      "(fit|trim|cut|match|stretch)[^.;!?]{0,25}(music|song|track)[^.;!?]{0,25}(video|length|clip)|(music|song|track)[^.;!?]{0,15}(whole|entire|full) video|音乐.{0,6}(对齐|适配|匹配).{0,4}视频");

  @Override
  public Optional<Edit> apply(Turn turn, Draft draft) {
    boolean noLoop = turn.has(NO_LOOP);
    boolean loop = !noLoop && turn.has(LOOP);
    boolean fit = turn.has(FIT);
    if (!noLoop && !loop && !fit) return Optional.empty();
    Music music = draft.music();
    if (music == null) {
      return Optional.of(Edit.refused(draft, "loop_music", Edit.args(),
          "There is no background music yet: add a track first.", "还没有背景音乐：请先添加音乐。"));
    }
    Music next = music.withLoop(!noLoop);
    if (fit || loop) {
      long end = draft.clips().isEmpty() ? music.endMs() : draft.durationMs();
      next = next.withTiming(Math.min(music.startMs(), Math.max(0, end - 1000)), 0, music.inMs());
      next = next.withTiming(next.startMs(), end - next.startMs(), music.inMs());
    }
    var args = Edit.args().put("loop", next.loop()).put("end_ms", next.endMs());
    String en = noLoop ? "The music plays once and is not repeated."
        : "The music runs to the end of the video (" + Words.secs(next.endMs()) + "), repeated if it is shorter and trimmed if longer.";
    String zh = noLoop ? "音乐只播放一遍，不循环。" : "音乐铺满整个视频（" + Words.zhSecs(next.endMs()) + "），短了循环、长了截断。";
    return Optional.of(Edit.done(draft.withMusic(next), "loop_music", args, en, zh));
  }
}
