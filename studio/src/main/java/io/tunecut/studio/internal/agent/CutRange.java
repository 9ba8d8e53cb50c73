package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.draft.Caption;
import io.tunecut.studio.internal.draft.Clip;
import io.tunecut.studio.internal.draft.Draft;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stretch of the video taken out, wherever its clips begin and end: "cut out 4s to 6s", "remove
 * the part from 0:04 to 0:06", "把4秒到6秒剪掉". The clip it falls in plays on from the other side
 * of the cut; texts after it move up with the picture. "Cut the boring part" names no stretch,
 * so it is asked for.
 */
final class CutRange implements Instruction {
  private static final String T = "(\\d+(?:\\.\\d+)?)\\s*s?";
  private static final Pattern RANGE = Pattern.compile(
      "\\b(?:cut|remove|delete|take|get rid of|drop|skip|lose|chop|trim)\\s+(?:out\\s+)?(?:the\\s+)?(?:part|bit|section|stretch|piece|stuff|footage)?\\s*"
          + "(?:from|between|at)?\\s*" + T + "\\s*(?:to|-|–|and|until|till|thru|through)\\s*" + T + "(?:\\s+out)?"
          + "|(?:把)?(?:第)?" + T + "\\s*(?:到|至|-|–)\\s*(?:第)?" + T + "\\s*(?:之间)?的?(?:部分|那段|这段|内容)?\\s*(?:剪掉|删掉|去掉|删除|不要了?|裁掉|剪了|删了)"
          + "|(?:剪掉|删掉|去掉|删除|裁掉)\\s*(?:第)?" + T + "\\s*(?:到|至|-|–)\\s*(?:第)?" + T);
  /** "cut out the boring part", "the middle drags": a stretch by how it feels, which only the person can point at. */
  private static final Pattern VAGUE = Pattern.compile(
      "\\b(?:cut|remove|take out|get rid of|skip|trim|delete|lose|chop)\\b.*\\b(?:boring|slow|bad|ugly|dull|useless|awkward|unnecessary|blurry|shaky|weird|dead)\\s+(?:part|parts|bit|bits|section|sections|moment|moments|stuff|scene|scenes)\\b"
          + "|\\b(?:the )?(?:middle|center|centre|part|bit|start|end|clip \\d+)\\s+(?:drags|is dragging|drags on|is boring|is too slow|is dull)\\b"
          + "|(?:无聊|没意思|多余|拖沓|难看)的?(?:部分|地方|片段|那段)");
  private static final long MIN_LEFT_MS = 500;

  /** The question which stretch to cut, which a clip cut in the same message ("the middle part drags, cut it") answers. */
  static boolean asksWhich(Edit e) {
    return e.is(Edit.Aside.WHICH_PART);
  }

  @Override
  public Optional<Edit> apply(Turn turn, Draft draft) {
    Matcher m = turn.match(RANGE);
    if (m == null) {
      // "the middle drags": read as the middle clip, still no stretch named
      boolean drags = turn.has(Pattern.compile("\\bdrag"));
      if (turn.match(VAGUE) == null || !drags && turn.has(Pattern.compile("clip \\d|\\d+(?:\\.\\d+)?s"))) return Optional.empty();
      return Optional.of(Edit.question(draft,
          "I can't tell which part is boring. Say which seconds to cut, e.g. \"cut out 4s to 6s\", or which clip to take out (\"remove clip 2\").",
          "我看不出哪段无聊。告诉我剪掉哪几秒，比如“把4秒到6秒剪掉”，或者去掉哪一段（“删掉第二段”）。").as(Edit.Aside.WHICH_PART));
    }
    String[] g = new String[2];
    for (int i = 1, k = 0; i <= m.groupCount() && k < 2; i++) if (m.group(i) != null) g[k++] = m.group(i);
    long from = Words.ms(g[0]);
    long to = Words.ms(g[1]);
    return Optional.of(cut(draft, Math.min(from, to), Math.max(from, to)));
  }

  static Edit cut(Draft draft, long from, long to) {
    var args = Edit.args().put("from_ms", from).put("to_ms", to);
    long total = draft.durationMs();
    if (draft.clips().isEmpty()) {
      return Edit.refused(draft, "cut_range", args, "There are no clips to cut yet: send a video first.", "还没有片段可以剪：先发个视频给我。");
    }
    if (from >= total || to - from < 100) {
      return Edit.refused(draft, "cut_range", args,
          "The video is " + Words.secs(total) + " long: say a stretch inside it, e.g. \"cut out 2s to 4s\".",
          "视频只有 " + Words.zhSecs(total) + "：请说视频里的一段，比如“把2秒到4秒剪掉”。");
    }
    to = Math.min(to, total);
    if (total - (to - from) < MIN_LEFT_MS) {
      return Edit.refused(draft, "cut_range", args,
          "That would leave almost nothing of the " + Words.secs(total) + " video.", "这样剪完视频（" + Words.zhSecs(total) + "）几乎什么都不剩了。");
    }
    List<Clip> clips = new ArrayList<>();
    long start = 0;
    for (Clip c : draft.clips()) {
      long end = start + c.durationMs();
      if (end <= from || start >= to) {
        clips.add(c);
      } else {
        if (start < from) clips.add(c.withDuration(from - start));
        if (end > to) {
          Clip rest = c.withoutHead(to - start);
          clips.add(start < from ? renamed(rest, draft.clips(), clips) : rest);
        }
      }
      start = end;
    }
    long gone = to - from;
    List<Caption> captions = new ArrayList<>();
    for (Caption c : draft.captions()) {
      long s = c.startMs();
      long e = s + c.durationMs();
      long ns = s < from ? s : Math.max(from, s - gone);
      long ne = e <= from ? e : Math.max(from, e - gone);
      if (ne - ns >= 100) captions.add(new Caption(c.id(), c.text(), ns, ne - ns, c.position(), c.size(), c.color(), c.extra()));
    }
    Draft next = draft.withClips(clips).withCaptions(captions);
    return Edit.done(next, "cut_range", args,
        "Cut out " + Words.secs(from) + "–" + Words.secs(to) + ": the video is now " + Words.secs(next.durationMs()) + " long.",
        "已剪掉 " + Words.zhSecs(from) + "–" + Words.zhSecs(to) + "，视频现在 " + Words.zhSecs(next.durationMs()) + "。");
  }

  /** The part after the cut plays as a clip of its own, beside the part before it. */
  private static Clip renamed(Clip c, List<Clip> before, List<Clip> after) {
    List<Clip> all = new ArrayList<>(before);
    all.addAll(after);
    String id = Clip.unusedId(all);
    return new Clip(id, c.src(), c.name(), c.kind(), c.durationMs(), c.inMs(), c.level(), c.speed(), c.beats(), c.extra());
  }
}
