package io.tunecut.studio.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds hard cuts and gradual transitions in a clip. ffmpeg only decodes and shrinks each
 * frame to a thumbnail (the cost of decoding); the decisions are made here: a frame change
 * that stands out from its neighbourhood is a cut, shots are at least half a second, a flash
 * that returns to the previous picture is not a cut, and blends are reported as gradual.
 */
public final class CutDetector {
  static final int WIDTH = 64;
  static final int HEIGHT = 36;
  private static final int FRAME_BYTES = WIDTH * HEIGHT * 3;

  private static final double MIN_CUT_SCORE = 0.035;
  private static final double NEIGHBOURHOOD_RATIO = 3.0;
  private static final int NEIGHBOURHOOD = 4;
  private static final double MIN_SHOT_SECONDS = 0.5;
  private static final double FLASH_RETURN = 0.4;
  private static final double BLEND_SPAN_SECONDS = 0.2;
  private static final double MIN_BLEND_CHANGE = 0.06;
  private static final double BLEND_LINEARITY = 0.35;
  private static final double BLACK = 0.08;

  /** Decodes {@code file} with ffmpeg into thumbnails and finds its shot boundaries. */
  public Cuts detect(Path file) {
    // thumbnails do not need the deblocking filter: skipping it makes decoding cheaper
    List<String> command = List.of("ffmpeg", "-nostdin", "-hide_banner", "-v", "error",
        "-skip_loop_filter", "all", "-i", file.toString(), "-an", "-sn", "-dn",
        "-vf", "scale=" + WIDTH + ":" + HEIGHT + ":flags=fast_bilinear,format=rgb24",
        "-fps_mode", "passthrough", "-f", "rawvideo", "pipe:1");
    byte[] raw = Decoder.run(file, command, null);
    List<Double> times = frameTimes(file);
    int frames = raw.length / FRAME_BYTES;
    if (frames == 0) {
      throw new AnalysisException(file.getFileName() + " has no pictures to analyse");
    }
    float[][] thumbnails = new float[frames][FRAME_BYTES];
    for (int f = 0; f < frames; f++) {
      for (int i = 0; i < FRAME_BYTES; i++) {
        thumbnails[f][i] = (raw[f * FRAME_BYTES + i] & 0xff) / 255f;
      }
    }
    double[] t = new double[frames];
    for (int f = 0; f < frames; f++) {
      t[f] = frameTime(times, f, frames);
    }
    return detect(thumbnails, t);
  }

  /** Packet times match frames one to one, unless the container trims or drops some. */
  private static double frameTime(List<Double> times, int f, int frames) {
    if (times.size() == frames) {
      return times.get(f);
    }
    if (times.size() >= 2) {
      double first = times.get(0);
      double last = times.get(times.size() - 1);
      return first + f * (last - first) / (times.size() - 1);
    }
    return f / 30.0;
  }

  /** Presentation times of the video frames, from the container alone (no decoding). */
  private static List<Double> frameTimes(Path file) {
    byte[] out = Decoder.run(file, List.of("ffprobe", "-v", "error", "-select_streams", "v:0",
        "-show_entries", "packet=pts_time", "-of", "csv=p=0", file.toString()), null);
    List<Double> times = new ArrayList<>();
    for (String line : new String(out, java.nio.charset.StandardCharsets.US_ASCII).split("\n")) {
      String v = line.trim().replace(",", "");
      if (!v.isEmpty() && !v.equals("N/A")) {
        try {
          double time = Double.parseDouble(v);
          if (time >= 0) {
            times.add(time);
          }
        } catch (NumberFormatException ignored) {
          // a packet without a time: the frame index stands in below
        }
      }
    }
    times.sort(Double::compare);
    return times;
  }

  /** Decides cuts from thumbnails (RGB in 0..1, any fixed size) shown at times {@code t}. */
  Cuts detect(float[][] frames, double[] t) {
    int n = frames.length;
    double[] change = new double[n];
    for (int i = 1; i < n; i++) {
      change[i] = distance(frames[i], frames[i - 1]);
    }
    List<Integer> candidates = new ArrayList<>();
    for (int i = 1; i < n; i++) {
      if (change[i] < MIN_CUT_SCORE || !localPeak(change, i)) {
        continue;
      }
      double around = 0;
      int count = 0;
      for (int k = i - NEIGHBOURHOOD; k <= i + NEIGHBOURHOOD; k++) {
        if (k >= 1 && k < n && Math.abs(k - i) > 0) {
          around += change[k];
          count++;
        }
      }
      around = count > 0 ? around / count : 0;
      if (change[i] >= NEIGHBOURHOOD_RATIO * around + 0.005) {
        candidates.add(i);
      }
    }
    boolean[] flash = new boolean[n];
    for (int i : candidates) {
      for (int k = 1; k <= 2 && i - 1 >= 0 && i + k < n; k++) {
        // one or two odd frames, then the picture from before: a flash, not a new shot
        if (distance(frames[i - 1], frames[i + k]) < FLASH_RETURN * change[i]
            && change[i + k] >= 0.5 * change[i]) {
          flash[i] = true;
          flash[i + k] = true;
        }
        // the same flash seen from its last edge
        if (i - k - 1 >= 0 && distance(frames[i - k - 1], frames[i]) < FLASH_RETURN * change[i]
            && change[i - k] >= 0.5 * change[i]) {
          flash[i] = true;
          flash[i - k] = true;
        }
      }
    }
    List<Integer> strongestFirst = new ArrayList<>();
    for (int i : candidates) {
      if (!flash[i]) {
        strongestFirst.add(i);
      }
    }
    strongestFirst.sort((a, b) -> Double.compare(change[b], change[a]));
    List<Integer> accepted = new ArrayList<>();
    for (int i : strongestFirst) {
      boolean tooClose = accepted.stream().anyMatch(a -> Math.abs(t[a] - t[i]) < MIN_SHOT_SECONDS);
      if (!tooClose && t[i] >= MIN_SHOT_SECONDS / 2) {
        accepted.add(i);
      }
    }
    accepted.sort(Integer::compare);
    List<Double> cuts = new ArrayList<>();
    for (int i : accepted) {
      cuts.add(Math.round(t[i] * 1000) / 1000.0);
    }
    return new Cuts(cuts, gradual(frames, t, accepted));
  }

  private static boolean localPeak(double[] change, int i) {
    return (i == 0 || change[i] >= change[i - 1]) && (i + 1 >= change.length || change[i] > change[i + 1]);
  }

  /**
   * A dissolve or fade is where a frame is the average of the frames a little before and
   * after it while those two differ clearly: motion does not look like that, blends do.
   */
  private static List<Transition> gradual(float[][] frames, double[] t, List<Integer> cuts) {
    int n = frames.length;
    double frameSeconds = n > 1 ? (t[n - 1] - t[0]) / (n - 1) : 1 / 30.0;
    int span = Math.max(2, (int) Math.round(BLEND_SPAN_SECONDS / Math.max(frameSeconds, 1e-3)));
    double[] apart = new double[n];
    double[] error = new double[n];
    for (int i = span; i + span < n; i++) {
      apart[i] = distance(frames[i - span], frames[i + span]);
      error[i] = midpointError(frames[i - span], frames[i], frames[i + span]);
    }
    int reach = Math.max(4 * span, (int) Math.round(1.0 / Math.max(frameSeconds, 1e-3)));
    boolean[] blending = new boolean[n];
    for (int i = span; i + span < n; i++) {
      int from = i - span;
      int to = i + span;
      boolean cutInside = false;
      for (int c : cuts) {
        cutInside |= c > from && c <= to;
      }
      if (cutInside || apart[i] < MIN_BLEND_CHANGE || error[i] > BLEND_LINEARITY * apart[i]) {
        continue;
      }
      // steady motion also changes a lot over the span: a blend changes more than its surroundings
      int previousCut = 0;
      int nextCut = n;
      for (int c : cuts) {
        if (c <= from) {
          previousCut = Math.max(previousCut, c);
        } else if (c > to) {
          nextCut = Math.min(nextCut, c);
        }
      }
      // the surroundings within the same shots only
      double before = median(apart, Math.max(previousCut + span, i - 2 * span - reach), i - 2 * span);
      double after = median(apart, i + 2 * span + 1, Math.min(nextCut - span, i + 2 * span + 1 + reach));
      double background = Math.max(before, after);
      blending[i] = apart[i] >= 2 * background + 0.03;
    }
    List<Transition> transitions = fades(frames, t, cuts);
    int i = 0;
    while (i < n) {
      if (!blending[i]) {
        i++;
        continue;
      }
      int j = i;
      while (j + 1 < n && blending[j + 1]) {
        j++;
      }
      if (j - i + 1 >= 3) {
        int start = Math.max(0, i - span);
        int end = Math.min(n - 1, j + span);
        double a = Math.round(t[start] * 1000) / 1000.0;
        double b = Math.round(t[end] * 1000) / 1000.0;
        boolean withinFade = transitions.stream()
            .anyMatch(f -> f.kind() == Transition.Kind.FADE && f.start() < b && a < f.end());
        if (!withinFade) {
          transitions.add(new Transition(a, b, Transition.Kind.DISSOLVE));
        }
      }
      i = j + 1;
    }
    transitions.sort((x, y) -> Double.compare(x.start(), y.start()));
    return transitions;
  }

  /** Runs of black frames with the picture dimming into them or brightening out of them. */
  private static List<Transition> fades(float[][] frames, double[] t, List<Integer> cuts) {
    int n = frames.length;
    double[] level = new double[n];
    boolean[] black = new boolean[n];
    for (int i = 0; i < n; i++) {
      level[i] = brightness(frames[i]);
      black[i] = isBlack(frames[i]);
    }
    List<Transition> fades = new ArrayList<>();
    int i = 0;
    while (i < n) {
      if (!black[i]) {
        i++;
        continue;
      }
      int j = i;
      while (j + 1 < n && black[j + 1]) {
        j++;
      }
      int start = i;
      while (start > 0 && !cuts.contains(start) && level[start - 1] > level[start] + 0.001
          && i - start < 90) {
        start--;
      }
      int end = j;
      while (end + 1 < n && !cuts.contains(end + 1) && level[end + 1] > level[end] + 0.001
          && end - j < 90) {
        end++;
      }
      if (i - start >= 3 || end - j >= 3) {
        fades.add(new Transition(Math.round(t[start] * 1000) / 1000.0,
            Math.round(t[end] * 1000) / 1000.0, Transition.Kind.FADE));
      }
      i = j + 1;
    }
    return fades;
  }

  /** Nearly all of the picture is dark. */
  private static boolean isBlack(float[] frame) {
    int bright = 0;
    for (float v : frame) {
      if (v > BLACK) {
        bright++;
      }
    }
    return bright < frame.length / 50;
  }

  private static double median(double[] x, int from, int to) {
    if (to - from < 3) {
      return 0;
    }
    double[] part = java.util.Arrays.copyOfRange(x, from, to);
    java.util.Arrays.sort(part);
    return part[part.length / 2];
  }

  static double distance(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += Math.abs(a[i] - b[i]);
    }
    return sum / a.length;
  }

  private static double midpointError(float[] a, float[] mid, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += Math.abs(mid[i] - (a[i] + b[i]) / 2);
    }
    return sum / a.length;
  }

  private static double brightness(float[] frame) {
    double sum = 0;
    for (float v : frame) {
      sum += v;
    }
    return sum / frame.length;
  }
}
