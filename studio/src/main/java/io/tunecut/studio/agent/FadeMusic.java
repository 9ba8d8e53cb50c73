package io.tunecut.studio.agent;

import io.tunecut.studio.draft.Draft;
import io.tunecut.studio.draft.Music;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** "fade it out at the end", "fade in 2 seconds", "3 s fade-out", "no fades", "淡入2秒", "淡出". */
final class FadeMusic implements Instruction {
  static final long DEFAULT_IN = 1000;
  static final long DEFAULT_OUT = 2000;
  private static final String S = Words.SECONDS;
  private static final Pattern IN = Pattern.compile("fade[sd]?(?:[- ]?(?:it|the music|the song|music))?[- ]?in\\b|淡入");
  private static final Pattern OUT = Pattern.compile(
      "fade[sd]?(?:[- ]?(?:it|the music|the song|music))?[- ]?out\\b|淡出|fade (?:at|towards|to) the end");
  private static final Pattern BOTH = Pattern.compile("fade[sd]?(?:[- ]?(?:it|the music|the song|music))? in and out|淡入淡出");
  private static final Pattern IN_LENGTH = Pattern.compile(
      "fade[sd]?(?:[- ]?(?:it|the music|the song|music))?[- ]?in(?:\\s*(?:for|over|of|by|:))?\\s*" + S
          + "|" + S + "\\s*(?:long\\s*)?fade[- ]?in|淡入\\s*" + S);
  private static final Pattern OUT_LENGTH = Pattern.compile(
      "fade[sd]?(?:[- ]?(?:it|the music|the song|music))?[- ]?out(?:\\s*(?:for|over|of|by|:|in the last|during the last))?\\s*" + S
          + "|" + S + "\\s*(?:long\\s*)?fade[- ]?out|淡出\\s*" + S);
  private static final Pattern NONE = Pattern.compile("no fades?|without (?:a )?fades?|remove the fades?|不要淡|取消淡");

  @Override
  public Optional<Edit> apply(Turn turn, Draft draft) {
    boolean none = turn.has(NONE);
    boolean both = turn.has(BOTH);
    boolean in = both || turn.has(IN);
    boolean out = both || turn.has(OUT);
    if (!none && !in && !out) return Optional.empty();
    Music music = draft.music();
    if (music == null) {
      return Optional.of(Edit.refused(draft, "fade_music", Edit.args(),
          "There is no background music to fade yet: add a track first.", "还没有背景音乐可以淡入淡出：请先添加音乐。"));
    }
    long fi = music.fadeInMs();
    long fo = music.fadeOutMs();
    if (none) {
      fi = 0;
      fo = 0;
    }
    if (in) fi = length(turn, IN_LENGTH, DEFAULT_IN);
    if (out) fo = length(turn, OUT_LENGTH, DEFAULT_OUT);
    long half = music.durationMs() / 2;
    fi = Math.min(fi, half);
    fo = Math.min(fo, half);
    var args = Edit.args().put("fade_in_ms", fi).put("fade_out_ms", fo);
    List<String> en = new ArrayList<>();
    List<String> zh = new ArrayList<>();
    if (none) {
      en.add("removed the fades");
      zh.add("已取消淡入淡出");
    }
    if (in) {
      en.add("the music fades in over " + Words.secs(fi));
      zh.add("音乐淡入 " + Words.zhSecs(fi));
    }
    if (out) {
      en.add("the music fades out over the last " + Words.secs(fo));
      zh.add("音乐在最后 " + Words.zhSecs(fo) + "淡出");
    }
    String english = String.join("; ", en);
    return Optional.of(Edit.done(draft.withMusic(music.withFades(fi, fo)), "fade_music", args,
        Character.toUpperCase(english.charAt(0)) + english.substring(1) + ".", String.join("；", zh) + "。"));
  }

  private static long length(Turn turn, Pattern p, long fallback) {
    Matcher m = turn.match(p);
    if (m == null) return fallback;
    for (int g = 1; g <= m.groupCount(); g++) if (m.group(g) != null) return Words.ms(m.group(g));
    return fallback;
  }
}
