package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.draft.Look;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * "make it black and white" / "黑白", "vintage look" / "复古一点", "back to colour" / "恢复彩色": one
 * colour look over every clip; the text keeps its own colour. Read before what the studio cannot
 * do, where other filters are refused.
 */
final class SetLook implements Instruction {
  private static final Pattern BLACK_AND_WHITE = Pattern.compile(
      "\\bblack (?:and|&|n) white\\b|\\bb ?[&/] ?w\\b|\\b(?:grayscale|greyscale|gr[ae]y ?scale|monochrome|no colou?rs?|colou?rless)\\b|黑白|灰度|去色");
  private static final Pattern SEPIA = Pattern.compile(
      "\\b(?:sepia|vintage|retro|old[- ](?:film|movie|photo|school)|old timey|nostalgic|film look)\\b|复古|怀旧|老电影|老照片|泛黄|做旧");
  /** "back to colour", "in colour again", "remove the black and white", "不要黑白了". */
  private static final Pattern NATURAL = Pattern.compile(
      "\\b(?:back (?:to|in) colou?r|(?:in|with) colou?rs? again|colou?rs? back|original colou?rs?|normal colou?rs?|full colou?r)\\b"
          + "|恢复(?:成)?(?:彩色|原色|颜色)|(?:变回|改回|换回)(?:彩色|原色)|彩色的?吧|原来的颜色");
  private static final Pattern REFUSING = Pattern.compile("\\b(?:no|not|don'?t|without|remove|take off|undo|stop)\\b|不要|别|不用|去掉|取消");
  /** "is it black and white?": how it is, not a request. */
  private static final Pattern ASKING = Pattern.compile("^(?:is|are|was|does|did)\\b|吗\\s*\\??$|\\?$");

  @Override
  public Optional<Edit> apply(Turn turn, Draft draft) {
    if (turn.has(ASKING) && !turn.has(Pattern.compile("\\b(?:can|could|would) (?:you|u)\\b|能|可以"))) return Optional.empty();
    if (turn.match(NATURAL) != null) return Optional.of(look(draft, null));
    boolean bw = turn.has(BLACK_AND_WHITE);
    boolean sepia = !bw && turn.has(SEPIA);
    if (!bw && !sepia) return Optional.empty();
    turn.match(bw ? BLACK_AND_WHITE : SEPIA);
    // "remove the black and white", "不要黑白了", "no vintage filter": the clips' own colours
    if (turn.has(REFUSING)) return draft.output().look() == null ? Optional.empty() : Optional.of(look(draft, null));
    return Optional.of(look(draft, bw ? Look.BLACK_AND_WHITE : Look.SEPIA));
  }

  static Edit look(Draft draft, Look look) {
    var args = Edit.args().put("look", look == null ? "natural" : look.wire());
    Look was = draft.output().look();
    if (look == was) {
      return Edit.done(draft, "set_look", args,
          look == null ? "The clips are in their own colours already." : "The video is " + look.said(false) + " already.",
          look == null ? "片段已经是原来的颜色了。" : "视频已经是" + look.said(true) + "了。");
    }
    Draft next = draft.withOutput(draft.output().withLook(look));
    return Edit.done(next, "set_look", args,
        look == null ? "Back to the clips' own colours." : "The whole video is " + look.said(false) + " now; the text keeps its colour. Say \"back to colour\" to undo it.",
        look == null ? "已恢复片段原来的颜色。" : "整个视频现在是" + look.said(true) + "，文字保持原来的颜色。说“恢复彩色”可以改回来。");
  }
}
