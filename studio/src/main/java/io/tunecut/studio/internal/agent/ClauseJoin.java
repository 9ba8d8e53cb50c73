package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.agent.language.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A clause that finishes the one before it, read as one request: "the living room is too long, 8
 * sec is enough" trims that clip to 8 s; "the first 5 seconds are just me walking, cut them" cuts
 * those seconds. Said apart, each half alone names no edit.
 */
final class ClauseJoin {
  /** "8 sec is enough", "5s would be fine", "8秒就够了": the length the clip before should have. */
  private static final Pattern ENOUGH = Pattern.compile(
      "^(?:(?:like|about|maybe|just)\\s+)?(\\d+(?:\\.\\d+)?)s\\s+(?:is|would be|should be|'s|will be)\\s+(?:enough|plenty|fine|good|ok|okay|long enough)(?:\\s+(?:tbh|imo|i think))?$"
          + "|^(\\d+(?:\\.\\d+)?)s\\s*(?:就够了|就够|就行了?|就好了?|够了)$");
  private static final Pattern ONE_CLIP = Pattern.compile("(?<![a-z])clip (\\d+)(?!\\d)");
  /** The clause before says the clip's length is wrong: "too long", "drags", 太长. */
  private static final Pattern LENGTH_WRONG = Pattern.compile("\\b(?:too long|too short|(?:kinda|a bit|way|so) long|drags?|longer|shorter)\\b|太长|太短|有点长|有点短");
  /** "the first 5 seconds are just me walking": a stretch named at the start of the video. */
  private static final Pattern STRETCH = Pattern.compile("^(?:the\\s+)?(first|last)\\s+(\\d+(?:\\.\\d+)?)s\\b(?!.*\\bclip \\d)");
  private static final Pattern CUT_THEM = Pattern.compile(
      "^(?:(?:so|just|pls|please|then|and|can you|could you|can u)\\s+)*(?:cut|trim|remove|chop|delete|lose|skip)\\s+(?:it|them|that|those|this)(?:\\s+(?:out|off))?(?:\\s+(?:please|pls))?\\s*[!.]*$"
          + "|^(?:那)?(?:就)?(?:帮我)?(?:剪掉|删掉|去掉)(?:它|吧|一下)*$");

  private ClauseJoin() {}

  static List<Message.Clause> joined(List<Message.Clause> clauses) {
    List<Message.Clause> out = new ArrayList<>();
    for (Message.Clause c : clauses) {
      Message.Clause prev = out.isEmpty() ? null : out.get(out.size() - 1);
      String request = prev == null ? null : request(prev.text(), c.text().strip());
      if (request != null) {
        out.set(out.size() - 1, new Message.Clause(request, prev.shown() + ", " + c.shown(), false));
      } else {
        out.add(c);
      }
    }
    return out;
  }

  /** The one request both clauses make, or null when the second stands on its own. */
  private static String request(String before, String clause) {
    Matcher enough = ENOUGH.matcher(clause);
    Matcher clip = ONE_CLIP.matcher(before);
    String named = clip.find() ? clip.group(1) : null;
    if (enough.matches() && named != null && !clip.find() && LENGTH_WRONG.matcher(before).find()) {
      return "trim clip " + named + " to " + (enough.group(1) != null ? enough.group(1) : enough.group(2)) + "s";
    }
    Matcher stretch = STRETCH.matcher(before.strip());
    if (stretch.find() && CUT_THEM.matcher(clause).matches()) return "cut the " + stretch.group(1) + " " + stretch.group(2) + "s";
    return null;
  }
}
