package io.tunecut.studio.agent;

import io.tunecut.studio.draft.Clip;
import io.tunecut.studio.draft.Draft;
import io.tunecut.studio.media.Media;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "trim the first clip to 5 seconds", "cut the first 2 seconds of clip 2", "cut the last 3
 * seconds of the second clip", "remove clip 3", "第一个片段剪到5秒".
 */
final class ClipTrim implements Instruction {
  private static final String CLIP = "(?:the\\s+)?(?:" + Words.ORDINAL + "\\s+(?:clip|shot|video)|(?:clip|shot|video)\\s*#?(\\d{1,2}))";
  private static final Pattern TO = Pattern.compile(
      "(?:trim|cut|shorten|make)\\s+" + CLIP + "\\s+(?:to|down to)?\\s*" + Words.SECONDS);
  private static final Pattern HEAD_TAIL = Pattern.compile(
      "(?:cut|trim|remove|drop|skip)\\s+(?:off\\s+)?the\\s+(first|last)\\s+" + Words.SECONDS + "\\s+(?:of|from)\\s+" + CLIP);
  private static final Pattern DROP = Pattern.compile("(?:remove|delete|drop)\\s+" + CLIP + "(?!\\s*'?s)");
  private static final Pattern ZH_TO = Pattern.compile("第\\s*([一二三四五六七八九十\\d]{1,3})\\s*个?(?:片段|视频|镜头)\\s*(?:剪|裁|截)(?:到|成|为)\\s*" + Words.SECONDS);

  @Override
  public Optional<Edit> apply(Turn turn, Draft draft) {
    Matcher headTail = turn.match(HEAD_TAIL);
    Matcher to = headTail == null ? turn.match(TO) : null;
    Matcher zh = headTail == null && to == null ? turn.match(ZH_TO) : null;
    Matcher drop = headTail == null && to == null && zh == null ? turn.match(DROP) : null;
    if (headTail == null && to == null && zh == null && drop == null) return Optional.empty();
    List<Clip> clips = new ArrayList<>(draft.clips());
    int pos;
    if (headTail != null) pos = position(headTail.group(3), headTail.group(4));
    else if (to != null) pos = position(to.group(1), to.group(2));
    else if (zh != null) pos = Words.ordinal("第" + zh.group(1));
    else pos = position(drop.group(1), drop.group(2));
    int i = Words.index(pos, clips.size());
    if (i < 0) return Optional.of(ClipOrder.noSuchClip(draft, pos));
    Clip c = clips.get(i);
    long available = available(turn, c);
    var args = Edit.args().put("clip", c.name());
    String en;
    String zhText;
    if (drop != null) {
      clips.remove(i);
      en = "Removed clip " + (i + 1) + " (" + c.name() + ").";
      zhText = "已删除第 " + (i + 1) + " 个片段（" + c.name() + "）。";
      return Optional.of(Edit.done(draft.withClips(clips), "remove_clip", args, en, zhText));
    }
    Clip trimmed;
    if (headTail != null) {
      long cut = Words.ms(headTail.group(2));
      if (cut >= c.durationMs() - 100) {
        return Optional.of(Edit.refused(draft, "trim_clip", args,
            "Clip " + (i + 1) + " is only " + Words.secs(c.durationMs()) + " long: cutting " + Words.secs(cut) + " would leave nothing.",
            "第 " + (i + 1) + " 个片段只有 " + Words.zhSecs(c.durationMs()) + "，剪不了 " + Words.zhSecs(cut) + "。"));
      }
      trimmed = headTail.group(1).equals("first")
          ? c.withIn(c.inMs() + cut).withDuration(c.durationMs() - cut)
          : c.withDuration(c.durationMs() - cut);
    } else {
      long want = Words.ms(to != null ? to.group(3) : zh.group(2));
      trimmed = c.withDuration(Math.max(100, Math.min(want, available)));
    }
    clips.set(i, trimmed);
    args.put("in_ms", trimmed.inMs()).put("duration_ms", trimmed.durationMs());
    en = "Clip " + (i + 1) + " (" + c.name() + ") now plays " + Words.secs(trimmed.durationMs())
        + (trimmed.inMs() > 0 ? " from " + Words.secs(trimmed.inMs()) + " into the clip" : "") + ".";
    zhText = "第 " + (i + 1) + " 个片段（" + c.name() + "）现在播放 " + Words.zhSecs(trimmed.durationMs()) + "。";
    return Optional.of(Edit.done(draft.withClips(clips), "trim_clip", args, en, zhText));
  }

  private static int position(String ordinal, String number) {
    return ordinal != null ? Words.ordinal(ordinal) : Integer.parseInt(number);
  }

  /** How much of the source remains after the clip's start (stills can be any length). */
  private static long available(Turn turn, Clip c) {
    if (c.isStill()) return Long.MAX_VALUE;
    for (Media m : turn.media()) {
      if (m.id().equals(c.src())) return Math.max(100, Math.round(m.info().durationSeconds() * 1000) - c.inMs());
    }
    return c.durationMs();
  }
}
