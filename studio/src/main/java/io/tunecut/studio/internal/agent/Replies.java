package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.media.Media;
import io.tunecut.studio.internal.media.MediaKind;
import java.util.ArrayList;
import java.util.List;

/** The answer to one message: a sentence per edit, what was not understood, the timeline. */
final class Replies {
  static final String EXPORT_EN = "Click Export to render it.";
  static final String EXPORT_ZH = "点击「导出」即可生成视频。";

  private Replies() {}

  static String compose(List<Edit> edits, List<String> missed, Draft draft, boolean changed, List<Media> media,
      boolean zh) {
    List<String> sentences = new ArrayList<>();
    boolean export = edits.stream().anyMatch(e -> e.kind() == Edit.Kind.EXPORT);
    for (Edit e : edits) {
      // "looks good, send it": the praise's "say /export" is not said to a message that exports
      String said = export ? e.text(zh).replace(zh ? Talk.EXPORT_HINT_ZH : Talk.EXPORT_HINT_EN, "") : e.text(zh);
      if (e.kind() != Edit.Kind.EXPORT && !said.isEmpty() && !sentences.contains(said)) sentences.add(said);
    }
    if (!missed.isEmpty()) {
      String parts = quoted(missed, zh);
      if (sentences.isEmpty() && !export && missed.stream().allMatch(Talk::chat)) {
        return zh ? "嗯嗯！想改哪里随时告诉我，要成片就发 /export。" : "Got it! Tell me whenever you want something changed, or send /export for the video.";
      }
      if (sentences.isEmpty() && !export) return notUnderstood(parts, zh) + tracksHint(media, draft, zh);
      // "the red clip is boring, cut it": what is said in passing beside a request needs no answer
      List<String> unclear = missed.stream().filter(m -> !Talk.chat(m)).toList();
      if (!unclear.isEmpty()) {
        sentences.add(zh ? "这部分我没看懂：" + quoted(unclear, zh) + "。" : "I didn't understand " + quoted(unclear, zh) + ".");
      }
    }
    // Named when the person looks for what to do, not after every edit nor before an export
    String text = String.join(zh ? "" : " ", sentences) + (changed || export ? "" : tracksHint(media, draft, zh));
    if (changed && draft.isReady()) text += "\n" + TimelineLine.of(draft, zh);
    if (export) text += (text.isEmpty() ? "" : zh ? "\n" : "\n") + (zh ? EXPORT_ZH : EXPORT_EN);
    return text.strip();
  }

  private static String quoted(List<String> clauses, boolean zh) {
    return zh ? "“" + String.join("”、“", clauses) + "”" : "\"" + String.join("\", \"", clauses) + "\"";
  }

  /** When tracks were uploaded but none is playing, name them so the user can pick. */
  private static String tracksHint(List<Media> media, Draft draft, boolean zh) {
    List<String> names = media.stream().filter(m -> m.info().kind() == MediaKind.AUDIO).map(Media::filename).toList();
    if (names.isEmpty() || draft.music() != null) return "";
    String first = names.get(0).replaceFirst("\\.[A-Za-z0-9]{1,5}$", "");
    if (zh) return "\n可用的音乐：" + String.join("、", names) + "。说“添加背景音乐”或“用第二首”即可加上。";
    return "\nTracks you sent: " + String.join(", ", names) + ". Say \"use " + first + "\""
        + (names.size() > 1 ? " or \"use the second track\"" : "") + " to add one.";
  }

  static String notUnderstood(String parts, boolean zh) {
    if (zh) {
      return "抱歉，我没看懂" + parts + "。可以这样说：“音量35%”、“淡出3秒”、“竖屏”、“标题「夏天」”、“把视频前3秒剪掉”、“撤销”。说“你能做什么”看更多。";
    }
    return "Sorry, I didn't understand " + parts + ". Try \"music at 35%\", \"fade out 3 s\", \"make it vertical\", "
        + "\"title 'Summer'\", \"cut the first 3 seconds\" or \"undo\" — or ask \"what can you do?\".";
  }

  static String capabilities(boolean zh) {
    if (zh) {
      return "我可以：加背景音乐并调音量（百分比或分贝）、淡入淡出、循环；有人说话时压低音乐；卡点剪辑；加标题和字幕（位置、大小、颜色）；"
          + "剪掉开头结尾、按名字剪某一段或给它静音、删除或调换片段；照片显示多久；片段之间淡入淡出转场；某一段加速或慢放；改成竖屏/横屏/方形（抖音、B站…）；720p/1080p；撤销。";
    }
    return "I can add music and set its volume (in % or dB), fades and loop; lower it when people talk; sync it to the cuts; add a title or text "
        + "(position, size, colour); trim the start or end, trim or mute a clip by its name, remove, swap or reorder clips; set how long a photo shows; "
        + "crossfade between clips; speed up or slow down a clip; make it vertical, square "
        + "or 16:9 (TikTok, YouTube…); 720p/1080p; and undo.";
  }
}
