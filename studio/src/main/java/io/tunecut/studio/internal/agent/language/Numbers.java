package io.tunecut.studio.internal.agent.language;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Numbers as people write them, in words or Chinese numerals, turned into digits. */
final class Numbers {
  private static final Map<String, Integer> UNITS = Map.ofEntries(
      Map.entry("zero", 0), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
      Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9),
      Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13),
      Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17),
      Map.entry("eighteen", 18), Map.entry("nineteen", 19));
  private static final Map<String, Integer> TENS = Map.of("twenty", 20, "thirty", 30, "forty", 40, "fifty", 50,
      "sixty", 60, "seventy", 70, "eighty", 80, "ninety", 90);
  private static final Pattern WORDS = Pattern.compile(
      "\\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](one|two|three|four|five|six|seven|eight|nine))?\\b"
          + "|\\b(zero|(?:one|a)(?=\\s+(?:hundred|minute|minutes|min)\\b)|one(?=\\s*(?:%|percent|db|s\\b))|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
          + "|seventeen|eighteen|nineteen)\\b(?:\\s+hundred\\b)?");
  private static final String HAN = "零一二两三四五六七八九十百";
  /** Chinese numerals next to a unit or after 第 / 百分之: "二十秒", "第二个", "百分之八十". */
  private static final Pattern HAN_NUMBER = Pattern.compile(
      "(?<=第|pct |前|后|最后|最前|调到|降到|升到|设为|设成|调成|改成|音量)([" + HAN + "]{1,5})|([" + HAN + "]{1,5})(?=\\s*(?:秒|分钟|分|个|段|首|倍|帧|拍|小节|db|分贝|%|s\\b|遍|次|张|成))");

  private Numbers() {}

  static String digits(String text) {
    text = WORDS.matcher(text).replaceAll(m -> {
      if (m.group(1) != null) return String.valueOf(TENS.get(m.group(1)) + (m.group(2) == null ? 0 : UNITS.get(m.group(2))));
      int n = m.group(3).equals("a") ? 1 : UNITS.get(m.group(3));
      return String.valueOf(m.group().endsWith("hundred") ? n * 100 : n);
    });
    Matcher m = HAN_NUMBER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String han = m.group(1) != null ? m.group(1) : m.group(2);
      int n = han(han);
      // "一点" (a little) and "一下" stay words; only true numbers become digits
      m.appendReplacement(out, n < 0 ? Matcher.quoteReplacement(m.group()) : String.valueOf(n));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** 一 … 九百九十九, or -1 when not a number. */
  static int han(String w) {
    int total = 0;
    int digit = -1;
    for (char c : w.toCharArray()) {
      int d = "零一二三四五六七八九".indexOf(c);
      if (c == '两') d = 2;
      if (d >= 0) {
        digit = d;
      } else if (c == '十') {
        total += (digit < 0 ? 1 : digit) * 10;
        digit = -1;
      } else if (c == '百') {
        total += (digit < 0 ? 1 : digit) * 100;
        digit = -1;
      } else {
        return -1;
      }
    }
    return total + Math.max(digit, 0);
  }
}
