package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.draft.Draft;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asked for what this studio does not do (filters other than a look, effects, stickers, animated text, noise
 * removal, a changed voice, face or background, a zoom): an honest "I can't", read before the
 * text and sound edits, so "加个字幕动画" adds no text "动画" and "remove the wind noise from the
 * beach clip" does not mute the clip (unless it says "mute").
 */
final class Unsupported implements Instruction {
  private static final Pattern UNSUPPORTED = Pattern.compile(
      "\\b(?:filters?|stickers?|emojis?|green ?screen|special effects?|vfx|face ?(?:tune|swap|filter)|beauty (?:mode|filter)|colou?r grad(?:e|ing))\\b"
          + "|\\b(?:remove|change|replace|erase|swap) (?:the |my )?background\\b(?! music)|\\bbackground (?:behind|removal)\\b|\\b(?:make|look) (?:me|my face) (?:look )?(?:thinner|slimmer|prettier|younger)\\b"
          + "|\\bzoom(?:s|ing)?\\b(?!\\s+(?:in )?to fill)|\\bken burns\\b|\\banimat(?:e|ed|ion)\\b|\\b(?:voice ?changer|auto-?tune|change my voice)\\b"
          + "|滤镜|美颜|瘦脸|磨皮|美白|贴纸|表情包|特效|抠图|抠像|(?:换|去掉|去除|删掉)(?:个|一下|掉)?背景(?!音乐|乐|声|模糊)"
          + "|变声|动画|缩放效果|推镜头");
  /**
   * Noise taken out of a clip's sound, which needs a denoiser; "it has wind noise, mute it" asks
   * for the mute, which is done.
   */
  private static final Pattern NOISE = Pattern.compile(
      "\\bnoisy\\b|\\b(?:wind|background|traffic|crowd) noise\\b|\\b(?:wind|traffic)\\b(?!\\s+down)|\\b(?:denoise|noise (?:reduction|removal))\\b"
          + "|降噪|去(?:掉|除)?(?:杂音|噪音|风声)|有(?:杂音|噪音|风声)");
  /**
   * "remove the vocals from the song", "能把歌里的人声去掉吗": a track is one mixed recording, so
   * its singing cannot come out; read before the music's removal, which would take the whole song.
   */
  private static final Pattern VOCALS = Pattern.compile(
      "\\b(?:vocals?|singing|singer'?s? voice|lyrics)\\b|\\b(?:instrumental|karaoke)\\b(?:\\s+version)?"
          + "|(?:歌|歌曲|音乐|bgm|song|music)\\s*[里中的]{0,2}(?:的)?(?:人声|唱的?|歌词|歌声)|(?:人声|歌声|歌词)[^，。]{0,4}(?:去掉|去除|消除|删|拿掉)|伴奏版|纯音乐版|(?:只要|只留|只用|换成)伴奏");
  private static final Pattern MUTE = Pattern.compile("\\bmute\\b|\\bsilence (?:it|the clip|clip \\d+)\\b|静音");
  /** "can you change the font?", "能换个字体吗": one font; its size, colour and place can change. */
  private static final Pattern FONT = Pattern.compile("\\b(?:fonts?|typefaces?)\\b|字体");
  /** "标题字体大一点", "font size 10%": the text's size, which can change. */
  private static final Pattern SIZE = Pattern.compile("\\b(?:size|bigger|smaller|larger)\\b|大|小|\\d");
  private static final Pattern MARKER = Pattern.compile("«\\d+»");
  /** "no filter please": a refusal of what we do not do is no request for it. */
  private static final Pattern REFUSING = Pattern.compile("\\b(?:no|don'?t|without)\\b|不要|别|不用");

  /** "加个字幕动画": the words after 字幕 were lifted as the text; alone, an unsupported word is the ask, not the text. */
  private static boolean quotedAlone(Turn turn) {
    Matcher m = MARKER.matcher(turn.text());
    while (m.find()) if (UNSUPPORTED.matcher(turn.quote(m.group()).toLowerCase(Locale.ROOT).strip()).matches()) return true;
    return false;
  }

  @Override
  public Optional<Edit> apply(Turn turn, Draft draft) {
    if (!turn.has(REFUSING) && !turn.has(SIZE) && turn.match(FONT) != null) {
      return Optional.of(Edit.question(draft, "The font can't change here; the text can be bigger or smaller, another colour, or at the top, middle or bottom.",
          "字体没法换；文字可以调大小、换颜色，或放到顶部、中间、底部。"));
    }
    if (turn.has(REFUSING)) return Optional.empty();
    if (turn.match(VOCALS) != null) {
      var music = draft.music();
      String en = music == null ? "There is no music yet." : "I can't take the vocals out of '" + music.name() + "': a track is one mixed recording.";
      String zh = music == null ? "还没有背景音乐。" : "没法去掉「" + music.name() + "」里的人声：一首歌是混在一起的录音。";
      en += turn.maker() != null ? " Send an instrumental version, or I can compose music for this video, which has no singing: say \"compose music\"."
          : " Send an instrumental version and I'll use it instead.";
      zh += turn.maker() != null ? "可以发一个伴奏版，或者让我为这个视频生成没有人声的配乐：说“生成配乐”。" : "发一个伴奏版来，我就换上它。";
      return Optional.of(Edit.question(draft, en, zh));
    }
    if (turn.has(NOISE) && (turn.has(MUTE) || turn.earlier("set_clip_sound"))) {
      turn.match(NOISE); // why the clip was muted
      return Optional.empty();
    }
    if (turn.match(NOISE) != null) {
      return Optional.of(Edit.question(draft,
          "I can't take noise out of a clip's sound. I can mute that clip or turn its sound down under the music: say e.g. \"mute clip 1\" or \"clip 1 sound at 30%\".",
          "片段里的杂音没法单独去掉。可以把那一段静音，或者把它的原声调小：比如说“第一段静音”或“第一段原声30%”。"));
    }
    if (turn.match(UNSUPPORTED) == null && !quotedAlone(turn)) return Optional.empty();
    return Optional.of(Edit.question(draft,
        "I can't do that here: no filters (only black and white or a vintage look), effects, stickers, animations or zooms, and no changing faces, voices or backgrounds."
            + " I edit the clips, music, text, speed and shape: ask \"what can you do?\" for all of it.",
        "这个我没法做：滤镜（只有黑白和复古色）、特效、贴纸、动画、缩放、美颜、变声和换背景都不支持。我能剪片段、配音乐、加文字、调速度和画面比例：说“你能做什么”看全部。"));
  }
}
