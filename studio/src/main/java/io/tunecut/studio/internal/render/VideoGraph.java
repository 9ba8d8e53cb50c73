package io.tunecut.studio.internal.render;

import io.tunecut.studio.internal.draft.Clip;
import io.tunecut.studio.internal.draft.Fill;
import io.tunecut.studio.internal.draft.Look;
import io.tunecut.studio.internal.media.Media;
import io.tunecut.studio.internal.media.MediaInfo;
import io.tunecut.studio.internal.render.caption.CaptionPicture;
import java.util.Locale;

/**
 * The picture as filter-graph text: every clip at the output frame rate, filling the frame
 * as the draft asks (a clip of the frame's own shape just scaled), square pixels, yuv420p,
 * cut to a whole number of frames, played at its speed, in the draft's colour look, crossfaded from
 * the clip before when the draft asks; captions laid over it.
 */
final class VideoGraph {
  /** The blurred background is made at 1/8 of the frame's size: blurring costs little there. */
  private static final int BACKGROUND_SCALE = 8;

  private VideoGraph() {}

  /**
   * The chains for one segment, from {@code [input:v]} to {@code [label]}; with a crossfade, the
   * clip before (from {@code [crossfadeInput:v]}) fades into it over its first frames.
   *
   * <p>The same linear blend as xfade's fade, made as the clip before fading out in its alpha over
   * this one: fade and overlay blend in integers where xfade works each pixel in floats, and a
   * render with crossfades then costs about half the extra time (measured on 720p and 1080p).
   */
  static String segment(RenderPlan plan, RenderPlan.Segment s, int input, int crossfadeInput, String label) {
    RenderPlan.Crossfade x = s.crossfade();
    if (x == null) return normalised(plan, s.clip(), s.media(), 0, s.frames(), input, label);
    return normalised(plan, x.clip(), x.media(), x.leadFrames(), x.frames(), crossfadeInput, label + "x") + ";"
        + normalised(plan, s.clip(), s.media(), 0, s.frames(), input, label + "m") + ";"
        + String.format(Locale.ROOT, "[%sx]format=yuva420p,fade=t=out:st=0:d=%s:alpha=1[%sa];"
            + "[%sm][%sa]overlay=eof_action=pass:format=yuv420[%s]",
            label, AudioGraph.num(x.seconds()), label, label, label, label);
  }

  /**
   * One clip at the output frame rate and its own speed, fitted to the frame, {@code frames}
   * long (its last frame held if the source ends sooner) after its first {@code skip} frames,
   * from {@code [input:v]} to {@code [label]}.
   */
  private static String normalised(RenderPlan plan, Clip clip, Media media, long skip, long frames, int input, String label) {
    int w = plan.frame().width();
    int h = plan.frame().height();
    String pts = clip.speed() == 1 ? "PTS-STARTPTS" : "(PTS-STARTPTS)/" + AudioGraph.num(clip.speed());
    String in = String.format(Locale.ROOT, "[%d:v]setpts=%s,fps=%s,", input, pts, plan.fpsText());
    String out = look(plan.draft().output().look()) + String.format(Locale.ROOT,
        "setsar=1,format=yuv420p,tpad=stop_mode=clone:stop_duration=%s,trim=%send_frame=%d,setpts=PTS-STARTPTS[%s]",
        AudioGraph.num((skip + frames) / plan.fps() + 1), skip > 0 ? "start_frame=" + skip + ":" : "", skip + frames, label);
    String fit = String.format(Locale.ROOT, "scale=%d:%d:force_original_aspect_ratio=decrease:force_divisible_by=2", w, h);
    return switch (fill(plan, media.info())) {
      case CROP -> in + String.format(Locale.ROOT, "scale=%d:%d:force_original_aspect_ratio=increase,crop=%d:%d,", w, h, w, h)
          + out;
      case BARS -> in + fit + String.format(Locale.ROOT, ",pad=%d:%d:(ow-iw)/2:(oh-ih)/2:color=black,", w, h) + out;
      case BLUR -> {
        int bw = even((double) w / BACKGROUND_SCALE);
        int bh = even((double) h / BACKGROUND_SCALE);
        String bg = label + "bg";
        String fg = label + "fg";
        yield in + "format=yuv420p,split[" + bg + "][" + fg + "];"
            + String.format(Locale.ROOT, "[%s]scale=%d:%d:force_original_aspect_ratio=increase,crop=%d:%d,"
                + "gblur=sigma=%s,lutyuv=y=val*0.55,scale=%d:%d:flags=bilinear[%sb];",
                bg, bw, bh, bw, bh, AudioGraph.num(Math.max(2, bh / 40.0)), w, h, bg)
            + "[" + fg + "]" + fit + "[" + fg + "s];"
            + "[" + bg + "b][" + fg + "s]overlay=(W-w)/2:(H-h)/2," + out;
      }
    };
  }

  /**
   * How a source of this shape fills the frame: the draft's choice when the shapes differ
   * (a blurred copy of itself by default), cut to cover when they are the same.
   */
  static Fill fill(RenderPlan plan, MediaInfo source) {
    return Fill.of((double) source.width() / source.height(),
        (double) plan.frame().width() / plan.frame().height(), plan.draft().output().fill());
  }

  /** One caption over {@code [picture]} from {@code from} to {@code to} seconds, into {@code [label]}. */
  static String caption(String picture, int input, CaptionPicture caption, double from, double to, String label) {
    return String.format(Locale.ROOT, "[%s][%d:v]overlay=x=%d:y=%d:enable='between(t,%s,%s)'[%s]",
        picture, input, caption.x(), caption.y(), AudioGraph.num(from), AudioGraph.num(to), label);
  }

  /**
   * The draft's colour look, as filters before the clip is padded and cut. In YUV: black and
   * white drops the colour; sepia then sets one warm tint over the grey tones.
   */
  static String look(Look look) {
    if (look == null) return "";
    return switch (look) {
      case BLACK_AND_WHITE -> "hue=s=0,";
      case SEPIA -> "format=yuv420p,lutyuv=u=" + Look.SEPIA_U + ":v=" + Look.SEPIA_V + ",";
    };
  }

  private static int even(double v) {
    return Math.max(2, (int) Math.round(v / 2) * 2);
  }
}
