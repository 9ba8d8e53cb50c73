package io.tunecut.studio.internal.agent.language;

import java.util.regex.Pattern;

/**
 * Words that remove or turn something off: "no fade out", "don't loop", "不要淡出", "take the fade in off".
 * "why not fade it out", "why don't you add music" suggest the thing. "the drop", "skip to the drop" name a part of
 * the song.
 */
final class Negation {
  private static final Pattern OFF = Pattern.compile(
      "\\b(?:no need to|(?:do not|don't) need to|no(?! (?:rush|hurry|worries|worry|problem|pressure|stress|biggie)\\b)|(?<!\\bwhy )(?<!\\d(?:s|%)? )not(?! sure\\b| certain\\b| just\\b| only\\b| \\d)|(?<!\\bwhy )don't|(?<!\\bwhy )do not|doesn't|never|without|w/o|remove|delete|disable|cancel|kill|lose|ditch|skip(?! (?:to|ahead|forward)\\b)|(?<!\\b(?:the|a|at|on|to|till|until|before|after) )drop"
          + "|get rid of|turn off|switch off|no more|stop(?= \\w+ing\\b| the (?:loop|fad|duck)| (?:loop|repeat|fad|duck))|stop(?=\\s*$))\\b"
          + "|\\b(?:take|turn|switch|get)\\b[^,]*\\b(?:off|away)\\b|\\btake (?:\\w+ ){0,4}out\\b|\\boff\\s*$"
          + "|不要(?!急)|别(?!急)|去掉|去除|取消|不用(?!急)|关掉|关闭|删|移除|不需要|拿掉|不想要|无需|不必|没必要|不加|没有");

  /** "don't remove the title", "别去掉原声", "音乐别停": a no to removing keeps the thing, it never removes it. */
  private static final Pattern KEEP = Pattern.compile(
      "\\b(?:don't|do not|never|please don't|no need to|(?:do not|don't) (?:need|want) to)\\s+(?:remove|delete|drop|lose|ditch|kill|cut|trim|stop|get rid of"
          + "|turn off|switch off|disable|take (?:\\w+ ){0,3}(?:out|off|away))\\b|(?:不要|别|不用|不必|无需|不需要|不想)\\s*(?:再)?\\s*(?:把[^,，]{0,12}?)?(?:删除?|删掉|去掉|去除|移除|拿掉|剪掉|剪|裁掉|关掉|关闭|停掉|停止|停)");

  /** "no i meant vertical", "no the title lower": a no that turns back from what came before, not one to what follows. */
  private static final Pattern TURN_ABOUT = Pattern.compile(
      "^(?:no+|nah|nope)\\s*,?\\s+(?=(?:i mean|i meant|i said|wait|actually|sorry|the|make|put|move|set|use|go|do|let'?s)\\b)");

  private Negation() {}

  static boolean in(String clause) {
    String said = TURN_ABOUT.matcher(clause).replaceFirst("");
    return OFF.matcher(said).find() && !KEEP.matcher(said).find();
  }

  /** Whether the clause says no only to removing or cutting something: it asks to keep it. */
  static boolean keeps(String clause) {
    return KEEP.matcher(clause).find();
  }
}
