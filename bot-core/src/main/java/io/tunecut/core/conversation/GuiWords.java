package io.tunecut.core.conversation;

import io.tunecut.core.language.Messages;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The backend writes as if the person had its editor in front of them ("click Export", "drag
 * the clip"). In a chat we do those things ourselves or ask for the words instead.
 */
final class GuiWords {
  private static final Pattern CLICK_EXPORT = Pattern.compile(
      "(?i)\\b(?:click|tap|press|hit|use)\\s+(?:on\\s+)?(?:the\\s+)?[\"'“‘]?export[\"'”’]?(?:\\s+button)?|(?:点击|点|按)\\s*[“\"「]?导出[”\"」]?(?:按钮)?");
  private static final Pattern PREVIEW = Pattern.compile(
      "(?i)\\b(?:preview|check|see|view)\\s+(?:it\\s+)?in\\s+the\\s+timeline|\\bpreview\\s+(?:it|the\\s+(?:video|timeline))|在时间线(?:中|里|上)?预览|预览");
  private static final Pattern OPEN = Pattern.compile(
      "(?i)\\bopen\\s+(?:the\\s+)?(?:timeline|editor|project|panel|preview)(?:\\s+panel)?|打开(?:时间线|编辑器|项目)");
  /** "drag the clip", "drop it onto the timeline"; not a song's drop ("no drop effect here"). */
  private static final Pattern DRAG = Pattern.compile(
      "(?i)\\b(?:drag(?:\\s+and\\s+drop)?|drop\\s+(?:it|them|the\\s+\\w+|your\\s+\\w+)\\s+(?:into|onto|on|in|to)\\b)[^.!?\\n]*|拖(?:动|拽|放)[^。！？\\n]*");
  private static final Pattern CLICK = Pattern.compile(
      "(?i)\\b(?:click|tap|press)\\s+(?:on\\s+)?(?:the\\s+)?[\"'“‘]([^\"'”’\\n]{1,40})[\"'”’](?:\\s+button)?|(?:点击)\\s*[“\"「]([^”\"」\\n]{1,20})[”\"」](?:按钮)?");

  private static final Pattern SENTENCE = Pattern.compile("[^.!?。！？\\n]*(?:[.!?。！？]+|\\n|$)");

  /**
   * A text fit for a chat; {@code runExport} when the backend wants the person to export. Then
   * we export at once, so the sentence asking them to is left out.
   */
  record Translation(String text, boolean runExport) {}

  static Translation translate(String text, Messages say) {
    boolean export = CLICK_EXPORT.matcher(text).find();
    String out = export ? withoutSentencesAskingToExport(text) : text;
    out = PREVIEW.matcher(out).replaceAll(Matcher.quoteReplacement(say.sendStatus()));
    out = OPEN.matcher(out).replaceAll(Matcher.quoteReplacement(say.sendStatus()));
    out = DRAG.matcher(out).replaceAll(Matcher.quoteReplacement(say.tellChange()));
    Matcher click = CLICK.matcher(out);
    StringBuilder sb = new StringBuilder();
    while (click.find()) {
      String what = click.group(1) != null ? click.group(1) : click.group(2);
      click.appendReplacement(sb, Matcher.quoteReplacement(say.sayIt(what.strip())));
    }
    click.appendTail(sb);
    return new Translation(sb.toString().strip(), export);
  }

  private static String withoutSentencesAskingToExport(String text) {
    StringBuilder kept = new StringBuilder();
    Matcher sentence = SENTENCE.matcher(text);
    while (sentence.find() && !sentence.group().isEmpty()) {
      if (!CLICK_EXPORT.matcher(sentence.group()).find()) kept.append(sentence.group());
    }
    return kept.toString();
  }
}
