package io.tunecut.studio.internal.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Presentation times of a video's frames and of its keyframes, from the container alone (no
 * decoding), ascending.
 */
final class FrameTimes {
  /** Listing packets reads a file at hundreds of MB a second; this is a tenth of that. */
  private static final long BYTES_LISTED_PER_MS = 20_000;

  private final double[] times;
  private final double[] keyframes;
  private final double start;
  private final double seconds;
  private final boolean hasVideo;
  private final long pixels;

  FrameTimes(double[] times, double[] keyframes, double start, double seconds, boolean hasVideo) {
    this(times, keyframes, start, seconds, hasVideo, 0);
  }

  /** @param pixels of each picture, 0 when not known */
  FrameTimes(double[] times, double[] keyframes, double start, double seconds, boolean hasVideo,
      long pixels) {
    this.pixels = pixels;
    this.start = start;
    this.seconds = seconds;
    this.hasVideo = hasVideo;
    this.times = times.clone();
    this.keyframes = keyframes.clone();
    Arrays.sort(this.times);
    Arrays.sort(this.keyframes);
  }

  /**
   * Lists the packets of the first video stream, and the container's start and length, with
   * one ffprobe: on a busy machine starting a program costs as much as decoding a short clip.
   * Listing packets reads the whole file, so its time limit grows with the file's size.
   */
  static FrameTimes probe(Decoder decoder, Path file) {
    Doubles times = new Doubles(4096);
    Doubles keyframes = new Doubles(64);
    double[] container = {0, Double.NaN};
    boolean[] video = {false};
    long[] pixels = {0};
    long bytes;
    try {
      bytes = Files.size(file);
    } catch (IOException e) {
      throw new AnalysisException("cannot read " + file.getFileName(), e);
    }
    Duration limit = decoder.limit().floor().plusMillis(bytes / BYTES_LISTED_PER_MS);
    decoder.probe(file, List.of("-v", "error",
        "-select_streams", "v:0", "-show_entries",
        "format=start_time,duration:stream=codec_type,width,height:packet=pts_time,flags", "-of", "csv",
        file.toString()), limit, out -> {
          var lines = new BufferedReader(new InputStreamReader(out, StandardCharsets.US_ASCII));
          String line;
          while ((line = lines.readLine()) != null) {
            String[] fields = line.trim().split(",");
            switch (fields[0]) {
              case "packet" -> {
                double time = fields.length > 1 ? parse(fields[1]) : Double.NaN;
                // a packet without a time: the frame index stands in later
                if (time >= 0) {
                  times.add(time);
                  String flags = fields.length > 2 ? fields[2] : "";
                  if (flags.contains("K") && !flags.contains("D")) {
                    keyframes.add(time);
                  }
                }
              }
              case "stream" -> {
                video[0] |= fields.length > 1 && fields[1].equals("video");
                if (fields.length > 3) {
                  double w = parse(fields[2]);
                  double h = parse(fields[3]);
                  pixels[0] = w > 0 && h > 0 ? (long) (w * h) : 0;
                }
              }
              case "format" -> {
                double start = fields.length > 1 ? parse(fields[1]) : Double.NaN;
                container[0] = Double.isNaN(start) ? 0 : start;
                container[1] = fields.length > 2 ? parse(fields[2]) : Double.NaN;
              }
              default -> { }
            }
          }
        });
    return new FrameTimes(times.toArray(), keyframes.toArray(), container[0], container[1], video[0],
        pixels[0]);
  }

  private static double parse(String value) {
    try {
      return Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      return Double.NaN; // "N/A"
    }
  }

  /** When the container starts, in seconds. */
  double start() {
    return start;
  }

  /** The container's length in seconds, NaN when it does not say. */
  double seconds() {
    return seconds;
  }

  /** Pixels in each picture, 0 when not known. */
  long pixels() {
    return pixels;
  }

  boolean hasVideo() {
    return hasVideo;
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
