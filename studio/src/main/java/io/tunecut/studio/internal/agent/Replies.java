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

  /** @param maker the studio's music maker, which knows the tracks it made; null when it makes none */
  static String compose(List<Edit> edits, List<String> missed, Draft draft, boolean changed, List<Media> media,
      MusicMaker maker, boolean zh) {
    List<String> sentences = new ArrayList<>();
    boolean export = edits.stream().anyMatch(e -> e.kind() == Edit.Kind.EXPORT);
    boolean done = edits.stream().anyMatch(e -> e.kind() == Edit.Kind.DONE);
    for (int i = 0; i < edits.size(); i++) {
      Edit e = edits.get(i);
      if (writtenThenStyled(edits, i)) continue;
      // "for my sister's wedding, make it emotional": the change answers the purpose, the offer and the question which part
      if (done && (Talk.aboutPurpose(e) || Talk.offersAnotherTrack(e) || CutRange.asksWhich(e))) continue;
      // "it's for her birthday, can u make it nicer": the question asked back answers both
      if (Talk.aboutPurpose(e) && edits.stream().anyMatch(x -> x.kind() == Edit.Kind.QUESTION)) continue;
      // "combine these 2 videos and add music": joining is what the timeline is; the other request is the answer
      if (Talk.aboutJoining(e) && edits.stream().anyMatch(x -> x != e && !x.text(zh).isEmpty())) continue;
      // "looks good, send it" / "lol this is great, make it quieter tho": the praise's "say /export"
      // is not said to a message that exports or changes something
      String said = export || done ? e.text(zh).replace(zh ? Talk.EXPORT_HINT_ZH : Talk.EXPORT_HINT_EN, "") : e.text(zh);
      if (e.kind() != Edit.Kind.EXPORT && !said.isEmpty() && !sentences.contains(said)) sentences.add(said);
    }
    if (!missed.isEmpty()) {
      String parts = quoted(missed, zh);
      if (sentences.isEmpty() && !export && missed.stream().allMatch(Talk::chat)) {
        return zh ? "嗯嗯！想改哪里随时告诉我，要成片就发 /export。" : "Got it! Tell me whenever you want something changed, or send /export for the video.";
      }
      if (sentences.isEmpty() && !export && missed.stream().allMatch(Talk::asksAbility)) {
        return (zh ? "这个我应该做不了。" : "I don't think I can do that here. ") + capabilities(zh);
      }
      if (sentences.isEmpty() && !export) return notUnderstood(parts, zh) + tracksHint(media, draft, maker, zh);
      // "the red clip is boring, cut it": what is said in passing beside a request needs no answer
      List<String> unclear = missed.stream().filter(m -> !Talk.chat(m)).toList();
      if (!unclear.isEmpty()) {
        sentences.add(zh ? "这部分我没看懂：" + quoted(unclear, zh) + "。" : "I didn't understand " + quoted(unclear, zh) + ".");
      }
    }
    // Named when the person looks for what to do, not after every edit nor before an export
    String text = String.join(zh ? "" : " ", sentences) + (changed || export ? "" : tracksHint(media, draft, maker, zh));
    if (changed && draft.isReady()) text += "\n" + TimelineLine.of(draft, zh);
    if (export) text += (text.isEmpty() ? "" : zh ? "\n" : "\n") + (zh ? EXPORT_ZH : EXPORT_EN);
    return text.strip();
  }

  /** "加字幕 第一天 放左上角": the text written, then placed; the sentence that says where it ended up is enough. */
  private static boolean writtenThenStyled(List<Edit> edits, int i) {
    var step = edits.get(i).step();
    if (step == null || !step.tool().equals("add_caption") && !step.tool().equals("set_title")) return false;
    return edits.subList(i + 1, edits.size()).stream().anyMatch(e -> e.step() != null && e.step().tool().equals("style_text"));
  }

  private static String quoted(List<String> clauses, boolean zh) {
    return zh ? "“" + String.join("”、“", clauses) + "”" : "\"" + String.join("\", \"", clauses) + "\"";
  }

  /**
   * When tracks are at hand but none is playing, name them so the user can pick: the ones they
   * sent, and apart from those the music made for them (after an undo), which they did not send.
   */
  private static String tracksHint(List<Media> media, Draft draft, MusicMaker maker, boolean zh) {
    List<Media> tracks = media.stream().filter(m -> m.info().kind() == MediaKind.AUDIO).toList();
    if (tracks.isEmpty() || draft.music() != null) return "";
    List<String> sent = tracks.stream().filter(m -> maker == null || maker.wishOf(m).isEmpty()).map(Media::filename).toList();
    List<String> made = tracks.stream().filter(m -> maker != null && maker.wishOf(m).isPresent())
        .map(m -> m.filename().replaceFirst("\\.m4a$", "")).toList();
    if (zh) {
      String names = (sent.isEmpty() ? "" : "可用的音乐：" + String.join("、", sent) + "。")
          + (made.isEmpty() ? "" : "我为你做的配乐：" + String.join("、", made) + "。");
      return "\n" + names + (sent.isEmpty() ? "说“加上音乐”即可加上。" : "说“添加背景音乐”或“用第二首”即可加上。");
    }
    String names = (sent.isEmpty() ? "" : "Tracks you sent: " + String.join(", ", sent) + ". ")
        + (made.isEmpty() ? "" : "Music I made for you: " + String.join(", ", made) + ". ");
    if (sent.isEmpty()) return "\n" + names + "Say \"add the music\" to put it back.";
    String first = sent.get(0).replaceFirst("\\.[A-Za-z0-9]{1,5}$", "");
    return "\n" + names + "Say \"use " + first + "\"" + (tracks.size() > 1 ? " or \"use the second track\"" : "") + " to add one.";
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
      return "我可以：加背景音乐并调音量（百分比或分贝）、淡入淡出、循环；有人说话时压低音乐；卡点剪辑；加标题和字幕（位置含四个角、大小、颜色）；"
          + "剪掉开头结尾、按名字剪某一段或给它静音、删除或调换片段；照片显示多久；片段之间淡入淡出转场；某一段加速或慢放；改成竖屏/横屏/方形（抖音、B站…）；720p/1080p；撤销。";
    }
    return "I can add music and set its volume (in % or dB), fades and loop; lower it when people talk; sync it to the cuts; add a title or text "
        + "(top, middle, bottom or a corner; size, colour); trim the start or end, trim or mute a clip by its name, remove, swap or reorder clips; set how long a photo shows; "
        + "crossfade between clips; speed up or slow down a clip; make it vertical, square "
        + "or 16:9 (TikTok, YouTube…); 720p/1080p; and undo.";
  }
}
