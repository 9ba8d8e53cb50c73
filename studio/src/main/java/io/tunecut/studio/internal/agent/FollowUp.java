package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.agent.language.Message;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message that leans on the turn before: "actually 50%" and "还是15秒吧" (another value),
 * "no, the other clip" and "不对，是第二段" (another clip), "a bit more" (once more), "the music
 * too" (the same to something else), "move it to the top" and "再大一点" (about what it was about).
 * Read as the request it stands for, in the words the instructions read.
 */
final class FollowUp {
  private static final String CORRECTING = "(?:no|nope|actually|hmm+|wait|oh|oops|sorry|i mean|i meant|make (?:it|that)|rather|instead|how about|maybe|change (?:it|that) to"
      + "|longer|shorter|like|about|around|say"
      + "|还是|改成|改为|换成|改到|调到|不对|不是|哦不|啊不|不|算了|那就|就|要|(?:再)?(?:长|短|久)一?[点些])";
  /** Another value: at least one correcting word, then the value alone. */
  private static final Pattern VALUE = Pattern.compile(
      "^(?:" + CORRECTING + "\\s*,?\\s*)+(?:(?:at|to|make it)\\s+)?(\\d+(?:\\.\\d+)?)\\s*(%|s|x)?(?:\\s*(?:instead|then|please|吧|好了|的|就行|啊))*\\s*$");
  /** "nah 3 is enough", "5秒吧", "4 then": another value said plainly, with no correcting word. */
  private static final Pattern VALUE_SAID = Pattern.compile(
      "^(?:(?:no+|nah|nope|actually|hmm+|ok)\\s*,?\\s*)*(\\d+(?:\\.\\d+)?)\\s*(%|s|x)?\\s*(?:吧|then|instead|is enough|is plenty|is fine|is good|will do|就够了|就行|就好)\\s*$");
  /** "i meant fade out" after a fade in: the other end, as long. */
  private static final Pattern OTHER_FADE = Pattern.compile(
      "^(?:no+\\s*,?\\s*)?(?:(?:sorry|oops|wait|actually|i mean|i meant|不对|我是说)\\s*,?\\s*)+(?:the\\s+)?(fade in|fade out)(?:\\s+(?:instead|then|please|pls))?\\s*$");
  /** "actually 60 for the music": another value, for the music named. */
  private static final Pattern FOR_MUSIC = Pattern.compile(
      "^(?:(?:no+|nah|actually|wait|hmm+|make it|i meant?)\\s*,?\\s*)*(\\d+(?:\\.\\d+)?)\\s*%?\\s+(?:for|on)\\s+(?:the\\s+)?(?:music|song)(?:\\s+(?:volume|instead|then|please))*\\s*$");
  /** Another clip: correcting words (or none), then the clip alone. */
  private static final Pattern CLIP = Pattern.compile(
      "^(?:(?:no|nope|nah|wait|oh|hmm+|wrong (?:one|clip)|i meant?|i said|actually|sorry|oops|不对|不是这个|不是这段|不是|是|我说的是|应该是|我要的是)\\s*,?\\s*)*"
          + "(?:the\\s+)?(?:clip (\\d+)|(other) (?:clip|one|video|(pic|photo|picture|image))|(另)(?:1|一)?\\s*(?:个|段|条)(?:视频|片段)?|(first|second|third|fourth|fifth|last)(?: one)?)\\s*(?:one|吧|才对|啊|please)?\\s*$");
  /** All but one: "not the beach one" after muting every clip; "不要clip 1". */
  private static final Pattern EXCEPT = Pattern.compile(
      "^(?:(?:no|nope|wait|oh|actually|but|hmm+|oops|不对|等等)\\s*,?\\s*)*(?:not|except|but not|leave|keep|skip) (?:the\\s+)?clip (\\d+)(?:\\s+(?:one|out|alone|as it was))?\\s*$"
          + "|^(?:(?:不对|等等|等一下)\\s*)*(?:不要|别|除了|不包括|保留)\\s*clip (\\d+)\\s*(?:的|那段)?\\s*(?:原声)?\\s*$");
  /** "不要了", "get rid of it": what the last change added goes. */
  private static final Pattern DROP = Pattern.compile(
      "^(?:(?:算了|还是|actually|nah|hmm+|no)\\s*,?\\s*)*(?:不要了|不要(?:这个|那个)?了?吧?|去掉吧?|删掉吧?|remove (?:it|that)|get rid of (?:it|that)|lose (?:it|that)|no (?:more )?(?:of )?(?:it|that))\\s*$");
  private static final Pattern MORE = Pattern.compile(
      "^(?:(?:a )?(?:bit|little|tad|touch) |even |just |slightly |some )*(more|less)(?:\\s+(?:please|again|than that))*\\s*$"
          + "|^(?:again|once more|do (?:it|that) again|same again)\\s*$|^再?(?:来|多)一?(?:点|些)$|^(少)一?(?:点|些)$");
  /** "lower", "even quieter", "louder": a comparative alone is about what the last change was about. */
  private static final Pattern BARE = Pattern.compile(
      "^(?:(?:a\\s+)?(?:bit|little|tad|touch)\\s+|even\\s+|still\\s+|slightly\\s+|much\\s+|way\\s+)*(lower|quieter|softer|louder|higher)(?:\\s+(?:please|pls|again|still|than that))*\\s*$");
  /** The same to another clip, with its value: "and city to 4" after "trim beach to 6s", "clip 2也剪到4秒". */
  private static final Pattern OTHER_WITH_VALUE = Pattern.compile(
      "^(?:(?:and|also|then|now|same for|same with)\\s+)*(?:the\\s+)?clip (\\d+)\\s*(?:too|as well|also|也)?\\s*(?:to|at|剪到|改成|调到|改到|到)?\\s*"
          + "(\\d+(?:\\.\\d+)?)\\s*(s|%|x)?\\s*(?:too|as well|please|吧)?\\s*$");
  /** The same to something else: "the music too", "音乐也关掉". */
  private static final Pattern TOO = Pattern.compile(
      "^(?:and |also )?(?:the )?(music|original sound|clip \\d+)\\s+(?:too|as well|also)\\s*$|^also (?:the )?(music|original sound|clip \\d+)\\s*$"
          + "|^(music|original sound|clip \\d+)\\s*也(?:要|给)?(?:关掉|关|静音|去掉|一样|这样|是)?(?:吧)?\\s*$"
          // "same for clip 3", "do the same to the kitchen", "clip 3一样"
          + "|^(?:(?:and|also|now|ok)\\s+)?(?:(?:do\\s+)?the\\s+)?same(?:\\s+thing)?\\s+(?:for|with|to|on)\\s+(?:the\\s+)?(music|original sound|clip \\d+)(?:\\s+(?:too|as well|please|pls))?\\s*$"
          + "|^(clip \\d+)\\s*(?:也)?一样(?:吧)?\\s*$");
  /** "the other one too": with two clips, the one the last change left alone. */
  private static final Pattern OTHER_TOO = Pattern.compile(
      "^(?:(?:and|also)\\s+)?(?:the\\s+)?other\\s+(?:one|clip|video)\\s+(?:too|as well|also)\\s*$|^(?:另一段|另一个|另外一段|另外一个)(?:也|也是|也一样)(?:吧)?\\s*$");

  /**
   * "even slower", "a bit longer", 长一点 after a fade or the photos' length: that length; "a bit
   * later" after the music's start: its start. Read before the instructions, which would slow a clip.
   */
  private static final Pattern LONGER = Pattern.compile(
      "^(?:(?:even|a bit|a little|bit|much|way|still|slightly|and)\\s+)*(slower|longer|later|quicker|faster|shorter|sooner|earlier)(?:\\s+(?:please|pls|still|again))?\\s*$"
          + "|^(?:再|更)?(慢|长|久|晚|快|短|早)一?[点些](?:吧)?$");

  /** "actually make it first", "no, last", "no wait second", 放第二: where the clip just moved should go instead. */
  private static final Pattern END = Pattern.compile(
      "^(?:" + CORRECTING + "\\s*,?\\s*)*(?:(?:make|put|move|have) (?:it|that|them)\\s+)?(?:at\\s+|to\\s+|in\\s+)?(?:the\\s+)?(?:very\\s+)?(first|start|beginning|front|last|end|second|third|fourth|fifth|2nd|3rd|4th|5th)(?:\\s+(?:instead|then|please|one|place|spot|position))*\\s*$"
          + "|^(?:还是|不对|改成)?\\s*(?:放)?(?:到|在)?(最前面|最前|开头|第一个|最后面|最后|结尾|第[二三四五2-5](?:个|段)?)(?:吧|才对)?\\s*$"
          // "放第一个" read as "放clip 1": after a move, a place
          + "|^(?:还是|不对|改成)?\\s*放\\s*(?:到|在)?\\s*(clip \\d+)\\s*(?:吧|才对)?\\s*$");

  /** "不对 第二个" after "sunset放第一个": counted with 个 as the move was, a place (第二段 is a clip). */
  private static final Pattern ZH_PLACE = Pattern.compile("^(?:不对|还是|改成|不是)?[\\s,，]*(?:放)?(?:到|在)?第\\s*([一二三四五1-5])\\s*个(?:吧|才对)?[\\s。.!！]*$");

  /** The clause to read instead; {@code replaces} when it takes the last change's place, on the draft before it. */
  record Retry(String text, boolean replaces, boolean negated) {
    Retry(String text, boolean replaces) {
      this(text, replaces, false);
    }
  }

  private FollowUp() {}

  /**
   * Read before the instructions: words that alone would ask something else ("音乐也关掉" would remove
   * the music; "make it 4 sec" after a fade is the fade's length, not the video's).
   */
  static Optional<Retry> before(String clause, LastChange last) {
    Matcher fade = OTHER_FADE.matcher(clause.strip());
    if (fade.matches()) {
      Optional<String> other = last.otherFade(fade.group(1).equals("fade in"));
      if (other.isPresent()) return other.map(t -> new Retry(t, true));
    }
    Matcher longer = LONGER.matcher(clause.strip());
    if (longer.matches()) {
      String w = longer.group(1) != null ? longer.group(1) : longer.group(2);
      Optional<String> t = last.lengthened(w.matches("slower|longer|later|慢|长|久|晚"));
      if (t.isPresent()) return t.map(x -> new Retry(x, false));
    }
    Matcher value = VALUE.matcher(clause);
    if (value.matches() && last.timed() && !"%".equals(value.group(2))) {
      return last.with(Double.parseDouble(value.group(1)), "s").map(t -> new Retry(t, false));
    }
    if (OTHER_TOO.matcher(clause).matches() && last.clip() > 0 && last.before().clips().size() == 2) {
      return last.alsoFor("clip " + (3 - last.clip())).map(t -> new Retry(t, false));
    }
    Matcher too = TOO.matcher(clause);
    if (!too.matches()) return Optional.empty();
    String thing = null;
    for (int g = 1; g <= too.groupCount() && thing == null; g++) thing = too.group(g);
    return last.alsoFor(thing).map(t -> new Retry(t, false));
  }

  /**
   * "No, the other one" when there are three clips or more: which other is a question, asked with
   * the clips listed; the answer names one and is read as "no, clip N".
   */
  static boolean asksWhich(String clause, LastChange last) {
    Matcher clip = CLIP.matcher(clause);
    return clip.matches() && clip.group(3) == null && (clip.group(2) != null || clip.group(4) != null) && last.clip() > 0 && last.before().clips().size() > 2;
  }

  /** Read when no instruction understood the clause on its own. */
  static Optional<Retry> after(String clause, LastChange last) {
    Matcher value = VALUE.matcher(clause);
    if (!value.matches()) value = VALUE_SAID.matcher(clause);
    if (value.matches()) {
      return last.with(Double.parseDouble(value.group(1)), value.group(2) == null ? "" : value.group(2)).map(t -> new Retry(t, true));
    }
    Matcher forMusic = FOR_MUSIC.matcher(clause.strip());
    if (forMusic.matches() && last.before().music() != null) return Optional.of(new Retry("music " + forMusic.group(1) + "%", false));
    Matcher end = END.matcher(clause);
    // "no, last" after a move is where the clip goes, not the last clip
    if (end.matches() && last.kind() == LastChange.Kind.MOVE) return movedTo(end, last);
    Matcher clip = CLIP.matcher(clause);
    if (clip.matches() && clip.group(2) != null && clip.group(3) == null && last.addedMusic()) {
      return Optional.of(new Retry("use the other song", false)); // "use the lofi one", "no the other one"
    }
    if (clip.matches()) {
      int count = last.before().clips().size();
      int other = clip.group(1) != null ? Integer.parseInt(clip.group(1))
          : clip.group(3) != null ? last.otherStill()
          : clip.group(2) != null || clip.group(4) != null ? (count == 2 ? 3 - last.clip() : -1)
          : Message.position(clip.group(5), count);
      return last.on(other).map(t -> new Retry(t, true));
    }
    Matcher except = EXCEPT.matcher(clause);
    if (except.matches()) {
      return last.except(Integer.parseInt(except.group(1) != null ? except.group(1) : except.group(2))).map(t -> new Retry(t, true));
    }
    Matcher another = OTHER_WITH_VALUE.matcher(clause);
    if (another.matches()) {
      return last.onWith(Integer.parseInt(another.group(1)), Double.parseDouble(another.group(2)), another.group(3) == null ? "" : another.group(3))
          .map(t -> new Retry(t, false));
    }
    if (end.matches()) return movedTo(end, last);
    if (DROP.matcher(clause).matches()) return last.removal().map(t -> new Retry(t, false, true));
    Matcher more = MORE.matcher(clause);
    if (more.matches()) {
      boolean less = "less".equals(more.group(1)) || more.group(2) != null;
      return last.further(less).map(t -> new Retry(t, false));
    }
    String subject = last.subject();
    if (subject == null) return Optional.empty();
    Matcher bare = BARE.matcher(clause.strip());
    if (bare.matches() && "music".equals(subject)) return Optional.of(new Retry("music " + clause.strip(), false)); // "way lower" stays a large step
    String about = Message.about(subject, clause);
    return about.equals(clause) ? Optional.empty() : Optional.of(new Retry(about, false));
  }

  /** A place said as typed ({@code message}, before clips are named) after a move. */
  static Optional<Retry> place(String message, LastChange last) {
    Matcher m = ZH_PLACE.matcher(message.strip());
    if (last.kind() != LastChange.Kind.MOVE || !m.matches()) return Optional.empty();
    int place = placeOf(m.group(1), last.before().clips().size());
    return place > last.before().clips().size() ? Optional.empty() : last.movedTo(place).map(t -> new Retry(t, true));
  }

  private static Optional<Retry> movedTo(Matcher end, LastChange last) {
    String w = end.group(1) != null ? end.group(1) : end.group(2) != null ? end.group(2) : end.group(3);
    int n = last.before().clips().size();
    int place = w.matches("first|start|beginning|front|最前面|最前|开头|第一个") ? 1
        : w.matches("last|end|最后面|最后|结尾") ? n
        : placeOf(w.replaceAll("^第|^clip |[个段]$", ""), n);
    return place < 1 || place > n ? Optional.empty() : last.movedTo(place).map(t -> new Retry(t, true));
  }

  /** A place among {@code n} clips: "second", "3rd", "2", 二. */
  private static int placeOf(String word, int n) {
    int zh = "一二三四五".indexOf(word) + 1;
    return zh > 0 ? zh : Message.position(word, n);
  }
}
