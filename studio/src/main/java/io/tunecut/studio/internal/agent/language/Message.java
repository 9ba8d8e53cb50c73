package io.tunecut.studio.internal.agent.language;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A chat message as the agent reads it: normalised once, its quoted text lifted out, its
 * references resolved, split into clauses.
 *
 * @param quoted the words meant for the screen, as written; {@code «n»} in a clause points here
 * @param chinese whether to answer in Chinese
 */
public record Message(String original, List<Clause> clauses, List<String> quoted, boolean chinese) {
  private static final Pattern MARKER = Pattern.compile("«(\\d+)»");

  public Message {
    clauses = List.copyOf(clauses);
    quoted = List.copyOf(quoted);
  }

  /**
   * @param clipNames the file names of the clips on the timeline, in order
   * @param language the session's language ("en", "zh"); the message's own script wins
   */
  public static Message read(String message, List<String> clipNames, String language) {
    return read(message, clipNames, clipNames.stream().map(n -> false).toList(), language);
  }

  /**
   * @param stills for each clip, whether it is a still: "the photo", "第二张照片" name those
   */
  public static Message read(String message, List<String> clipNames, List<Boolean> stills, String language) {
    String msg = message == null ? "" : message.strip();
    Quotes.Quoted lifted = Quotes.lift(Mixed.textWords(msg));
    String text = Normalizer.normalize(Normalizer.halfWidth(lifted.text()));
    text = Mixed.read(References.clips(References.stills(text, stills), clipNames));
    List<String> parts = new ArrayList<>();
    for (String c : Clauses.split(text)) parts.add(References.things(c));
    List<Clause> clauses = new ArrayList<>();
    for (String c : References.pronouns(parts)) clauses.add(new Clause(c, restore(c, lifted.quoted()), Negation.in(c)));
    boolean chinese = msg.codePoints().anyMatch(Message::isHan)
        || (msg.codePoints().noneMatch(Character::isLetter) && "zh".equalsIgnoreCase(language));
    return new Message(msg, clauses, lifted.quoted(), chinese);
  }

  /** The whole message normalised as one text (no clauses), for readers of a single request. */
  public static String plain(String message) {
    Quotes.Quoted lifted = Quotes.lift(message == null ? "" : message.strip());
    return References.things(Normalizer.normalize(Normalizer.halfWidth(lifted.text())));
  }

  /** The clip a word places ("first", "second", "last"), counting {@code clips}. */
  public static int position(String word, int clips) {
    return References.position(word, clips);
  }

  /**
   * A clause that names nothing read as about {@code subject} ("move it to the top", "放到上面",
   * "再小一点" after a turn about the title or the music), as a clause after one naming it is.
   */
  public static String about(String subject, String clause) {
    return References.pronouns(List.of(subject, clause)).get(1);
  }

  /** Whether a normalised text says no, don't, without, stop, 不要… */
  public static boolean negates(String text) {
    return Negation.in(text);
  }

  /** Whether a normalised text says no only to removing something ("don't remove the title", "别去掉原声"): keep it. */
  public static boolean keeps(String text) {
    return Negation.keeps(text);
  }

  private static String restore(String clause, List<String> quoted) {
    return MARKER.matcher(clause).replaceAll(m -> Matcher.quoteReplacement("'" + quoted.get(Integer.parseInt(m.group(1))) + "'"));
  }

  private static boolean isHan(int cp) {
    return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
  }

  /**
   * One clause.
   *
   * @param text normalised: digits, {@code 25s}, {@code 50%}, {@code 18db}, {@code clip 2},
   *     {@code music}, quotes as {@code «n»}
   * @param shown the clause as it can be shown back to the person
   * @param negated it says no, don't, without, stop, 不要…: it removes or turns off
   */
  public record Clause(String text, String shown, boolean negated) {}
}
