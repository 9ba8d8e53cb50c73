package io.tunecut.studio.agent;

import io.tunecut.studio.draft.Aspect;
import io.tunecut.studio.draft.Draft;
import java.util.Optional;
import java.util.regex.Pattern;

/** "make it vertical", "9:16", "square", "16:9", "竖屏", "方形", "横屏". */
final class SetAspect implements Instruction {
  private static final Pattern PORTRAIT = Pattern.compile("vertical|portrait|9\\s*[:x/]\\s*16|tiktok|reels?\\b|shorts\\b|stories|竖屏|竖版|竖向");
  private static final Pattern SQUARE = Pattern.compile("square|1\\s*[:x/]\\s*1\\b|方形|正方");
  private static final Pattern LANDSCAPE = Pattern.compile("horizontal|landscape|16\\s*[:x/]\\s*9|widescreen|wide screen|横屏|横版|横向");

  @Override
  public Optional<Edit> apply(Turn turn, Draft draft) {
    Aspect aspect = turn.has(PORTRAIT) ? Aspect.PORTRAIT : turn.has(SQUARE) ? Aspect.SQUARE
        : turn.has(LANDSCAPE) ? Aspect.LANDSCAPE : null;
    if (aspect == null) return Optional.empty();
    Aspect.Frame f = aspect.frame(draft.output().shortSide());
    var next = draft.withOutput(draft.output().withAspect(aspect).withFrame(f.width(), f.height()));
    String name = switch (aspect) {
      case PORTRAIT -> "vertical";
      case SQUARE -> "square";
      case LANDSCAPE -> "horizontal";
    };
    String zh = switch (aspect) {
      case PORTRAIT -> "竖屏";
      case SQUARE -> "方形";
      case LANDSCAPE -> "横屏";
    };
    var args = Edit.args().put("aspect", aspect.wire()).put("width", f.width()).put("height", f.height());
    return Optional.of(Edit.done(next, "set_aspect", args,
        "The video is now " + name + " (" + aspect.wire() + ", " + f.width() + "×" + f.height() + ").",
        "画面已设为" + zh + "（" + aspect.wire() + "，" + f.width() + "×" + f.height() + "）。"));
  }
}
