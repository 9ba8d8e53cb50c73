package io.tunecut.core.conversation;

import io.tunecut.core.chat.InboundMessage;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** What a message asks for, from its slash command, its keywords (English and Chinese) or its files. */
record Route(Kind kind, String text) {

  enum Kind {
    HELP, NEW, CANCEL, CREDITS, STATUS, EXPORT, PREVIEW, UPLOAD, UPLOAD_URL, ADD_TO_LAST, CHAT
  }

  /** The button under clips that started a new video: add them to the exported one instead. */
  static final String ADD_TO_LAST = "/add_to_last";

  private static final Pattern URL = Pattern.compile("https?://\\S+", Pattern.CASE_INSENSITIVE);
  private static final Set<String> CREDITS = Set.of("credits", "credit", "balance", "my credits", "积分", "余额", "我的积分", "查询积分");
  private static final Set<String> STATUS = Set.of("status", "show tracks", "show timeline", "timeline", "状态", "时间线", "查看时间线", "轨道");
  private static final Set<String> EXPORT = Set.of(
      "export", "export it", "download", "send me the video", "send the video", "render", "导出", "下载", "导出视频", "把视频发给我");
  /** A message that only asks to see the video as it is: "can i see a preview", "let me see it first", "预览一下". */
  private static final Pattern PREVIEW = Pattern.compile(
      "(?:(?:can|could) (?:i|we|you) (?:see|get|have|watch|make|do)|(?:let me|lemme|i wanna|i want to|i'd like to) (?:see|watch)"
          + "|(?:show|give|send|make|do) (?:me|us)|make|do|i want|i'd like)?\\s*(?:a |the |me a )?(?:quick |fast )?"
          + "(?:preview(?: it| this| of it)?|(?:see|watch) it|how it looks)(?: first| now| please| pls| plz)*"
          + "|(?:please |pls )?(?:show me|let me see)(?: it| the video| what it looks like| how it looks)(?: first| now| please| pls)*"
          + "|(?:先|给我|我要|让我|我想)?(?:看看|看一下|来个|做个|生成|出个)?(?:快速)?预览(?:一下|看看|下|一次)?(?:吧|呗|呀)?"
          + "|(?:先|让我|给我|我想)?看看(?:效果|成品)?(?:吧|呗)?");
  private static final Set<String> CANCEL = Set.of("cancel", "stop", "取消", "停止");
  private static final Set<String> HELP = Set.of("help", "帮助");

  static Route of(InboundMessage message) {
    String text = message.text().strip();
    if (text.startsWith("/")) {
      String word = text.split("\\s+", 2)[0].substring(1);
      int at = word.indexOf('@');
      if (at >= 0) word = word.substring(0, at);
      Kind kind = switch (word.toLowerCase(Locale.ROOT)) {
        case "help", "start" -> Kind.HELP;
        case "new" -> Kind.NEW;
        case "cancel" -> Kind.CANCEL;
        case "credits", "balance" -> Kind.CREDITS;
        case "status" -> Kind.STATUS;
        case "export" -> Kind.EXPORT;
        case "preview" -> Kind.PREVIEW;
        case "add_to_last" -> Kind.ADD_TO_LAST;
        default -> null;
      };
      if (kind != null) return new Route(kind, text);
    }
    if (!message.attachments().isEmpty()) return new Route(Kind.UPLOAD, text);
    if (URL.matcher(text).matches()) return new Route(Kind.UPLOAD_URL, text);
    String plain = text.toLowerCase(Locale.ROOT).replaceAll("[\\p{Punct}。！？，、～\\s]+$", "").replaceAll("^[\\p{Punct}\\s]+", "").strip();
    if (CREDITS.contains(plain)) return new Route(Kind.CREDITS, text);
    if (STATUS.contains(plain)) return new Route(Kind.STATUS, text);
    if (EXPORT.contains(plain)) return new Route(Kind.EXPORT, text);
    if (PREVIEW.matcher(plain).matches()) return new Route(Kind.PREVIEW, text);
    if (CANCEL.contains(plain)) return new Route(Kind.CANCEL, text);
    if (HELP.contains(plain)) return new Route(Kind.HELP, text);
    return new Route(Kind.CHAT, text);
  }
}
