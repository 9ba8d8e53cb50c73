package io.tunecut.studio.render;

import io.tunecut.studio.draft.Caption;
import java.util.List;
import java.util.Locale;

/**
 * The picture as filter-graph text: every clip scaled to fit the frame and padded with black
 * (black rather than a blurred copy: it costs nothing and reads as intended), at the output
 * frame rate, square pixels, yuv420p, cut to a whole number of frames.
 */
final class VideoGraph {
  private VideoGraph() {}

  /** The normalising chain for one segment, from {@code [input:v]} to {@code [label]}. */
  static String segment(RenderPlan plan, RenderPlan.Segment s, int input, String label) {
    int w = plan.frame().width();
    int h = plan.frame().height();
    return String.format(Locale.ROOT,
        "[%d:v]setpts=PTS-STARTPTS,scale=%d:%d:force_original_aspect_ratio=decrease:force_divisible_by=2,"
            + "pad=%d:%d:(ow-iw)/2:(oh-ih)/2:color=black,setsar=1,fps=%s,format=yuv420p,"
            + "tpad=stop_mode=clone:stop_duration=%s,trim=end_frame=%d,setpts=PTS-STARTPTS[%s]",
        input, w, h, w, h, plan.fpsText(), AudioGraph.num(s.seconds() + 1), s.frames(), label);
  }

  /**
   * drawtext filters for the captions, times relative to {@code offsetSeconds} (a segment's
   * start when segments are encoded one by one). Text comes from files: nothing to escape.
   */
  static String captions(RenderPlan plan, List<Caption> captions, List<String> textFiles, List<String> fontFiles,
      double offsetSeconds, double lengthSeconds) {
    StringBuilder out = new StringBuilder();
    int h = plan.frame().height();
    for (int i = 0; i < captions.size(); i++) {
      Caption c = captions.get(i);
      double from = c.startMs() / 1000.0 - offsetSeconds;
      double to = from + c.durationMs() / 1000.0;
      if (to <= 0 || from >= lengthSeconds) continue;
      int size = Math.max(8, (int) Math.round(h * c.size()));
      int margin = (int) Math.round(h * 0.08);
      String y = switch (c.position()) {
        case "top" -> String.valueOf(margin);
        case "bottom" -> "h-text_h-" + margin;
        default -> "(h-text_h)/2";
      };
      if (out.length() > 0) out.append(',');
      out.append("drawtext=fontfile=").append(quote(fontFiles.get(i)))
          .append(":textfile=").append(quote(textFiles.get(i)))
          .append(":expansion=none:fontsize=").append(size)
          .append(":fontcolor=").append(c.color().replace("#", "0x"))
          .append(":borderw=").append(Math.max(1, size / 16)).append(":bordercolor=black@0.6")
          .append(":x=(w-text_w)/2:y=").append(y)
          .append(":enable='between(t,").append(AudioGraph.num(from)).append(',').append(AudioGraph.num(to)).append(")'");
    }
    return out.toString();
  }

  /** A path as a filter option value: quoted, with the quote character escaped. */
  static String quote(String path) {
    return "'" + path.replace("\\", "/").replace("'", "'\\''") + "'";
  }
}
