package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.draft.Caption;
import io.tunecut.studio.internal.draft.Draft;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * "the text covers her face", "标题挡住脸了": a text in the way of what was filmed goes where faces
 * seldom are, the bottom (or the top, when it is at the bottom already), and the answer says where.
 */
final class TextInTheWay implements Instruction {
  private static final Pattern COVERS = Pattern.compile(
      "\\b(?:title|caption|text|words?|writing|names?|«\\d+»)\\b.{0,20}?\\b(?:covers?|covering|blocks?|blocking|hides?|hiding|(?:is |it'?s |its )?(?:in front of|over|on top of|in the way of)|gets in the way)\\b"
          + ".{0,25}?\\b(?:face|faces|head|eyes|him|her|them|people|everyone|the (?:cake|dog|cat|baby|bride|couple|view|kids?))\\b"
          + "|\\b(?:can'?t|cannot|hard to) see (?:her|his|their|the) (?:face|faces)\\b.{0,25}?\\b(?:title|caption|text|words|writing|names)\\b"
          + "|(?:title|caption|text)\\s*(?:把)?.{0,6}?(?:挡住|挡到|遮住|盖住|挡着|遮挡|挡)了?");

  @Override
  public Optional<Edit> apply(Turn turn, Draft draft) {
    if (turn.negated() || turn.match(COVERS) == null) return Optional.empty();
    boolean title = turn.whole().contains("title");
    Caption c = SetText.named(draft, title);
    if (c == null) c = draft.captions().isEmpty() ? null : draft.captions().get(draft.captions().size() - 1);
    if (c == null) return Optional.of(Edit.answer(draft, "There is no text on the video to move.", "视频上没有可以挪开的文字。"));
    String to = c.position().startsWith("bottom") ? "top" : "bottom";
    Caption moved = new Caption(c.id(), c.text(), c.startMs(), c.durationMs(), to, c.size(), c.color(), c.extra());
    String what = c.id().equals("title") ? "title" : "text";
    return Optional.of(Edit.done(SetText.replace(draft, c, moved), "style_text", Edit.args().put("id", c.id()),
        "Moved the " + what + " '" + c.text() + "' to the " + to + " so it's out of the way. Say \"" + (to.equals("top") ? "bottom" : "top") + "\" if it fits better there.",
        "已把" + (what.equals("title") ? "标题" : "文字") + "「" + c.text() + "」移到" + (to.equals("top") ? "顶部" : "底部") + "，不再挡住画面。觉得" + (to.equals("top") ? "底部" : "顶部") + "更好就说一声。"));
  }
}
