package io.tunecut.studio.internal.agent.language;

import java.text.Normalizer.Form;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One spelling for everything the rules read: lower case, half-width, key words spelled right,
 * numbers as digits, times as {@code 25s}, shares as {@code 50%}, levels as {@code 18db},
 * frame shapes as {@code 9x16}.
 */
final class Normalizer {
  private static final Map<String, String> TYPOS = Map.ofEntries(
      Map.entry("volumn", "volume"), Map.entry("volum", "volume"), Map.entry("voulme", "volume"), Map.entry("vol", "volume"),
      Map.entry("volumne", "volume"), Map.entry("teh", "the"), Map.entry("hte", "the"), Map.entry("musci", "music"),
      Map.entry("muisc", "music"), Map.entry("msuic", "music"), Map.entry("musik", "music"), Map.entry("musics", "music"),
      Map.entry("mucis", "music"), Map.entry("viedo", "video"), Map.entry("vidoe", "video"), Map.entry("vid", "video"),
      Map.entry("vids", "videos"), Map.entry("clpi", "clip"), Map.entry("cilp", "clip"), Map.entry("tittle", "title"),
      Map.entry("titel", "title"), Map.entry("tite", "title"), Map.entry("captoin", "caption"), Map.entry("vertial", "vertical"), Map.entry("verticle", "vertical"), Map.entry("verical", "vertical"),
      Map.entry("sqaure", "square"), Map.entry("squre", "square"), Map.entry("horizonal", "horizontal"),
      Map.entry("quiter", "quieter"), Map.entry("quitter", "quieter"), Map.entry("lowder", "louder"),
      Map.entry("lenght", "length"), Map.entry("legnth", "length"), Map.entry("fadeout", "fade out"),
      Map.entry("fadein", "fade in"), Map.entry("fadeing", "fading"), Map.entry("sec", "s"), Map.entry("secs", "s"),
      Map.entry("seconds", "s"), Map.entry("pls", "please"), Map.entry("plz", "please"),
      Map.entry("thx", "thanks"), Map.entry("ty", "thanks"), Map.entry("u", "you"), Map.entry("ur", "your"),
      Map.entry("dont", "don't"), Map.entry("doesnt", "doesn't"), Map.entry("cant", "can't"), Map.entry("wont", "won't"),
      Map.entry("isnt", "isn't"), Map.entry("bgm", "music"), Map.entry("soundtrack", "music"), Map.entry("remvoe", "remove"),
      Map.entry("romove", "remove"), Map.entry("delte", "delete"), Map.entry("expot", "export"), Map.entry("exprot", "export"),
      Map.entry("portait", "portrait"), Map.entry("potrait", "portrait"), Map.entry("loooop", "loop"), Map.entry("looping", "loop"),
      Map.entry("lowr", "lower"), Map.entry("slo", "slow"), Map.entry("biger", "bigger"), Map.entry("smaler", "smaller"),
      Map.entry("colour", "color"), Map.entry("centre", "center"), Map.entry("middle", "center"), Map.entry("normalise", "normalize"),
      Map.entry("lil", "little"), Map.entry("rn", "now"), Map.entry("smth", "something"),
      Map.entry("swich", "switch"), Map.entry("swtich", "switch"), Map.entry("whats", "what's"), Map.entry("thats", "that's"), Map.entry("hows", "how's"), Map.entry("lets", "let's"), Map.entry("im", "i'm"));
  private static final Pattern WORD = Pattern.compile("[a-z']+");
  private static final Pattern EMOJI = Pattern.compile("[\\p{So}\\p{Cs}\\x{FE0F}\\x{200D}\\x{1F3FB}-\\x{1F3FF}]+");
  /** The key words a dropped or swapped letter is forgiven in ("fde out", "vidoe"). */
  private static final List<String> KEY_WORDS = List.of("fade", "music", "volume", "title", "caption", "video", "clip",
      "vertical", "square", "export", "loop", "louder", "quieter", "lower", "mute", "remove", "delete", "original", "bigger",
      "smaller", "horizontal", "portrait", "landscape", "track", "song", "trim", "shorter", "longer");
  /** Real words one letter from a key word, which stay as they are. */
  private static final Set<String> REAL = Set.of("fad", "tile", "lip", "lop", "loo", "sng", "rim", "tim", "sog", "son", "sing",
      "mus", "loner", "sorter", "lover", "loser", "power", "tower", "mule", "mut", "trac", "lowe", "rack", "tack", "longe", "ate", "fae", "ade", "cation");
  private static final Pattern SPACED = Pattern.compile("\\s+");
  /** "kill the sunset clip", "nuke the title": slang for remove, before a thing. */
  private static final Pattern SLANG_REMOVE = Pattern.compile("\\b(?:kill|nuke|axe|yeet)\\b(?=\\s+(?:the |that |this |my )?[a-z])");

  private Normalizer() {}

  /** NFKC: full-width letters, digits and punctuation become their plain forms. */
  static String halfWidth(String text) {
    return java.text.Normalizer.normalize(text, Form.NFKC).replace('’', '\'').replace('‘', '\'');
  }

  static String normalize(String text) {
    String t = text.toLowerCase(Locale.ROOT).replace('。', '.').replace('、', ',');
    t = EMOJI.matcher(t).replaceAll(", "); // outside quotes, an emoji is tone, never an instruction: it ends what came before it
    t = replaceWords(t);
    t = t.replace("fade-out", "fade out").replace("fade-in", "fade in").replace("background music", "music")
        .replace("bg music", "music").replace("back ground", "background");
    t = colloquial(t);
    t = t.replaceFirst("^还有\\s*([a-z][a-z0-9 '-]*|\\p{IsHan}{1,4})\\s*$", "$1 too"); // "还有beach": the same to that too
    t = t.replaceFirst("^([a-z][a-z0-9 _'-]*?)\\s*也(?:是|一样|要|这样)(?:吧|的)?\\s*$", "$1 too"); // "IMG_3001也是": the same to that too
    t = SLANG_REMOVE.matcher(t).replaceAll("remove");
    t = t.replaceAll("\\bok(?:ay)?的", "好的").replaceAll("\\bok(?:ay)?\\s*了", "好了"); // "ok的", "ok了吗": chat Chinese for OK
    t = t.replaceAll("(?<=[卡踩])\\s*(?:the\\s+)?beats?(?![a-z])", "点"); // "卡beat剪": 卡点
    t = fractions(t);
    t = Numbers.digits(t);
    t = shapes(t);
    t = Times.seconds(t);
    t = shares(t);
    return SPACED.matcher(t).replaceAll(" ").strip();
  }

  private static String replaceWords(String t) {
    Matcher m = WORD.matcher(t);
    StringBuilder out = new StringBuilder();
    while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(TYPOS.getOrDefault(m.group(), nearKeyWord(m.group()))));
    m.appendTail(out);
    return out.toString();
  }

  /** The key word {@code w} is one dropped or two swapped letters away from, or {@code w} itself. */
  private static String nearKeyWord(String w) {
    if (w.length() < 3 || REAL.contains(w) || KEY_WORDS.contains(w)) return w;
    for (String k : KEY_WORDS) {
      if (k.length() == w.length() + 1) {
        for (int i = 0; i < k.length(); i++) if ((k.substring(0, i) + k.substring(i + 1)).equals(w)) return k;
      } else if (k.length() == w.length() && w.length() >= 4) {
        for (int i = 0; i + 1 < k.length(); i++) {
          if (k.charAt(i) != w.charAt(i)) {
            String swapped = w.substring(0, i) + w.charAt(i + 1) + w.charAt(i) + w.substring(i + 2);
            if (swapped.equals(k)) return k;
            break;
          }
        }
      }
    }
    return w;
  }

  /** A pinyin keyboard's slips in key words: the character that sounds the same ("竖平" for 竖屏, "蛋出" for 淡出). */
  private static final Map<String, String> SOUNDS_ALIKE = Map.of("竖平", "竖屏", "横平", "横屏", "蛋出", "淡出", "蛋入", "淡入",
      "标提", "标题", "音月", "音乐", "字募", "字幕");

  /**
   * Chat Chinese in its plain form: "啥" is 什么, "删了吧" asks for 删掉 and "关了" for 关掉 (but "删了吗"
   * asks whether).
   */
  private static String colloquial(String t) {
    for (var e : SOUNDS_ALIKE.entrySet()) t = t.replace(e.getKey(), e.getValue());
    return t.replace("啥", "什么").replace("咋", "怎么").replaceAll("删了(?![吗么没])", "删掉").replaceAll("删(?![掉除了减])(?=\\s*(?:第|最|clip|这|那|[a-z]))", "删掉").replaceAll("关了(?![吗么没])", "关掉");
  }

  private static String fractions(String t) {
    return sizes(t).replaceAll("\\bhalf (?:a|1) (?:second|s)\\b", "0.5s")
        .replaceAll("\\b(?:a|one) (?:second|s)\\b(?! clip| video| track| song| one)", "1s")
        .replaceAll("\\b(first|last) second\\b(?! clip| video| track| song| one| part)", "$1 1s")
        .replaceAll("\\b(?:a|one) third\\b", "33%").replaceAll("\\btwo thirds\\b", "67%")
        .replaceAll("\\b(?:a|one) quarter\\b", "25%").replaceAll("\\bthree quarters\\b", "75%")
        .replaceAll("\\bhalf\\b", "50%").replaceAll("\\bdouble\\b|\\btwice as (?=loud|long)", "200% ")
        .replace("一半", "50%").replace("三分之一", "33%").replace("四分之一", "25%").replace("三分之二", "67%")
        .replace("百分之", "pct ").replace("一倍", "200%");
  }

  /** Size multiples as a change by a share: "twice as big" is 100% bigger, "字大一倍" 放大100%, "half the size" 50% smaller. */
  private static String sizes(String t) {
    return t.replaceAll("\\b(?:twice|2 times|two times) (?:as (?:big|large)|bigger|larger|the size)\\b|\\bdouble (?:the |its )?size\\b", "100% bigger")
        .replaceAll("\\b(?:three|3) times (?:as (?:big|large)|bigger|larger|the size)\\b|\\btriple (?:the |its )?size\\b", "200% bigger")
        .replaceAll("\\bhalf (?:as (?:big|large)|the size)\\b", "50% smaller")
        .replaceAll("放大\\s*(?:一|1)\\s*倍|(?<=[字题幕案])\\s*(?:加大|大)\\s*(?:一|1)\\s*倍", "放大100%")
        .replaceAll("缩小\\s*一半|(?<=[字题幕案])\\s*小\\s*一半", "缩小50%");
  }

  /** 9:16 looks like a time; named first. */
  private static String shapes(String t) {
    return t.replaceAll("(?<![\\d.])(\\d{1,2})\\s*比\\s*(\\d{1,2})(?![\\d.])", "$1:$2").replaceAll("(?<![\\d.])9\\s*[:x×/]\\s*16(?!\\d)", "9x16").replaceAll("(?<![\\d.])9\\s+16\\s*$", "9x16").replaceAll("(?<![\\d.])16\\s*[:x×/]\\s*9(?!\\d)", "16x9")
        .replaceAll("(?<![\\d.])1\\s*[:x×/]\\s*1(?![\\d.])", "1x1").replaceAll("(?<![\\d.])4\\s*[:x×/]\\s*5(?!\\d)", "4x5");
  }

  private static String shares(String t) {
    return t.replaceAll("pct\\s*(\\d+(?:\\.\\d+)?)", "$1%").replaceAll("(?<![\\d.])(\\d)成", "$10%")
        .replaceAll("(\\d+(?:\\.\\d+)?)\\s*(?:%|percent\\b|per cent\\b|pct\\b)", "$1%")
        .replaceAll("(-?\\d+(?:\\.\\d+)?)\\s*(?:db\\b|decibels?\\b|分贝)", "$1db");
  }
}
