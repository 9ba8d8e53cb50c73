package io.tunecut.studio.internal.agent.beat;

import io.tunecut.studio.internal.agent.language.Message;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A beat-related instruction read from the user's words (English or Chinese): what to do
 * and its numbers. Reads normalised text ({@link Message}): times as {@code 30s}, levels as
 * {@code 14db}, the music as {@code music} or {@code song}.
 *
 * @param seconds the montage length asked for, or 0
 * @param beatsPerShot shot length in beats asked for, {@link #A_BAR} for a bar of the music's
 *     metre, or 0 to choose
 * @param nudge move cuts onto beats as well
 * @param db how far to duck (negative), or 0 for the default
 */
public record BeatRequest(Kind kind, double seconds, int beatsPerShot, boolean nudge, int db) {
  /** {@code NOT_NOW}: a beat edit declined ("不用卡点"): nothing to do, and nothing else to read into it. */
  /** "Every bar": as many beats as the music has to the bar, known only once it is heard. */
  public static final int A_BAR = -1;

  /** {@code ASK}: a question about the beat ("does it cut on the beat?", "节拍对吗？"): answered, nothing changed. */
  public enum Kind { SYNC_TO_CUTS, MONTAGE, END_ON_PHRASE, DUCK, NO_DUCK, NOT_NOW, ASK }

  private static final Pattern DUCK = Pattern.compile(
      "\\bduck|(?:lower|quieter|down|softer|dip|drop|reduce)\\b.{0,30}\\b(?:when|while|whenever|if|during)\\b.{0,20}\\b(?:talk|speak|voice|says?|talking|speaking|speech)"
          // "the music is too loud during the speech", "the song drowns her out while she talks"
          + "|\\b(?:too loud|(?:covers?|drowns?(?: out)?|overpowers?)\\b.{0,20})\\b.{0,20}?\\b(?:when|while|whenever|during|over|under)\\b.{0,20}?\\b(?:talk|speak|voices?|speech|talking|speaking|toast|vows|dialogue|interview)\\b"
          + "|under (?:the )?(?:speech|voices?|talking|dialogue|people talking)|(?:when|while|whenever) (?:people|someone|they|he|she|i|we|somebody|anyone) (?:is |are )?(?:talk|speak)"
          // "要听到我们说话", "so we can hear them talking": the speech over the music
          + "|\\b(?:want to|wanna|need to|so (?:we|you|i|people) can|to) hear (?:us|them|people|everyone|her|him|the kids?|what (?:we|they|she|he) (?:say|said)) (?:talk|talking|speak|speaking)?"
          // "make the speech part the loudest", "人声要最清楚": the voices above the music
          + "|\\b(?:speech|speaking|talking|voices?|dialogue|vows|toast)(?:\\s+(?:part|parts|bits?|sections?))?\\s+(?:is\\s+|are\\s+)?(?:the\\s+)?(?:loudest|louder than the (?:music|song)|stand out|on top|above the (?:music|song))"
          + "|(?:说话|讲话|人声|对白)(?:的)?(?:部分|地方)?\\s*(?:要)?(?:最响|最大声|最清楚|最突出|盖过(?:music|song))"
          + "|(?:要|想|得|能|需要)(?:能)?听(?:到|得到|得见|清|清楚)(?:我们|他们|人|大家|她|他)?(?:的)?(?:说话|讲话|说的话|声音)"
          + "|(?:说话|讲话|人声|对白|致辞|讲话)[^，。,]{0,14}(?:太大声?|太吵|太响|盖住|盖过|听不清)|闪避|(?:说话|讲话|人声|对白).{0,14}(?:降低|压低|小声|调低|调小|放小|关小|小一点|小点|变小|轻|让|避让)|(?:降低|压低|调低).{0,8}(?:说话|人声|对白|讲话)");
  private static final Pattern PHRASE = Pattern.compile(
      "end (?:it |the music |the song |music |song )?on (?:a|the) (?:phrase|bar|downbeat|beat)|finish on (?:a|the) (?:phrase|bar)"
          + "|end (?:of|at) (?:a|the) phrase|乐句|小节(?:线)?(?:上)?结束|结束在小节"
          // "end the music nicely", "the music just stops at the end", "音乐结尾自然一点"
          + "|\\b(?:end|finish|close)\\s+(?:it\\s+|music\\s+|song\\s+)?(?:nicely|naturally|cleanly|smoothly|properly|gracefully|musically)\\b"
          + "|(?:结尾|结束|收尾)\\s*(?:得)?\\s*(?:自然|好听|完整|舒服)|自然\\s*(?:地|一点)?\\s*(?:结束|收尾)|完整(?:地)?结束|戛然而止|突然(?:断|停)");
  /** "the music just stops at the end": a complaint an ending on a phrase mends, unless a fade is asked for beside it. */
  private static final Pattern PHRASE_COMPLAINT = Pattern.compile(
      "\\b(?:music|song)\\s+(?:just\\s+)?(?:stops|ends|cuts off|cuts out)\\s+(?:abruptly|suddenly|randomly|at the end|in the middle)");
  private static final Pattern FADE = Pattern.compile("\\bfade|淡出");
  /** Asked for with a no: "not in the middle of a bar", "音乐别在半截断掉" ask to end on a phrase. */
  private static final Pattern PHRASE_BY_NO = Pattern.compile(
      "\\b(?:not|don't|do not|never)\\s+(?:\\w+\\s+){0,2}?(?:in the (?:middle|center|centre) of|mid)[- ]?(?:a |the )?(?:bar|phrase|beat)"
          + "|\\b(?:don't|do not|not)\\s+(?:just\\s+)?(?:stop|end|cut off)\\s+(?:abruptly|suddenly|mid)"
          + "|(?:别|不要|不能|不想)\\s*(?:在)?\\s*(?:半截|中间|一半|半路)\\s*(?:就)?\\s*(?:断|停|结束|截断|卡断|没了)"
          + "|结尾\\s*(?:别|不要)\\s*(?:太|那么)?\\s*(?:突然|生硬)|\\b(?:don't|do not)\\s+(?:\\w+\\s+)?end\\s+(?:so\\s+)?(?:abruptly|suddenly)");
  /** "don't cut to the beat yet": a no to a beat edit, said as a no to cutting. */
  private static final Pattern DECLINED = Pattern.compile(
      "\\b(?:don't|do not|no need to|never)\\s+(?:cut|sync|edit|trim)\\b.{0,24}\\b(?:beats?|rhythm|cuts|music)\\b");
  private static final Pattern MONTAGE = Pattern.compile(
      "\\bmontage|cut (?:it |them |the clips |everything |the video )?(?:to|on) the (?:beat|music|rhythm)|beat[- ]?cut"
          + "|(?:a )?cuts? (?:on )?every (?:\\d+ )?(?:beats?|bar)|shots? (?:of|every) \\d+ beats?|混剪|蒙太奇|按节拍剪|(?:按|跟着|随着|踩着|卡着)\\s*(?:(?:music|song)\\s*(?:的)?\\s*)?(?:鼓点|节拍|节奏|拍子)\\s*(?:来)?\\s*(?:剪|切)|卡点(?:视频|剪辑)|剪成卡点|做(?:个|一个)?\\s*(?:\\d+(?:\\.\\d+)?s\\s*(?:的)?)?\\s*卡点|每\\s*\\d*\\s*(?:拍|小节)\\s*(?:都|就)?\\s*(?:一个镜头|切|剪|换)");
  private static final Pattern SYNC = Pattern.compile(
      "sync|nudge|snap (?:the )?cuts|match (?:the )?(?:music|song) to|line (?:the )?(?:music|song|beats?) up|on the beat|to the beat|卡点|踩点|对齐节拍|节拍对齐"
          + "|\\bline (?:up )?(?:the )?(?:music|song|beats?) (?:up )?(?:w|with|to) (?:the )?(?:cuts|edits|clips|transitions)\\b|卡\\s*(?:个|一下|下)\\s*点"
          + "|(?:转场|剪辑点|切换点?|切点|镜头)\\s*(?:要)?\\s*(?:都)?\\s*(?:对上|对准|卡在|踩在|落在|踩|卡|对齐)\\s*(?:到)?\\s*(?:鼓点|节拍|拍子|节奏|拍点)"
          + "|\\b(?:cuts?|edits?)\\s+(?:match|hit|land on|fall on|line up with)\\s+(?:the\\s+)?(?:beats?|rhythm)"
          + "|(?:跟着|跟随|配合|对上|对准|贴合)\\s*(?:剪辑点?|镜头切换|切换|画面切换|转场)"
          + "|(?:music|song)\\s*(?:和|跟|与|同)\\s*(?:剪辑点?|镜头切换|切换点?|画面切换|转场)\\s*对(?:齐|上|准)");
  /** What a question about the beat names. */
  private static final Pattern ABOUT_BEAT = Pattern.compile("\\bbeats?\\b|\\brhythm|\\bbpm\\b|\\btempo\\b|节拍|卡点|踩点|鼓点|拍子|节奏|卡上|踩上|拍点");
  /** Asking how it is: "does it cut on the beat?", "are the cuts on the beat?", "节拍对吗？", "卡点了吗". */
  private static final Pattern QUESTION = Pattern.compile(
      "^(?:does|do|did|is|are|was|were|has|have)\\b|^(?:what(?:'s|s| is)?|how fast)\\b.*\\b(?:bpm|tempo)\\b|(?:bpm|节奏|速度)\\s*(?:是)?(?:多少|多快)|多少\\s*bpm|吗\\s*\\??\\s*$|(?:了没有?|对不对|是不是|准不准|齐不齐)\\s*\\??\\s*$");
  /** A request said as a question ("can you sync it to the cuts?", "能卡点吗？") or with a verb first ("make the cuts hit the beat?"). */
  private static final Pattern REQUEST = Pattern.compile(
      "^(?:can|could|would|will|pls|please)\\b|\\b(?:can|could|would) (?:you|u)\\b|^(?:make|sync|put|cut|snap|nudge|line|match|move|shift|let'?s)\\b"
          + "|能不能|可不可以|可以|^能|帮|请|麻烦|^(?:把|让|给)");

  /** "keep the music level": the same as "no ducking". */
  private static final Pattern LEVEL = Pattern.compile("keep (?:the )?(?:music|song) (?:level|steady|constant|even)\\b(?!\\s*(?:at|to)\\b)");
  private static final Pattern NUDGE = Pattern.compile(
      "nudge|snap|move the cuts|shift the cuts|adjust the cuts|微调|挪动剪辑点|移动剪辑点");
  private static final Pattern SECONDS = Pattern.compile("(\\d+(?:\\.\\d+)?)s(?![a-z])");
  private static final Pattern EVERY_BEATS = Pattern.compile("every (\\d+) beats?|(\\d+) beats? (?:each|per shot|a shot)|每\\s*(\\d+)\\s*拍");
  private static final Pattern DB = Pattern.compile("(-?\\d+)db");

  /** The beat request in a raw message, if it is one. */
  public static Optional<BeatRequest> read(String message) {
    String text = Message.plain(message);
    return read(text, Message.negates(text));
  }

  /** The beat request in one normalised clause, if it is one. */
  public static Optional<BeatRequest> read(String clause, boolean negated) {
    String m = clause;
    if (ABOUT_BEAT.matcher(m).find() && QUESTION.matcher(m.strip()).find() && !REQUEST.matcher(m.strip()).find()) {
      return Optional.of(new BeatRequest(Kind.ASK, 0, 0, false, 0));
    }
    boolean duck = DUCK.matcher(m).find();
    if (duck && negated) return Optional.of(new BeatRequest(Kind.NO_DUCK, 0, 0, false, 0));
    if (duck) {
      Matcher db = DB.matcher(m);
      int level = db.find() ? -Math.abs(Integer.parseInt(db.group(1))) : 0;
      return Optional.of(new BeatRequest(Kind.DUCK, 0, 0, false, level));
    }
    if (LEVEL.matcher(m).find()) return Optional.of(new BeatRequest(Kind.NO_DUCK, 0, 0, false, 0));
    if (PHRASE_BY_NO.matcher(m).find()) return Optional.of(new BeatRequest(Kind.END_ON_PHRASE, 0, 0, false, 0));
    if (negated || DECLINED.matcher(m).find()) {
      boolean declined = PHRASE.matcher(m).find() || PHRASE_COMPLAINT.matcher(m).find() || MONTAGE.matcher(m).find() || SYNC.matcher(m).find();
      return declined ? Optional.of(new BeatRequest(Kind.NOT_NOW, 0, 0, false, 0)) : Optional.empty();
    }
    if (PHRASE.matcher(m).find() || PHRASE_COMPLAINT.matcher(m).find() && !FADE.matcher(m).find()) {
      return Optional.of(new BeatRequest(Kind.END_ON_PHRASE, 0, 0, false, 0));
    }
    if (MONTAGE.matcher(m).find()) return Optional.of(new BeatRequest(Kind.MONTAGE, seconds(m), beatsPerShot(m), false, 0));
    if (SYNC.matcher(m).find()) return Optional.of(new BeatRequest(Kind.SYNC_TO_CUTS, 0, 0, NUDGE.matcher(m).find(), 0));
    return Optional.empty();
  }

  private static double seconds(String m) {
    Matcher s = SECONDS.matcher(m);
    return s.find() ? Double.parseDouble(s.group(1)) : 0;
  }

  private static int beatsPerShot(String m) {
    Matcher every = EVERY_BEATS.matcher(m);
    if (every.find()) {
      for (int g = 1; g <= every.groupCount(); g++) if (every.group(g) != null) return Integer.parseInt(every.group(g));
    }
    if (m.matches("(?s).*(?:every beat|每拍|每一拍|每1拍).*")) return 1;
    if (m.matches("(?s).*(?:every bar|每小节|每个小节|每1小节|每一小节).*")) return A_BAR;
    return 0;
  }
}
