package io.tunecut.core.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunecut.core.language.Language;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A draft read for people: "video 0–10 s · music 'lofi.mp3' 0–10 s at 35% · title 'Urban
 * Dreams' 0–3 s". Shows what {@link Timeline} reads where present and falls back to counts and
 * durations for tracks it does not know.
 */
public final class TimelineSummary {
  private final Map<String, String> items; // stable key → readable item
  private final Language lang;

  private TimelineSummary(Map<String, String> items, Language lang) {
    this.items = items;
    this.lang = lang;
  }

  public static TimelineSummary of(JsonNode draft, Language lang) {
    return of(Timeline.of(draft), lang);
  }

  public static TimelineSummary of(Timeline timeline, Language lang) {
    Map<String, String> items = new LinkedHashMap<>();
    int i = 0;
    for (Timeline.Track track : timeline.tracks()) {
      List<Timeline.Segment> sg = track.segments();
      String key = "t" + track.type() + "#" + (i++);
      if (sg.isEmpty()) continue;
      switch (track.type()) {
        case Timeline.VIDEO -> {
          items.put(key, video(sg, lang));
          if (timeline.crossfadeMs() > 0) {
            items.put(key + ".xf", (lang == Language.ZH ? "转场淡入淡出 " : "crossfades ") + seconds(timeline.crossfadeMs(), lang));
          }
          String speeds = speeds(sg, lang);
          if (!speeds.isEmpty()) items.put(key + ".sp", speeds);
        }
        case Timeline.MUSIC -> {
          int n = 0;
          for (Timeline.Segment seg : sg) items.put(key + "." + n++, music(seg, lang));
        }
        case Timeline.TEXT -> {
          int n = 0;
          for (Timeline.Segment seg : sg) items.put(key + "." + n++, title(seg, lang));
        }
        default -> items.put(key, other(track.type(), sg, lang));
      }
    }
    if (!items.isEmpty()) {
      String format = format(timeline.frame(), lang);
      if (format != null) items.put("format", format);
    }
    return new TimelineSummary(items, lang);
  }

  /** True when the draft has a clip (a segment on a video track): music or titles alone make no video. */
  public static boolean hasClip(JsonNode draft) {
    return Timeline.of(draft).hasClip();
  }

  public boolean empty() {
    return items.isEmpty();
  }

  @Override
  public String toString() {
    return String.join(" · ", items.values());
  }

  /** What is different in {@code after}; empty when nothing a person would notice changed. */
  public String diff(TimelineSummary after) {
    List<String> changes = new ArrayList<>();
    for (Map.Entry<String, String> e : after.items.entrySet()) {
      String was = items.get(e.getKey());
      if (was == null) changes.add(word("added ", "新增 ") + e.getValue());
      else if (!was.equals(e.getValue())) changes.add(e.getValue() + word(" (was: ", "（原为：") + was + word(")", "）"));
    }
    for (Map.Entry<String, String> e : items.entrySet()) {
      if (after.items.containsKey(e.getKey())) continue;
      // speeds set back to 1 are no removed clip
      if (e.getKey().endsWith(".sp")) changes.add(word("every clip at normal speed (was: ", "全部片段正常速度（原为：") + e.getValue() + word(")", "）"));
      else changes.add(word("removed ", "移除 ") + e.getValue());
    }
    return String.join("; ", changes);
  }

  private String word(String en, String zh) {
    return lang == Language.ZH ? zh : en;
  }

  private static String video(List<Timeline.Segment> sg, Language lang) {
    long start = Long.MAX_VALUE;
    long end = 0;
    boolean timed = false;
    for (Timeline.Segment seg : sg) {
      if (seg.length().isPresent()) {
        timed = true;
        start = Math.min(start, seg.startMs());
        end = Math.max(end, seg.endMs());
      }
    }
    String name = lang == Language.ZH ? "视频" : "video";
    String clips = sg.size() > 1 ? (lang == Language.ZH ? "（" + sg.size() + " 个片段）" : " (" + sg.size() + " clips)") : "";
    return timed ? name + " " + range(start, end, lang) + clips : name + clips;
  }

  /** "clip 2 at 2×, clip 3 at 0.5×"; "all clips at 2×" when every one of several plays alike; empty when all play as recorded. */
  private static String speeds(List<Timeline.Segment> sg, Language lang) {
    List<String> named = new ArrayList<>();
    boolean alike = sg.size() > 1;
    for (int i = 0; i < sg.size(); i++) {
      double sp = sg.get(i).speed();
      alike &= sp == sg.get(0).speed();
      if (sp == 1) continue;
      named.add(lang == Language.ZH ? "片段" + (i + 1) + " " + times(sp) + "倍速" : "clip " + (i + 1) + " at " + times(sp) + "×");
    }
    if (named.isEmpty()) return "";
    if (alike) {
      String sp = times(sg.get(0).speed());
      return lang == Language.ZH ? "全部片段 " + sp + "倍速" : "all clips at " + sp + "×";
    }
    int shown = 6; // a montage of many sped-up clips stays one line
    String more = named.size() > shown ? (lang == Language.ZH ? "等 " + named.size() + " 个片段" : " and " + (named.size() - shown) + " more") : "";
    return String.join(lang == Language.ZH ? "，" : ", ", named.subList(0, Math.min(shown, named.size()))) + more;
  }

  /** 2, 0.5, 1.25: as few digits as the speed needs. */
  private static String times(double speed) {
    String s = String.format(Locale.ROOT, "%.2f", speed);
    return s.replaceAll("\\.?0+$", "");
  }

  private static String music(Timeline.Segment seg, Language lang) {
    StringBuilder s = new StringBuilder(lang == Language.ZH ? "音乐" : "music");
    if (!seg.name().isEmpty()) s.append(" '").append(seg.name()).append("'");
    if (seg.length().isPresent()) s.append(' ').append(range(seg.startMs(), seg.endMs(), lang));
    if (seg.volume().isPresent()) {
      long pct = Math.round(seg.volume().getAsDouble() * 100);
      s.append(lang == Language.ZH ? " 音量 " : " at ").append(pct).append('%');
    }
    if (seg.fadeInMs() > 0) s.append(lang == Language.ZH ? "，淡入 " : ", fade-in ").append(seconds(seg.fadeInMs(), lang));
    if (seg.fadeOutMs() > 0) s.append(lang == Language.ZH ? "，淡出 " : ", fade-out ").append(seconds(seg.fadeOutMs(), lang));
    if (seg.ducked()) s.append(lang == Language.ZH ? "，人声时自动降低" : ", lowered under speech");
    return s.toString();
  }

  /** The title is the text the studio names so; a text without an id (another backend's) is taken for one. */
  private static String title(Timeline.Segment seg, Language lang) {
    boolean title = seg.id().isEmpty() || seg.id().equals("title");
    StringBuilder s = new StringBuilder(title ? lang == Language.ZH ? "标题" : "title" : lang == Language.ZH ? "文字" : "text");
    if (!seg.text().isEmpty()) s.append(" '").append(seg.text()).append("'");
    if (seg.length().isPresent()) s.append(' ').append(range(seg.startMs(), seg.endMs(), lang));
    return s.toString();
  }

  private static String other(int tt, List<Timeline.Segment> sg, Language lang) {
    long end = 0;
    for (Timeline.Segment seg : sg) end = Math.max(end, seg.endMs());
    String base = lang == Language.ZH ? "轨道（类型 " + tt + "）" + sg.size() + " 段" : "track (type " + tt + "): " + sg.size() + (sg.size() == 1 ? " segment" : " segments");
    return end > 0 ? base + " " + range(0, end, lang) : base;
  }

  private static String format(Timeline.Frame frame, Language lang) {
    List<String> parts = new ArrayList<>();
    if (frame.sized()) parts.add(frame.width() + "×" + frame.height());
    if (!frame.aspect().isEmpty()) parts.add(frame.aspect());
    switch (frame.look()) {
      case "bw" -> parts.add(lang == Language.ZH ? "黑白" : "black and white");
      case "sepia" -> parts.add(lang == Language.ZH ? "复古棕褐色" : "sepia (vintage)");
      default -> { }
    }
    if (parts.isEmpty()) return null;
    return (lang == Language.ZH ? "画面 " : "frame ") + String.join(" ", parts);
  }

  private static String range(long startMs, long endMs, Language lang) {
    return secondsNumber(startMs) + "–" + secondsNumber(endMs) + (lang == Language.ZH ? " 秒" : " s");
  }

  private static String seconds(long ms, Language lang) {
    return secondsNumber(ms) + (lang == Language.ZH ? " 秒" : " s");
  }

  private static String secondsNumber(long ms) {
    if (ms % 1000 == 0) return Long.toString(ms / 1000);
    return String.format(Locale.ROOT, "%.1f", ms / 1000.0);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TimelineSummary other && other.items.equals(items);
  }

  @Override
  public int hashCode() {
    return Objects.hash(items);
  }
}
