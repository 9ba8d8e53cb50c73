package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.draft.Caption;
import io.tunecut.studio.internal.draft.Draft;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text on the picture: a title ("title 'Urban Dreams'"), text anywhere ("put 'Day 1' at the
 * top", "add text GOAL at the end", "caption at the bottom: best day ever"), its style ("make
 * the title bigger", "red title", "move the text to the bottom", "标题放大一点"), replacing
 * ("change the title to 'Lisbon'") and removing it. Only quoted (or clearly set-off) words
 * become text, so a title's words are never read as instructions.
 */
final class SetText implements Instruction {
  private static final Pattern MARKER = Pattern.compile("«(\\d+)»");
  private static final Pattern TITLE = Pattern.compile("\\b(?:title|heading|headline)s?\\b");
  /** "the names", "the writing", 字, 名字: the texts on screen by what they are, unless a song, a clip or a file is named. */
  private static final Pattern TEXT = Pattern.compile("\\b(?:title|heading|headline|caption|subtitle|text|label|words?|writing|names)s?\\b|文字|名字|(?<![文名数汉打])字(?![幕体母])");
  private static final Pattern OTHER_NAMES = Pattern.compile("\\b(?:songs?|music|tracks?|clips?|files?)\\b|歌|音乐|片段|文件");
  private static final Pattern REPLACE = Pattern.compile("\\b(?:change|rename|replace|edit|update|switch|make)\\b|改成|改为|换成|改");
  private static final double DEFAULT_SIZE = 0.08;
  private static final Pattern BIGGER = Pattern.compile("too (?:small|tiny)|hard to read|can'?t (?:really )?read|看不清|太小|改大|调大|加大|\\bbig\\b|\\b(?:bigger|larger|huge|enlarge|increase|bolder)\\b|放大|大一?点|更大|大些|加大");
  private static final Pattern SMALLER = Pattern.compile("too (?:big|large|huge)|太大|改小|调小|\\b(?:smaller|tiny|shrink|reduce|decrease)\\b|缩小|小一?点|更小|小些");
  /** "with a heart", "加个爱心": drawn in the words' own line (the captions' fonts fall back to one that has it). */
  private static final Pattern HEART = Pattern.compile("\\bwith (?:a |some |little |cute )*(?:love )?hearts?\\b|(?:加|带|配)(?:个|一个|上)?(?:爱心|小心心|心心)");
  private static final String HEART_SIGN = "❤";
  private static final Pattern BY = Pattern.compile("(\\d+(?:\\.\\d+)?)%");
  private static final Map<String, String> COLORS = Map.ofEntries(
      Map.entry("red", "#ff0000"), Map.entry("红", "#ff0000"), Map.entry("white", "#ffffff"), Map.entry("白", "#ffffff"),
      Map.entry("black", "#000000"), Map.entry("黑", "#000000"), Map.entry("yellow", "#ffd400"), Map.entry("黄", "#ffd400"),
      Map.entry("blue", "#1e6bff"), Map.entry("蓝", "#1e6bff"), Map.entry("green", "#22c55e"), Map.entry("绿", "#22c55e"),
      Map.entry("orange", "#ff8c00"), Map.entry("橙", "#ff8c00"), Map.entry("pink", "#ff69b4"), Map.entry("粉", "#ff69b4"),
      Map.entry("purple", "#8b5cf6"), Map.entry("紫", "#8b5cf6"), Map.entry("gray", "#9ca3af"), Map.entry("grey", "#9ca3af"),
      Map.entry("灰", "#9ca3af"), Map.entry("gold", "#ffd700"), Map.entry("金", "#ffd700"));
  private static final Pattern COLOR = Pattern.compile(
      "\\b(red|white|black|yellow|blue|green|orange|pink|purple|gray|grey|gold)\\b|(红|白|黑|黄|蓝|绿|橙|粉|紫|灰|金)色?");
  // "标题显示久一点 五秒", "stay longer, like 5s": longer, then by how much
  private static final Pattern FOR = Pattern.compile("(?:for|lasting|last|lasts|stay|stays|持续|显示|停留|停)\\s*(?:on(?: the)? screen\\s*)?(?:(?:久|长)一?[点些]\\s*|longer\\s*(?:like\\s+)?)?(?:for\\s*)?(\\d+(?:\\.\\d+)?)s|(\\d+(?:\\.\\d+)?)s\\s*long");
  private static final Pattern AT = Pattern.compile("(?:at|from|starting at|after|在|从|第)\\s*(\\d+(?:\\.\\d+)?)s");
  /** "at the top of the first photo", "over clip 2", "第二段的时候": the text shows while that clip plays. */
  private static final Pattern ON_CLIP = Pattern.compile(
      "\\b(?:on|over|during|in|for|of|with)\\s+(?:the\\s+)?clip (\\d+)\\b|(?:在|放在|加在)\\s*clip (\\d+)|clip (\\d+)\\s*(?:上|里|那段|的时候|期间)");
  private static final Pattern AT_END = Pattern.compile("\\bat the (?:very )?end\\b|\\bin the end\\b|\\bend of the video\\b|\\bat the finish\\b|结尾|最后|末尾");
  private static final Pattern AT_START = Pattern.compile("\\bat the (?:start|beginning)\\b|开头|开始时");
  private static final Pattern RANGE = Pattern.compile("(?:from\\s+|从\\s*第?\\s*)?(\\d+(?:\\.\\d+)?)s\\s*(?:to|until|till|-|–|到|至)\\s*第?\\s*(\\d+(?:\\.\\d+)?)s");
  private static final Pattern WHOLE = Pattern.compile(
      "whole (?:time|video|thing|way)|entire (?:time|video|thing)|all the time|throughout|the full video|start to (?:the )?(?:end|finish)|beginning to (?:the )?end"
          + "|全程|一直显示|整个视频|一直(?:都)?(?:在|留着|保留)|从头到尾|(?:到|直到)(?:最后|结尾|结束)都?(?:在|显示)");
  /** "把"第一天"放在上面，黄色的": a colour alone right after text was written in the same message is that text's. */
  private static final Pattern COLOR_ALONE = Pattern.compile(
      "^\\s*(?:(?:and|in|make it|用)\\s*)?(?:(red|white|black|yellow|blue|green|orange|pink|purple|gray|grey|gold)|(红|白|黑|黄|蓝|绿|橙|粉|紫|灰|金)色?)(?:的|吧|字|please|pls)?\\s*$");
  /** "add a title", "加个标题": a title with no words yet; asked for, the next message is its text. */
  private static final Pattern TITLE_NO_WORDS = Pattern.compile(
      "^(?:(?:ok|okay|now|and|also|pls|please|can you|could you|can u|i want to|i'?d like to|let'?s)\\s+)*(?:add|put|give it|put in|insert|i want|need)\\s+(?:a|an|the|some)?\\s*title(?:\\s+(?:please|pls|to it|too|on it|on the video))?\\s*\\??$"
          + "|^(?:请|帮我|我想|我要|再)?\\s*(?:加|添加|加上|来|放|配)(?:一)?(?:个|一个)?\\s*(?:标题|title)\\s*(?:吧|呗|一下)?\\s*$");
  static final String ASK_TITLE_EN = "What should the title say? Send its words, e.g. Beach Day.";
  static final String ASK_TITLE_ZH = "标题写什么？直接把文字发给我，比如：毕业旅行。";
  static final long DEFAULT_MS = 3000;

  @Override
  public Optional<Edit> apply(Turn turn, Draft draft) {
    Matcher quote = MARKER.matcher(turn.text());
    boolean words = quote.find();
    boolean target = turn.has(TEXT);
    if (!words && !target && (turn.earlier("add_caption") || turn.earlier("set_title")) && turn.has(COLOR_ALONE)) {
      Matcher col = turn.match(COLOR_ALONE);
      String hex = COLORS.get(col.group(1) != null ? col.group(1) : col.group(2));
      return Optional.of(restyle(draft, turn.earlier("set_title") && !turn.earlier("add_caption"),
          c -> new Caption(c.id(), c.text(), c.startMs(), c.durationMs(), c.position(), c.size(), hex, c.extra())));
    }
    // "名字要一直在 整个video都显示": the whole video, said after a text was restyled in the same message, is that text's too
    if (!words && !target && turn.earlier("style_text") && turn.has(WHOLE)) return Optional.of(restyle(draft, false, c -> style(turn, draft, c)));
    if (!words && turn.has(TITLE_NO_WORDS)) {
      turn.match(TITLE_NO_WORDS);
      // with a title already there, its new words replace the old
      Caption old = named(draft, true);
      Edit ask = old == null ? Edit.question(draft, ASK_TITLE_EN, ASK_TITLE_ZH)
          : Edit.question(draft, "The title says '" + old.text() + "'; its new words replace them. " + ASK_TITLE_EN,
              "现在的标题是「" + old.text() + "」，新的文字会替换它。" + ASK_TITLE_ZH);
      return Optional.of(ask.as(Edit.Aside.ASKS_TITLE));
    }
    if (!words && !target) return Optional.empty();
    if (!words && turn.has(OTHER_NAMES) && !turn.has(Pattern.compile("\\b(?:title|heading|headline|caption|subtitle|text|label|words?|writing)s?\\b|文字"))) {
      return Optional.empty(); // "the song's name", "the names of the clips": not a text on screen
    }
    boolean title = turn.has(TITLE);
    if (words) return Optional.of(write(turn, draft, turn.quote(quote.group(1)), title));
    if (!target) return Optional.empty();
    turn.match(TEXT);
    Caption c = named(draft, title);
    if (turn.negated() && !turn.has(COLOR)) return Optional.of(remove(draft, title));
    if (c == null) {
      if (!styleAsked(turn)) {
        turn.discard();
        return Optional.empty();
      }
      return Optional.of(noText(draft, title));
    }
    Caption styled = style(turn, draft, c);
    if (styled == null) {
      turn.discard();
      return Optional.empty();
    }
    return Optional.of(restyled(draft, c, styled));
  }

  /** Restyles the title (or the latest text): {@code style} gives its new look, or null for none asked. */
  static Edit restyle(Draft draft, boolean title, UnaryOperator<Caption> style) {
    Caption c = named(draft, title);
    if (c == null) return noText(draft, title);
    Caption styled = style.apply(c);
    return styled == null ? Edit.understood(draft) : restyled(draft, c, styled);
  }

  private static Edit noText(Draft draft, boolean title) {
    return Edit.refused(draft, "style_text", Edit.args(),
        "There is no " + (title ? "title" : "text") + " yet: say e.g. title 'Summer'.", "还没有" + (title ? "标题" : "文字") + "：比如说 标题“夏天”。");
  }

  private static Edit restyled(Draft draft, Caption c, Caption styled) {
    // "make it bigger" is answered with bigger and the size it was, so the change is seen in words
    String en = "";
    String zh = "";
    if (styled.size() != c.size()) {
      boolean up = styled.size() > c.size();
      en = (up ? "bigger" : "smaller") + " (was " + percent(c.size()) + "), ";
      zh = (up ? "放大了" : "缩小了") + "（原来字高 " + percent(c.size()) + "），";
    }
    return Edit.done(replace(draft, c, styled), "style_text", Edit.args().put("id", c.id()),
        "The " + (c.id().equals("title") ? "title" : "text") + " '" + c.text() + "' is now " + en + describe(styled, false) + ".",
        (c.id().equals("title") ? "标题" : "文字") + "「" + c.text() + "」" + zh + "现在" + describe(styled, true) + "。");
  }

  private static String percent(double share) {
    double p = Math.round(share * 1000) / 10.0;
    return (p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p)) + "%";
  }

  /**
   * A caption's look with the values given (null keeps one): position top, center or bottom;
   * size as a share of the frame height; colour as {@link #hex} reads it.
   */
  static Caption styled(Caption c, String position, Double size, String color, Long startMs, Long durationMs) {
    String hex = color == null ? c.color() : hex(color).orElse(c.color());
    return new Caption(c.id(), c.text(), startMs == null ? c.startMs() : startMs, durationMs == null ? c.durationMs() : durationMs,
        position == null ? c.position() : position, size == null ? c.size() : Math.max(0.02, Math.min(0.3, size)), hex, c.extra());
  }

  /** A colour the text can have, by name (English or Chinese) or as #rrggbb. */
  static Optional<String> hex(String colour) {
    String c = colour.strip().toLowerCase(Locale.ROOT).replaceFirst("色$", "");
    return c.matches("#[0-9a-f]{6}") ? Optional.of(c) : Optional.ofNullable(COLORS.get(c));
  }

  private static boolean styleAsked(Turn turn) {
    return turn.has(TextPlace.WORDS) || turn.has(WHOLE) || turn.has(BIGGER) || turn.has(SMALLER) || turn.has(COLOR) || turn.has(AT) || turn.has(FOR);
  }

  /** New words: a new title or text, or new words for the one named. */
  private static Edit write(Turn turn, Draft draft, String words, boolean title) {
    if (turn.has(HEART) && !words.contains(HEART_SIGN)) words = words + " " + HEART_SIGN;
    turn.match(Pattern.compile(".*"));
    boolean replace = (title || turn.has(REPLACE)) && !turn.has(Pattern.compile("\\b(?:add|another|new|also)\\b|再加|加"));
    return write(draft, words, title, replace, c -> style(turn, draft, c));
  }

  /**
   * Writes {@code words} as the title or as text: new text, or new words for the latest text
   * when {@code replace}, keeping its look. {@code style} gives its look, or null for the default.
   */
  static Edit write(Draft draft, String words, boolean title, boolean replaceText, UnaryOperator<Caption> style) {
    words = words.length() > 120 ? words.substring(0, 120) : words;
    Caption existing = find(draft, title);
    // a video has one title: "加个标题：毕业快乐" over 'Beach Day' gives it new words, never a second title on the first
    boolean replace = existing != null && (replaceText || title);
    String id = title ? "title" : replace ? existing.id() : nextId(draft.captions());
    long d = existing != null && replace ? existing.durationMs() : DEFAULT_MS;
    long st = existing != null && replace ? existing.startMs() : 0;
    String pos = existing != null && replace ? existing.position() : title ? "center" : "bottom";
    Caption c = new Caption(id, words, st, d, pos, existing != null && replace ? existing.size() : DEFAULT_SIZE,
        existing != null && replace ? existing.color() : "#ffffff", existing != null && replace ? existing.extra() : null);
    Caption styled = style.apply(c);
    if (styled != null) c = styled;
    c = fit(c, draft);
    List<Caption> captions = new ArrayList<>(draft.captions());
    if (replace) captions.removeIf(x -> x.id().equals(existing.id()));
    if (title) captions.add(0, c);
    else captions.add(c);
    Draft next = draft.withCaptions(captions);
    if (title) next = next.withOutput(next.output().withTitle(words));
    var args = Edit.args().put("text", words).put("start_ms", c.startMs()).put("duration_ms", c.durationMs()).put("position", c.position());
    String kind = title ? "Title" : "Text";
    String when = Words.secs(c.startMs()) + "–" + Words.secs(c.startMs() + c.durationMs());
    String zhWhen = Words.zhSecs(c.startMs()) + "–" + Words.zhSecs(c.startMs() + c.durationMs());
    if (replace && !existing.text().equals(words)) {
      return Edit.done(next, title ? "set_title" : "add_caption", args,
          "The " + kind.toLowerCase(Locale.ROOT) + " '" + existing.text() + "' now says '" + words + "', " + TextPlace.where(c.position()) + ", " + when + "."
              + (title ? " (A video has one title: for more words on screen, say e.g. add text 'See you' at 3s.)" : ""),
          (title ? "标题「" : "文字「") + existing.text() + "」已改为「" + words + "」，" + TextPlace.zhWhere(c.position()) + "，" + zhWhen + "。"
              + (title ? "（视频只有一个标题；要再加字，可以说 在3秒加文字“再见”。）" : ""));
    }
    // a colour asked for is named in the reply ("in yellow"); the default white is not
    String colour = c.color().equals("#ffffff") ? "" : " in " + colourName(c.color(), false);
    String zhColour = c.color().equals("#ffffff") ? "" : colourName(c.color(), true) + "色，";
    // so is a size other than the default ("big in the middle")
    long height = Math.round(c.size() * 100);
    String size = c.size() == DEFAULT_SIZE ? "" : ", " + height + "% of the frame height";
    String zhSize = c.size() == DEFAULT_SIZE ? "" : "字高 " + height + "%，";
    return Edit.done(next, title ? "set_title" : "add_caption", args,
        kind + " '" + words + "' " + TextPlace.where(c.position()) + colour + size + ", " + when + ".",
        (title ? "标题「" : "文字「") + words + "」，" + TextPlace.zhWhere(c.position()) + "，" + zhColour + zhSize + zhWhen + "。");
  }

  /** The style the clause asks for, or null when it asks for none. */
  private static Caption style(Turn turn, Draft draft, Caption c) {
    boolean any = false;
    String pos = c.position();
    Optional<String> place = TextPlace.in(turn);
    if (place.isPresent()) {
      pos = place.get();
      any = true;
    }
    double size = c.size();
    boolean bigger = turn.match(BIGGER) != null;
    boolean smaller = !bigger && turn.match(SMALLER) != null;
    if (bigger || smaller) {
      Matcher by = turn.match(BY);
      double f = by != null ? Double.parseDouble(by.group(1)) / 100 : bigger ? 0.25 : 0.2;
      size = Math.round(c.size() * (bigger ? 1 + f : 1 - f) * 1000) / 1000.0;
      size = Math.max(0.02, Math.min(0.3, size));
      any = true;
    }
    String color = c.color();
    Matcher col = turn.match(COLOR);
    if (col != null) {
      color = COLORS.get(col.group(1) != null ? col.group(1) : col.group(2));
      any = true;
    }
    long st = c.startMs();
    long d = c.durationMs();
    Matcher range = turn.match(RANGE);
    Matcher whole = range == null ? turn.match(WHOLE) : null;
    Matcher f = range == null && whole == null ? turn.match(FOR) : null;
    if (range != null) {
      st = Words.ms(range.group(1));
      d = Math.max(500, Words.ms(range.group(2)) - st);
      return new Caption(c.id(), c.text(), st, d, pos, size, color, c.extra());
    }
    if (whole != null) return new Caption(c.id(), c.text(), 0, Math.max(d, draft.durationMs()), pos, size, color, c.extra());
    if (f != null) {
      d = Words.ms(f.group(1) != null ? f.group(1) : f.group(2));
      any = true;
    }
    Matcher on = turn.match(ON_CLIP);
    int clip = on == null ? 0 : Integer.parseInt(on.group(1) != null ? on.group(1) : on.group(2) != null ? on.group(2) : on.group(3));
    Matcher at = clip >= 1 && clip <= draft.clips().size() ? null : turn.match(AT);
    if (clip >= 1 && clip <= draft.clips().size()) {
      st = draft.clipStartMs(clip - 1);
      d = f != null ? d : draft.clips().get(clip - 1).durationMs();
      any = true;
    } else if (at != null) {
      st = Words.ms(at.group(1));
      any = true;
    } else if (turn.match(AT_END) != null) {
      st = Math.max(0, draft.durationMs() - d);
      any = true;
    } else if (turn.match(AT_START) != null) {
      st = 0;
      any = true;
    }
    return any ? new Caption(c.id(), c.text(), st, d, pos, size, color, c.extra()) : null;
  }

  /** Keeps the text inside the video. */
  private static Caption fit(Caption c, Draft draft) {
    long end = draft.durationMs();
    if (end <= 0) return c;
    long st = Math.min(c.startMs(), Math.max(0, end - 500));
    return new Caption(c.id(), c.text(), st, Math.min(c.durationMs(), end - st), c.position(), c.size(), c.color(), c.extra());
  }

  private static Caption find(Draft draft, boolean title) {
    Caption found = null;
    for (Caption c : draft.captions()) {
      if (title ? c.id().equals("title") : true) found = c;
    }
    if (!title && found == null) return null;
    return found;
  }

  /** The text a request names: "the title" is the only text there is when there is no title ("move the title to the top left" after "put Day 1 in the corner"). */
  static Caption named(Draft draft, boolean title) {
    Caption c = find(draft, title);
    return c == null && title && draft.captions().size() == 1 ? draft.captions().get(0) : c;
  }

  static Draft replace(Draft draft, Caption old, Caption c) {
    List<Caption> captions = new ArrayList<>(draft.captions());
    captions.replaceAll(x -> x.id().equals(old.id()) ? fit(c, draft) : x);
    return draft.withCaptions(captions);
  }

  private static String nextId(List<Caption> captions) {
    int n = 1;
    while (true) {
      String id = "x" + n;
      if (captions.stream().noneMatch(c -> c.id().equals(id))) return id;
      n++;
    }
  }

  static Edit remove(Draft draft, boolean title) {
    // nothing to take off: said, and nothing changes
    if (draft.captions().isEmpty()) {
      return Edit.answer(draft, "There is no " + (title ? "title" : "text") + " on the video.", "视频上没有" + (title ? "标题" : "文字") + "。");
    }
    if (title && find(draft, true) == null) {
      Caption only = named(draft, true);
      if (only != null) { // "remove the title" when the one text is 'Day 1': that text
        Draft next = draft.withCaptions(List.of()).withOutput(draft.output().withTitle(null));
        return Edit.done(next, "remove_captions", Edit.args(), "Removed the text '" + only.text() + "'.", "已删除文字「" + only.text() + "」。");
      }
      String words = draft.captions().get(draft.captions().size() - 1).text();
      return Edit.answer(draft, "There is no title; the text '" + words + "' is on the video: say \"remove the text\" to take it off.",
          "没有标题；视频上有文字「" + words + "」，说“删掉文字”即可去掉。");
    }
    List<Caption> kept = draft.captions().stream().filter(c -> title ? !c.id().equals("title") : c.id().equals("title")).toList();
    if (!title && kept.size() == draft.captions().size()) kept = List.of();
    Draft next = draft.withCaptions(kept);
    if (title || kept.isEmpty()) next = next.withOutput(next.output().withTitle(null));
    return Edit.done(next, title ? "remove_title" : "remove_captions", Edit.args(),
        title ? "Removed the title." : "Removed the text.", title ? "已删除标题。" : "已删除文字。");
  }

  static String colourName(String hex, boolean zh) {
    return COLORS.entrySet().stream().filter(e -> e.getValue().equals(hex) && e.getKey().matches(zh ? "\\p{IsHan}" : "[a-z]+"))
        .map(Map.Entry::getKey).sorted().findFirst().orElse(hex);
  }

  private static String describe(Caption c, boolean zh) {
    String name = colourName(c.color(), zh);
    String size = percent(c.size());
    if (zh) return TextPlace.zhWhere(c.position()) + "，" + name + "色，字高 " + size + "，" + Words.zhSecs(c.startMs()) + "–" + Words.zhSecs(c.startMs() + c.durationMs());
    return TextPlace.where(c.position()) + ", " + name + ", " + size + " of the frame height, " + Words.secs(c.startMs()) + "–" + Words.secs(c.startMs() + c.durationMs());
  }
}
