package io.tunecut.studio.internal.agent.language;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A message in clauses, each read on its own: split at punctuation, "and", "then", 然后, 并且,
 * 再… — but not inside "fade in and out", "swap clip 1 and clip 2" or "2.5s".
 */
final class Clauses {
  private static final Pattern HARD = Pattern.compile(
      "\\s*(?:[,;!?\\n]|\\.(?=\\s|$)|(?<!\\b(?:can|could|will|would) (?:you|u|i|we))\\s+(?:and then|then|also|plus|after that|&|\\+)\\s+"
          // said without a stop: "city clip is too long make it 4 sec" is a complaint, then the request it explains
          + "|(?<=\\btoo (?:long|short|loud|quiet|soft|big|small|fast|slow))\\s+(?=(?:so\\s+|just\\s+|please\\s+)?(?:make|turn|put|set|cut|trim|bring|change|move|speed|slow)\\b)"
          // "fade in 1s fade out 4s": after a request with its value, a word that starts a request starts the next one
          + "|(?<=(?:fade in|fade out|music|volume|speed)(?: (?:to|at|of|over))? \\d{1,3}(?:\\.\\d{1,2})?(?:s|%|x))\\s+(?=(?:fade|music|volume|title|make|set|put|turn|mute|trim|start|crossfade)\\b)"
          // in Chinese a space between two requests is a comma ("去掉原声 音乐循环"), but not after a naming word ("标题叫 海边")
          + "|(?<=\\p{IsHan})(?<![叫是为成写说着])\\s+(?=\\p{IsHan})"
          // "sunset放最前面 beach那段静音": after Chinese words, a clip named starts the next request
          + "|(?<=\\p{IsHan})(?<![把将给让对和跟与从在的叫是为成写说着先再])\\s+(?=clip \\d)|(?<=\\p{IsHan}clip \\d{1,2})\\s+(?=clip \\d{1,2}\\s*\\p{IsHan})"
          // after quoted words, the next request ("字幕「等一下」 音乐调到40%")
          + "|(?<=»)\\s+(?=\\p{IsHan}|(?:music|song|volume|fade|loop|mute|make|set|turn|put|cut|trim)\\b)|然后|并且|同时|接着|还有|另外|以及|(?<!clip \\d{1,2}|结束|放完|播完)之后|而且"
          + "|(?<=\\S)(?<!不要|别|不用|不|没|不必|会|会儿|晚点|放完了?|结束了?|播完了?)再(?=[加把给放用调改换去删剪淡静让做弄设开关])|(?<=\\S)并(?=[加把给放用调改换去删剪淡静让做弄设开关])|(?<=\\S)和(?=[加把给放用调改换去删剪淡静让做弄设开关])(?!剪辑))\\s*");
  private static final Pattern AND = Pattern.compile(
      "(?<!black)(?<!between \\w{1,20})\\s+and\\s+(?!\\d|out\\b|in\\b|«(?!\\d+»\\s+(?:at|on|in)\\s+the\\s+(?:top|bottom|middle|center)\\b)|clip \\d+(?!\\d)(?!\\s+(?:first|last)\\b)|the other\\b)");

  private static final Pattern VALUE = Pattern.compile("(?:(?:like|about|around|maybe|roughly|~|just)\\s*)?(?:(?:to|at|by|for|of|over)\\s+)?(?:\\d+(?:\\.\\d+)?(?:s|%|db))(?:\\s+(?:long|please))?"
      // "longer, like 5": a number said loosely after a comma
      + "|(?:like|about|around|maybe|roughly|~)\\s*\\d+(?:\\.\\d+)?(?:\\s+(?:please|pls))?"
      // "musics still too quiet, 70": a number alone is the value the clause before left out
      + "|\\d{1,3}(?:\\.\\d+)?");

  /** "need some music, something chill": a description alone says more about the request before it. */
  private static final Pattern DESCRIPTION = Pattern.compile("(?:something|anything|smth|sth|kinda|kind of|sort of|like)\\s+[a-z-]+(?:\\s+[a-z-]+)?(?:\\s+please)?");

  private static final Pattern NEXT_CLIP = Pattern.compile("clip \\d+(?:\\s*(?:,|and|&)\\s*clip \\d+)*(?:\\s+(?:next|last|after that|at the end))?");

  private Clauses() {}

  static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    for (String part : HARD.split(text)) {
      for (String clause : AND.split(part)) {
        String c = clause.strip().replaceAll("^(?:and|so|but|ok|okay|also|pls|please|then)\\s+", "").strip();
        if (c.isEmpty() || c.matches("[\\p{Punct}\\s]*")) continue;
        if (!out.isEmpty() && c.matches("(?:放|播).*") && out.get(out.size() - 1).matches(".*先\\s*(?:放|播).*")) {
          out.set(out.size() - 1, out.get(out.size() - 1) + " 再" + c); // "先放 A 再放 B" is one order
        } else if (NEXT_CLIP.matcher(c).matches() && !out.isEmpty() && out.get(out.size() - 1).matches(".*(?<![a-z])clip \\d+.*")) {
          out.set(out.size() - 1, out.get(out.size() - 1) + ", " + c); // "sunset first then beach then city" is one order
        } else if ((VALUE.matcher(c).matches() || DESCRIPTION.matcher(c).matches()) && !out.isEmpty()) {
          out.set(out.size() - 1, out.get(out.size() - 1) + " " + c); // "longer fade out, 6 seconds"
        } else {
          out.add(c);
        }
      }
    }
    return out;
  }
}
