package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.draft.Draft;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** "export it", "render it in 1080p please", "send me the video", "导出": the bot exports when told to click Export. */
final class ExportRequest implements Instruction {
  private static final Pattern EXPORT = Pattern.compile(
      "\\b(?:export|render|download|finali[sz]e|send (?:me )?(?:the |my )?(?:video|it|file|result|final)|give me the (?:video|file|result)"
          + "|i'?m done|we'?re done|ship it)\\b|导出|输出|生成视频|渲染|发给我|下载|出片|成片"
          // "ok thats fire 🔥 send": a closing "send" (not "what should i send")
          + "|(?<!\\b(?:i|we|you|should|to|will|can|did|do|i'll|ill|gonna|then)\\s)\\bsend(?:\\s+(?:pls|please|plz|now|thx|thanks))?\\s*[!.]*$");

  /** "make the video", "ok make the final video now": the whole clause, so "make the video vertical" is no export. */
  private static final Pattern MAKE_IT = Pattern.compile(
      "^(?:(?:ok|okay|now|then|please|pls|so|alright|great)\\s*,?\\s+)*(?:make|create|finish|do)\\s+(?:the|my)\\s+(?:final\\s+)?video(?:\\s+(?:now|please|pls|then))*\\s*[!.]*$");

  @Override
  public Optional<Edit> apply(Turn turn, Draft draft) {
    if (MAKE_IT.matcher(turn.whole().strip()).matches()) turn.match(Pattern.compile(".+"));
    else if (turn.match(EXPORT) == null) return Optional.empty();
    if (turn.negated()) return Optional.of(Edit.answer(draft, "OK, not exporting yet.", "好的，先不导出。"));
    return Optional.of(export(draft));
  }

  static Edit export(Draft draft) {
    if (!draft.isReady()) {
      return Edit.answer(draft, "There is nothing to export yet: send your clips first.", "还没有可导出的内容：请先发送视频。");
    }
    return new Edit(draft, null, Replies.EXPORT_EN, Replies.EXPORT_ZH, Edit.Kind.EXPORT, List.of());
  }
}
