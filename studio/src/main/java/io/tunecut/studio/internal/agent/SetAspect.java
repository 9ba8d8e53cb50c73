package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.draft.Aspect;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.draft.Fill;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The frame's shape, by name or by the platform that uses it ("make it vertical", "for
 * TikTok", "B站", "ig story", "square"), and how clips of another shape fill it ("crop them to
 * fill the screen", "blur the sides", "keep black bars").
 */
final class SetAspect implements Instruction {
  private static final Pattern PORTRAIT = Pattern.compile(
      "vertical|portrait|9x16|tik ?tok|douyin|抖音|快手|kuaishou|小红书|视频号|\\breels?\\b|\\bshorts\\b|\\bstor(?:y|ies)\\b|snapchat"
          + "|竖屏|竖版|竖向|竖的|竖过来|手机屏|phone screen|upright");
  private static final Pattern SQUARE = Pattern.compile(
      "(?<!times )\\bsquare\\b|1x1|instagram post|insta post|ig post|\\bfeed post|方形|正方|方的|朋友圈");
  private static final Pattern LANDSCAPE = Pattern.compile(
      "horizontal|landscape|16x9|widescreen|wide screen|youtube(?! shorts)|b站|bilibili|哔哩哔哩|西瓜视频|横屏|横版|横向|横的|横过来|横着|电脑|tv|computer");
  private static final Pattern CROP = Pattern.compile(
      "\\bcrop|fill (?:the |up the )?(?:whole )?(?:screen|frame)|zoom in|full ?screen|(?:no|without) (?:black )?(?:bars|borders|edges)|borderless|铺满|裁剪|裁切|填满|充满|放大填充|去掉黑边|不要黑边");
  private static final Pattern BLUR = Pattern.compile("\\bblur|模糊|虚化|毛玻璃");
  private static final Pattern BARS = Pattern.compile("\\bbars\\b|\\bborders?\\b|letterbox|black (?:bars|borders|edges)|fit (?:inside|in|within) the frame|黑边|留白|不裁剪|不要裁");

  /** A question about something else a platform wants: its length, its size. */
  private static final Pattern OTHER_QUESTION = Pattern.compile(
      "^(?:so\\s+|and\\s+|ok\\s+)?(?:what(?:'s|s| is)?|which|how)\\b.*\\b(?:length|long|duration|file size|size limit|fps|frame rate|bitrate)\\b(?!.*\\b(?:make|set|change|turn|put)\\b)");

  /** "hmm no vertical" after "square": a no to the shape there is, then the one wanted, said without a comma. */
  private static final Pattern NO_THEN_SHAPE = Pattern.compile(
      "^(?:(?:hmm+|oh|wait|um+|ah|actually|ugh|ok|okay)\\s+)*(?:no|nah|nope)\\s+(?:(?:make it|go|do|let's do|use|rather|i want it|it should be)\\s+)?(?:a\\s+)?"
          + "(?:vertical|portrait|square|horizontal|landscape|9x16|16x9|1x1)(?:\\s+(?:one|instead|please|then|pls))?\\s*$");

  @Override
  public Optional<Edit> apply(Turn turn, Draft draft) {
    if (OTHER_QUESTION.matcher(turn.whole()).find()) return Optional.empty(); // "what's the best length for tiktok" asks no shape
    Aspect aspect = turn.match(PORTRAIT) != null ? Aspect.PORTRAIT : turn.match(SQUARE) != null ? Aspect.SQUARE
        : turn.match(LANDSCAPE) != null ? Aspect.LANDSCAPE : null;
    Fill fill = fill(turn);
    if (aspect == null && fill == null) return Optional.empty();
    boolean corrected = aspect != null && draft.output().aspect() != null && draft.output().aspect() != aspect && turn.has(NO_THEN_SHAPE);
    if (turn.negated() && aspect != null && fill == null && !corrected) {
      // "don't make it vertical": nothing is added
      return Optional.of(Edit.answer(draft, "OK — the frame keeps its shape.", "好的，画面比例保持不变。"));
    }
    return Optional.of(shape(draft, aspect, fill));
  }

  /** @param aspect the frame's new shape, or null to keep it; @param fill how other shapes fill it, or null to keep it */
  static Edit shape(Draft draft, Aspect aspect, Fill fill) {
    var out = draft.output();
    var args = Edit.args();
    StringBuilder en = new StringBuilder();
    StringBuilder zh = new StringBuilder();
    if (aspect != null) {
      Aspect.Frame f = aspect.frame(out.shortSide());
      out = out.withAspect(aspect).withFrame(f.width(), f.height());
      args.put("aspect", aspect.wire()).put("width", f.width()).put("height", f.height());
      String name = switch (aspect) {
        case PORTRAIT -> "vertical";
        case SQUARE -> "square";
        case LANDSCAPE -> "horizontal";
      };
      String zhName = switch (aspect) {
        case PORTRAIT -> "竖屏";
        case SQUARE -> "方形";
        case LANDSCAPE -> "横屏";
      };
      en.append("The video is now ").append(name).append(" (").append(aspect.wire()).append(", ").append(f.width()).append("×").append(f.height()).append(").");
      zh.append("画面已设为").append(zhName).append("（").append(aspect.wire()).append("，").append(f.width()).append("×").append(f.height()).append("）。");
    }
    if (fill != null) {
      out = out.withFill(fill);
      args.put("fill", fill.wire());
      en.append(en.length() > 0 ? " " : "").append(switch (fill) {
        case CROP -> "Clips of another shape are cropped to fill the frame.";
        case BLUR -> "Clips of another shape sit over a blurred copy of themselves.";
        case BARS -> "Clips of another shape keep their whole picture, with bars around it.";
      });
      zh.append(switch (fill) {
        case CROP -> "形状不同的片段会裁切铺满画面。";
        case BLUR -> "形状不同的片段用模糊背景填满画面。";
        case BARS -> "形状不同的片段保留完整画面，两边留黑边。";
      });
    }
    return Edit.done(draft.withOutput(out), aspect != null ? "set_aspect" : "set_fill", args, en.toString(), zh.toString());
  }

  private static Fill fill(Turn turn) {
    if (turn.has(BLUR) && !turn.negated()) {
      turn.match(CROP); // "fill the frame with a blurred background": the frame is filled by the blur
      turn.match(BLUR);
      return Fill.BLUR;
    }
    Matcher crop = turn.match(CROP);
    if (crop != null) return Fill.CROP;
    if (turn.match(BLUR) != null) return turn.negated() ? null : Fill.BLUR;
    if (turn.match(BARS) != null) return turn.negated() ? Fill.CROP : Fill.BARS;
    return null;
  }
}
