package io.tunecut.studio.agent;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How people say numbers, positions and lengths, in English and Chinese. */
public final class Words {
  private Words() {}

  /** "first", "2nd", "third", "last", "第二", "第2": matched as an ordinal group. */
  public static final String ORDINAL = "(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|\\d{1,2}(?:st|nd|rd|th)"
      + "|第\\s*[一二三四五六七八九十\\d]{1,3}|最后一?)";
  public static final String SECONDS = "(\\d+(?:\\.\\d+)?)\\s*(?:s|sec|secs|second|seconds|秒|秒钟)(?![a-z])";
  private static final Map<String, Integer> ORDINALS = Map.ofEntries(
      Map.entry("first", 1), Map.entry("second", 2), Map.entry("third", 3), Map.entry("fourth", 4),
      Map.entry("fifth", 5), Map.entry("sixth", 6), Map.entry("seventh", 7), Map.entry("eighth", 8),
      Map.entry("ninth", 9), Map.entry("tenth", 10));
  private static final String HAN_DIGITS = "零一二三四五六七八九";

  /** 1-based position, or -1 for "last"; 0 when not an ordinal. */
  public static int ordinal(String word) {
    String w = word.strip().toLowerCase(Locale.ROOT);
    if (w.startsWith("last") || w.startsWith("最后")) return -1;
    if (ORDINALS.containsKey(w)) return ORDINALS.get(w);
    if (w.startsWith("第")) w = w.substring(1).strip();
    Matcher digits = Pattern.compile("^(\\d+)").matcher(w);
    if (digits.find()) return Integer.parseInt(digits.group(1));
    return hanNumber(w);
  }

  /** 一 … 九十九. */
  public static int hanNumber(String w) {
    if (w.isEmpty()) return 0;
    int ten = w.indexOf('十');
    if (ten < 0) return w.length() == 1 ? Math.max(0, HAN_DIGITS.indexOf(w.charAt(0))) : 0;
    int tens = ten == 0 ? 1 : Math.max(0, HAN_DIGITS.indexOf(w.charAt(0)));
    int ones = ten == w.length() - 1 ? 0 : Math.max(0, HAN_DIGITS.indexOf(w.charAt(ten + 1)));
    return tens * 10 + ones;
  }

  /** The index into a list of {@code size} for a 1-based position or -1 (last); -1 when out of range. */
  public static int index(int position, int size) {
    int i = position == -1 ? size - 1 : position - 1;
    return i >= 0 && i < size ? i : -1;
  }

  public static long ms(String seconds) {
    return Math.round(Double.parseDouble(seconds) * 1000);
  }

  /** "0:05", "1:30" or "5" (seconds) as ms. */
  public static long clock(String value) {
    int colon = value.indexOf(':');
    if (colon < 0) return ms(value);
    return Long.parseLong(value.substring(0, colon)) * 60_000 + ms(value.substring(colon + 1));
  }

  public static String secs(long ms) {
    double s = ms / 1000.0;
    return s == Math.rint(s) ? String.format(Locale.ROOT, "%d s", (long) s) : String.format(Locale.ROOT, "%.1f s", s);
  }

  public static String zhSecs(long ms) {
    double s = ms / 1000.0;
    return s == Math.rint(s) ? String.format(Locale.ROOT, "%d 秒", (long) s) : String.format(Locale.ROOT, "%.1f 秒", s);
  }

  public static String percent(double v) {
    return Math.round(v * 100) + "%";
  }
}
