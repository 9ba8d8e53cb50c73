package io.tunecut.studio.agent;

import io.tunecut.studio.draft.Clip;
import io.tunecut.studio.draft.Draft;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "put the second clip first", "move clip 3 to the end", "swap clips 1 and 2", "reverse the
 * clips", "把第二个片段放到最前".
 */
final class ClipOrder implements Instruction {
  private static final String CLIP = "(?:the\\s+)?(?:" + Words.ORDINAL + "\\s+(?:clip|shot|video)|(?:clip|shot|video)\\s*#?(\\d{1,2}))";
  private static final Pattern MOVE = Pattern.compile(
      "(?:put|move|place|make)\\s+" + CLIP + "\\s+(?:to\\s+the\\s+|at\\s+the\\s+|as\\s+the\\s+)?(first|start|beginning|front|last|end)"
          + "|(?:把)?第\\s*([一二三四五六七八九十\\d]{1,3})\\s*个?(?:片段|视频|镜头|clip)\\s*(?:放到|移到|放在)\\s*(最前|开头|最后|结尾)");
  private static final Pattern SWAP = Pattern.compile(
      "swap\\s+(?:clips?\\s*)?#?(\\d{1,2})\\s+(?:and|with)\\s+(?:clip\\s*)?#?(\\d{1,2})"
          + "|swap\\s+the\\s+" + Words.ORDINAL + "\\s+and\\s+(?:the\\s+)?" + Words.ORDINAL + "\\s+clips?");
  private static final Pattern REVERSE = Pattern.compile("reverse\\s+the\\s+(?:order|clips)|倒序");

  @Override
  public Optional<Edit> apply(Turn turn, Draft draft) {
    Matcher move = turn.match(MOVE);
    Matcher swap = move == null ? turn.match(SWAP) : null;
    boolean reverse = move == null && swap == null && turn.has(REVERSE);
    if (move == null && swap == null && !reverse) return Optional.empty();
    List<Clip> clips = new ArrayList<>(draft.clips());
    if (clips.size() < 2) {
      return Optional.of(Edit.refused(draft, "reorder_clips", Edit.args(),
          "There is only " + clips.size() + " clip on the timeline: nothing to reorder.", "时间线上不到两个片段，无需调整顺序。"));
    }
    var args = Edit.args();
    if (reverse) {
      Collections.reverse(clips);
    } else if (move != null) {
      int pos = move.group(1) != null ? Words.ordinal(move.group(1))
          : move.group(2) != null ? Integer.parseInt(move.group(2)) : Words.hanNumber(move.group(4).replaceAll("\\D", "").isEmpty()
              ? move.group(4) : String.valueOf(Integer.parseInt(move.group(4).replaceAll("\\D", ""))));
      if (move.group(4) != null && move.group(4).matches("\\d+")) pos = Integer.parseInt(move.group(4));
      String where = move.group(3) != null ? move.group(3) : move.group(5);
      int i = Words.index(pos, clips.size());
      if (i < 0) return Optional.of(noSuchClip(draft, pos));
      Clip c = clips.remove(i);
      boolean toFront = where.matches("first|start|beginning|front|最前|开头");
      clips.add(toFront ? 0 : clips.size(), c);
      args.put("clip", c.name()).put("to", toFront ? "first" : "last");
    } else {
      int a = swap.group(1) != null ? Integer.parseInt(swap.group(1)) : Words.ordinal(swap.group(3));
      int b = swap.group(2) != null ? Integer.parseInt(swap.group(2)) : Words.ordinal(swap.group(4));
      int ia = Words.index(a, clips.size());
      int ib = Words.index(b, clips.size());
      if (ia < 0 || ib < 0) return Optional.of(noSuchClip(draft, ia < 0 ? a : b));
      Collections.swap(clips, ia, ib);
    }
    List<String> names = clips.stream().map(Clip::name).toList();
    args.putPOJO("order", names);
    return Optional.of(Edit.done(draft.withClips(clips), "reorder_clips", args,
        "New clip order: " + String.join(", ", names) + ".", "新的片段顺序：" + String.join("、", names) + "。"));
  }

  static Edit noSuchClip(Draft draft, int pos) {
    int n = draft.clips().size();
    return Edit.refused(draft, "edit_clip", Edit.args().put("clip", pos),
        "There is no clip " + (pos == -1 ? "" : pos + " ") + "— the timeline has " + n + (n == 1 ? " clip." : " clips."),
        "没有第 " + pos + " 个片段，时间线上共有 " + n + " 个片段。");
  }
}
