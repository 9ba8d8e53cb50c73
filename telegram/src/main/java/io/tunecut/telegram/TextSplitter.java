package io.tunecut.telegram;

import java.util.ArrayList;
import java.util.List;

/** Cuts a long text into messages Telegram accepts, at line breaks or spaces where it can. */
final class TextSplitter {
  private TextSplitter() {}

  static List<String> split(String text, int max) {
    List<String> parts = new ArrayList<>();
    String rest = text;
    while (rest.length() > max) {
      int cut = rest.lastIndexOf('\n', max);
      if (cut < max / 2) cut = rest.lastIndexOf(' ', max);
      if (cut < max / 2) cut = max;
      if (Character.isHighSurrogate(rest.charAt(cut - 1))) cut--;
      parts.add(rest.substring(0, cut));
      rest = rest.substring(cut);
      if (rest.startsWith("\n") || rest.startsWith(" ")) rest = rest.substring(1);
    }
    if (!rest.isEmpty() || parts.isEmpty()) parts.add(rest);
    return parts;
  }
}
