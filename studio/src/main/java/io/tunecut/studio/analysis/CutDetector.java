package io.tunecut.studio.analysis;

import io.tunecut.studio.ffmpeg.Ffmpeg;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Finds hard cuts and gradual transitions in a clip. ffmpeg only decodes and shrinks each
 * frame to a thumbnail (the cost of decoding); the thumbnails are scored as they arrive and
 * dropped, so memory grows by a few numbers per frame, and {@link ShotBoundaries} decides from
 * those numbers.
 */
public final class CutDetector {
  static final int WIDTH = 64;
  static final int HEIGHT = 36;
  private static final int FRAME_BYTES = WIDTH * HEIGHT * 3;

  private final Decoder decoder;

  /** Runs the ffmpeg and ffprobe named by {@code TUNECUT_FFMPEG} / {@code TUNECUT_FFPROBE}. */
  public CutDetector() {
    this(Ffmpeg.fromEnvironment());
  }

  public CutDetector(Ffmpeg ffmpeg) {
    this(ffmpeg, TimeLimit.STANDARD);
  }

  CutDetector(Ffmpeg ffmpeg, TimeLimit limit) {
    this.decoder = new Decoder(ffmpeg, limit);
  }

  /** Decodes {@code file} with ffmpeg into thumbnails and finds its shot boundaries. */
  public Cuts detect(Path file) {
    Decoder.Media media = decoder.media(file);
    if (!media.hasVideo()) {
      throw new AnalysisException(file.getFileName() + " has no pictures to analyse");
    }
    FrameTimes times = FrameTimes.probe(decoder, file, media.seconds());
    int span = ShotBoundaries.span(times.frameSeconds());
    FrameScorer scorer = decode(file, span, times.count(),
        decoder.limit().forMedia(media.seconds()));
    int frames = scorer.frames();
    if (frames == 0) {
      throw new AnalysisException(file.getFileName() + " has no pictures to analyse");
    }
    return ShotBoundaries.decide(scorer.features(), times.forFrames(frames), span);
  }

  /** Decides cuts from thumbnails (RGB in 0..1, any fixed size) shown at times {@code t}. */
  Cuts detect(float[][] frames, double[] t) {
    int n = frames.length;
    double frameSeconds = n > 1 ? (t[n - 1] - t[0]) / (n - 1) : 1 / 30.0;
    int span = ShotBoundaries.span(frameSeconds);
    FrameScorer scorer = new FrameScorer(span, n > 0 ? frames[0].length : 0, n);
    for (float[] frame : frames) {
      scorer.accept(frame);
    }
    return ShotBoundaries.decide(scorer.features(), t, span);
  }

  private FrameScorer decode(Path file, int span, int expectedFrames, Duration limit) {
    // thumbnails do not need the deblocking filter: skipping it makes decoding cheaper
    List<String> command = List.of(decoder.ffmpegProgram(), "-nostdin", "-hide_banner", "-v",
        "error", "-skip_loop_filter", "all", "-i", file.toString(), "-an", "-sn", "-dn",
        "-vf", "scale=" + WIDTH + ":" + HEIGHT + ":flags=fast_bilinear,format=rgb24",
        "-fps_mode", "passthrough", "-f", "rawvideo", "pipe:1");
    FrameScorer scorer = new FrameScorer(span, FRAME_BYTES, expectedFrames);
    MediaProcess.run("ffmpeg", file, command, limit, out -> read(out, scorer));
    return scorer;
  }

  private static void read(InputStream in, FrameScorer scorer) throws IOException {
    byte[] frame = new byte[FRAME_BYTES];
    while (in.readNBytes(frame, 0, FRAME_BYTES) == FRAME_BYTES) {
      scorer.accept(frame, 0);
    }
  }
}
