package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.draft.Music;
import io.tunecut.studio.internal.media.Media;
import io.tunecut.studio.internal.song.SongEar;
import io.tunecut.studio.internal.song.SongParts;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the music starts, on one of two clocks: on the timeline ("music comes in after 3 s",
 * "start the music at 5 s into the video", "音乐从第5秒开始") or in the song ("start the song at
 * 0:25", "skip the first 10 seconds of the song", "从歌的第30秒开始"). A time past the video's
 * end can only be in the song. With an ear, a part named ("from the chorus", "use the drop",
 * "从副歌开始") is found by listening to the track.
 */
public final class MusicStart implements Instruction {
  private static final String T = "(\\d+(?:\\.\\d+)?)s";
  /** "再进来", "才响起": the music entering the video, so a time before it is on the timeline. */
  private static final String COMES_IN = "(?:再|才)?\\s*(?:进来|进入|响起|出来|出现|进)";
  private static final Pattern IN_SONG = Pattern.compile(
      "(?:from|at) the (?:very )?(?:beginning|start) of (?:the )?(?:song|music)()|(?:music|song)\\s*从头(?:开始|放|播)()|从(?:song|music)的?开头()|"
          + "(?:from|at)\\s+" + T + "\\s+(?:of|in|into)\\s+(?:the\\s+)?(?:song|music)|" + T + "\\s+into\\s+(?:the\\s+)?(?:song|music)"
          // "skip the intro of the song, start it at 30s", "跳过前奏 从30秒开始": past the intro is in the song
          + "|\\b(?:skip|cut|past|after)\\s+(?:the\\s+)?(?:(?:song|music)'?s?\\s+)?intro\\b.{0,40}?\\b(?:at|from|to)\\s+" + T
          + "|跳过\\s*(?:song|music)?\\s*的?\\s*前奏\\D{0,6}?" + T
          + "|\\b(?:song|music)\\b.{0,40}?\\b(?:start|play|begin)s?\\s+it\\s+(?:at|from)\\s+(?:the\\s+)?" + T + "(?!\\s+(?:into|in|of)\\s+the\\s+video)"
          + "|skip\\s+(?:the\\s+)?(?:first\\s+)?" + T + "\\s+(?:of\\s+)?(?:the\\s+)?(?:song|music)|(?:song|music)\\s+from\\s+" + T + "\\s+in\\b"
          + "|(?:start|play|begin|use)\\s+(?:the\\s+)?song\\s+(?:at|from)\\s+(?:the\\s+)?" + T + "(?:\\s+mark)?(?!\\s+(?:into|in|of)\\s+the\\s+video)"
          + "|从\\s*(?:song|music)\\s*的?\\s*第?\\s*" + T + "|跳过\\s*(?:song|music)?\\s*的?\\s*前\\s*" + T + "|(?:song|music)\\s*的?\\s*第\\s*" + T + "(?!\\s*" + COMES_IN + ")");
  private static final Pattern ON_TIMELINE = Pattern.compile(
      "(?:start|begin)s?\\s+(?:right\\s+)?(?:with|at the (?:start|beginning) of|from the (?:start|beginning) of) the video()|(?:start|begin)s?\\s+(?:right\\s+)?(?:when|as) the video (?:starts|begins)()|(?:和|跟)视频(?:一起|同时)开始()"
          + "|(?:music|song)\\s*(?:往后挪|往后移|后移|推迟|延后|延迟|晚)\\s*" + T + "|"
          + "(?:start|begin|bring in|bring|come in|kick in|enter|fade in|play)s?\\s+(?:the\\s+)?(?:music|song)?\\s*(?:in\\s+)?(?:at|after|from)\\s+" + T
          + "|(?:music|song)\\s+(?:should\\s+|to\\s+)?(?:starts?|begins?|comes?\\s+in|kicks?\\s+in|enters?|plays?)(?:\\s+(?:a bit|a little|slightly|only|just))?(?:\\s+later)?\\s+(?:at|after|from|only after)?\\s*" + T
          + "|(?:start|begin|bring in)\\s+(?:the\\s+)?(?:music|song)\\s+" + T + "\\s+in(?:to the video)?\\b"
          + "|delay\\s+(?:the\\s+)?(?:music|song)\\s+(?:by\\s+)?" + T + "|(?:music|song)\\s+(?:at|from)\\s+" + T + "\\s+(?:into|in)\\s+the\\s+video"
          + "|(?:music|song)\\s*(?:从|在)?\\s*第\\s*" + T + "\\s*" + COMES_IN + "|(?:music|song)?\\s*(?:从|在)\\s*第?\\s*" + T + "\\s*(?:开始|进入|响起|出来|进)|视频的?第\\s*" + T + "\\s*(?:开始|再)?\\s*(?:放|播放?|进|出|响)\\s*(?:music|song)|" + T + "\\s*(?:后|之后|以后)\\s*(?:再)?\\s*(?:进|出现|开始|响|放)");
  private static final Pattern WITH_CLIP = Pattern.compile(
      "(?:music|song).{0,25}\\b(?:when|where|as|with|at the start of|at)\\s+clip (\\d+)(?:\\s+(?:starts|begins|comes in))?|(?:music|song)?\\s*(?:从|在)\\s*clip (\\d+)\\s*(?:开始|进入|响起)");
  /**
   * "music should only come in after the first clip", "第一段之后再进音乐": the music comes in
   * where the next clip starts.
   */
  private static final Pattern AFTER_CLIP = Pattern.compile(
      "\\b(?:music|song|bgm)\\b.{0,40}?\\b(?:after|once)\\s+(?:the\\s+)?clip (\\d+)(?:\\s+(?:ends|is over|is done|finishes|has ended|has played))?\\b"
          + "|\\b(?:after|once)\\s+(?:the\\s+)?clip (\\d+)(?:\\s+(?:ends|is over|is done|finishes))?\\b.{0,25}?\\b(?:music|song|bgm)\\b"
          + "|clip (\\d+)\\s*(?:放完|结束|播完)?\\s*(?:之后|以后|后)\\s*(?:再|才)?\\s*(?:进|放|响|开始|出现|加)\\s*(?:入|起|来)?\\s*(?:music|song|bgm)?"
          // "第一段结束再进" (said of the music in the clause before): once the clip is over, then in
          + "|clip (\\d+)\\s*(?:放完|结束|播完)了?\\s*(?:再|才)\\s*(?:进|放|响|开始|出现|加)"
          + "|(?:music|song|bgm)\\s*(?:在|从)?\\s*clip (\\d+)\\s*(?:放完|结束|播完)?\\s*(?:之后|以后|后)");
  /**
   * "put the music on only at the end", "music only for the last part", "只在最后放音乐": the music
   * comes in with the last clip (or the clip named), and plays to the end.
   */
  private static final Pattern ONLY_AT_END = Pattern.compile(
      "\\b(?:music|song|bgm)\\b.{0,25}?\\b(?:only|just)\\s+(?:at|for|on|in|during|over|near|towards?)\\s+(?:the\\s+)?(?:very\\s+)?(?:(?:end|ending|outro|finale|last (?:part|bit|section|few seconds|scene|one|video)|final (?:part|bit|section|scene))\\b|clip (\\d+)\\b)"
          + "|\\b(?:only|just)\\s+(?:at|for|on|in|during|over)\\s+the\\s+(?:very\\s+)?(?:end|ending|last (?:part|bit|section)|final (?:part|bit|section))\\b.{0,25}?\\b(?:music|song|bgm)\\b"
          + "|(?:只在|只有|就在|仅在)(?:视频)?(?:的)?(?:最后|结尾|末尾)(?:一段|部分|那段)?(?:才)?(?:放|加|有|配|用|响起|出现)?\\s*(?:背景)?\\s*(?:music|song|bgm|音乐|歌)"
          + "|(?:music|song|bgm|音乐|歌)\\s*(?:只|就|仅)(?:在|放|加|配|用)(?:在)?(?:视频|video)?(?:的)?(?:最后|结尾|末尾)");
  /** "skip the intro", "跳过前奏" with no time: where the intro ends is not known here. */
  private static final Pattern INTRO_ONLY = Pattern.compile(
      "\\b(?:skip|cut|no|without|lose|drop)\\s+(?:the\\s+)?(?:(?:song|music)'?s?\\s+)?intro\\b|跳过\\s*(?:song|music)?\\s*的?\\s*前奏|(?:不要|去掉|剪掉)\\s*(?:song|music)?\\s*的?\\s*前奏");
  /** "start the music at the chorus", "从副歌开始", "use the drop": a part of the song only its sound tells. */
  private static final Pattern SONG_PART = Pattern.compile(
      "\\b(?:start|begin|play|use|jump to|skip to|go to|cut to|from)\\b.*\\b(?:chorus|refrain|hook|drop|best part|good part|climax|catchy part|loudest part)\\b"
          + "|\\b(?:chorus|refrain|hook|drop|best part|climax)\\s+(?:only|part)\\b|(?:chorus|副歌|高潮|最好听的部分|精彩部分)\\s*(?:部分)?\\s*(?:开始|那里|那段|起)"
          + "|(?:从|用|放|跳到|直接到?)\\s*(?:song|music)?\\s*(?:的)?\\s*(?:副歌|高潮|最好听的(?:部分|那段|地方)|(?:最)?精彩(?:的)?部分|最响的(?:部分|那段))");
  /** "the drop" is its own cue: where the energy and the bass come back in hardest. */
  private static final Pattern DROP = Pattern.compile("\\bdrop\\b");
  private static final Pattern LOUDEST = Pattern.compile("\\bloudest\\b|最响");
  /** "can the music kick in a bit later", "音乐晚一点再进来": later by {@link #LATER_MS}, no time said. */
  private static final Pattern LATER = Pattern.compile(
      "(?:music|song)\\s+(?:should\\s+|to\\s+)?(?:kicks?|comes?|starts?|begins?|enters?|drops?|bring\\s+(?:it\\s+)?in)(?:\\s+in)?\\s+(?:a\\s+(?:bit|little|tad)\\s+|slightly\\s+|(?:a\\s+)?few\\s+seconds\\s+)?later\\b"
          + "|(?:bring|start|begin|fade)\\s+(?:the\\s+)?(?:music|song)(?:\\s+in)?\\s+(?:a\\s+(?:bit|little|tad)\\s+|slightly\\s+)?later\\b"
          + "|(?:music|song)\\s*(?:再)?\\s*(?:晚|迟)\\s*(?:一)?\\s*(?:点|些|点儿)\\s*(?:再|才)?\\s*(?:进来|进入|响起|出来|开始|进|出现)");
  static final long LATER_MS = 2000;
  private static final Pattern INTO_VIDEO = Pattern.compile("into the video|of the video|on the timeline|视频的?第");
  /** Hears the track's parts; null where nothing can listen (then a part is asked for by time). */
  private final SongEar ear;

  MusicStart() {
    this(null);
  }

  public MusicStart(SongEar ear) {
    this.ear = ear;
  }

  /** {@code instructions} with their start of the music able to hear the track's chorus and drop. */
  public static List<Instruction> hearing(List<Instruction> instructions, SongEar ear) {
    return instructions.stream().map(i -> i instanceof MusicStart ? new MusicStart(ear) : i).toList();
  }

  @Override
  public Optional<Edit> apply(Turn turn, Draft draft) {
    Matcher atEnd = turn.match(ONLY_AT_END);
    if (atEnd != null) {
      if (draft.music() == null) return Optional.of(noMusic(draft));
      int n = atEnd.group(1) != null ? Integer.parseInt(atEnd.group(1)) : draft.clips().size();
      if (n < 1 || n > draft.clips().size()) return Optional.of(ClipOrder.noSuchClip(draft, n));
      if (n == 1) {
        return Optional.of(Edit.question(draft, "The video is one clip: say from when the music should play, e.g. \"music starts at 5s\".",
            "视频只有一段：告诉我音乐从第几秒开始，比如“音乐从第5秒开始”。"));
      }
      return Optional.of(onTimeline(draft, draft.music(), draft.clipStartMs(n - 1)));
    }
    Matcher after = turn.match(AFTER_CLIP);
    if (after != null) {
      if (draft.music() == null) return Optional.of(noMusic(draft));
      int n = Integer.parseInt(first(after));
      if (n < 1 || n > draft.clips().size()) return Optional.of(ClipOrder.noSuchClip(draft, n));
      if (n == draft.clips().size()) {
        return Optional.of(Edit.question(draft, "Clip " + n + " is the last one, so after it there is nothing for the music to play under. Say which clip it should come in with, e.g. \"music starts with clip " + n + "\".",
            "第 " + n + " 段是最后一段，之后就没有画面了。告诉我音乐从哪一段开始，比如“音乐从第 " + n + " 段开始”。"));
      }
      return Optional.of(onTimeline(draft, draft.music(), draft.clipStartMs(n)));
    }
    Matcher withClip = turn.match(WITH_CLIP);
    if (withClip != null && draft.music() != null) {
      int n = Integer.parseInt(withClip.group(1) != null ? withClip.group(1) : withClip.group(2));
      if (n < 1 || n > draft.clips().size()) return Optional.of(ClipOrder.noSuchClip(draft, n));
      return Optional.of(onTimeline(draft, draft.music(), draft.clipStartMs(n - 1)));
    }
    if (draft.music() != null && turn.match(LATER) != null) {
      return Optional.of(onTimeline(draft, draft.music(), draft.music().startMs() + LATER_MS));
    }
    Matcher song = turn.match(IN_SONG);
    Matcher timeline = song == null ? turn.match(ON_TIMELINE) : null;
    if (song == null && timeline == null && turn.match(INTRO_ONLY) != null) return Optional.of(intro(draft));
    if (song == null && timeline == null && turn.match(SONG_PART) != null) return Optional.of(songPart(turn, draft));
    if (song == null && timeline == null) return Optional.empty();
    Music music = draft.music();
    if (music == null) return Optional.of(noMusic(draft));
    long value = Words.ms(first(song != null ? song : timeline));
    long end = draft.clips().isEmpty() ? music.endMs() : draft.durationMs();
    boolean inSong = song != null || (!turn.has(INTO_VIDEO) && value >= end && end > 0);
    return Optional.of(inSong ? inSong(draft, music, value) : onTimeline(draft, music, value));
  }

  /**
   * @param inSong true: {@code ms} into the song is where it plays from; false: the music
   *     comes in {@code ms} into the video
   */
  static Edit start(Draft draft, long ms, boolean inSong) {
    Music music = draft.music();
    if (music == null) return noMusic(draft);
    return inSong ? inSong(draft, music, ms) : onTimeline(draft, music, ms);
  }

  /**
   * The intro skipped with no time said: refused, so a time in the same message ("跳过前奏 从第20秒开始")
   * is read first; once the song starts past its beginning there is nothing left to ask.
   */
  private static Edit intro(Draft draft) {
    if (draft.music() == null) return noMusic(draft);
    if (draft.music().inMs() > 0) return Edit.understood(draft);
    return Edit.refused(draft, "set_music_start", Edit.args(),
        "I can't tell where the song's intro ends: say where the song should start, e.g. \"start the song at 0:20\".",
        "我听不出前奏在哪里结束：告诉我从歌的第几秒开始，比如“从歌的第20秒开始”。");
  }

  /**
   * The chorus, the drop or the loudest part, as asked, heard in the track; where the part
   * asked for does not stand out, the next best is taken and the reply says so.
   */
  private Edit songPart(Turn turn, Draft draft) {
    Music music = draft.music();
    if (music == null) return noMusic(draft);
    Optional<Media> track = turn.media().stream().filter(m -> m.id().equals(music.src())).findFirst();
    if (ear == null || track.isEmpty()) {
      return Edit.refused(draft, "set_music_start", Edit.args(),
          "I can't find the chorus by ear yet: say where in the song to start, e.g. \"start the song at 0:45\".",
          "我还听不出副歌在哪里：告诉我从歌的第几秒开始，比如“从歌的第45秒开始”。");
    }
    SongParts parts;
    try {
      parts = ear.parts(track.get().file());
    } catch (RuntimeException e) {
      return Edit.refused(draft, "set_music_start", Edit.args(),
          "I couldn't listen to the track just now: say where in the song to start, e.g. \"start the song at 0:45\".",
          "我现在听不了这首歌：告诉我从歌的第几秒开始，比如“从歌的第45秒开始”。");
    }
    boolean drop = turn.has(DROP);
    if (turn.has(LOUDEST)) return part(draft, music, "loudest", parts.loudest(), "Music now starts at the loudest part, %s in.", "音乐现在从最响的部分开始：歌曲的第 %s。");
    if (drop && parts.drop().isPresent()) {
      return part(draft, music, "drop", parts.drop().get(), "Music now starts at the drop, %s in (where the beat and the bass come in hardest).",
          "音乐现在从 drop 开始：歌曲的第 %s（节奏和低音最猛地进来的地方）。");
    }
    String missing = drop ? "a drop" : "a chorus";
    String missingZh = drop ? "drop" : "副歌";
    if (parts.chorus().isPresent()) {
      return drop ? part(draft, music, "chorus", parts.chorus().get(),
          "I can't hear a drop in this track; it now starts at the chorus, %s in (the loudest part that repeats) — say a time to change it.",
          "这首歌里我听不出 drop：现在从副歌开始，歌曲的第 %s（重复出现的最响的部分）——想换就告诉我从第几秒开始。")
          : part(draft, music, "chorus", parts.chorus().get(), "Music now starts at the chorus, %s in (the loudest part that repeats).",
              "音乐现在从副歌开始：歌曲的第 %s（重复出现的最响的部分）。");
    }
    return part(draft, music, "loudest", parts.loudest(),
        "I can't hear " + missing + " in this track; it now starts at its loudest part, %s in — say a time to change it.",
        "这首歌里我听不出" + missingZh + "：现在从最响的部分开始，歌曲的第 %s——想换就告诉我从第几秒开始。");
  }

  private static Edit part(Draft draft, Music music, String part, double seconds, String english, String chinese) {
    long in = Math.round(seconds * 1000);
    String at = clock(in);
    var args = Edit.args().put("in_ms", in).put("part", part);
    return Edit.done(draft.withMusic(music.withTiming(music.startMs(), music.durationMs(), in)), "set_music_start", args,
        String.format(Locale.ROOT, english, at), String.format(Locale.ROOT, chinese, at));
  }

  /** 48 s as "0:48", as a player shows a song's time. */
  private static String clock(long ms) {
    long s = Math.round(ms / 1000.0);
    return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  private static Edit noMusic(Draft draft) {
    return Edit.refused(draft, "set_music_start", Edit.args(),
        "There is no background music yet: add a track first.", "还没有背景音乐：请先添加音乐。");
  }

  private static Edit inSong(Draft draft, Music music, long value) {
    var args = Edit.args().put("in_ms", value);
    return Edit.done(draft.withMusic(music.withTiming(music.startMs(), music.durationMs(), value)),
        "set_music_start", args, "The song now plays from " + Words.secs(value) + " into the track.",
        "音乐从歌曲的第 " + Words.zhSecs(value) + "开始播放。");
  }

  private static Edit onTimeline(Draft draft, Music music, long value) {
    long end = draft.clips().isEmpty() ? music.endMs() : draft.durationMs();
    long st = Math.min(value, Math.max(0, end - 1000));
    var args = Edit.args().put("start_ms", st);
    return Edit.done(draft.withMusic(music.withTiming(st, Math.max(0, end - st), music.inMs())),
        "set_music_start", args, "The music now comes in at " + Words.secs(st) + " into the video.",
        "音乐在视频第 " + Words.zhSecs(st) + "进入。");
  }

  private static String first(Matcher m) {
    for (int g = 1; g <= m.groupCount(); g++) if (m.group(g) != null) return m.group(g).isEmpty() ? "0" : m.group(g);
    return "0";
  }
}
