package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.draft.Caption;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.draft.Music;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The timeline in one line, worded as /status words it, so a reply and /status read the same:
 * "Timeline: video 0–18 s (2 clips, crossfades 0.5 s, clip 2 at 2×) · music 'lofi.mp3' 0–18 s at 35%, fade-out 2 s · title 'Summer' 0–3 s · frame 1080×1920 9:16".
 */
final class TimelineLine {
  private TimelineLine() {}

  static String of(Draft d, boolean zh) {
    return (zh ? "时间线：" : "Timeline: ") + items(d, zh);
  }

  private static String items(Draft d, boolean zh) {
    List<String> parts = new ArrayList<>();
    if (!d.clips().isEmpty()) {
      int n = d.clips().size();
      List<String> about = new ArrayList<>();
      if (n > 1) about.add(zh ? n + " 个片段" : n + " clips");
      if (n > 1 && d.transition() != null) about.add((zh ? "淡入淡出转场 " : "crossfades ") + seconds(d.transition().durationMs(), zh));
      for (int i = 0; i < n; i++) {
        var c = d.clips().get(i);
        if (c.speed() != 1) about.add((zh ? "第 " + (i + 1) + " 段 " : "clip " + (i + 1) + " at ") + ClipSpeed.times(c.speed()));
      }
      String clips = about.isEmpty() ? "" : zh ? "（" + String.join("，", about) + "）" : " (" + String.join(", ", about) + ")";
      parts.add((zh ? "视频 " : "video ") + range(0, d.durationMs(), zh) + clips);
    }
    Music m = d.music();
    if (m != null) {
      String s = (zh ? "音乐" : "music") + " '" + m.name() + "' " + range(m.startMs(), m.endMs(), zh)
          + (zh ? " 音量 " : " at ") + Math.round(m.volume() * 100) + "%";
      if (m.fadeInMs() > 0) s += (zh ? "，淡入 " : ", fade-in ") + seconds(m.fadeInMs(), zh);
      if (m.fadeOutMs() > 0) s += (zh ? "，淡出 " : ", fade-out ") + seconds(m.fadeOutMs(), zh);
      if (m.duck() != null) s += zh ? "，人声时自动降低" : ", lowered under speech";
      parts.add(s);
    }
    for (Caption c : d.captions()) {
      parts.add((c.id().equals("title") ? zh ? "标题" : "title" : zh ? "文字" : "text") + " '" + c.text() + "' " + range(c.startMs(), c.startMs() + c.durationMs(), zh));
    }
    if (parts.isEmpty()) return zh ? "空" : "empty";
    var o = d.output();
    List<String> frame = new ArrayList<>();
    if (o.width() > 0 && o.height() > 0) frame.add(o.width() + "×" + o.height());
    if (o.aspect() != null) frame.add(o.aspect().wire());
    if (o.look() != null) frame.add(o.look().said(zh));
    if (!frame.isEmpty()) parts.add((zh ? "画面 " : "frame ") + String.join(" ", frame));
    return String.join(" · ", parts);
  }

  private static String range(long fromMs, long toMs, boolean zh) {
    return number(fromMs) + "–" + seconds(toMs, zh);
  }

  private static String seconds(long ms, boolean zh) {
    return number(ms) + (zh ? " 秒" : " s");
  }

  private static String number(long ms) {
    return ms % 1000 == 0 ? Long.toString(ms / 1000) : String.format(Locale.ROOT, "%.1f", ms / 1000.0);
  }
}
