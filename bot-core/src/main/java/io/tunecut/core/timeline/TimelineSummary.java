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
 * Dreams' 0–3 s". Reads the fields of docs/draft.md where present and falls back to counts and
 * durations for drafts whose segments it does not know.
 */
public final class TimelineSummary {
  private static final int VIDEO = 0;

  private final Map<String, String> items; // stable key → readable item
  private final Language lang;

  private TimelineSummary(Map<String, String> items, Language lang) {
    this.items = items;
    this.lang = lang;
  }

  public static TimelineSummary of(JsonNode draft, Language lang) {
    Map<String, String> items = new LinkedHashMap<>();
    if (draft != null) {
      JsonNode m = draft.path("m");
      int i = 0;
      for (JsonNode track : draft.path("t")) {
        int tt = track.path("tt").asInt(-1);
        JsonNode sg = track.path("sg");
        String key = "t" + tt + "#" + (i++);
        if (!sg.isArray() || sg.isEmpty()) continue;
        switch (tt) {
          case 0 -> items.put(key, video(sg, lang));
          case 1 -> {
            int n = 0;
            for (JsonNode seg : sg) items.put(key + "." + n++, music(seg, lang));
          }
          case 7 -> {
            int n = 0;
            for (JsonNode seg : sg) items.put(key + "." + n++, title(seg, lang));
          }
          default -> items.put(key, other(tt, sg, lang));
        }
      }
      if (!items.isEmpty()) {
        String format = format(m, lang);
        if (format != null) items.put("format", format);
      }
    }
    return new TimelineSummary(items, lang);
  }

  /** True when the draft has a clip (a segment on a video track): music or titles alone make no video. */
  public static boolean hasClip(JsonNode draft) {
    if (draft == null) return false;
    for (JsonNode track : draft.path("t")) {
      boolean video = track.path("tt").asInt(VIDEO) == VIDEO;
      if (video && track.path("sg").isArray() && !track.path("sg").isEmpty()) return true;
    }
    return false;
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
      if (!after.items.containsKey(e.getKey())) changes.add(word("removed ", "移除 ") + e.getValue());
    }
    return String.join("; ", changes);
  }

  private String word(String en, String zh) {
    return lang == Language.ZH ? zh : en;
  }

  private static String video(JsonNode sg, Language lang) {
    long start = Long.MAX_VALUE;
    long end = 0;
    boolean timed = false;
    for (JsonNode seg : sg) {
      if (seg.has("d")) {
        timed = true;
        long st = seg.path("st").asLong(end);
        start = Math.min(start, st);
        end = Math.max(end, st + seg.path("d").asLong());
      }
    }
    String name = lang == Language.ZH ? "视频" : "video";
    String clips = sg.size() > 1 ? (lang == Language.ZH ? "（" + sg.size() + " 个片段）" : " (" + sg.size() + " clips)") : "";
    return timed ? name + " " + range(start, end, lang) + clips : name + clips;
  }

  private static String music(JsonNode seg, Language lang) {
    StringBuilder s = new StringBuilder(lang == Language.ZH ? "音乐" : "music");
    String n = seg.path("n").asText("");
    if (!n.isEmpty()) s.append(" '").append(n).append("'");
    if (seg.has("d")) {
      long st = seg.path("st").asLong(0);
      s.append(' ').append(range(st, st + seg.path("d").asLong(), lang));
    }
    if (seg.has("v")) {
      long pct = Math.round(seg.path("v").asDouble() * 100);
      s.append(lang == Language.ZH ? " 音量 " : " at ").append(pct).append('%');
    }
    long fi = seg.path("fi").asLong(0);
    long fo = seg.path("fo").asLong(0);
    if (fi > 0) s.append(lang == Language.ZH ? "，淡入 " : ", fade-in ").append(seconds(fi, lang));
    if (fo > 0) s.append(lang == Language.ZH ? "，淡出 " : ", fade-out ").append(seconds(fo, lang));
    if (seg.path("duck").isObject()) s.append(lang == Language.ZH ? "，人声时自动降低" : ", lowered under speech");
    return s.toString();
  }

  private static String title(JsonNode seg, Language lang) {
    StringBuilder s = new StringBuilder(lang == Language.ZH ? "标题" : "title");
    String text = seg.path("text").asText("");
    if (!text.isEmpty()) s.append(" '").append(text).append("'");
    if (seg.has("d")) {
      long st = seg.path("st").asLong(0);
      s.append(' ').append(range(st, st + seg.path("d").asLong(), lang));
    }
    return s.toString();
  }

  private static String other(int tt, JsonNode sg, Language lang) {
    long end = 0;
    for (JsonNode seg : sg) end = Math.max(end, seg.path("st").asLong(0) + seg.path("d").asLong(0));
    String base = lang == Language.ZH ? "轨道（类型 " + tt + "）" + sg.size() + " 段" : "track (type " + tt + "): " + sg.size() + (sg.size() == 1 ? " segment" : " segments");
    return end > 0 ? base + " " + range(0, end, lang) : base;
  }

  private static String format(JsonNode m, Language lang) {
    if (!m.isObject()) return null;
    List<String> parts = new ArrayList<>();
    if (m.has("width") && m.has("height")) parts.add(m.path("width").asInt() + "×" + m.path("height").asInt());
    if (m.hasNonNull("aspect")) parts.add(m.path("aspect").asText());
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
