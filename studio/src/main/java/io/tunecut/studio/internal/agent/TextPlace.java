package io.tunecut.studio.internal.agent;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where text sits on the picture, in words both ways: "top right", "in the corner", 左上角, "move
 * it down" read as a caption position; a position said back ("at the top left", "在左上角"). One
 * place for the words, so setting a place and asking where it is speak alike.
 */
final class TextPlace {
  /**
   * A corner before a side: "top left" is a corner, not the top. "The corner" alone is the top
   * left, where a label such as "Day 1" usually goes and where it covers the least.
   */
  static final Pattern WORDS = Pattern.compile(
      "\\b(top|upper|bottom|lower)[- ]?(left|right)(?:[- ]hand)?(?:\\s+corner)?\\b|\\b(left|right)[- ](top|bottom|upper|lower)\\b"
          + "|(左上|右上|左下|右下)(?:角|方|边)?|\\b(?:in|into|to|at) (?:the |a )?corner\\b|\\bcorner\\b|(角落)"
          // "keep it up the whole time" is how long it shows, not where
          + "|\\b(top|upper|up(?!\\s+(?:the whole|the entire|all the|for|until|till|longer|on screen|to the end|through))|bottom|lower|down|center|centered)\\b|(顶部|上方|上面|最上|上边|往上|上移|靠上|底部|下方|下面|最下|下边|往下|下移|靠下|中间|居中|正中|中央)");

  private TextPlace() {}

  /** The position the words ask for ({@link io.tunecut.studio.internal.draft.Caption#POSITIONS}), claiming them; empty when none. */
  static Optional<String> in(Turn turn) {
    Matcher m = turn.match(WORDS);
    return m == null ? Optional.empty() : Optional.of(of(m));
  }

  private static String of(Matcher m) {
    if (m.group(1) != null) return vertical(m.group(1)) + "-" + m.group(2);
    if (m.group(3) != null) return vertical(m.group(4)) + "-" + m.group(3);
    if (m.group(5) != null) {
      return switch (m.group(5)) {
        case "左上" -> "top-left";
        case "右上" -> "top-right";
        case "左下" -> "bottom-left";
        default -> "bottom-right";
      };
    }
    String w = m.group(7) != null ? m.group(7) : m.group(8);
    if (w == null) return "top-left"; // "in the corner", 角落
    return w.matches("top|upper|up|顶部|上方|上面|最上|上边|往上|上移|靠上") ? "top"
        : w.matches("bottom|lower|down|底部|下方|下面|最下|下边|往下|下移|靠下") ? "bottom" : "center";
  }

  private static String vertical(String w) {
    return w.equals("top") || w.equals("upper") ? "top" : "bottom";
  }

  /** "in the middle", "at the top", "at the top left". */
  static String where(String position) {
    return position.equals("center") ? "in the middle" : "at the " + position.replace('-', ' ');
  }

  /** "居中", "在顶部", "在左上角". */
  static String zhWhere(String position) {
    return switch (position) {
      case "top" -> "在顶部";
      case "bottom" -> "在底部";
      case "top-left" -> "在左上角";
      case "top-right" -> "在右上角";
      case "bottom-left" -> "在左下角";
      case "bottom-right" -> "在右下角";
      default -> "居中";
    };
  }
}
