package io.tunecut.core.chat;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a text too long for one message into messages a platform accepts ({@link
 * PortLimits#maxTextLength()}), where a reader would pause: at a paragraph break, else a line
 * break, else a space, else after a Chinese or Japanese punctuation mark.
 */
public final class TextSplitter {
  // A boundary nearer the start than this would leave a stub of a message; cut hard instead.
  private static final double SHORTEST_PART = 0.5;
  private static final String CJK_PAUSES = "。！？；，、：";

  private TextSplitter() {}

  /**
   * The parts of {@code text}, each at most {@code max} chars, never none. A text that fits is
   * the one part, as it is. When cut, the whitespace at each cut goes and no part is blank (a
   * long blank text gives one empty part). A surrogate pair is never cut in two, so with {@code
   * max} 1 a character outside the Basic Multilingual Plane makes a part of 2.
   */
  public static List<String> split(String text, int max) {
    if (max < 1) throw new IllegalArgumentException("max < 1");
    if (text.length() <= max) return List.of(text);
    List<String> parts = new ArrayList<>();
    String rest = text;
    while (rest.length() > max) {
      int cut = cut(rest, max);
      String part = rest.substring(0, cut).stripTrailing();
      if (!part.isBlank()) parts.add(part);
      rest = rest.substring(cut).stripLeading();
    }
    if (!rest.isBlank()) parts.add(rest);
    if (parts.isEmpty()) parts.add("");
    return List.copyOf(parts);
  }

  /** Where to end the first part of {@code text}, which is longer than {@code max}. */
  private static int cut(String text, int max) {
    int shortest = Math.max(1, (int) (max * SHORTEST_PART));
    int at = text.lastIndexOf("\n\n", max);
    if (at >= shortest) return at;
    at = text.lastIndexOf('\n', max);
    if (at >= shortest) return at;
    for (int i = max; i >= shortest; i--) {
      if (Character.isWhitespace(text.charAt(i))) return i;
    }
    for (int i = max; i >= shortest; i--) {
      if (CJK_PAUSES.indexOf(text.charAt(i - 1)) >= 0) return i;
    }
    int hard = max;
    if (Character.isHighSurrogate(text.charAt(hard - 1)) && Character.isLowSurrogate(text.charAt(hard))) hard--;
    return hard == 0 ? 2 : hard;
  }
}
