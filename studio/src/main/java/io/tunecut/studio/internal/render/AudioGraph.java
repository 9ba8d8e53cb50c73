package io.tunecut.studio.internal.render;

import io.tunecut.studio.internal.draft.Clip;
import io.tunecut.studio.internal.draft.Music;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntUnaryOperator;

/**
 * The sound of a render as filter-graph text, ending in the label {@code [mix]}: each clip's
 * own sound at its level and speed (silence for silent clips and stills), crossfaded from the
 * clip before where the picture is, concatenated to the video's
 * length, and the music trimmed or looped, offset, faded, ducked and mixed in at its volume.
 * amix runs with {@code normalize=0} and {@code dropout_transition=0}, so nothing jumps in level.
 */
final class AudioGraph {
  static final String OUTPUT_FORMAT = format("stereo");
  static final double DUCK_DOWN = 0.15;
  static final double DUCK_UP = 0.35;

  private AudioGraph() {}

  /**
   * @param clipInput the input index carrying segment {@code i}'s sound, or -1
   * @param crossfadeInput the input index carrying the sound of the clip before segment {@code i}
   *     as it plays on into the crossfade, or -1
   * @param musicInput the music's input index, or -1
   */
  static String build(RenderPlan plan, IntUnaryOperator clipInput, IntUnaryOperator crossfadeInput, int musicInput) {
    List<String> chains = new ArrayList<>();
    List<RenderPlan.Segment> segments = plan.segments();
    String layout = plan.mixLayout();
    String format = format(layout);
    StringBuilder concat = new StringBuilder();
    for (int i = 0; i < segments.size(); i++) {
      RenderPlan.Segment s = segments.get(i);
      double d = plan.copyVideo() ? plan.seconds() : s.seconds();
      int input = clipInput.applyAsInt(i);
      boolean sound = input >= 0 && s.hasSound();
      RenderPlan.Crossfade x = s.crossfade();
      int xInput = x == null ? -1 : crossfadeInput.applyAsInt(i);
      boolean xSound = xInput >= 0 && x.hasSound();
      String label = "ca" + i;
      if (xSound || x != null && sound) {
        // the clip before sounds on and fades out as this one fades in: acrossfade keeps this one's length
        chains.add(sound(xSound ? xInput : -1, x.clip(), layout, format, x.leadSeconds(), x.seconds(), "cx" + i));
        chains.add(sound(sound ? input : -1, s.clip(), layout, format, 0, d, "cm" + i));
        chains.add(String.format(Locale.ROOT, "[cx%d][cm%d]acrossfade=d=%s:o=1[%s]", i, i, num(x.seconds()), label));
      } else {
        chains.add(sound(sound ? input : -1, s.clip(), layout, format, 0, d, label));
      }
      concat.append('[').append(label).append(']');
    }
    String clipsLabel = "clips";
    if (segments.size() == 1) {
      clipsLabel = "ca0";
    } else {
      chains.add(concat + "concat=n=" + segments.size() + ":v=0:a=1[clips]");
    }
    if (musicInput < 0 || !plan.hasMusic()) {
      chains.add("[" + clipsLabel + "]anull[mix]");
      return String.join(";", chains);
    }
    chains.add(music(plan, musicInput, format));
    chains.add("[" + clipsLabel + "][music]amix=inputs=2:normalize=0:duration=first:dropout_transition=0[mix]");
    return String.join(";", chains);
  }

  /**
   * One clip's sound at its level and speed after its first {@code skip} seconds (heard already),
   * {@code seconds} long (padded with silence), or silence without an input.
   */
  private static String sound(int input, Clip clip, String layout, String format, double skip, double seconds,
      String label) {
    if (input < 0) {
      return String.format(Locale.ROOT, "anullsrc=channel_layout=%s:sample_rate=48000,%s,atrim=end=%s[%s]",
          layout, format, num(seconds), label);
    }
    String after = skip > 0 ? ",atrim=start=" + num(skip) + ",asetpts=PTS-STARTPTS" : "";
    return String.format(Locale.ROOT, "[%d:a]asetpts=PTS-STARTPTS,%s%s%s,volume=%s,apad,atrim=end=%s[%s]",
        input, format, tempo(clip.speed()), after, num(clip.level()), num(seconds), label);
  }

  /**
   * A clip's sound at its speed without a change of pitch: atempo steps of at most 2× either way
   * (0.25× is two halvings), so voices keep their pitch and stay clean.
   */
  static String tempo(double speed) {
    StringBuilder t = new StringBuilder();
    double left = speed;
    while (left > 2.0 + 1e-9) {
      t.append(",atempo=2");
      left /= 2;
    }
    while (left < 0.5 - 1e-9) {
      t.append(",atempo=0.5");
      left /= 0.5;
    }
    if (Math.abs(left - 1) > 1e-9) t.append(",atempo=").append(num(left));
    return t.toString();
  }

  private static String format(String layout) {
    return "aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=" + layout;
  }

  private static String music(RenderPlan plan, int input, String format) {
    Music m = plan.musicSegment();
    double start = m.startMs() / 1000.0;
    double in = m.inMs() / 1000.0;
    double length = Math.min(m.durationMs() / 1000.0, plan.seconds() - start);
    if (!m.loop()) length = Math.min(length, Math.max(0.05, plan.music().info().durationSeconds() - in));
    double fadeIn = Math.min(m.fadeInMs() / 1000.0, length / 2);
    double fadeOut = Math.min(m.fadeOutMs() / 1000.0, length / 2);
    StringBuilder c = new StringBuilder();
    c.append('[').append(input).append(":a]").append(format)
        .append(",atrim=start=").append(num(in)).append(":duration=").append(num(length))
        .append(",asetpts=PTS-STARTPTS")
        .append(",volume=").append(num(m.volume()));
    if (fadeIn > 0) c.append(",afade=t=in:st=0:d=").append(num(fadeIn));
    if (fadeOut > 0) c.append(",afade=t=out:st=").append(num(length - fadeOut)).append(":d=").append(num(fadeOut));
    long delayMs = m.startMs();
    if (delayMs > 0) c.append(",adelay=delays=").append(delayMs).append(":all=1");
    c.append(",apad,atrim=end=").append(num(plan.seconds()));
    if (m.duck() != null && !m.duck().speech().isEmpty()) {
      c.append(",volume=eval=frame:volume='").append(duck(m.duck())).append('\'');
    }
    return c.append("[music]").toString();
  }

  /**
   * A gain envelope on the timeline: 1 outside speech, {@code 10^(db/20)} inside, reached
   * over 150 ms before each range and left over 350 ms after it.
   */
  static String duck(Music.Duck duck) {
    double gain = Math.pow(10, Math.min(0, duck.db()) / 20.0);
    List<String> ranges = new ArrayList<>();
    for (Music.Range r : duck.speech()) {
      double a = r.startMs() / 1000.0;
      double b = r.endMs() / 1000.0;
      ranges.add(String.format(Locale.ROOT, "clip((t-%s)/%s,0,1)*clip((%s-t)/%s,0,1)",
          num(a - DUCK_DOWN), num(DUCK_DOWN), num(b + DUCK_UP), num(DUCK_UP)));
    }
    String env = ranges.get(0);
    for (int i = 1; i < ranges.size(); i++) env = "max(" + env + "," + ranges.get(i) + ")";
    return "1-" + num(1 - gain) + "*" + env;
  }

  static String num(double v) {
    return String.format(Locale.ROOT, "%.6f", v).replaceFirst("0+$", "").replaceFirst("\\.$", "");
  }
}
