package io.tunecut.studio.agent;

import io.tunecut.studio.draft.Caption;
import io.tunecut.studio.draft.Draft;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A title or a caption: "title 'Urban Dreams'", "caption 'Day 1' at the bottom for 3 seconds",
 * "remove the title", "标题“城市之梦”", "字幕「第一天」在底部". Text must be quoted (or follow
 * "title:") so the words of a title are never read as instructions.
 */
final class SetText implements Instruction {
  private static final Pattern TEXT = Pattern.compile(
      "(title|heading|caption|subtitle|text|label|标题|字幕|文字)[^«]{0,20}?«(\\d+)»|«(\\d+)»\\s*(?:as\\s+(?:the\\s+)?)?(title|caption|作为标题|作为字幕)");
  private static final Pattern COLON = Pattern.compile("(title|caption|标题|字幕)\\s*[:：]\\s*(.+)$");
  private static final Pattern REMOVE = Pattern.compile("(remove|delete|drop|no)\\s+(?:the\\s+)?(title|captions?|text)|(删除|去掉)(标题|字幕)");
  private static final Pattern POSITION = Pattern.compile("\\b(top|upper|bottom|lower|center|centre|middle)\\b|(顶部|上方|底部|下方|中间|居中)");
  private static final Pattern FOR = Pattern.compile("(?:for|lasting|持续)\\s*" + Words.SECONDS + "|" + Words.SECONDS + "\\s*(?:long)?(?=\\s*$|\\s*[,.;])");
  private static final Pattern AT = Pattern.compile("(?:at|from|starting at|after|在|从)\\s*" + Words.SECONDS);
  static final long DEFAULT_MS = 3000;

  @Override
  public Optional<Edit> apply(Turn turn, Draft draft) {
    Matcher m = turn.match(TEXT);
    String words;
    boolean caption;
    if (m != null) {
      words = turn.quote(m.group(2) != null ? m.group(2) : m.group(3));
      String kind = m.group(1) != null ? m.group(1) : m.group(4);
      caption = !(kind.contains("title") || kind.contains("heading") || kind.contains("标题"));
    } else {
      Matcher colon = COLON.matcher(turn.original());
      if (colon.find() && !turn.has(REMOVE)) {
        words = colon.group(2).strip();
        caption = !(colon.group(1).equalsIgnoreCase("title") || colon.group(1).equals("标题"));
      } else if (turn.has(REMOVE)) {
        return Optional.of(remove(turn, draft));
      } else {
        return Optional.empty();
      }
    }
    if (words.isBlank()) return Optional.empty();
    words = words.length() > 120 ? words.substring(0, 120) : words;
    String position = position(turn, caption ? "bottom" : "center");
    long d = seconds(turn, FOR, DEFAULT_MS);
    long st = seconds(turn, AT, 0);
    long end = draft.durationMs();
    if (end > 0) {
      st = Math.min(st, Math.max(0, end - 500));
      d = Math.min(d, end - st);
    }
    List<Caption> captions = new ArrayList<>(draft.captions());
    Draft next;
    var args = Edit.args().put("text", words).put("start_ms", st).put("duration_ms", d).put("position", position);
    if (!caption) {
      captions.removeIf(c -> c.id().equals("title"));
      captions.add(0, Caption.of("title", words, st, d, position));
      next = draft.withCaptions(captions).withOutput(draft.output().withTitle(words));
      return Optional.of(Edit.done(next, "set_title", args,
          "Title '" + words + "' " + where(position) + ", " + Words.secs(st) + "–" + Words.secs(st + d) + ".",
          "标题「" + words + "」，" + Words.zhSecs(st) + "–" + Words.zhSecs(st + d) + "。"));
    }
    int n = 1;
    for (Caption c : captions) if (c.id().startsWith("x")) n++;
    String id = "x" + n;
    while (idTaken(captions, id)) id = "x" + (++n);
    captions.add(Caption.of(id, words, st, d, position));
    next = draft.withCaptions(captions);
    return Optional.of(Edit.done(next, "add_caption", args,
        "Caption '" + words + "' " + where(position) + ", " + Words.secs(st) + "–" + Words.secs(st + d) + ".",
        "字幕「" + words + "」，" + Words.zhSecs(st) + "–" + Words.zhSecs(st + d) + "。"));
  }

  private static boolean idTaken(List<Caption> captions, String id) {
    return captions.stream().anyMatch(c -> c.id().equals(id));
  }

  private static Edit remove(Turn turn, Draft draft) {
    boolean title = turn.text().contains("title") || turn.text().contains("标题");
    List<Caption> kept = draft.captions().stream().filter(c -> title ? !c.id().equals("title") : c.id().equals("title")).toList();
    Draft next = draft.withCaptions(kept);
    if (title) next = next.withOutput(next.output().withTitle(null));
    return Edit.done(next, title ? "remove_title" : "remove_captions", Edit.args(),
        title ? "Removed the title." : "Removed the captions.", title ? "已删除标题。" : "已删除字幕。");
  }

  private static String where(String position) {
    return position.equals("center") ? "in the middle" : "at the " + position;
  }

  private static String position(Turn turn, String fallback) {
    Matcher m = turn.match(POSITION);
    if (m == null) return fallback;
    String p = m.group(1) != null ? m.group(1) : m.group(2);
    if (p.matches("top|upper|顶部|上方")) return "top";
    if (p.matches("bottom|lower|底部|下方")) return "bottom";
    return "center";
  }

  private static long seconds(Turn turn, Pattern p, long fallback) {
    Matcher m = turn.match(p);
    if (m == null) return fallback;
    for (int g = 1; g <= m.groupCount(); g++) if (m.group(g) != null) return Words.ms(m.group(g));
    return fallback;
  }
}
