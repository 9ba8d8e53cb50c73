package io.tunecut.studio.internal.agent;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message that takes back its own request half way: "can the cap toss be first? no wait last",
 * "make it vertical, actually square", "音乐30% 不对 50%". What follows the turn-about is read as
 * the correction of what came before it, as if sent next.
 */
record SelfCorrection(String request, String correction, String instead, boolean sure) {
  private static final String SURE = "wait|actually|sorry|oops|i mean|i meant|or rather|scratch that|不对|不是|哦不|啊不|算了";
  /** "hmm no", "or no": sounds before the no that turns about. */
  private static final String LEAD = "(?:(?:hmm+|oh|um+|ah|or)\\s+)";
  private static final Pattern TURN = Pattern.compile(
      "^(.*?\\S)\\s*(?:[,.!?;…，。！？；]+\\s*|\\s+)"
          + "(" + LEAD + "*(?:(?:no+|nope|nah)\\b|(?:" + SURE + "))(?:[\\s,.!，。！]*(?:no+\\b|nope\\b|nah\\b|" + SURE + "))*)"
          + "[\\s,.!，。！:：]*(\\S.*)$",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
  /** "…no wait, keep it": the request taken back whole. */
  static final Pattern KEEP = Pattern.compile(
      "(?:(?:just|actually|no|ok|okay|thanks|thx|wait)[\\s,]+)*(?:(?:keep|leave) (?:it|that|them|everything|the \\w+)(?: (?:as it is|as is|as they are|like that|alone|the way it (?:is|was)))?|never ?mind|nvm|forget it|don'?t|dont)"
          + "(?:\\s+(?:then|please|pls|lol))?\\s*[.!]*|算了|不用了|还是不要了|保持原样|不改了|别改了",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern TAKEN_BACK = Pattern.compile(
      "^(.*?\\S)[\\s,.!…，。！]+(?:(?:but|hmm+|oh|actually|wait|no|nah|ok|eh)[\\s,.!…]+)*(?:nah|nvm|never ?mind|jk|just kidding|forget (?:it|that)|scratch that|算了吧?|不改了|还是算了|当我没说)[\\s.!~…。！]*$",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
  private static final Pattern SURE_WORD = Pattern.compile("(?:" + SURE + ")", Pattern.CASE_INSENSITIVE);
  /** "no thanks, actually keep it": the sure word after a polite one. */
  private static final Pattern SURE_NEXT = Pattern.compile("^(?:(?:thanks|thank you|thx|ok|okay)[\\s,]+)+(?:" + SURE + ")\\b", Pattern.CASE_INSENSITIVE);

  /**
   * @return the request, the correction as sent next ("no wait last"), the correction alone
   *     ("last") and whether the turn-about is more than a bare "no"; empty when there is none
   */
  static Optional<SelfCorrection> in(String message) {
    Matcher m = TURN.matcher(message.strip());
    if (!m.matches()) return Optional.empty();
    String request = m.group(1).replaceAll("[\\s,.!?;…，。！？；]+$", "");
    String instead = m.group(3).strip();
    if (request.isBlank() || instead.isBlank()) return Optional.empty();
    String turn = m.group(2).strip().replaceFirst("(?i)^" + LEAD + "+", ""); // "or no, at 3" is "no, at 3"
    return Optional.of(new SelfCorrection(request, turn + " " + instead, instead, SURE_WORD.matcher(m.group(2)).find() || SURE_NEXT.matcher(instead).find()));
  }

  /** "i was gonna ask for black and white but nah", "fade out 3s, hmm never mind": the request, taken back at the end. */
  static Optional<String> takenBack(String message) {
    Matcher m = TAKEN_BACK.matcher(message.strip());
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
