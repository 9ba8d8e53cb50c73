package io.tunecut.studio.internal.agent.language;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the words point at, written one way: a clip as {@code clip 2} (by ordinal, number or
 * words of its file name), the music as {@code music} or {@code song}, the clips' own sound as
 * {@code original sound}, and "it" as whatever the clause before was about.
 */
final class References {
  private static final String ORDINALS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final|\\d{1,2}(?:st|nd|rd|th)";
  private static final Pattern BY_ORDINAL = Pattern.compile(
      "(?:the\\s+|my\\s+)?(" + ORDINALS + ")\\s+(?:clip|video|shot|scene|segment|part|footage|file)s?\\b");
  /** "The final video", "the finished video": what is exported, not the last clip. */
  private static final Pattern OUTPUT = Pattern.compile("\\b(?:final|finished|edited)\\s+(?=(?:video|file|version|cut)\\b)");
  /** "the picture of the cake" once the cake names its photo: the photo is that clip. */
  private static final Pattern PHOTO_OF = Pattern.compile("\\bphoto\\s+(?:of|with)\\s+(?:the\\s+|my\\s+)?clip (\\d+)");
  /** "The middle clip" of an odd number of clips ("middle" is spelled "center" by then). */
  private static final Pattern MIDDLE = Pattern.compile(
      "(?:the\\s+)?\\b(?:center|middle)\\s+(?:clip|video|one|shot|scene|part)\\b|中间(?:那|这|的)?(?:个|段|条)(?:视频|片段|镜头|素材)?|中间的?(?:视频|片段|镜头|素材)");
  private static final Pattern PAIR = Pattern.compile(
      "(?:the\\s+)?(" + ORDINALS + ")\\s+(?:and|&|with)\\s+(?:the\\s+)?(" + ORDINALS + ")\\s+(?:clips?|videos?|ones?|shots?)\\b");
  /** "Speed up the first clip and slow down the second": an ordinal alone, where a clip was named before it. */
  private static final Pattern BARE_ORDINAL = Pattern.compile("\\bthe (" + ORDINALS + ")(?=\\s*(?:$|[,.!?;]|\\band\\b|\\bthen\\b|\\btoo\\b|\\bplease\\b))");
  private static final Pattern A_CLIP = Pattern.compile("\\bclip \\d");
  private static final Pattern ORDINAL_ONE = Pattern.compile("(?:the\\s+)?(" + ORDINALS + ")\\s+one\\b");
  private static final Pattern BY_NUMBER = Pattern.compile(
      "(?:the\\s+)?\\b(?:clip|video|shot|scene|segment|part)\\s*(?:number\\s*|no\\.?\\s*|#\\s*)?(\\d{1,2})(?![\\d.%sx]|db|p\\b)");
  /** "clip 1 and 3": the second number is a clip too. */
  private static final Pattern NUMBERS = Pattern.compile(
      "\\b(?:clips?|videos?)\\s*(\\d{1,2})\\s*(?:and|&|,|with)\\s*(\\d{1,2})(?![\\d.%:x]|\\s*(?:s\\b|db\\b|seconds?\\b))");
  /** "swap 1 and 2": only clips are swapped, so the numbers are clips. */
  private static final Pattern SWAP_NUMBERS = Pattern.compile(
      "\\b(swap|switch|exchange|flip|trade)\\s+(\\d{1,2})\\s*(?:and|&|with|,)\\s*(\\d{1,2})(?![\\d.%:x]|\\s*(?:s\\b|db\\b|seconds?\\b))");
  private static final Pattern ZH_CLIP = Pattern.compile(
      "第\\s*(\\d{1,2})\\s*(?:个|段|条)?\\s*(?:视频|片段|镜头|素材|clip(?!\\s*\\d))|第\\s*(\\d{1,2})\\s*(?:个|段|条)(?!\\s*(?:音乐|歌|首))|(最后)\\s*(?:一|1|那|这)?\\s*(?:个|段|条)\\s*(?:视频|片段|镜头|素材)?");
  /** Words of requests: a file named after one ("fast60.mp4", "blue.mp4") is named by it only with "clip" or "one" beside it. */
  private static final Set<String> KEYWORDS = Set.of("music", "song", "title", "text", "caption", "loop", "video",
      "clip", "square", "vertical", "sound", "audio", "fade", "the", "and", "final", "edit", "track", "my", "img", "vid", "mov",
      "fast", "slow", "loud", "quiet", "long", "short", "speed", "beat", "beats", "intro", "start", "ending", "photo",
      "blue", "pink", "green", "black", "white", "yellow", "orange", "purple", "gray", "grey", "gold",
      "top", "bottom", "left", "right", "middle", "center", "corner", "bigger", "smaller");
  private static final Pattern MUSIC = Pattern.compile(
      "\\b(?:the|this|that|my)\\s+(?:background\\s+)?(music)\\b|\\b(?:the|this|that|my)\\s+(song|track|tune)\\b|\\b(tune|tunes|tracks|track)\\b");
  /** "drowning out the game sounds": what must be heard is not what changes. */
  private static final Pattern ORIGINAL = Pattern.compile(
      "(?<!out )(?<!out the )(?:the\\s+)?(?:original|clips?'?s?|videos?'?s?|own|camera|recorded|ambient|natural|source|footage|game|gameplay|in-?game)\\s+(?:audio|sound|sounds|voices?|noise)"
          + "|(?:the\\s+)?(?:audio|sound|noise)\\s+(?:from|of|in|on)\\s+(?:the\\s+)?(?:clips?|videos?|footage)\\b(?!\\s*\\d)|原声|原音|(?:视频|片段|素材)(?:里面|里|中)?的?声音|视频原声|环境音");
  /** One clip's own sound: "the sound on clip 3", "clip 2 audio", "clip 2 at 50% volume", "clip 3那段不要声音". */
  private static final Pattern CLIP_SOUND = Pattern.compile(
      "(?:the\\s+)?(?:audio|sound|noise|volume)\\s+(?:from|of|in|on|for)\\s+clip (\\d+)"
          + "|clip (\\d+)(?:'s)?\\s+(?:audio|sound|volume)\\b|clip (\\d+)\\s+(?:at\\s+)?(\\d+(?:\\.\\d+)?%)\\s+(?:volume|audio|sound)\\b"
          + "|clip (\\d+)\\s*(?:的)?\\s*(不要|去掉|关掉|关闭|静音)?\\s*(?:的)?(?:声音|音频|音量)");
  /** 字 alone ("字太小了", "字看不清") is the text on screen, but not in 名字, 数字 or 字体. */
  private static final Pattern ZH_WORDS = Pattern.compile("背景音乐|背景乐|配乐|音乐|这首歌|歌曲|曲子|副歌|歌|标题|字幕|文字|文案|(?<![文名数汉打写])字(?![幕体母])");
  private static final Pattern IT = Pattern.compile("\\b(?:it|them|this|that)\\b(?!\\s*'?s\\b)|它");
  /** "use lofi", "用第二首": a clause that picks a track by a name no other thing has. */
  private static final Pattern TRACK_PICKED = Pattern.compile("(?:(?:pls|please|just|ok|now)\\s+)*(?:use|play|put on)\\s+(?!the\\s+(?:whole|entire|full)\\b)[a-z][\\w-]*(?:\\.(?:mp3|wav|m4a|flac|ogg))?\\s*$|用第?\\d+首");
  private static final Pattern TARGET = Pattern.compile(
      "(?<![a-z])(music|song|clip \\d+|title|caption|text|original sound|fade in|fade out)(?![a-z\\d])|(?<![a-z])(?<!whole |entire |full )(?:video|clips?)\\b");

  /** Words only the music has ("最后3秒淡出"): a clause with them is not about the text before. */
  private static final Pattern MUSIC_ONLY = Pattern.compile("淡出|淡入|渐入|渐出|渐弱|循环|音量|声音|\\b(?:loop|volume|louder|quieter)\\b");

  /** A Chinese request that names no clip starts with its verb: 放到最后, 剪到3秒, 静音. */
  private static final Pattern CLIP_VERB = Pattern.compile("(?:再|也)?(?:放|移|挪|剪|裁|静音|删)");
  /** A Chinese request that names nothing and only turns something up or down: 调小一点, 大声点. */
  private static final Pattern LEVEL_VERB = Pattern.compile("(?:再|也|就)?(?:调|变|放|开)?(?:小|大|轻|响|低|高)(?:一)?(?:点|些|声)");

  private References() {}

  /** Words for a still; "still" only where it cannot be the adverb ("the 2nd still", "the stills"). */
  private static final String PHOTO = "(?:photo|picture|pic|image|snapshot|foto)";
  private static final String PHOTOS = "(?:photo|picture|pic|image|snapshot|foto|still)s";
  /** "the 2nd photo", "picture 2", "第二张照片": a still by its place among the stills. */
  private static final Pattern NTH_PHOTO = Pattern.compile(
      "(?:the\\s+|my\\s+)?(" + ORDINALS + ")\\s+(?:" + PHOTO + "|still)\\b|(?:the\\s+)?\\b" + PHOTO + "\\s*(?:number\\s*|no\\.?\\s*|#\\s*)?(\\d{1,2})(?![\\d.%sx])"
          + "|第\\s*(\\d{1,2})\\s*(?:张\\s*(?:照片|图片|相片|图|静态图)?|(?:个|幅)\\s*(?:照片|图片|相片|图|静态图))|(最后)\\s*(?:一|1)?\\s*张\\s*(?:照片|图片|相片|图)?");
  /** "all the photos", "the pictures", "每张照片", "所有图片": every still. */
  private static final Pattern ALL_PHOTOS = Pattern.compile(
      "(?:(?:all|each|every)\\s+(?:of\\s+)?(?:the\\s+|my\\s+)?)?(?:the\\s+|my\\s+)?\\b" + PHOTOS + "\\b|\\b(?:each|every)\\s+" + PHOTO + "\\b"
          + "|(?:所有|全部|每张|每一张|每个)的?\\s*(?:照片|图片|相片|图)|(?:照片|图片|相片|\\bphoto|\\bpic|\\bpicture)(?=\\s*(?:都|全部))");
  /** "the photo", "this picture", "照片": the still, when there is one. */
  private static final Pattern ONE_PHOTO = Pattern.compile(
      "(?:the\\s+|my\\s+|this\\s+|that\\s+|a\\s+)?\\b" + PHOTO + "\\b|(?:这|那)?(?:张|个)?(?:照片|图片|相片)");

  /**
   * Stills named as photos: one by its place among them or when it is the only one becomes
   * {@code clip N}; all of them {@code photos}; "the photo" among several {@code photo}. Chinese
   * marks no plural: 照片 among several stills is all of them.
   *
   * @param stills for each clip in order, whether it is a still
   */
  static String stills(String t, List<Boolean> stills) {
    List<Integer> at = new ArrayList<>();
    for (int i = 0; i < stills.size(); i++) if (stills.get(i)) at.add(i + 1);
    t = NTH_PHOTO.matcher(t).replaceAll(m -> {
      String word = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : "last";
      int k = position(word, at.size());
      return k >= 1 && k <= at.size() ? "clip " + at.get(k - 1) + " " : Matcher.quoteReplacement(m.group());
    });
    t = ALL_PHOTOS.matcher(t).replaceAll(at.size() == 1 ? "clip " + at.get(0) + " " : " photos ");
    boolean chinese = t.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    t = ONE_PHOTO.matcher(t).replaceAll(m -> at.size() == 1 ? "clip " + at.get(0) + " "
        : at.size() > 1 && m.group().matches("(?![这那]张).*(?:照片|图片|相片).*") && chinese ? " photos " : " photo ");
    return t.replaceAll("\\s+", " ").strip();
  }

  /** Clips named by ordinal, number or file name words become {@code clip N}. */
  static String clips(String t, List<String> clipNames) {
    int n = clipNames.size();
    t = byName(t, clipNames);
    t = OUTPUT.matcher(t).replaceAll("");
    t = PHOTO_OF.matcher(t).replaceAll("clip $1");
    if (n >= 3 && n % 2 == 1) t = MIDDLE.matcher(t).replaceAll("clip " + (n + 1) / 2);
    t = PAIR.matcher(t).replaceAll(m -> "clip " + position(m.group(1), n) + " and clip " + position(m.group(2), n));
    t = replace(BY_ORDINAL, t, m -> position(m.group(1), n));
    t = NUMBERS.matcher(t).replaceAll("clip $1 and clip $2");
    t = SWAP_NUMBERS.matcher(t).replaceAll("$1 clip $2 and clip $3");
    t = replace(BY_NUMBER, t, m -> Integer.parseInt(m.group(1)));
    t = replace(ZH_CLIP, t, m -> m.group(3) != null ? Math.max(n, 1) : Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2)));
    if (!t.matches("(?s).*\\b(?:music|song|track|tune)\\b.*|.*(?:音乐|歌|首).*")) {
      t = replace(ORDINAL_ONE, t, m -> position(m.group(1), n));
      if (A_CLIP.matcher(t).find()) t = replace(BARE_ORDINAL, t, m -> position(m.group(1), n));
    }
    return t;
  }

  /** The music and the clips' own sound, each named one way. */
  static String things(String t) {
    t = CLIP_SOUND.matcher(t).replaceAll(m -> {
      for (int g : new int[] {1, 2}) if (m.group(g) != null) return "clip " + m.group(g) + " original sound";
      if (m.group(3) != null) return "clip " + m.group(3) + " original sound " + m.group(4);
      return "clip " + m.group(5) + (m.group(6) == null ? "" : " " + m.group(6)) + " original sound";
    });
    t = ORIGINAL.matcher(t).replaceAll("original sound");
    t = MUSIC.matcher(t).replaceAll(m -> m.group(1) != null ? "music" : "song");
    Matcher zh = ZH_WORDS.matcher(t);
    StringBuilder out = new StringBuilder();
    while (zh.find()) {
      String w = switch (zh.group()) {
        case "背景音乐", "背景乐", "配乐", "音乐" -> " music ";
        case "副歌" -> " chorus ";
        case "这首歌", "歌曲", "曲子", "歌" -> " song ";
        case "标题" -> " title ";
        case "字幕" -> " caption ";
        default -> " text ";
      };
      zh.appendReplacement(out, w);
    }
    zh.appendTail(out);
    return out.toString().replaceAll("\\s+", " ").strip();
  }

  /** "it"/"them" in a clause that names nothing is what the clause before named. */
  static List<String> pronouns(List<String> clauses) {
    List<String> out = new ArrayList<>();
    String last = null;
    for (String c : clauses) {
      Matcher target = TARGET.matcher(c);
      String named = null;
      while (target.find()) named = target.group(1) != null ? target.group(1) : null;
      if (named == null && last != null && IT.matcher(c).find() && !TARGET.matcher(c).find()) {
        c = IT.matcher(c).replaceFirst(Matcher.quoteReplacement(last));
      } else if (named == null && last != null && last.matches("title|caption|text") && !TARGET.matcher(c).find() && !MUSIC_ONLY.matcher(c).find()) {
        c = last + " " + c; // "标题放大一点，换成蓝色": the colour is the title's too
      } else if (named == null && last != null && last.startsWith("clip") && !TARGET.matcher(c).find() && CLIP_VERB.matcher(c).lookingAt()) {
        c = last + " " + c; // "sunset那段剪到3秒 然后放到最后": the same clip
      } else if (named == null && "music".equals(last) && !TARGET.matcher(c).find() && LEVEL_VERB.matcher(c).lookingAt()) {
        c = last + " " + c; // "别把音乐删了 调小一点": the music's level
      }
      if (named != null) last = named.equals("song") ? "music" : named;
      else if (TRACK_PICKED.matcher(c).lookingAt()) last = "music"; // "use lofi and start it at 2s": "it" is the music
      out.add(c);
    }
    return out;
  }

  /** What a clip is called beside its name: "the sunset clip", "the dog pic". */
  private static final String NOUNS = "clip|video|one|shot|footage|part|bit|section|segment|moment|scene|file|photo|picture|pic|image";

  private static String byName(String t, List<String> clipNames) {
    for (int i = 0; i < clipNames.size(); i++) {
      String file = clipNames.get(i).toLowerCase(Locale.ROOT);
      String base = file.replaceFirst("\\.[a-z0-9]{2,4}$", "");
      String words = base.replaceAll("[-_ .]+", " ").replaceAll("\\d+$", "").strip();
      if (words.isEmpty()) continue;
      String spaced = words.replace(" ", "[-_ ]?");
      String noun = "(?:\\s*(?:(?<=\\s)(?:" + NOUNS + ")(?!\\s*\\d+(?:\\s|,|$))|这段|那段|(?:这|那)张\\s*(?:照片|图片|图|photo)?|(?:这|那)个\\s*(?:clip|video|视频|片段)?|视频|片段|镜头))";
      boolean bareOk = words.contains(" ") ? !KEYWORDS.contains(words.split(" ")[0]) || words.split(" ").length > 1
          : words.length() >= 4 && !KEYWORDS.contains(words);
      // "img_3001": a camera's name without its extension names the file as well
      String named = base.matches(".*\\d.*") && base.length() >= 4 ? Pattern.quote(file) + "|" + Pattern.quote(base) : Pattern.quote(file);
      String exact = "(?:the\\s+|my\\s+)?(?<![a-z\\d])(?:" + named + "|" + spaced + "(?:\\.[a-z0-9]{2,4})" + noun + "?|"
          + spaced + noun + (bareOk ? "?" : "") + ")(?:(?<=\\p{IsHan})|(?![a-z\\d]))";
      int n = i + 1;
      // "sunset那段speed up": the English word after 那段 stays a word of its own
      t = Pattern.compile(exact).matcher(t).replaceAll(m -> "clip " + n + (m.group().matches("(?s).*\\p{IsHan}") ? " " : ""));
      if (!bareOk && words.length() == 3 && words.matches("[a-z]+") && !KEYWORDS.contains(words)) {
        // "put the cat first": a short name alone names its clip after "the" or "my"
        t = Pattern.compile("\\b(?:the|my)\\s+" + words + "\\b(?!\\s*(?:\\.|'|" + NOUNS + "))").matcher(t).replaceAll("clip " + n);
      }
    }
    return byScene(byWord(t, clipNames), clipNames);
  }

  /**
   * "The square one", "the times clip", "square那段": one word of a single clip's file name with
   * "one" or "clip" names that clip, even when the word is also a shape or a music word.
   */
  private static String byWord(String t, List<String> clipNames) {
    for (int i = 0; i < clipNames.size(); i++) {
      for (String word : words(clipNames.get(i))) {
        if (word.length() < 4 || word.equals("clip") || word.equals("video")) continue;
        boolean unique = true;
        for (int j = 0; j < clipNames.size(); j++) if (j != i && words(clipNames.get(j)).contains(word)) unique = false;
        if (!unique) continue;
        // "festival clip first pls": at the start of a clause the word needs no "the"
        t = Pattern.compile("(?:\\b(?:the|that|this)\\s+|^)" + Pattern.quote(word) + "\\s+(?:one|clip)\\b|(?<![a-z\\d])" + Pattern.quote(word) + "\\s*(?:那段|这段)")
            .matcher(t).replaceAll("clip " + (i + 1));
      }
    }
    return t;
  }

  /**
   * What people call a clip in Chinese when its file is named in English ("日落那段" for sunset.mp4):
   * the common words of filmed scenes, each with the Chinese words for it.
   */
  private static final Map<String, String> SCENES = Map.ofEntries(
      Map.entry("beach", "海边|海滩|沙滩"), Map.entry("sunset", "日落|夕阳|落日"), Map.entry("sunrise", "日出"),
      Map.entry("city", "城市|市区"), Map.entry("street", "街道|街头|街上"), Map.entry("night", "夜景|晚上"),
      Map.entry("mountain", "山上|山顶|爬山"), Map.entry("snow", "雪景|下雪"), Map.entry("sea", "大海|海上"), Map.entry("ocean", "大海|海洋"),
      Map.entry("dog", "狗狗|小狗|狗"), Map.entry("cat", "猫猫|猫咪|小猫|猫"), Map.entry("puppy", "小狗|狗狗"), Map.entry("party", "派对|聚会"), Map.entry("wedding", "婚礼"),
      Map.entry("birthday", "生日"), Map.entry("food", "美食|吃饭"), Map.entry("park", "公园"), Map.entry("lake", "湖边|湖"),
      Map.entry("river", "河边|江边"), Map.entry("forest", "森林|树林"), Map.entry("drone", "航拍|无人机"), Map.entry("car", "车里|开车"),
      Map.entry("concert", "演唱会"), Map.entry("school", "学校"), Map.entry("graduation", "毕业"), Map.entry("rain", "下雨|雨天"),
      Map.entry("sky", "天空"), Map.entry("fireworks", "烟花|烟火"), Map.entry("festival", "音乐节"), Map.entry("times square", "时代广场"),
      Map.entry("skate", "滑板"), Map.entry("surf", "冲浪"), Map.entry("hike", "徒步|爬山"), Map.entry("airport", "机场"),
      Map.entry("hotel", "酒店"), Map.entry("pool", "泳池"), Map.entry("garden", "花园"), Map.entry("kitchen", "厨房"),
      Map.entry("cake", "蛋糕"), Map.entry("candles", "蜡烛|吹蜡烛"), Map.entry("presents", "礼物|拆礼物"), Map.entry("gift", "礼物"),
      Map.entry("living room", "客厅"), Map.entry("bedroom", "卧室|房间"), Map.entry("bathroom", "浴室|卫生间|洗手间"),
      Map.entry("backyard", "后院|院子"), Map.entry("front door", "门口|大门|正门"), Map.entry("vows", "誓词|宣誓"),
      Map.entry("first dance", "第一支舞|跳舞"), Map.entry("demo", "演示"), Map.entry("gameplay", "游戏|打游戏"));

  /** "把日落那段放最前面": a clip by the Chinese word for a word of its file name, with 那段, 视频… after it. */
  private static String byScene(String t, List<String> clipNames) {
    for (int i = 0; i < clipNames.size(); i++) {
      List<String> own = new ArrayList<>(words(clipNames.get(i)));
      own.add(String.join(" ", own));
      for (String word : own) {
        String zh = SCENES.get(word);
        if (zh == null) continue;
        boolean unique = true;
        for (int j = 0; j < clipNames.size(); j++) {
          List<String> other = new ArrayList<>(words(clipNames.get(j)));
          other.add(String.join(" ", other));
          if (j != i && other.contains(word)) unique = false;
        }
        if (!unique) continue;
        // "做个猫猫的视频" is a video to make, not the cat clip
        t = Pattern.compile("(?:" + zh + ")的?\\s*(?:那段|这段|那个|这个|那条|这条|那张|这张)(?:视频|片段|镜头|照片|图片|\\s*photo)?|(?<![个条部])(?<!个\\p{IsHan})(?:" + zh + ")的?\\s*(?:视频|片段|镜头|照片|图片|photo\\b)"
            // "放到客厅后面": where a clip goes, named bare
            + "|(?<=到|在)(?:" + zh + ")(?=的?\\s*(?:前面|后面|之前|之后))"
            // "把猫放第一个", "猫的放最后", "不对 是猫": a clip named bare where a clip is moved, or which one was meant
            + "|(?:^|(?<=把|是|\\s))(?:" + zh + ")的?(?=\\s*(?:放|移到|挪到|剪|删|静音|吧|才对|$))")
            .matcher(t).replaceAll("clip " + (i + 1));
      }
    }
    return t;
  }

  private static List<String> words(String clipName) {
    return List.of(clipName.toLowerCase(Locale.ROOT).replaceFirst("\\.[a-z0-9]{2,4}$", "").split("[^a-z]+"));
  }

  private interface Position {
    int of(Matcher m);
  }

  private static String replace(Pattern p, String t, Position position) {
    Matcher m = p.matcher(t);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      int pos = position.of(m);
      // "第一段2倍速": the clip's number never runs into a number after it
      boolean digitNext = m.end() < t.length() && Character.isDigit(t.charAt(m.end()));
      m.appendReplacement(out, pos <= 0 ? Matcher.quoteReplacement(m.group()) : "clip " + pos + (digitNext ? " " : ""));
    }
    m.appendTail(out);
    return out.toString();
  }

  static int position(String word, int count) {
    return switch (word) {
      case "first" -> 1;
      case "second" -> 2;
      case "third" -> 3;
      case "fourth" -> 4;
      case "fifth" -> 5;
      case "sixth" -> 6;
      case "seventh" -> 7;
      case "eighth" -> 8;
      case "ninth" -> 9;
      case "tenth" -> 10;
      case "last", "final" -> Math.max(count, 1);
      default -> Integer.parseInt(word.replaceAll("\\D", ""));
    };
  }
}
