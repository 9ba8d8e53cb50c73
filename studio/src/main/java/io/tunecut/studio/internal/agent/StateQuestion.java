package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.agent.beat.BeatRequest;
import io.tunecut.studio.internal.draft.Aspect;
import io.tunecut.studio.internal.draft.Caption;
import io.tunecut.studio.internal.draft.Draft;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A yes/no question about how things are ("is the music too loud?", "is it vertical?", "音乐是不是太大声了",
 * "现在是竖屏吗", "标题在上面吗", "how loud is the music now", "音乐现在多大声"): answered with how they are, nothing changed. Read before everything else, so
 * "is the title too big?" does not shrink the title. A polite request ("is it possible to…",
 * "能不能…吗", "可以…吗") is not one.
 */
final class StateQuestion implements Instruction {
  private static final Pattern STATE_QUESTION = Pattern.compile(
      "^(?:好了|完成了|弄好了|做好了|改好了|可以了)吗|^(?:is|are|was|does|did)\\s+(?:it|this|that|the|my|music|song|video|clip|title|caption|text|original sound|everything|there)\\b(?!.*\\b(?:possible|a way|able|ok|okay|alright|fine)\\s+(?:if|to)\\b)"
          + "|^(?:what'?s|what is) (?:the )?(?:title|caption|text|aspect ratio|aspect|ratio|shape|format|resolution|quality|(?:music )?volume)\\b|^what (?:resolution|quality)\\b|^(?:title|caption|text)\\s*(?:是|叫)\\s*(?:什么|啥)|^what does (?:the |my )?(?:title|caption|text) say\\b"
          + "|^(?!.*(?:能|可以|可不可以|帮|请|把|要不要)).*(?:是不是|是否|有没有|会不会).*|^(?!.*(?:能|可以|可不可以|帮|请|把|要不要)).*(?:现在|目前|这样)?是.*吗\\s*\\??$"
          + "|^(?!.*(?:能|可以|可不可以|帮|请|把|要不要|你在))(?:.+在|有).*吗\\s*\\??$"
          + "|^where(?:'s| is| are)\\s+(?:the\\s+|my\\s+)?(?:title|caption|text)|(?:title|caption|text|标题|字幕|文字)\\s*(?:现在)?在哪"
          + "|^how (?:loud|quiet|big|large) (?:is|are)\\b|(?<!再)(?:多大声|多响)|音量(?:是)?多少|多少音量"
          // "is 1080p good enough for amazon", "音乐太吵了吗": whether how it is now will do
          + "|^(?:is|are)\\s+\\S+(?:\\s+\\S+)?\\s+(?:good enough|enough|ok|okay|fine|alright|right|too \\w+)\\b"
          + "|^(?!.*(?:能|可以|可不可以|帮|请|把|要不要)).*(?:太|很|有点|有些)\\S{1,4}了?(?:吗|么|嘛)\\s*\\??$"
          // "标题加上了吗", "音乐配好了没": whether something is done is how it is now
          + "|^(?!.*(?:能|可以|可不可以|帮|请|把|要不要)).+(?:加上|加好|加进去|放上|弄上|配上|配好|上去|换好|改好|弄好|做好)了?(?:吗|没有?)\\s*\\??$"
          // "现在是横屏还是竖屏": which of two it is now, not a request for either ("还是竖屏吧" is one)
          + "|^(?!.*(?:能|可以|可不可以|帮|请|把|要不要|改|换|调|做成|弄成|设成|吧\\s*$)).*是\\s*\\S{1,8}?\\s*还是\\s*\\S{1,8}?\\s*(?:啊|呀|呢)?\\s*\\??$");
  /** "why is there no sound from my clips?", "为什么听不到原声": how loud each clip's own sound and the music are. */
  private static final Pattern WHY_SILENT = Pattern.compile(
      "(?:why|how come)\\b.*\\b(?:no|can'?t|cannot|don'?t|isn'?t|not)\\b.*\\b(?:sound|audio|hear|voices?)\\b"
          + "|(?:为什么|为啥|怎么).*(?:没有?声音|听不[到见清]|没声|没有?原声)");
  /**
   * "why is there no music", "why is the title so small?", "怎么没有背景音乐": asking why something is
   * as it is changes nothing, whatever request its words hold ("no music"); a suggestion ("why
   * not add music", "why don't you…") is a request.
   */
  private static final Pattern WHY = Pattern.compile(
      "^(?:(?:but|so|and|hmm+|wait|um+|ok)\\s*,?\\s+)*(?:why|how come)\\b(?!\\s+(?:not|don'?t (?:you|we)|dont (?:you|we)|won'?t you|can'?t you|cant you)\\b)"
          + "|^(?:为什么|为啥)|^(?!.*(?:能|可以|可不可以|帮|请|把|要不要))[^，,。]{0,12}?(?:怎么|咋)(?:会|还|又)?(?:是)?(?:没有?|不是|听不|看不|这么|那么|太)(?!.*(?:吧|一下|一点)\\s*$)");
  private static final Pattern WHOLE = Pattern.compile(".*");
  private static final Pattern ABOUT_MUSIC = Pattern.compile("music|song|track|bgm|音乐|配乐|歌");
  private static final Pattern ABOUT_TEXT = Pattern.compile("title|caption|text|«|标题|字幕|文字");
  private static final Pattern ABOUT_SOUND = Pattern.compile("music|song|loud|quiet|volume|soft|音量|大声|小声|吵|声音|响");
  /** "is the music going to end suddenly?", "does the song just stop?", "音乐结尾会不会很突然": how it ends. */
  private static final Pattern ABOUT_END = Pattern.compile(
      "\\b(?:end|ends|ending|stop|stops|cut off|abrupt(?:ly)?|sudden(?:ly)?|fades?(?: out)?)\\b|结尾|结束|突然|戛然而止|淡出|停");
  private static final Pattern ABOUT_SHARPNESS = Pattern.compile(
      "(?<![\\d.])(?:4|2)\\s*k\\b|\\b(?:2160|1440|1080|720)\\s*p?\\b|\\b(?:uhd|hd|resolution|quality|sharp|blurry|pixels)\\b|分辨率|清晰|高清|画质|模糊");
  private static final Pattern ABOUT_SHAPE = Pattern.compile("vertical|horizontal|landscape|portrait|square|wide|tiktok|youtube|aspect|shape|竖|横|方|比例|抖音");

  @Override
  public Optional<Edit> apply(Turn turn, Draft draft) {
    if (turn.has(Talk.RIGHTS)) return Optional.empty(); // "is this music copyright free" asks about rights, not the level
    // "does it cut on the beat?" is the beat's question: answered with the cuts that land on one
    if (BeatRequest.read(turn.whole(), false).map(BeatRequest::kind).orElse(null) == BeatRequest.Kind.ASK) return Optional.empty();
    if (turn.match(WHY_SILENT) != null && !draft.clips().isEmpty()) return Optional.of(sound(draft));
    if (turn.match(WHY) != null) {
      turn.match(WHOLE); // the question is all the clause asks
      return Optional.of(state(turn, draft));
    }
    return turn.match(STATE_QUESTION) == null ? Optional.empty() : Optional.of(state(turn, draft));
  }

  private static Edit sound(Draft draft) {
    List<String> en = new ArrayList<>();
    List<String> zh = new ArrayList<>();
    for (int i = 0; i < draft.clips().size(); i++) {
      en.add("clip " + (i + 1) + " at " + Words.percent(draft.clips().get(i).level()));
      zh.add("第" + (i + 1) + "段 " + Words.percent(draft.clips().get(i).level()));
    }
    var m = draft.music();
    String music = m == null ? "" : " The music plays at " + Words.percent(m.volume()) + ".";
    String zhMusic = m == null ? "" : "背景音乐音量 " + Words.percent(m.volume()) + "。";
    return Edit.question(draft,
        "The clips' own sound: " + String.join(", ", en) + "." + music
            + " A clip filmed without sound has none to play. Say e.g. \"original sound 100%\" or \"music quieter\".",
        "片段原声：" + String.join("，", zh) + "。" + zhMusic + "拍摄时没有录音的片段没有声音。可以说“原声100%”或“音乐小一点”。");
  }

  /** Where the music ends and whether it fades: what "will it end suddenly?" asks. */
  private static Edit musicEnd(Draft draft) {
    var m = draft.music();
    long early = draft.durationMs() - m.endMs();
    String en = early > 500 ? "The music stops at " + Words.secs(m.endMs()) + ", " + Words.secs(early) + " before the video ends"
        : "The music plays to the end of the video";
    String zh = early > 500 ? "音乐在 " + Words.zhSecs(m.endMs()) + " 停，比视频早 " + Words.zhSecs(early) : "音乐一直放到视频结束";
    if (m.fadeOutMs() > 0) {
      en += " and fades out over its last " + Words.secs(m.fadeOutMs()) + ": it does not stop suddenly.";
      zh += "，最后 " + Words.zhSecs(m.fadeOutMs()) + " 淡出，不会戛然而止。";
    } else {
      en += " with no fade, so it stops at once. Say \"fade out the music\" for a soft ending, or \"end on a phrase\".";
      zh += "，没有淡出，会直接停。想柔和一点就说“音乐淡出”，或者“在乐句结尾收”。";
    }
    return Edit.question(draft, en, zh);
  }

  /** How the part asked about is now: the music's level, the frame's shape, or the whole timeline. */
  private static Edit state(Turn turn, Draft draft) {
    if (ABOUT_TEXT.matcher(turn.whole()).find() && draft.captions().isEmpty()) {
      return Edit.question(draft, "There is no text on the video yet: say e.g. title 'Summer'.", "视频上还没有文字：比如说 标题“夏天”。");
    }
    if (ABOUT_TEXT.matcher(turn.whole()).find()) {
      Caption c = draft.captions().get(0);
      String where = TextPlace.where(c.position());
      String zhWhere = TextPlace.zhWhere(c.position());
      long size = Math.round(c.size() * 100);
      return Edit.question(draft,
          "The text '" + c.text() + "' is " + where + ", " + size + "% of the frame height, " + Words.secs(c.startMs()) + "–"
              + Words.secs(c.startMs() + c.durationMs()) + ". Say e.g. \"title bigger\" or \"title at the top\" to change it.",
          "文字「" + c.text() + "」" + zhWhere + "，字高 " + size + "%，" + Words.zhSecs(c.startMs()) + "–" + Words.zhSecs(c.startMs() + c.durationMs())
              + "。想改就说“标题大一点”或“标题放顶部”。");
    }
    var m = draft.music();
    if (ABOUT_MUSIC.matcher(turn.whole()).find() && ABOUT_END.matcher(turn.whole()).find() && m != null) return musicEnd(draft);
    if (ABOUT_SOUND.matcher(turn.whole()).find() && m != null) {
      return Edit.question(draft,
          "The music '" + m.name() + "' plays at " + Words.percent(m.volume()) + ". Say \"music quieter\" or \"music at 60%\" to change it.",
          "背景音乐「" + m.name() + "」的音量是 " + Words.percent(m.volume()) + "。想调就说“音乐小一点”或“音量60%”。");
    }
    if (ABOUT_MUSIC.matcher(turn.whole()).find() && m == null) {
      return Edit.question(draft,
          "There is no background music yet: send a track, or say e.g. \"add some chill music\".",
          "还没有背景音乐：发一首歌给我，或者说“配点轻松的音乐”。");
    }
    var o = draft.output();
    if (ABOUT_SHARPNESS.matcher(turn.whole()).find() && o.width() > 0 && o.height() > 0) {
      String res = o.resolution() != null ? o.resolution() : Math.min(o.width(), o.height()) + "p";
      return Edit.question(draft,
          "The video exports at " + o.width() + "×" + o.height() + " (" + res + "); 1080p is the sharpest I make. Say \"720p\" for a smaller file.",
          "视频导出为 " + o.width() + "×" + o.height() + "（" + res + "），1080p 是我能做的最清晰的。想要小一点的文件就说“720p”。");
    }
    if (ABOUT_SHAPE.matcher(turn.whole()).find() && o.width() > 0 && o.height() > 0) {
      String ratio = o.aspect() != null ? o.aspect().wire()
          : Aspect.nearest(o.width(), o.height()).wire();
      String en = o.height() > o.width() ? "vertical" : o.height() == o.width() ? "square" : "landscape";
      String zh = o.height() > o.width() ? "竖屏" : o.height() == o.width() ? "方形" : "横屏";
      return Edit.question(draft,
          "The video is " + en + ", " + ratio + " (" + o.width() + "×" + o.height() + "). Say \"make it vertical\", \"square\" or \"16:9\" to change it.",
          "现在是" + zh + "，" + ratio + "（" + o.width() + "×" + o.height() + "）。想改就说“竖屏”、“方形”或“横屏”。");
    }
    return Edit.question(draft, TimelineLine.of(draft, false), TimelineLine.of(draft, true));
  }
}
