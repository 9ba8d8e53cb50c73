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

  public enum Kind { SYNC_TO_CUTS, MONTAGE, END_ON_PHRASE, DUCK, NO_DUCK, NOT_NOW }

  private static final Pattern DUCK = Pattern.compile(
      "\\bduck|(?:lower|quieter|down|softer|dip|drop|reduce)\\b.{0,30}\\b(?:when|while|whenever|if|during)\\b.{0,20}\\b(?:talk|speak|voice|says?|talking|speaking|speech)"
          + "|under (?:the )?(?:speech|voices?|talking|dialogue|people talking)|(?:when|while|whenever) (?:people|someone|they|he|she|i|we|somebody|anyone) (?:is |are )?(?:talk|speak)"
          + "|闪避|(?:说话|讲话|人声|对白).{0,14}(?:降低|压低|小声|调低|调小|放小|关小|小一点|小点|变小|轻|让|避让)|(?:降低|压低|调低).{0,8}(?:说话|人声|对白|讲话)");
  private static final Pattern PHRASE = Pattern.compile(
      "end (?:it |the music |the song |music |song )?on (?:a|the) (?:phrase|bar|downbeat)|finish on (?:a|the) (?:phrase|bar)"
          + "|end (?:of|at) (?:a|the) phrase|乐句|小节(?:线)?(?:上)?结束|结束在小节");
  private static final Pattern MONTAGE = Pattern.compile(
      "\\bmontage|cut (?:it |them |the clips |everything |the video )?(?:to|on) the (?:beat|music|rhythm)|beat[- ]?cut"
          + "|(?:a )?cut (?:on )?every (?:\\d+ )?(?:beats?|bar)|shots? (?:of|every) \\d+ beats?|混剪|蒙太奇|按节拍剪|(?:按|跟着|随着|踩着|卡着)\\s*(?:鼓点|节拍|节奏|拍子)\\s*(?:来)?\\s*(?:剪|切)|卡点(?:视频|剪辑)|剪成卡点|每\\s*\\d*\\s*(?:拍|小节)(?:一个镜头|切|剪|换)");
  private static final Pattern SYNC = Pattern.compile(
      "sync|nudge|snap (?:the )?cuts|match (?:the )?(?:music|song) to|line (?:the )?(?:music|song|beats?) up|on the beat|to the beat|卡点|踩点|对齐节拍|节拍对齐"
          + "|\\b(?:cuts?|edits?)\\s+(?:match|hit|land on|fall on|line up with)\\s+(?:the\\s+)?(?:beats?|rhythm)"
          + "|(?:跟着|跟随|配合|对上|对准|贴合)\\s*(?:剪辑点?|镜头切换|切换|画面切换|转场)"
          + "|(?:music|song)\\s*(?:和|跟|与|同)\\s*(?:剪辑点?|镜头切换|切换点?|画面切换|转场)\\s*对(?:齐|上|准)");
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
    boolean duck = DUCK.matcher(m).find();
    if (duck && negated) return Optional.of(new BeatRequest(Kind.NO_DUCK, 0, 0, false, 0));
    if (duck) {
      Matcher db = DB.matcher(m);
      int level = db.find() ? -Math.abs(Integer.parseInt(db.group(1))) : 0;
      return Optional.of(new BeatRequest(Kind.DUCK, 0, 0, false, level));
    }
    if (LEVEL.matcher(m).find()) return Optional.of(new BeatRequest(Kind.NO_DUCK, 0, 0, false, 0));
    if (negated) {
      boolean declined = PHRASE.matcher(m).find() || MONTAGE.matcher(m).find() || SYNC.matcher(m).find();
      return declined ? Optional.of(new BeatRequest(Kind.NOT_NOW, 0, 0, false, 0)) : Optional.empty();
    }
    if (PHRASE.matcher(m).find()) return Optional.of(new BeatRequest(Kind.END_ON_PHRASE, 0, 0, false, 0));
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
