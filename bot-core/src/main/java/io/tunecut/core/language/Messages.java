package io.tunecut.core.language;

import io.tunecut.core.media.MediaFormats;
import java.util.List;

/** Everything the bot says, in English and Chinese. */
public final class Messages {
  private final Language lang;

  private Messages(Language lang) {
    this.lang = lang;
  }

  public static Messages of(Language lang) {
    return new Messages(lang == null ? Language.EN : lang);
  }

  public Language language() {
    return lang;
  }

  private String t(String en, String zh) {
    return lang == Language.ZH ? zh : en;
  }

  public String help() {
    return t("""
        I turn your clips into music-backed videos.
        Send me video clips (and a music track if you have one), then say what you want in plain words, several things at once if you like:
        • add background music and sync it to the cuts
        • music at 80%, no fade out, start the song at 0:25
        • put 'Day 1' at the top, make the title bigger
        • cut the first 3 seconds, swap the clips
        • for TikTok, crop to fill
        • undo
        When you like it, say "export" (or "export it in 1080p") and I send you the video (the file when it fits here, and always a link).

        Commands:
        /status – what is on the timeline
        /export – render and send the video
        /preview – a quick 360p look, free
        /credits – your balance
        /new – start a new timeline
        /cancel – stop what I'm doing
        /help – this message""",
        """
        我把你的视频片段做成配乐视频。
        先发送视频片段（有音乐也可以一起发），然后用普通的话告诉我你想要什么，一句话里说几件事也可以：
        • 加背景音乐并卡点
        • 把音乐调小一点，不要淡出
        • 在顶部加文字『第一天』，标题放大一点
        • 把视频前3秒剪掉，调换两个视频的顺序
        • 发抖音，裁剪铺满
        • 撤销
        满意后说“导出”（或“导出1080p”），我会把视频发给你（能发送时发文件，并且总会附上链接）。

        命令：
        /status – 查看时间线
        /export – 渲染并发送视频
        /preview – 快速预览（360p，免费）
        /credits – 查看积分
        /new – 新建时间线
        /cancel – 取消当前操作
        /help – 显示本帮助""");
  }

  public String busy() {
    return t("I'm still working on your last request — wait, or /cancel.", "我还在处理你上一个请求——请稍等，或发送 /cancel。");
  }

  public String working() {
    return t("Working on it…", "处理中…");
  }

  public String stillWorking() {
    return t("still working…", "仍在处理…");
  }

  public String thinking() {
    return t("thinking…", "思考中…");
  }

  public String writing() {
    return t("writing the answer…", "正在回复…");
  }

  /** What the backend's tool {@code toolName} is doing, as a progress line. */
  public String activity(String toolName) {
    return ToolActivity.describe(toolName, lang) + "…";
  }

  /** A file's kind as the backend names it ("video", "image", "audio"), in the reply's language. */
  public String fileType(String kind) {
    return switch (kind) {
      case "video" -> t("video", "视频");
      case "image" -> t("image", "图片");
      case "audio" -> t("audio", "音频");
      default -> kind;
    };
  }

  public String elapsed(long seconds) {
    return t(seconds + " s", seconds + " 秒");
  }

  public String done() {
    return t("✓ done", "✓ 完成");
  }

  public String cancelledStatus() {
    return t("✗ cancelled", "✗ 已取消");
  }

  public String failedStatus() {
    return t("✗ stopped", "✗ 已停止");
  }

  public String receiving(String name) {
    return t("receiving " + name + "…", "正在接收 " + name + "…");
  }

  public String uploading() {
    return t("adding your files to the timeline…", "正在把文件加入时间线…");
  }

  public String uploaded(List<String> descriptions) {
    return t("Added " + String.join(", ", descriptions) + ".\nNow tell me what to do, e.g. “add background music and sync it to the cuts”, or /export.",
        "已添加 " + String.join("，", descriptions) + "。\n现在告诉我要做什么，例如“加背景音乐并卡点”，或发送 /export。");
  }

  /** A file that cannot be media at all (a document, an archive). */
  public String notMedia(String name) {
    return t("I can't use “" + name + "”: it isn't a video, audio or image file. " + whatToSend(),
        "无法使用“" + name + "”：它不是视频、音频或图片文件。" + whatToSend());
  }

  /** Clips sent after an export: they start a new video, unless the person adds them to the exported one. */
  public String uploadedToNewVideo(List<String> descriptions) {
    return t("You've exported your last video, so these start a new one: added " + String.join(", ", descriptions) + ".\n"
            + "Or should they go into the video you exported? Then press “" + labelAddToLast() + "”.",
        "你已导出上一个视频，所以这些素材开始一个新视频：已添加 " + String.join("，", descriptions) + "。\n"
            + "还是要把它们加到刚导出的视频里？请点“" + labelAddToLast() + "”。");
  }

  public String nothingToAddToLast() {
    return t("There are no new clips to add to your last video any more: send them again.",
        "已经没有可以加到上一个视频的新素材了：请重新发送。");
  }

  public String labelAddToLast() {
    return t("Add to last video", "加到上一个视频");
  }

  public String refusedSize(String name, long limitBytes) {
    return t("“" + name + "” is larger than " + mb(limitBytes) + " MB, the limit per file. Trim or compress it and send it again.",
        "“" + name + "”超过每个文件 " + mb(limitBytes) + " MB 的上限。请剪短或压缩后再发送。");
  }

  /** The chat platform will not let the bot download the file. */
  public String tooLargeToReceive(String name, long sizeBytes, long limitBytes) {
    String size = sizeBytes > 0 ? mb(sizeBytes) + " MB" : null;
    return t("“" + name + "”" + (size == null ? " is" : " is " + size + ",") + " over the " + mb(limitBytes)
            + " MB this chat platform lets a bot download, so I can't receive it.\n"
            + "What you can do:\n"
            + "• trim or compress it and send it again;\n"
            + "• send a link (http/https) to the video instead and I'll fetch it from there;\n"
            + "• or ask the person who runs this bot to lift the limit (on Telegram: a local Bot API server).",
        "“" + name + "”" + (size == null ? "" : "有 " + size + "，") + "超过了聊天平台允许机器人下载的 " + mb(limitBytes) + " MB 上限，我收不到它。\n"
            + "可以这样做：\n"
            + "• 剪短或压缩后再发；\n"
            + "• 发一个视频链接（http/https），我从链接获取；\n"
            + "• 或者请运行这个机器人的人取消这个上限（Telegram：本地 Bot API 服务器）。");
  }

  public String credits(double available, double frozen) {
    String a = number(available);
    return frozen > 0
        ? t("You have " + a + " credits (" + number(frozen) + " reserved).", "你有 " + a + " 积分（" + number(frozen) + " 冻结中）。")
        : t("You have " + a + " credits.", "你有 " + a + " 积分。");
  }

  /** The balance of a tunecut studio: today's render minutes. */
  public String renderMinutes(double available, double frozen) {
    String a = number(available);
    return frozen > 0
        ? t("You have " + a + " render minutes left today (" + number(frozen) + " in renders now running). They renew at midnight UTC.",
            "你今天还剩 " + a + " 分钟渲染时长（" + number(frozen) + " 分钟正用于渲染）。UTC 零点恢复。")
        : t("You have " + a + " render minutes left today. They renew at midnight UTC.", "你今天还剩 " + a + " 分钟渲染时长。UTC 零点恢复。");
  }

  public String timeline(String summary) {
    return t("Timeline: ", "时间线：") + summary;
  }

  public String emptyTimeline() {
    return t("The timeline is empty: send a clip to start.", "时间线是空的：发送一个视频片段开始吧。");
  }

  public String changed(String diff) {
    return t("Done. What changed: ", "完成。变化：") + diff;
  }

  public String unchanged() {
    return t("Done, but the timeline did not change. Tell me more precisely what you want, or /status.",
        "完成，但时间线没有变化。请更具体地告诉我你想要什么，或发送 /status。");
  }

  public String dropped() {
    return t("the connection dropped — checking whether your edit went through…", "连接中断——正在检查你的修改是否已生效…");
  }

  public String droppedChanged(String diff) {
    return t("The connection dropped, but your edit went through. What changed: " + diff,
        "连接中断了，但你的修改已生效。变化：" + diff);
  }

  public String droppedUnchanged() {
    return t("The connection to the video service dropped and your timeline did not change. Send your request again if you like.",
        "与视频服务的连接中断了，时间线没有变化。需要的话请重新发送你的请求。");
  }

  public String newSession() {
    return t("Started a new timeline. Send clips to begin.", "已新建时间线。发送视频片段开始吧。");
  }

  public String sessionLost() {
    return t("Your session had expired, so your timeline started fresh. Please send your clips and your request again.",
        "你的会话已过期，时间线已重新开始。请重新发送视频片段和请求。");
  }

  public String nothingToCancel() {
    return t("Nothing to cancel.", "没有可取消的操作。");
  }

  public String cancelledTurn() {
    return t("Cancelled your request.", "已取消你的请求。");
  }

  public String cancelledRender() {
    return t("Cancelled the export.", "已取消导出。");
  }

  public String cancelledUpload() {
    return t("Cancelled the upload.", "已取消上传。");
  }

  public String nothingToExport() {
    return t("Nothing to export yet: send a clip first.", "还没有可导出的内容：请先发送视频片段。");
  }

  public String noClipToExport() {
    return t("Your timeline has no clip yet, and a video needs at least one: music or a title alone can't be exported. "
            + "Send a clip (a video or a picture), then /export.",
        "时间线上还没有视频片段，而视频至少需要一个片段：只有音乐或标题无法导出。请先发送一个片段（视频或图片），再发送 /export。");
  }

  public String exportStarting() {
    return t("starting the export…", "正在开始导出…");
  }

  public String rendering(int progress) {
    return t("rendering… " + progress + "%", "渲染中… " + progress + "%");
  }

  public String renderRetry() {
    return t("the render failed — trying once more…", "渲染失败——再试一次…");
  }

  public String renderFailed(String why) {
    return t("The export failed twice" + (why == null ? "" : " (" + why + ")") + ". Please try /export again later.",
        "导出两次失败" + (why == null ? "" : "（" + why + "）") + "。请稍后再试 /export。");
  }

  /** The backend says the same timeline would fail again: trying later cannot help. */
  public String renderFailedForGood(String why) {
    return t("The export failed" + (why == null ? "" : " (" + why + ")") + ", and trying again as it is would fail the same way. "
            + "Look at the timeline with /status, change what looks wrong (or send the clips again), then /export.",
        "导出失败" + (why == null ? "" : "（" + why + "）") + "，按现在的样子再试也会同样失败。"
            + "请用 /status 查看时间线，修改有问题的地方（或重新发送片段），再发送 /export。");
  }

  public String renderTimedOut(long minutes) {
    return t("The export did not finish within " + minutes + " minutes, so I stopped waiting. Please try /export again later.",
        "导出在 " + minutes + " 分钟内没有完成，我已停止等待。请稍后再试 /export。");
  }

  public String renderReady() {
    return t("✓ your video is ready", "✓ 视频已完成");
  }

  public String sendingVideo() {
    return t("sending the video…", "正在发送视频…");
  }

  public String videoCaption() {
    return t("Your video", "你的视频");
  }

  public String videoLink(String url) {
    return t("Your video: " + url, "你的视频：" + url);
  }

  public String videoLinkTooLarge(String url) {
    return t("Your video is too large to send here; download it: " + url, "视频太大，无法在这里发送；请下载：" + url);
  }

  public String noLink() {
    return t("The video is ready, but the service gave no link for it. Please try /export again.",
        "视频已完成，但服务没有提供链接。请再试 /export。");
  }

  public String exportingForYou() {
    return t("I'll export it for you now.", "我现在为你导出。");
  }

  // Errors.

  public String noCreditsAnonymous(String link) {
    return t("You're out of credits. Register to get more (your work is kept): " + link,
        "你的积分已用完。注册即可获得更多积分（你的作品会保留）：" + link);
  }

  public String noCredits() {
    return t("You're out of credits. Top up your credits to continue.", "你的积分已用完。请充值积分后继续。");
  }

  /** Out of credits on a server whose credits are a daily render quota: nowhere to buy more. */
  public String renderTimeUsedUp() {
    return t("You've used up today's render time on this server. It renews tomorrow (at midnight UTC), and your work is kept: "
            + "nothing on your timeline is lost. Until then, try a shorter export, or ask the person who runs this bot for more time.",
        "你今天在这台服务器上的渲染时长已用完。明天（UTC 零点）会恢复，你的作品会保留，时间线上的内容不会丢失。"
            + "在此之前，可以试着导出更短的视频，或请运行这个机器人的人增加时长。");
  }

  public String planCannotExport() {
    return t("Your plan cannot export videos. Register or upgrade your plan to export.", "你的套餐不能导出视频。请注册或升级套餐后导出。");
  }

  /** The backend does not take the file's format; {@code name} may be null when it did not say which file. */
  public String unsupportedFile(String name) {
    return t((name == null ? "The video service doesn't take that kind of file. " : "The video service doesn't take files like “" + name + "”. ")
            + whatToSend(),
        (name == null ? "视频服务不接受这类文件。" : "视频服务不接受“" + name + "”这类文件。") + whatToSend());
  }

  /** The backend could not read the file: damaged, cut off, or not media inside. */
  public String unreadableFile(String name) {
    String en = name == null ? "that file" : name;
    String zh = name == null ? "该文件" : "“" + name + "”";
    return t("I can't read " + en + ": it looks damaged, or it isn't a video, audio or image file. "
            + "Export or save it again from the app that made it, or send another file.",
        "无法读取" + zh + "：文件似乎已损坏，或者不是视频、音频或图片文件。请在制作它的应用里重新导出或保存，或换一个文件发送。");
  }

  private String whatToSend() {
    String formats = String.join(", ", MediaFormats.EXAMPLES);
    return t("Send clips as videos or pictures and the track as audio (for example " + formats + ").",
        "请把片段作为视频或图片发送，音乐作为音频发送（例如 " + formats + "）。");
  }

  public String fileTooLarge(long limitBytes) {
    return t("That file is too large for the video service (limit " + mb(limitBytes) + " MB per file). Trim or compress it and send it again.",
        "文件太大（每个文件上限 " + mb(limitBytes) + " MB）。请剪短或压缩后再发送。");
  }

  public String ourBug() {
    return t("Something went wrong on our side — it has been logged. Please try again.", "我们这边出了点问题——已记录。请再试一次。");
  }

  public String rateLimited() {
    return t("The video service is busy right now (rate limit). Please try again in a few minutes.",
        "视频服务现在很忙（请求频率限制）。请过几分钟再试。");
  }

  /** A progress line: the backend asked the message to wait (429) and it is sent again after {@code seconds}. */
  public String serviceBusyRetrying(long seconds) {
    return t("the video service is busy — trying again in " + seconds + " s…", "视频服务繁忙——" + seconds + " 秒后重试…");
  }

  public String unreachable() {
    return t("I can't reach the video service right now. Please try again in a moment.", "现在无法连接视频服务。请稍后再试。");
  }

  public String serviceFailed() {
    return t("The video service had a problem with that. Please try again.", "视频服务处理时出了问题。请再试一次。");
  }

  public String signInFailed() {
    return t("I couldn't sign in to the video service. Please try again later.", "无法登录视频服务。请稍后再试。");
  }

  // GUI words of the backend.

  public String sayIt(String what) {
    return t("just tell me “" + what + "” and I'll do it", "直接告诉我“" + what + "”，我来做");
  }

  public String sendStatus() {
    return t("send /status to see the timeline", "发送 /status 查看时间线");
  }

  public String tellChange() {
    return t("tell me the change (for example “move the title to the end”)", "告诉我要怎么改（例如“把标题移到结尾”）");
  }

  // Who may use the bot, how much, and one person on several platforms.

  public String notAllowed() {
    return t("Sorry, this bot is private: it only works for the people its operator has let in. Ask them to add you.",
        "抱歉，这是一个私人机器人，只为运营者允许的人服务。请联系运营者把你加进来。");
  }

  public String tooFast(long waitSeconds) {
    return t("You're sending messages faster than I can take them. Wait " + waitSeconds + " s, then go on — nothing you did is lost.",
        "你发消息太快了，我处理不过来。请等 " + waitSeconds + " 秒再继续——你做过的一切都还在。");
  }

  public String rendersUsedUp(int perDay) {
    return t("You've used today's " + perDay + " render" + (perDay == 1 ? "" : "s") + ". Your budget renews at midnight UTC; your timeline is kept, so you can export then.",
        "你今天的 " + perDay + " 次渲染已经用完。额度在 UTC 零点恢复；你的时间线会保留，到时再导出即可。");
  }

  public String minutesUsedUp(int perDay, long leftSeconds, long videoSeconds) {
    return t("This video is " + videoSeconds + " s long, but you have " + leftSeconds + " s of today's " + perDay
            + " rendered minutes left. Make it shorter, or export after midnight UTC, when your budget renews; your timeline is kept.",
        "这个视频长 " + videoSeconds + " 秒，但你今天的 " + perDay + " 分钟渲染额度只剩 " + leftSeconds
            + " 秒。把视频剪短，或在 UTC 零点额度恢复后再导出；你的时间线会保留。");
  }

  public String clipTooLong(String clip, long clipSeconds, int longestSeconds) {
    String name = clip == null ? t("a clip", "有一个片段") : "“" + clip + "”";
    return t(name + " is " + clipSeconds + " s on the timeline; the longest clip this bot renders is " + longestSeconds
            + " s. Trim it (for example “only keep the first " + longestSeconds + " seconds”) and export again.",
        name + " 在时间线上有 " + clipSeconds + " 秒；这个机器人渲染的片段最长 " + longestSeconds + " 秒。请剪短它（例如“只保留前"
            + longestSeconds + "秒”）再导出。");
  }

  public String creditsUsedUp(double perDay) {
    return t("You've used your share of today's credits (" + number(perDay) + "). It renews at midnight UTC; your timeline is kept.",
        "你今天的积分份额（" + number(perDay) + "）已经用完。UTC 零点恢复；你的时间线会保留。");
  }

  /** What is left of the person's own budget today; {@code null} parts have no limit. */
  public String budgetLeft(Integer rendersLeft, Integer renders, Long secondsLeft, Integer minutes, Double creditsLeft, Integer longestClip) {
    List<String> parts = new java.util.ArrayList<>();
    if (renders != null) parts.add(t(rendersLeft + " of " + renders + " renders", renders + " 次渲染中的 " + rendersLeft + " 次"));
    if (minutes != null) parts.add(t(minutesText(secondsLeft) + " of " + minutes + " rendered minutes", minutes + " 分钟渲染时长中的 " + minutesText(secondsLeft)));
    if (creditsLeft != null) parts.add(t(number(creditsLeft) + " credits of your share", "你的份额中 " + number(creditsLeft) + " 积分"));
    String clip = longestClip == null ? "" : t(" Clips up to " + longestClip + " s.", "片段最长 " + longestClip + " 秒。");
    return t("Left for you today: " + String.join(", ", parts) + " (renews at midnight UTC)." + clip,
        "你今天还剩：" + String.join("，", parts) + "（UTC 零点恢复）。" + clip);
  }

  private String minutesText(Long seconds) {
    long s = seconds == null ? 0 : seconds;
    return s % 60 == 0 ? t(s / 60 + " min", s / 60 + " 分钟") : t(s / 60 + " min " + s % 60 + " s", s / 60 + " 分 " + s % 60 + " 秒");
  }

  public String linkCode(String code, long minutes) {
    return t("Your link code: " + code + "\nOn your other account (Telegram or Discord), send /link " + code + " within " + minutes
            + " minutes. Both accounts then share this timeline, your media and one budget. /unlink separates them again. Share the code with nobody.",
        "你的关联码：" + code + "\n请在 " + minutes + " 分钟内，用你的另一个账号（Telegram 或 Discord）发送 /link " + code
            + "。之后两个账号共用这条时间线、你的素材和同一份额度。/unlink 可以再分开。不要把关联码告诉别人。");
  }

  public String linkInPrivate() {
    return t("Ask me for a link code in a private chat: whoever sees the code could join their account to yours.",
        "请在私聊中向我索取关联码：看到关联码的人都能把他们的账号关联到你的账号上。");
  }

  public String linked(String other) {
    return t("Linked with " + other + ": from now on you have one timeline, the same media and one budget on both. /unlink separates them.",
        "已与 " + other + " 关联：从现在起两个账号共用一条时间线、同样的素材和同一份额度。/unlink 可以分开。");
  }

  public String linkCodeWrong() {
    return t("That link code is not valid. Send /link on your other account to get a new one.", "这个关联码无效。请在另一个账号上发送 /link 获取新的关联码。");
  }

  public String linkCodeExpired(long minutes) {
    return t("That link code has expired (codes last " + minutes + " minutes). Send /link on your other account to get a new one.",
        "这个关联码已过期（有效期 " + minutes + " 分钟）。请在另一个账号上发送 /link 获取新的关联码。");
  }

  public String alreadyLinked() {
    return t("These accounts are already one.", "这两个账号已经关联了。");
  }

  public String unlinked() {
    return t("Unlinked: each account has its own timeline and budget again.", "已取消关联：每个账号重新拥有自己的时间线和额度。");
  }

  public String notLinked() {
    return t("This account is not linked to another one. /link gives you a code to link it.", "这个账号没有关联其他账号。发送 /link 获取关联码。");
  }

  // For admins only, in private chats.

  public String stats(String day, int people, int renders, long renderedSeconds, int failures, int inProgress) {
    return t("Today (" + day + " UTC): " + people + " " + (people == 1 ? "person" : "people") + ", " + renders + " render"
            + (renders == 1 ? "" : "s") + " (" + minutesText(renderedSeconds) + "), " + failures + " failed; " + inProgress
            + " in progress now.",
        "今天（UTC " + day + "）：" + people + " 人，" + renders + " 次渲染（" + minutesText(renderedSeconds) + "），" + failures
            + " 次失败；正在进行 " + inProgress + " 个。");
  }

  public String banned(String who) {
    return t(who + " is banned: they are told once a day that the bot is private, and get nothing else.",
        who + " 已被封禁：每天只会收到一次“这是私人机器人”的提示，除此之外没有任何回复。");
  }

  public String unbanned(String who) {
    return t(who + " may use the bot again.", who + " 可以重新使用机器人了。");
  }

  public String allowedNow(String who) {
    return t(who + " may use the bot now.", who + " 现在可以使用机器人了。");
  }

  public String quotaOf(String who, String budget, String usedToday) {
    return t("Budget of " + who + ": " + budget + ". Used today: " + usedToday + ".", who + " 的额度：" + budget + "。今天已用：" + usedToday + "。");
  }

  public String usedToday(int renders, long renderedSeconds, double credits) {
    String used = t(renders + " render" + (renders == 1 ? "" : "s") + " (" + minutesText(renderedSeconds) + ")",
        renders + " 次渲染（" + minutesText(renderedSeconds) + "）");
    return credits > 0 ? used + t(", " + number(credits) + " credits", "，" + number(credits) + " 积分") : used;
  }

  public String noLimit() {
    return t("no limit", "不限");
  }

  public String adminUsage() {
    return t("""
        Admin commands (here, in a private chat):
        /stats – today's people, renders, failures, renders in progress
        /ban platform:id, /unban platform:id
        /allow platform:id – let someone in (kept)
        /quota platform:id – their budget and today's use
        /quota platform:id renders=5 minutes=30 clip=120 credits=10 – set it (a number, none, or default)""",
        """
        管理命令（在这里，私聊中）：
        /stats – 今天的人数、渲染、失败和正在进行的渲染
        /ban platform:id，/unban platform:id
        /allow platform:id – 允许某人使用（会保存）
        /quota platform:id – 查看其额度和今天的用量
        /quota platform:id renders=5 minutes=30 clip=120 credits=10 – 设置额度（数字、none 或 default）""");
  }

  // Suggestions.

  public String labelExport() {
    return t("Export", "导出");
  }

  public String labelStatus() {
    return t("Status", "状态");
  }

  public String labelCredits() {
    return t("Credits", "积分");
  }

  // Pictures, previews, progress and estimates.

  public String previewing() {
    return t("making a quick preview…", "正在生成快速预览…");
  }

  public String previewCaption() {
    return t("Quick preview (360p, not the final quality). Say “export” for the real video.",
        "快速预览（360p，并非最终画质）。说“导出”获取正式视频。");
  }

  public String previewReady() {
    return t("✓ preview sent", "✓ 预览已发送");
  }

  public String noPreviewHere() {
    return t("This video service makes no quick previews. Say “export” to render the video.",
        "这个视频服务不提供快速预览。说“导出”来渲染视频。");
  }

  public String previewTooLarge() {
    return t("The preview is too large to send here: your timeline is long. Say “export” for the video and its link.",
        "预览太大，无法在这里发送：时间线太长了。说“导出”获取视频和链接。");
  }

  /** {@code ⏳ Rendering ■■■■□□□□□□ 48% · about 6 s left}; no estimate while {@code secondsLeft} is negative. */
  public String renderBar(int progress, long secondsLeft) {
    int p = Math.max(0, Math.min(100, progress));
    int filled = p / 10;
    String bar = "■".repeat(filled) + "□".repeat(10 - filled);
    String left = secondsLeft < 0 ? "" : t(" · about " + duration(secondsLeft) + " left", " · 约剩 " + duration(secondsLeft));
    return t("Rendering ", "渲染中 ") + bar + " " + p + "%" + left;
  }

  /** Before a long render on a tunecut studio: how long it takes and the render minutes it uses. */
  public String renderForecastMinutes(long videoSeconds, long renderSeconds, double minutes, double left) {
    return t("Rendering this " + duration(videoSeconds) + " video takes about " + duration(renderSeconds) + " and uses "
            + number(round(minutes)) + " of your " + number(round(left)) + " render minutes left today.",
        "这段 " + duration(videoSeconds) + " 的视频大约需要 " + duration(renderSeconds) + " 渲染，将用掉你今天剩余 "
            + number(round(left)) + " 分钟渲染时长中的 " + number(round(minutes)) + " 分钟。");
  }

  /** Before a long render on a backend that counts credits. */
  public String renderForecastCredits(long videoSeconds, long renderSeconds, double credits) {
    return t("Rendering this " + duration(videoSeconds) + " video takes about " + duration(renderSeconds)
            + ". It is paid with your credits: you have " + number(round(credits)) + ".",
        "这段 " + duration(videoSeconds) + " 的视频大约需要 " + duration(renderSeconds) + " 渲染，将消耗积分：你现在有 "
            + number(round(credits)) + " 积分。");
  }

  /** Before a long render when the balance cannot be read. */
  public String renderForecast(long videoSeconds, long renderSeconds) {
    return t("Rendering this " + duration(videoSeconds) + " video takes about " + duration(renderSeconds) + ".",
        "这段 " + duration(videoSeconds) + " 的视频大约需要 " + duration(renderSeconds) + " 渲染。");
  }

  /** "45 s", "2 min 5 s" / "45 秒", "2 分 5 秒". */
  public String duration(long seconds) {
    long s = Math.max(0, seconds);
    if (s < 60) return t(s + " s", s + " 秒");
    long m = s / 60;
    long r = s % 60;
    return r == 0 ? t(m + " min", m + " 分钟") : t(m + " min " + r + " s", m + " 分 " + r + " 秒");
  }

  private static double round(double d) {
    return Math.round(d * 10) / 10.0;
  }

  private static String mb(long bytes) {
    return Long.toString(bytes / (1024 * 1024));
  }

  private static String number(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : String.format(java.util.Locale.ROOT, "%.1f", d);
  }
}
