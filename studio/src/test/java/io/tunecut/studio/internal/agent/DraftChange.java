package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.draft.Caption;
import io.tunecut.studio.internal.draft.Clip;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.draft.Music;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a turn changed, in a compact notation a person can write by hand:
 * {@code music.v=80%; music.fo=3s; text.x1=GOAL; text.x1.pos=top; aspect=9:16; clips=city.mp4,beach.mp4;
 * clip.beach.mp4.speed=2x; transition=fade 0.5s}.
 * A new music or text shows its name and only what differs from a fresh one; a removed one is
 * {@code music=none}; a clip's keys are by file name.
 */
final class DraftChange {
  private DraftChange() {}

  static String between(Draft before, Draft after) {
    Map<String, String> a = flat(before);
    Map<String, String> b = flat(after);
    TreeSet<String> out = new TreeSet<>();
    for (var e : b.entrySet()) {
      if (!e.getValue().equals(a.get(e.getKey()))) out.add(e.getKey() + "=" + e.getValue());
    }
    if (before.music() != null && after.music() == null) out.add("music=none");
    for (Caption c : before.captions()) {
      if (after.captions().stream().noneMatch(x -> x.id().equals(c.id()))) out.add("text." + c.id() + "=none");
    }
    if (after.music() != null && (before.music() == null)) out.removeIf(k -> k.startsWith("music.") && isFresh(k, after));
    for (Caption c : after.captions()) {
      if (before.captions().stream().noneMatch(x -> x.id().equals(c.id()))) {
        out.removeIf(k -> k.startsWith("text." + c.id() + ".") && isFreshText(k, c, after));
      }
    }
    return out.isEmpty() ? "-" : String.join("; ", out);
  }

  /** The expected notation, sorted the same way. */
  static String canonical(String expected) {
    if (expected.strip().equals("-")) return "-";
    TreeSet<String> out = new TreeSet<>();
    for (String part : expected.split(";")) if (!part.isBlank() && !part.strip().startsWith("say~")) out.add(part.strip());
    return out.isEmpty() ? "-" : String.join("; ", out);
  }

  private static boolean isFresh(String kv, Draft d) {
    String key = kv.substring(0, kv.indexOf('='));
    String value = kv.substring(kv.indexOf('=') + 1);
    return switch (key) {
      case "music.v" -> value.equals("100%");
      case "music.st", "music.in", "music.fi", "music.fo" -> value.equals("0s");
      case "music.d" -> value.equals(secs(d.durationMs()));
      case "music.loop" -> value.equals("true");
      default -> false;
    };
  }

  private static boolean isFreshText(String kv, Caption c, Draft d) {
    String key = kv.substring(kv.indexOf('.', 5) + 1, kv.indexOf('='));
    String value = kv.substring(kv.indexOf('=') + 1);
    return switch (key) {
      case "pos" -> value.equals(c.id().equals("title") ? "center" : "bottom");
      case "size" -> value.equals("8%");
      case "color" -> value.equals("#ffffff");
      case "st" -> value.equals("0s");
      case "d" -> value.equals("3s");
      default -> false;
    };
  }

  static Map<String, String> flat(Draft d) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("clips", String.join(",", d.clips().stream().map(Clip::name).toList()));
    for (Clip c : d.clips()) {
      m.put("clip." + c.name() + ".d", secs(c.durationMs()));
      m.put("clip." + c.name() + ".in", secs(c.inMs()));
      m.put("clip." + c.name() + ".v", pct(c.level()));
      m.put("clip." + c.name() + ".speed", String.valueOf(c.speed()).replaceFirst("\\.0$", "") + "x");
    }
    Music music = d.music();
    if (music != null) {
      m.put("music", music.name());
      m.put("music.v", pct(music.volume()));
      m.put("music.st", secs(music.startMs()));
      m.put("music.d", secs(music.durationMs()));
      m.put("music.in", secs(music.inMs()));
      m.put("music.fi", secs(music.fadeInMs()));
      m.put("music.fo", secs(music.fadeOutMs()));
      m.put("music.loop", String.valueOf(music.loop()));
    }
    for (Caption c : d.captions()) {
      String k = "text." + c.id();
      m.put(k, c.text());
      m.put(k + ".pos", c.position());
      m.put(k + ".size", pct(c.size()));
      m.put(k + ".color", c.color());
      m.put(k + ".st", secs(c.startMs()));
      m.put(k + ".d", secs(c.durationMs()));
    }
    var o = d.output();
    m.put("aspect", o.aspect() == null ? "auto" : o.aspect().wire());
    m.put("res", o.resolution() == null ? "auto" : o.resolution());
    m.put("fill", o.fill() == null ? "auto" : o.fill().wire());
    m.put("look", o.look() == null ? "none" : o.look().wire());
    m.put("loudness", o.loudness() == null ? "off" : "on");
    m.put("beat", d.extra().path("beat").asText("none"));
    m.put("transition", d.transition() == null ? "none" : d.transition().kind() + " " + secs(d.transition().durationMs()));
    return m;
  }

  static String secs(long ms) {
    double s = ms / 1000.0;
    return (s == Math.rint(s) ? String.valueOf((long) s) : String.format(Locale.ROOT, "%.2f", s).replaceAll("0+$", "")) + "s";
  }

  static String pct(double v) {
    double p = Math.round(v * 1000) / 10.0;
    return (p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p)) + "%";
  }
}
