package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.draft.Caption;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.draft.Music;
import java.util.ArrayList;
import java.util.List;

/** A draft in one readable line, in Chinese: "视频 0–18 秒（2 个片段）· 音乐「lofi.mp3」0–18 秒，音量 35%". */
final class ZhSummary {
  private ZhSummary() {}

  static String of(Draft d) {
    List<String> parts = new ArrayList<>();
    if (!d.clips().isEmpty()) parts.add("视频 0–" + Words.zhSecs(d.durationMs()) + "（" + d.clips().size() + " 个片段）");
    Music m = d.music();
    if (m != null) {
      String s = "音乐「" + m.name() + "」" + num(m.startMs()) + "–" + Words.zhSecs(m.endMs()) + "，音量 " + Words.percent(m.volume());
      if (m.fadeInMs() > 0) s += "，淡入 " + Words.zhSecs(m.fadeInMs());
      if (m.fadeOutMs() > 0) s += "，淡出 " + Words.zhSecs(m.fadeOutMs());
      parts.add(s);
    }
    for (Caption c : d.captions()) {
      parts.add("文字「" + c.text() + "」" + num(c.startMs()) + "–" + Words.zhSecs(c.startMs() + c.durationMs()));
    }
    if (parts.isEmpty()) return "时间线是空的";
    String frame = d.output().aspect() == null ? "" : " · " + d.output().aspect().wire();
    if (d.output().resolution() != null) frame += (frame.isEmpty() ? " · " : " ") + d.output().resolution();
    return String.join(" · ", parts) + frame;
  }

  private static String num(long ms) {
    return Words.zhSecs(ms).replace(" 秒", "");
  }
}
