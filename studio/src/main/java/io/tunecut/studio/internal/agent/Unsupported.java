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
          + "|\\b(?:remove|change|replace|erase|swap) (?:the |my )?background\\b(?! (?:music|song|track|audio|sound|tune|noise))|\\bbackground (?:behind|removal)\\b|\\b(?:make|look) (?:me|my face) (?:look )?(?:thinner|slimmer|prettier|younger)\\b"
          + "|\\bzoom(?:s|ing)?\\b(?!\\s+(?:in )?to fill)|\\bken burns\\b|\\banimat(?:e|ed|ion)\\b|\\b(?:voice ?changer|auto-?tune|change my voice)\\b"
          + "|\\bfilm (?:grain|look|filter|effect)\\b|\\b(?:vhs|retro film|lomo)\\b|胶片(?:感|风|滤镜|效果)?|颗粒感|滤镜|美颜|瘦脸|磨皮|美白|贴纸|表情包|特效|抠图|抠像|(?:换|去掉|去除|删掉)(?:个|一下|掉)?背景(?!音乐|乐|声|模糊)"
          + "|变声|动画|缩放效果|推镜头"
          // a GIF, sound effects: not what a music video here is made of
          + "|\\bgifs?\\b|动图|\\bsound ?effects?\\b|\\bsfx\\b|\\b(?:meow|bark|woof|whoosh|boom|airhorn|air horn|applause|laugh(?:ing)? track)\\s+(?:sound|effect|noise)s?\\b|音效");
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
  /** "i can barely hear her singing": someone singing in a clip, not the song's vocals. */
  private static final Pattern SINGING_IN_CLIP = Pattern.compile(
      "\\b(?:hear|hearing)\\b.{0,25}\\b(?:singing|sing)\\b|\\b(?:her|his|their|our|my|the kids?'?s?|people'?s?) (?:singing|voices?)\\b|听不(?:清|到|见).{0,6}(?:唱|歌声)");
  /**
   * "velocity edit", "shake on the drop", "add a flash on every beat", "add a drop": effects of a
   * TikTok edit and a change to the song itself, which no edit here makes; what gives an edit
   * its energy here is said instead. The answer never says "drop": the chat turns that word into
   * an editor's "drag and drop".
   */
  private static final Pattern EFFECTS = Pattern.compile(
      "\\b(?:velocity|speed ?ramp(?:s|ing)?|white flash(?:es)?|strobe|glitch(?:es|y)?|rgb split|chromatic aberration|motion blur|overlays?|bass ?boost(?:ed)?|reverb|slowed (?:and|&|\\+) reverb|sped up version)\\b"
          // a shake or a flash added, not "the last 2 seconds where the camera shakes"
          + "|\\b(?:add|put|do|with|give it|want)\\s+(?:a\\s+|some\\s+|the\\s+)?(?:camera\\s+|screen\\s+|white\\s+)?(?:shakes?|flash(?:es)?)\\b|\\b(?:shakes?|flash(?:es)?)\\s+(?:effects?|transitions?|on\\b)"
          + "|\\b(?:add|put|make|give (?:it|me))\\s+(?:a |some |the |more )?(?:beat |bass )?drops?\\b|\\bdrops?\\s+(?:effect|transition)\\b"
          + "|抖动|震动|闪白|闪光|闪屏|故障(?:风|效果)?|曲线变速|速度曲线|变速卡点|重低音|混响");
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
    if (turn.match(EFFECTS) != null) {
      return Optional.of(Edit.question(draft,
          "I can't add effects like velocity ramps, shakes, flashes or glitches, and I can't change the song itself."
              + " For energy I can cut on every beat (\"sync it to the beat\"), make the cuts faster, speed a clip up or slow it down (\"clip 2 at 2x\", \"slow mo on the last clip\")"
              + " and start the song where it's best (\"start the song at 0:45\").",
          "速度曲线、抖动、闪白、故障这类特效我做不了，也没法改歌本身。想要更有冲击力，我可以：卡点剪辑（说“卡点”）、切得更快、某一段加速或慢放（“第2段2倍速”“最后一段慢动作”），"
              + "或者从歌最燃的地方开始（“从歌的第45秒开始”）。"));
    }
    if (!turn.has(SINGING_IN_CLIP) && turn.match(VOCALS) != null) {
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
