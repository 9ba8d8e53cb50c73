package io.tunecut.telegram;

import java.util.Locale;

/**
 * What we tell a person when Telegram itself stands in the way (a platform limit, so the
 * adapter answers). All wording lives here, in English and Chinese.
 */
final class LimitReplies {
  private LimitReplies() {}

  static String tooLargeToDownload(Locale locale, String fileName, long sizeBytes, long limitBytes) {
    String size = megabytes(sizeBytes);
    String limit = megabytes(limitBytes);
    if (chinese(locale)) {
      return "「" + fileName + "」有 " + size + "，超过了 Telegram 允许机器人下载的 " + limit + " 上限，我收不到它。\n"
          + "可以这样做：\n"
          + "• 剪短或压缩后再发；\n"
          + "• 发一个视频链接（http/https），我从链接上传；\n"
          + "• 或者请机器人的运营者运行本地 Bot API 服务器（telegram-bot-api --local），就没有这个上限。";
    }
    return "\"" + fileName + "\" is " + size + ", over the " + limit + " Telegram lets a bot download, so I can't receive it.\n"
        + "What you can do:\n"
        + "• trim or compress it and send it again;\n"
        + "• send a link (http/https) to the video instead and I'll upload it from there;\n"
        + "• or ask the bot's operator to run a local Bot API server (telegram-bot-api --local), which has no such limit.";
  }

  static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.0f MB", bytes / (1024.0 * 1024.0));
  }

  static boolean chinese(Locale locale) {
    return locale != null && "zh".equals(locale.getLanguage());
  }
}
