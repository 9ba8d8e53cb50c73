package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.agent.beat.BeatRequest;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.draft.Music;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "fade it out at the end", "fade in 2 seconds", "fade out the music over the last 4 seconds",
 * "no fade out", "take the fade in off", "淡入2秒", "不要淡出".
 */
final class FadeMusic implements Instruction {
  static final long DEFAULT_IN = 1000;
  static final long DEFAULT_OUT = 2000;
  private static final Pattern BOTH = Pattern.compile("fade[sd]?\\s*(?:it|music|song|them)?\\s*in\\s*(?:and|&|/)\\s*(?:fade\\s*)?out|淡入\\s*(?:和|与|跟)?\\s*淡出|fades\\b|渐入渐出");
  private static final Pattern IN = Pattern.compile("(?:fade[sd]?|fading)\\s*(?:it|music|song|them|the start|the beginning)?\\s*in\\b|淡入|渐入|渐强|(?:渐渐|慢慢)(?:出来|进来|响起|变大)|fade at the (?:start|beginning)");
  private static final Pattern OUT = Pattern.compile(
      "(?:fade[sd]?|fading)\\s*(?:it|music|song|them)?\\s*(?:out|away|off)\\b|fade[sd]?\\b|淡出|渐出(?!来)|渐弱|渐隐|淡掉|(?:渐渐|慢慢)(?:消失|变小|没了)");
  /** "the music ends too abruptly", "音乐结束得太突然": a complaint a fade-out answers. */
  private static final Pattern ABRUPT = Pattern.compile(
      "\\b(?:music|song|audio|track)\\b.{0,30}?\\b(?:ends?|ending|stops?|cuts? (?:off|out)|finish(?:es)?)\\b.{0,20}?\\b(?:abrupt(?:ly)?|sudden(?:ly)?|harsh(?:ly)?)\\b"
          + "|\\b(?:abrupt|sudden)\\s+(?:music\\s+|song\\s+)?(?:end|ending|stop)\\b"
          // "the song is cut off at the end", "the music just stops": cut short, as a fade-out mends
          + "|\\b(?:music|song|track)\\s+(?:is |gets |just )?(?:cut|cuts|chopped) off\\b(?!\\s+(?:the|at \\d|after \\d))|\\b(?:music|song|track)\\s+(?:just )?(?:stops|ends) (?:dead|out of nowhere|mid[- ]?\\w+)"
          + "|\\b(?:end|ending)\\s+of\\s+(?:the\\s+)?(?:music|song|track)\\b.{0,20}?\\b(?:abrupt|sudden|harsh)"
          + "|(?:music|song).{0,12}?(?:结束|结尾|停|断|收尾).{0,6}?(?:突然|突兀|生硬)|(?:music|song).{0,8}?戛然而止"
          // "the ending is abrupt", "结尾太突然了": what ends abruptly is the sound, which a fade-out eases
          + "|^(?:(?:but|and|also|hmm+|ugh|tbh)\\s+)*(?:the\\s+)?(?:end|ending|outro)\\s+(?:is|feels|seems|was|sounds)\\s+(?:so |too |kinda |kind of |really |very |a bit |a little |way |super )?(?:abrupt|sudden|harsh|jarring)\\b"
          + "|^(?:the\\s+)?(?:video|it)\\s+(?:ends|stops)\\s+(?:so |too |kinda |really |very |way )?(?:abruptly|suddenly)\\b|^(?:视频)?(?:的)?(?:结尾|结束|最后)(?:得)?(?:有点|有些|太|好|很|特别)?(?:突然|突兀|生硬)");
  /**
   * "can the music be softer when the video starts", "ease it in", 音乐开始的时候轻一点: a softer
   * start of the music is a fade-in, not a lower track (the rest of it stays as loud).
   */
  private static final String SOFT = "(?:softer|soft|quieter|quiet|lower|gentl(?:e|er|y)|gradual(?:ly)?|calmer|not (?:so|as) loud|too loud)";
  private static final String AT_START = "(?:(?:at|in) the (?:very )?(?:start|beginning|intro)|at first|when (?:the )?(?:video|it|clip|song|music|track|everything) (?:starts|begins|kicks in|comes in)|in the intro|the intro|(?:the )?(?:start|beginning|intro) of (?:the )?(?:video|song|music|track|it))";
  private static final Pattern SOFT_START = Pattern.compile(
      "\\b" + SOFT + "\\b.{0,30}?" + AT_START + "\\b|" + AT_START + "\\b.{0,30}?\\b" + SOFT + "\\b"
          + "|\\b(?:start|begin)s?\\s+(?:off\\s+|out\\s+)?(?:a bit |a little |more |way |so |really |much |kinda |pretty )?(?:" + SOFT + "|loud)\\b|\\bease\\s+(?:it|(?:the )?(?:music|song|track|bgm)|them)?\\s*in\\b"
          + "|\\b(?:come|comes|coming|kick|kicks|fade|build|builds)\\s+(?:in|up)\\s+(?:more\\s+)?(?:gently|softly|slowly|gradually|quietly|smoothly)\\b"
          + "|(?:开头|开始的?时候|一开始|刚开始|开场|片头|前奏|进来的时候)[^，。,]{0,8}?(?:轻|小声?|柔|弱|soft|低|缓|慢慢)"
          + "|(?:轻|柔|soft)[^，。,]{0,4}?(?:开始|进来|开头)");
  /** "and end softer too", "结尾轻一点": a softer end of the music is a fade-out. */
  private static final Pattern SOFT_END = Pattern.compile(
      "\\b(?:end|ends|ending|finish|finishes|stop|stops)\\s+(?:off\\s+)?(?:a bit |a little |more )?" + SOFT + "\\b|\\b" + SOFT + "\\b.{0,20}?\\b(?:at|towards?|by) the end\\b"
          + "|(?:结尾|最后|结束的?时候|收尾)[^，。,]{0,8}?(?:轻|小声?|柔|弱|soft|低|缓)");
  private static final Pattern MUSIC_WORD = Pattern.compile("\\b(?:music|song|track|audio|bgm|beat)\\b|音乐|歌|配乐|背景音|bgm|music|song");
  /** Another sound or a text named: its own start, not the music's. */
  private static final Pattern NOT_MUSIC = Pattern.compile("\\bclip \\d+|\\bclips?\\b|\\b(?:voice|voices|talking|speech|title|text|caption|words)\\b|原声|人声|说话|标题|字幕|片段|«");

  /** "a slow fade at the end", "fade it out really slowly", "淡出慢一点": a longer fade than the usual one ("慢慢淡出" is any fade). */
  private static final Pattern SLOW = Pattern.compile(
      "\\b(?:slow|slower|long|longer|gentle|gentler|nice long|really long|extra long)\\s+fade|\\bfade\\w*\\s+(?:\\w+\\s+){0,3}?(?:really|very|super|extra)\\s+(?:slowly|gradually|gently)\\b"
          + "|(?:慢一点|长一点|久一点)[^，。,]{0,3}?(?:淡出|淡入)|(?:淡出|淡入)[^，。,]{0,3}?(?:慢一点|长一点|久一点|再慢|再长)");
  static final long SLOW_IN = 3000;
  static final long SLOW_OUT = 4000;

  /** Seconds, or a bare number after "for"/"over" ("out for 5"). */
  private static final Pattern LENGTH = Pattern.compile("(\\d+(?:\\.\\d+)?)s|\\b(?:for|over)\\s+(\\d+(?:\\.\\d+)?)(?![\\d.%x]|db)");
  /** "… and out for 5": the fade-out said after a fade-in without the word fade again. */
  private static final Pattern AND_OUT = Pattern.compile("\\b(?:and|&)\\s+(?:fade\\s+)?out\\b");

  @Override
  public Optional<Edit> apply(Turn turn, Draft draft) {
    // where the beats are heard, an ending asked to land on a phrase ("音乐结尾别太突然") is the beat's
    boolean phrase = turn.montages() && BeatRequest.read(turn.whole(), turn.negated()).map(BeatRequest::kind).orElse(null) == BeatRequest.Kind.END_ON_PHRASE;
    if (!phrase && turn.match(ABRUPT) != null) return Optional.of(fade(draft, null, DEFAULT_OUT));
    Matcher both = turn.match(BOTH);
    Matcher inM = both == null ? turn.match(IN) : null;
    if (both == null && inM == null && turn.has(SOFT_START) && (turn.has(MUSIC_WORD) || draft.music() != null) && !turn.has(NOT_MUSIC)) {
      inM = turn.match(SOFT_START);
    }
    Matcher outM = both == null ? turn.match(OUT) : null;
    if (both == null && outM == null && turn.has(SOFT_END) && (turn.has(MUSIC_WORD) || draft.music() != null) && !turn.has(NOT_MUSIC)) {
      outM = turn.match(SOFT_END);
    }
    if (both == null && inM == null && outM == null) return Optional.empty();
    if (turn.has(Pattern.compile("title|caption|\\btext\\b|«"))) {
      turn.discard();
      return Optional.empty();
    }
    boolean in = both != null || inM != null;
    boolean out = both != null || outM != null && (inM == null || outM.start() != inM.start())
        || inM != null && turn.match(AND_OUT) != null;
    if (turn.negated() && inM == null && outM != null && outM.group().matches("fades?")) in = true; // "get rid of the fade": both
    if (draft.music() == null) return Optional.of(fade(draft, null, null));
    boolean off = turn.negated();
    List<Long> lengths = new ArrayList<>();
    for (Matcher m = LENGTH.matcher(turn.text()); m.find(); ) lengths.add(Words.ms(m.group(1) != null ? m.group(1) : m.group(2)));
    turn.match(Pattern.compile("\\b(?:for|over)\\s+\\d+(?:\\.\\d+)?(?![\\d.%x])"));
    turn.match(Pattern.compile("(?:\\d+(?:\\.\\d+)?s\\s*(?:and|,)?\\s*)+"));
    boolean slow = turn.match(SLOW) != null;
    Long fadeIn = !in ? null : off ? 0 : !lengths.isEmpty() ? lengths.get(0) : slow ? SLOW_IN : DEFAULT_IN;
    Long fadeOut = !out ? null : off ? 0 : !lengths.isEmpty() ? lengths.get(lengths.size() - 1) : slow ? SLOW_OUT : DEFAULT_OUT;
    return Optional.of(fade(draft, fadeIn, fadeOut));
  }

  /** Sets the fades asked for (0 removes one; null leaves it as it is), each at most half the music. */
  static Edit fade(Draft draft, Long fadeIn, Long fadeOut) {
    Music music = draft.music();
    if (music == null) {
      return Edit.refused(draft, "fade_music", Edit.args(),
          "There is no background music to fade yet: add a track first.", "还没有背景音乐可以淡入淡出：请先添加音乐。");
    }
    boolean in = fadeIn != null;
    boolean out = fadeOut != null;
    // "remove the fades" with none there: said, nothing changes
    if ((in || out) && (!in || fadeIn == 0 && music.fadeInMs() == 0) && (!out || fadeOut == 0 && music.fadeOutMs() == 0)) {
      String en = in && out ? "fade-in or fade-out" : in ? "fade-in" : "fade-out";
      String zh = in && out ? "淡入淡出" : in ? "淡入" : "淡出";
      return Edit.answer(draft, "The music has no " + en + " to remove.", "音乐本来就没有" + zh + "。");
    }
    long fi = in ? fadeIn : music.fadeInMs();
    long fo = out ? fadeOut : music.fadeOutMs();
    long half = music.durationMs() / 2;
    fi = Math.min(fi, half);
    fo = Math.min(fo, half);
    var args = Edit.args().put("fade_in_ms", fi).put("fade_out_ms", fo);
    List<String> en = new ArrayList<>();
    List<String> zh = new ArrayList<>();
    if (in) {
      en.add(fi == 0 ? "no fade-in" : "the music fades in over " + Words.secs(fi));
      zh.add(fi == 0 ? "取消淡入" : "音乐淡入 " + Words.zhSecs(fi));
    }
    if (out) {
      en.add(fo == 0 ? "no fade-out" : "the music fades out over the last " + Words.secs(fo));
      zh.add(fo == 0 ? "取消淡出" : "音乐在最后 " + Words.zhSecs(fo) + "淡出");
    }
    String english = String.join("; ", en);
    return Edit.done(draft.withMusic(music.withFades(fi, fo)), "fade_music", args,
        Character.toUpperCase(english.charAt(0)) + english.substring(1) + ".", String.join("，", zh) + "。");
  }
}
