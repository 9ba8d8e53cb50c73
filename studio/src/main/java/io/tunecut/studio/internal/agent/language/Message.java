package io.tunecut.studio.internal.agent.language;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

  /**
   * The person's own words for a clause, to quote back: the clause as shown when they typed it so,
   * else the part of the message it came from ("放左上角", never "caption 放左上角"), else the message.
   */
  public String said(Clause clause) {
    String shown = clause.shown().strip();
    int at = original.toLowerCase(Locale.ROOT).indexOf(shown.toLowerCase(Locale.ROOT));
    if (!shown.isEmpty() && at >= 0) return original.substring(at, at + shown.length());
    // the part most of whose words are the clause's: a word the reading added ("caption" for 字幕, "it" resolved) counts little
    String best = null;
    double most = 0;
    List<String> said = units(shown);
    for (String piece : PIECES.split(original)) {
      List<String> typed = units(Normalizer.halfWidth(piece));
      long found = typed.stream().filter(said::contains).count();
      double score = typed.isEmpty() ? 0 : (double) found / typed.size();
      if (score > most) {
        most = score;
        best = piece.strip();
      }
    }
    return best == null || best.isEmpty() ? original : best;
  }

  /** A text's Chinese characters and its words of two letters or more, lower case. */
  private static List<String> units(String text) {
    List<String> units = new ArrayList<>();
    text.toLowerCase(Locale.ROOT).codePoints().filter(Message::isHan).distinct().forEach(cp -> units.add(Character.toString(cp)));
    for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) if (w.length() > 1 && !units.contains(w)) units.add(w);
    return units;
  }

  /** Where a message's requests part, as typed: punctuation, a space between Chinese words, 然后… */
  private static final Pattern PIECES = Pattern.compile(
      "\\s*(?:[,;!?，；！？。、\\n]|(?<=\\p{IsHan})\\s+(?=\\p{IsHan})|(?i:\\s+(?:and then|then|also|plus|and)\\s+)|然后|并且|同时|接着|还有|另外|以及|而且)\\s*");

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

  static boolean isHan(int cp) {
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
