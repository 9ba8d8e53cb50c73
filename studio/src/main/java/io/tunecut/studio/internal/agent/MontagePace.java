package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.draft.Draft;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "make the cuts faster" on a montage: the montage again in shots of fewer beats, every 2 (every
 * beat when it was every 2 already; "slower cuts": every 8). On a montage "make it faster" asks the
 * same: its pace is its cuts, and speeding its shots up would leave the cuts off the beat.
 */
final class MontagePace {
  private static final Pattern FASTER_CUTS = Pattern.compile(
      "^(?:(?:can you|could you|pls|please|ok|now|and)\\s+)*(?:make\\s+)?(?:the\\s+)?(?:cuts?|cutting|shots?|editing|pace)\\s+(?:a\\s+(?:bit|little)\\s+|even\\s+|much\\s+)?(?:faster|quicker|shorter)(?:\\s+please)?\\s*$"
          + "|^(?:(?:a\\s+(?:bit|little)|even)\\s+)?(?:faster|quicker|shorter)\\s+(?:cuts|shots|cutting|pace)\\s*(?:please)?$|^cut (?:it |them )?(?:faster|quicker)$"
          + "|^(?:再)?(?:切|剪|切换|剪辑|节奏)(?:得|的)?(?:再)?快一?[点些]$"
          + "|^(?:(?:can you|could you|can u|pls|please|ok|now|and|just)\\s+)*(?:make\\s+(?:it|this|the video|the montage|the edit|everything)\\s+)?(?:a\\s+(?:bit|little)\\s+|even\\s+|much\\s+|way\\s+)?(?:faster|quicker|snappier|more fast[- ]paced)(?:\\s+(?:please|pls))?\\s*[?!.]*$"
          + "|^(?:(?:can you|could you|can u)\\s+)?speed (?:it|this|the video|the montage) up\\s*[?!.]*$|^(?:(?:能不能|可以)?(?:把)?(?:视频|它|整体)?(?:再|更)?(?:快一?[点些]|节奏快一?[点些])(?:吗|吧)?)$");
  private static final Pattern SLOWER_CUTS = Pattern.compile(
      "^(?:(?:can you|could you|pls|please|ok|now|and)\\s+)*(?:make\\s+)?(?:the\\s+)?(?:cuts?|cutting|shots?|editing|pace)\\s+(?:a\\s+(?:bit|little)\\s+|even\\s+|much\\s+)?(?:slower|longer)(?:\\s+please)?\\s*$"
          + "|^(?:(?:a\\s+(?:bit|little)|even)\\s+)?(?:slower|longer)\\s+(?:cuts|shots|cutting|pace)\\s*(?:please)?$|^cut (?:it |them )?(?:slower)$"
          + "|^(?:再)?(?:切|剪|切换|剪辑|节奏)(?:得|的)?(?:再)?慢一?[点些]$");

  /**
   * "make it 15 seconds" on a montage: the montage cut again to that length, on the beat; the
   * shots' own trims cannot get below a beat, so shortening each one missed the length asked.
   */
  private static final Pattern LENGTH = Pattern.compile(
      "^(?:(?:can you|could you|pls|please|ok|now|and|just|so)\\s+)*(?:make|cut|trim|shorten|keep|get)\\s+(?:it|the video|the edit|this|the montage|everything)\\s+(?:down\\s+)?(?:to\\s+|under\\s+|at\\s+|into\\s+)?(?:about\\s+|like\\s+)?(\\d+(?:\\.\\d+)?)s(?:\\s+long)?(?:\\s+(?:please|pls|max))?\\s*$"
          + "|^(?:(?:can you|could you|pls|please|ok|now|and)\\s+)*(\\d+(?:\\.\\d+)?)s\\s+(?:long\\s+)?(?:please|pls|max|only)?\\s*$"
          + "|^(?:请|帮我)?(?:把视频)?(?:剪|缩短|控制|改)(?:到|在|成)\\s*(\\d+(?:\\.\\d+)?)s(?:以内|之内|左右)?(?:吧)?$");

  private MontagePace() {}

  /** The beats most of the montage's shots last, or 0 when none is a shot. */
  private static int pace(Draft draft) {
    Map<Integer, Integer> count = new HashMap<>();
    for (int i = 0; i < draft.clips().size(); i++) if (draft.isShot(i)) count.merge(draft.clips().get(i).beats(), 1, Integer::sum);
    return count.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0);
  }

  /** The montage request {@code clause} makes on a montage, or null when it asks no pace. */
  static String request(String clause, Draft draft) {
    String c = clause.strip();
    Matcher length = LENGTH.matcher(c);
    if (length.matches()) {
      // at the pace it has: "cut on every beat" then "make it 15 seconds" stays on every beat
      int pace = pace(draft);
      for (int g = 1; g <= length.groupCount(); g++) {
        if (length.group(g) != null) return "make a " + length.group(g) + "s montage" + (pace > 0 ? " every " + pace + " beats" : "");
      }
    }
    if (FASTER_CUTS.matcher(c).matches()) {
      int pace = pace(draft);
      return "montage every " + (pace == 1 || pace == 2 ? 1 : 2) + " beats";
    }
    return SLOWER_CUTS.matcher(c).matches() ? "montage every 8 beats" : null;
  }
}
