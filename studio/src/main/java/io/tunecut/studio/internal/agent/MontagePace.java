package io.tunecut.studio.internal.agent;

import java.util.regex.Pattern;

/** "make the cuts faster" on a montage: the montage again, cut every 2 beats ("slower cuts": every 8). */
final class MontagePace {
  private static final Pattern FASTER_CUTS = Pattern.compile(
      "^(?:(?:can you|could you|pls|please|ok|now|and)\\s+)*(?:make\\s+)?(?:the\\s+)?(?:cuts?|cutting|shots?|editing|pace)\\s+(?:a\\s+(?:bit|little)\\s+|even\\s+|much\\s+)?(?:faster|quicker|shorter)(?:\\s+please)?\\s*$"
          + "|^(?:(?:a\\s+(?:bit|little)|even)\\s+)?(?:faster|quicker|shorter)\\s+(?:cuts|shots|cutting|pace)\\s*(?:please)?$|^cut (?:it |them )?(?:faster|quicker)$"
          + "|^(?:再)?(?:切|剪|切换|剪辑|节奏)(?:得|的)?(?:再)?快一?[点些]$");
  private static final Pattern SLOWER_CUTS = Pattern.compile(
      "^(?:(?:can you|could you|pls|please|ok|now|and)\\s+)*(?:make\\s+)?(?:the\\s+)?(?:cuts?|cutting|shots?|editing|pace)\\s+(?:a\\s+(?:bit|little)\\s+|even\\s+|much\\s+)?(?:slower|longer)(?:\\s+please)?\\s*$"
          + "|^(?:(?:a\\s+(?:bit|little)|even)\\s+)?(?:slower|longer)\\s+(?:cuts|shots|cutting|pace)\\s*(?:please)?$|^cut (?:it |them )?(?:slower)$"
          + "|^(?:再)?(?:切|剪|切换|剪辑|节奏)(?:得|的)?(?:再)?慢一?[点些]$");

  private MontagePace() {}

  /** The montage request {@code clause} makes on a montage, or null when it asks no pace. */
  static String request(String clause) {
    String c = clause.strip();
    return FASTER_CUTS.matcher(c).matches() ? "montage every 2 beats" : SLOWER_CUTS.matcher(c).matches() ? "montage every 8 beats" : null;
  }
}
