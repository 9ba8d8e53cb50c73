package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.agent.language.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A problem stated without a value: "video too long", "can barely hear ppl talking", "听不清说话".
 * Beside a request it is why the request was made: read after the requests, it adds nothing they
 * already did and is never reported as not understood. Alone it is the request ("the music is too quiet").
 */
final class Complaint {
  private static final Pattern PROBLEM = Pattern.compile(
      "\\b(?:too|(?:a bit|a little|kinda|kind of|way|so|pretty|really)(?: too)?) (?:long|short|loud|quiet|soft|low|high|fast|slow|small|big|much|hype|busy|hectic|intense|boring|sleepy)\\b"
          + "|\\bcan'?t (?:really )?(?:hear|see|read)\\b|\\b(?:can )?barely (?:hear|see|read|audible|visible)\\b|\\bhard to (?:hear|see|read)\\b|\\bdrown"
          + "|\\b(?:has|there'?s|got) (?:a lot of |so much |some )?(?:wind )?noise\\b|\\bnoisy\\b|有(?:杂音|噪音|风声)"
          + "|太长|太短|太小|太大|太吵|太响|太轻|太快|太慢|有点(?:长|短|吵|响)|听不(?:太|大)?(?:清|到|见)|看不(?:太|大)?(?:清|到|见)|盖住|盖过");

  private Complaint() {}

  static boolean in(Message.Clause clause) {
    // a clip's number is no value: "clip 2 is too long" is a complaint
    return PROBLEM.matcher(clause.text()).find() && !clause.text().replaceAll("clip \\d+", "").matches(".*\\d.*");
  }

  /** The clauses with the complaints moved last, by then the requests beside them are done. */
  static List<Message.Clause> last(List<Message.Clause> clauses) {
    List<Message.Clause> out = new ArrayList<>(clauses.stream().filter(c -> !in(c)).toList());
    out.addAll(clauses.stream().filter(Complaint::in).toList());
    return out;
  }
}
