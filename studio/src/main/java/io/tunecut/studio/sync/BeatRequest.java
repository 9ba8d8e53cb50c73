package io.tunecut.studio.sync;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A beat-related instruction read from the user's words (English or Chinese): what to do
 * and its numbers.
 *
 * @param seconds the montage length asked for, or 0
 * @param beatsPerShot shot length in beats asked for, or 0 to choose
 * @param nudge move cuts onto beats as well
 * @param db how far to duck (negative), or 0 for the default
 */
public record BeatRequest(Kind kind, double seconds, int beatsPerShot, boolean nudge, int db) {
  public enum Kind { SYNC_TO_CUTS, MONTAGE, END_ON_PHRASE, DUCK, NO_DUCK }

  private static final Pattern NO_DUCK = Pattern.compile(
      "(don'?t|do not|no|never|stop|without)\\s+(duck|ducking|lower(ing)? the music)"
          + "|不要(闪避|降低|压低)|别(闪避|降低|压低)|不用(闪避|降低|压低)");
  private static final Pattern DUCK = Pattern.compile(
      "\\bduck|lower the music when|quieter when|music down when|under (the )?(speech|voices?|talking)"
          + "|when (people|someone|they|he|she) (talk|speak)|闪避|说话时.*(降低|压低|小声)|人声.*(降低|压低|小声)"
          + "|(降低|压低).*人声");
  private static final Pattern PHRASE = Pattern.compile(
      "end (it |the music |the song )?on (a|the) (phrase|bar|downbeat)|finish on (a|the) (phrase|bar)"
          + "|乐句|小节(线)?(上)?结束|结束在小节");
  private static final Pattern MONTAGE = Pattern.compile(
      "\\bmontage|cut (it |them |the clips |everything )?(to|on) the (beat|music|rhythm)"
          + "|beat[- ]?cut|混剪|蒙太奇|按节拍剪|卡点(视频|剪辑)|剪成卡点");
  private static final Pattern SYNC = Pattern.compile(
      "sync|match (the )?(music|song|track) to|line (the )?(music|beats?) up|on the beat|卡点|踩点|对齐节拍|节拍对齐");
  private static final Pattern NUDGE = Pattern.compile(
      "nudge|snap|move the cuts|shift the cuts|adjust the cuts|微调|挪动剪辑点|移动剪辑点");
  private static final Pattern SECONDS = Pattern.compile(
      "(\\d+(?:\\.\\d+)?)\\s*-?\\s*(seconds?|secs?|s\\b|秒)");
  private static final Pattern MINUTES = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*-?\\s*(minutes?|mins?|分钟)");
  private static final Pattern EVERY_BEATS = Pattern.compile(
      "every (\\d+) beats?|每\\s*(\\d+)\\s*拍");
  private static final Pattern DB = Pattern.compile("(-?\\d+)\\s*db");

  /** The beat request in {@code message}, if it is one. */
  public static Optional<BeatRequest> read(String message) {
    String m = message.toLowerCase(Locale.ROOT).replace('’', '\'');
    if (NO_DUCK.matcher(m).find()) {
      return Optional.of(new BeatRequest(Kind.NO_DUCK, 0, 0, false, 0));
    }
    if (DUCK.matcher(m).find()) {
      Matcher db = DB.matcher(m);
      int level = db.find() ? -Math.abs(Integer.parseInt(db.group(1))) : 0;
      return Optional.of(new BeatRequest(Kind.DUCK, 0, 0, false, level));
    }
    if (PHRASE.matcher(m).find()) {
      return Optional.of(new BeatRequest(Kind.END_ON_PHRASE, 0, 0, false, 0));
    }
    if (MONTAGE.matcher(m).find()) {
      return Optional.of(new BeatRequest(Kind.MONTAGE, seconds(m), beatsPerShot(m), false, 0));
    }
    if (SYNC.matcher(m).find()) {
      return Optional.of(new BeatRequest(Kind.SYNC_TO_CUTS, 0, 0, NUDGE.matcher(m).find(), 0));
    }
    return Optional.empty();
  }

  private static double seconds(String m) {
    Matcher s = SECONDS.matcher(m);
    if (s.find()) {
      return Double.parseDouble(s.group(1));
    }
    Matcher min = MINUTES.matcher(m);
    if (min.find()) {
      return 60 * Double.parseDouble(min.group(1));
    }
    if (m.contains("one minute") || m.contains("a minute") || m.contains("一分钟")) {
      return 60;
    }
    return 0;
  }

  private static int beatsPerShot(String m) {
    Matcher every = EVERY_BEATS.matcher(m);
    if (every.find()) {
      return Integer.parseInt(every.group(1) != null ? every.group(1) : every.group(2));
    }
    if (m.contains("every beat") || m.contains("每拍") || m.contains("每一拍")) {
      return 1;
    }
    if (m.contains("every bar") || m.contains("每小节") || m.contains("每个小节")) {
      return 4;
    }
    return 0;
  }
}
