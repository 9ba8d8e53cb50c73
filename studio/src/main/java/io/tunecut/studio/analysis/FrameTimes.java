package io.tunecut.studio.analysis;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Presentation times of a video's frames and of its keyframes, from the container alone (no
 * decoding), ascending.
 */
final class FrameTimes {
  private final double[] times;
  private final double[] keyframes;

  FrameTimes(double[] times, double[] keyframes) {
    this.times = times.clone();
    this.keyframes = keyframes.clone();
    Arrays.sort(this.times);
    Arrays.sort(this.keyframes);
  }

  /** Lists the packets of the first video stream with ffprobe. */
  static FrameTimes probe(Decoder decoder, Path file, double seconds) {
    Doubles times = new Doubles(4096);
    Doubles keyframes = new Doubles(64);
    MediaProcess.run("ffprobe", file, List.of(decoder.ffprobeProgram(), "-v", "error",
        "-select_streams", "v:0", "-show_entries", "packet=pts_time,flags", "-of", "csv=p=0",
        file.toString()), decoder.limit().forMedia(seconds), out -> {
          var lines = new BufferedReader(new InputStreamReader(out, StandardCharsets.US_ASCII));
          String line;
          while ((line = lines.readLine()) != null) {
            String[] fields = line.trim().split(",");
            double time = parse(fields[0]);
            // a packet without a time: the frame index stands in later
            if (time >= 0) {
              times.add(time);
              String flags = fields.length > 1 ? fields[1] : "";
              if (flags.contains("K") && !flags.contains("D")) {
                keyframes.add(time);
              }
            }
          }
        });
    return new FrameTimes(times.toArray(), keyframes.toArray());
  }

  private static double parse(String value) {
    try {
      return Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      return Double.NaN; // "N/A"
    }
  }

  int count() {
    return times.length;
  }

  double time(int i) {
    return times[i];
  }

  double[] keyframes() {
    return keyframes.clone();
  }

  /** Where packet {@code time} is among all of them, or -1. */
  int indexOf(double time) {
    int i = Arrays.binarySearch(times, time);
    return i >= 0 ? i : -1;
  }

  /** Packet times match frames one to one, unless the container trims or drops some. */
  double[] forFrames(int frames) {
    double[] t = new double[frames];
    for (int f = 0; f < frames; f++) {
      if (times.length == frames) {
        t[f] = times[f];
      } else if (times.length >= 2) {
        double first = times[0];
        double last = times[times.length - 1];
        t[f] = first + f * (last - first) / (times.length - 1);
      } else {
        t[f] = f / 30.0;
      }
    }
    return t;
  }

  /** The mean frame interval, as the decoded frames' times will show it. */
  double frameSeconds() {
    return times.length >= 2
        ? (times[times.length - 1] - times[0]) / (times.length - 1)
        : 1 / 30.0;
  }
}
