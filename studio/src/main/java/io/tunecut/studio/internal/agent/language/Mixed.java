package io.tunecut.studio.internal.agent.language;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chinese typed with English words in it ("把music调小一点", "title改成 Day 1", "两个clip中间加个transition"):
 * the English word for a thing or an action is read as the Chinese one, so the Chinese rules read the
 * whole sentence. Only in a message with Chinese in it; quoted words are markers by then and stay.
 */
final class Mixed {
  /** "title改成 Day 1": an English name for the text, next to Chinese, before the words for the screen are lifted. */
  private static final Pattern TEXT_WORD = Pattern.compile("(?i)(?<![a-z])(title|caption|subtitle)s?(?![a-z])(?=\\s*\\p{IsHan})");
  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
  /**
   * Between an English word and a Chinese one, a space: "story的" has no word boundary for the English rules
   * otherwise. Not at a clip the rules named ("把clip 2放…") nor at a letter ("B站").
   */
  private static final Pattern SEAM = Pattern.compile("(?<=[a-z]{2})(?=\\p{IsHan})|(?<=\\p{IsHan})(?=(?!clip \\d)[a-z]{2})");
  private static final Map<String, String> WORDS = Map.ofEntries(
      Map.entry("title", "标题"), Map.entry("caption", "字幕"), Map.entry("subtitle", "字幕"), Map.entry("text", "文字"),
      Map.entry("transition", "转场"), Map.entry("crossfade", "转场"), Map.entry("clip", "片段"), Map.entry("video", "视频"),
      Map.entry("mute", "静音"), Map.entry("fade out", "淡出"), Map.entry("fade in", "淡入"), Map.entry("fade", "淡出"),
      Map.entry("red", "红色"), Map.entry("blue", "蓝色"), Map.entry("yellow", "黄色"), Map.entry("white", "白色"),
      Map.entry("black", "黑色"), Map.entry("green", "绿色"), Map.entry("pink", "粉色"), Map.entry("purple", "紫色"), Map.entry("orange", "橙色"),
      Map.entry("vertical", "竖屏"), Map.entry("portrait", "竖屏"), Map.entry("horizontal", "横屏"), Map.entry("landscape", "横屏"),
      Map.entry("square", "方形"), Map.entry("export", "导出"), Map.entry("render", "导出"), Map.entry("volume", "音量"),
      Map.entry("loop", "循环"), Map.entry("speed up", "加速"), Map.entry("slow mo", "慢放"), Map.entry("slowmo", "慢放"),
      Map.entry("slow motion", "慢放"), Map.entry("send", "发"), Map.entry("upload", "发"), Map.entry("delete", "删掉"),
      Map.entry("remove", "删掉"), Map.entry("swap", "调换"), Map.entry("beat", "节拍"), Map.entry("rhythm", "节奏"), Map.entry("undo", "撤销"), Map.entry("cut", "剪"), Map.entry("trim", "剪"), Map.entry("ins", "instagram"));
  private static final Pattern WORD = Pattern.compile(
      "(\\s*)(?<![a-z])(fade out|fade in|speed up|slow motion|slow mo|[a-z]+)(?![a-z])(?!(?<=clip|clips|video)\\s*\\d)(?:\\s*(?:色|掉))?(\\s*)");

  private Mixed() {}

  /** The raw message with an English text word next to Chinese spelled 标题 or 字幕, so its words can be lifted. */
  static String textWords(String message) {
    if (!HAN.matcher(message).find()) return message;
    return TEXT_WORD.matcher(message).replaceAll(m -> m.group(1).equalsIgnoreCase("title") ? "标题" : "字幕");
  }

  /** A normalised text with Chinese in it, its English words in Chinese ("clip 2", music, numbers stay). */
  static String read(String text) {
    if (!HAN.matcher(text).find()) return text;
    Matcher m = WORD.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String w = m.group(2);
      String zh = WORDS.getOrDefault(w, WORDS.get(w.replaceFirst("(?<=[a-z]{3})s$", ""))); // "clips", "transitions"
      if (zh == null) {
        m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
        continue;
      }
      // the Chinese word joins Chinese beside it, as if typed so: a space there would split the request
      boolean hanBefore = m.start() > 0 && Message.isHan(text.codePointBefore(m.start()));
      boolean hanAfter = m.end() < text.length() && Message.isHan(text.codePointAt(m.end()));
      if (zh.equals("剪") && m.group().contains("掉")) zh = "剪掉"; // "cut掉": 剪掉, the 掉 read with it
      m.appendReplacement(out, Matcher.quoteReplacement((hanBefore ? "" : m.group(1)) + zh + (hanAfter ? "" : m.group(3))));
    }
    m.appendTail(out);
    return SEAM.matcher(out).replaceAll(" ");
  }
}
