package io.tunecut.studio.internal.draft;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A draft in one readable line. */
final class DraftSummary {
  private DraftSummary() {}

  static String of(Draft d) {
    List<String> parts = new ArrayList<>();
    if (!d.clips().isEmpty()) {
      int n = d.clips().size();
      String video = "video 0–" + secs(d.durationMs()) + " (" + n + (n == 1 ? " clip" : " clips");
      if (d.transition() != null && n > 1) video += ", crossfades " + secs(d.transition().durationMs());
      for (int i = 0; i < n; i++) {
        double sp = d.clips().get(i).speed();
        if (sp != 1) video += ", clip " + (i + 1) + " at " + (sp == Math.rint(sp) ? String.valueOf((long) sp) : String.valueOf(sp)) + "×";
      }
      parts.add(video + ")");
    }
    Music m = d.music();
    if (m != null) {
      String s = "music '" + m.name() + "' " + range(m.startMs(), m.endMs())
          + " at " + Math.round(m.volume() * 100) + "%";
      if (m.fadeInMs() > 0) s += ", fade in " + secs(m.fadeInMs());
      if (m.fadeOutMs() > 0) s += ", fade out " + secs(m.fadeOutMs());
      parts.add(s);
    }
    for (Caption c : d.captions()) {
      parts.add("text '" + c.text() + "' " + range(c.startMs(), c.startMs() + c.durationMs()));
    }
    if (parts.isEmpty()) return "empty timeline";
    String frame = d.output().aspect() == null ? "" : " · " + d.output().aspect().wire();
    if (d.output().resolution() != null) frame += (frame.isEmpty() ? " · " : " ") + d.output().resolution();
    return parts.size() + (parts.size() == 1 ? " track: " : " tracks: ") + String.join(", ", parts) + frame;
  }

  static String range(long from, long to) {
    return num(from) + "–" + secs(to);
  }

  static String num(long ms) {
    return secs(ms).replace(" s", "");
  }

  static String secs(long ms) {
    double s = ms / 1000.0;
    return (s == Math.rint(s) ? String.format(Locale.ROOT, "%d", (long) s) : String.format(Locale.ROOT, "%.1f", s)) + " s";
  }
}
