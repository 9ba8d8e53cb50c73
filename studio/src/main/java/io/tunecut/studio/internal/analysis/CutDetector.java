package io.tunecut.studio.internal.analysis;

import io.tunecut.studio.ffmpeg.Ffmpeg;
import io.tunecut.studio.ffmpeg.FfmpegException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Finds hard cuts and gradual transitions in a clip. ffmpeg only decodes and shrinks each
 * frame to a thumbnail (the cost of decoding); the thumbnails are scored as they arrive and
 * dropped, so memory grows by a few numbers per frame, and {@link ShotBoundaries} decides from
 * those numbers. A short clip is decoded in one pass that also says when each frame is shown.
 * On a machine with several cores a long clip is listed by ffprobe, split at keyframes and its
 * parts decoded side by side by single-threaded decoders, which waste less work on
 * coordination than one multi-threaded decoder.
 */
public final class CutDetector {
  static final int WIDTH = 64;
  static final int HEIGHT = 36;
  private static final int FRAME_BYTES = WIDTH * HEIGHT * 3;
  /**
   * A part of fewer frames of 640×360 than this (30 s at 25 fps) is not worth a decoder of its
   * own: on a busy machine starting ffmpeg costs as much as decoding a few hundred small
   * frames. Larger pictures cost more each, so fewer of them are worth a decoder.
   */
  private static final int MIN_PART_FRAMES = 750;
  private static final long SMALL_PICTURE = 640 * 360;
  private static final int MAX_PARTS = 4;
  /**
   * A file up to this size is decoded whole, with no ffprobe before it: at 640×360 it is
   * rarely long enough for two parts. Above it, ffprobe's listing costs a few percent of
   * the decoding, and two single-threaded decoders side by side need about a tenth less
   * work than one multi-threaded decoder (whose threads wait on each other), so a 1080p file
   * of a few seconds already pays for the listing.
   */
  private static final long ONE_PASS_BYTES = 4L << 20;
  /** Under this (32 kbit/s) hardly any video is watchable; it bounds a file's length. */
  private static final long FEWEST_BYTES_PER_SECOND = 4_000;

  private final Decoder decoder;
  private final int cores;
  private final int minPartFrames;
  private final long onePassBytes;
  private final Executor executor = runnable -> {
    Thread thread = new Thread(runnable, "cut-detection");
    thread.setDaemon(true);
    thread.start();
  };

  /** Runs the ffmpeg and ffprobe on the PATH. */
  public CutDetector() {
    this(Ffmpeg.of("ffmpeg", "ffprobe"));
  }

  public CutDetector(Ffmpeg ffmpeg) {
    this(ffmpeg, TimeLimit.STANDARD, Runtime.getRuntime().availableProcessors());
  }

  /** @param cores how many decoders may run side by side */
  CutDetector(Ffmpeg ffmpeg, TimeLimit limit, int cores) {
    this(ffmpeg, limit, cores, MIN_PART_FRAMES, ONE_PASS_BYTES);
  }

  /**
   * @param minPartFrames the fewest frames worth a decoder of their own
   * @param onePassBytes files up to this size are decoded whole, without ffprobe
   */
  CutDetector(Ffmpeg ffmpeg, TimeLimit limit, int cores, int minPartFrames, long onePassBytes) {
    this.decoder = new Decoder(ffmpeg, limit);
    this.cores = Math.max(1, cores);
    this.minPartFrames = minPartFrames;
    this.onePassBytes = onePassBytes;
  }

  /** Decodes {@code file} with ffmpeg into thumbnails and finds its shot boundaries. */
  public Cuts detect(Path file) {
    Scored scored = score(file);
    return ShotBoundaries.decide(scored.features(), scored.times(), scored.span());
  }

  /**
   * The per-frame numbers of a video.
   *
   * @param times when each frame is shown
   * @param parts how many decoders shared the work
   */
  record Scored(FrameFeatures features, double[] times, int span, int parts) {}

  Scored score(Path file) {
    if (Decoder.size(file) <= onePassBytes) {
      return scoreInOnePass(file);
    }
    FrameTimes times = FrameTimes.probe(decoder, file);
    if (!times.hasVideo()) {
      throw new AnalysisException(file.getFileName() + " has no pictures to analyse");
    }
    int span = ShotBoundaries.span(times.frameSeconds());
    Duration limit = decoder.limit().forMedia(times.seconds());
    int minFrames = Math.max(minPartFrames(times.pixels()), 4 * (2 * span + 1));
    SegmentPlan plan = SegmentPlan.of(times, times.start(), Math.min(cores, MAX_PARTS), minFrames);
    FrameFeatures features = plan.parts().size() > 1
        ? decodeInParts(file, plan, span, limit)
        : null;
    int parts = plan.parts().size();
    if (features == null) {
      // one decoder, as many threads as it likes; also when a split did not add up
      features = decodePart(file, SegmentPlan.whole(times.count()).parts().get(0), false, span,
          0, limit, new AtomicBoolean()).features();
      parts = 1;
    }
    int frames = features.frames();
    if (frames == 0) {
      throw new AnalysisException(file.getFileName() + " has no pictures to analyse");
    }
    features.keepMotionNearCuts();
    return new Scored(features, times.forFrames(frames), span, parts);
  }

  /** The fewest frames of {@code pixels} each worth a decoder of their own. */
  private int minPartFrames(long pixels) {
    return pixels > SMALL_PICTURE
        ? (int) Math.ceil(minPartFrames * (double) SMALL_PICTURE / pixels)
        : minPartFrames;
  }

  /**
   * One decoder over the whole file, which also says when each frame is shown: for files too
   * small for a split to pay, no ffprobe runs at all.
   */
  private Scored scoreInOnePass(Path file) {
    try (DecodeLog log = DecodeLog.open()) {
      return scoreInOnePass(file, log);
    }
  }

  private Scored scoreInOnePass(Path file, DecodeLog log) {
    FrameScorer[] scorer = new FrameScorer[1];
    // the length is not known before the pass; the size bounds it
    Duration limit = decoder.limit().forMedia(Decoder.size(file) / (double) FEWEST_BYTES_PER_SECOND);
    try {
      // the thumbnails are scored while ffmpeg decodes: the scorer keeps a core of its own.
      // On 2 busy cores one decoding thread also wastes less work than the three ffmpeg
      // chooses, which wait on each other (0.94-1.05x plain decoding against 1.08-1.20x)
      decoder.decode(file, command(file, SegmentPlan.whole(0).parts().get(0), false,
          Math.max(1, cores - 1), log.filter(), DecodeLog.LOG_LEVEL), limit, out -> read(out, () -> {
            if (scorer[0] == null) {
              scorer[0] = new FrameScorer(ShotBoundaries.span(log.frameSeconds()), FRAME_BYTES,
                  false, 1024);
            }
            return scorer[0];
          }, new AtomicBoolean()), log);
    } catch (AnalysisException e) {
      if (log.noPictures()) {
        throw new AnalysisException(file.getFileName() + " has no pictures to analyse", e);
      }
      if (e.getCause() instanceof FfmpegException failed && failed.exitCode() != -1
          && DecodeLog.notAReason(failed.lastLine()) && !log.lastMessage().isEmpty()) {
        // ffmpeg's reason came before the files' statistics
        throw new AnalysisException("ffmpeg could not read " + file.getFileName() + ": "
            + log.lastMessage(), e);
      }
      throw e;
    }
    FrameTimes times = log.times();
    if (scorer[0] == null || scorer[0].frames() == 0) {
      throw new AnalysisException(file.getFileName() + " has no pictures to analyse");
    }
    FrameFeatures features = scorer[0].features();
    features.keepMotionNearCuts();
    return new Scored(features, times.forFrames(features.frames()), scorer[0].span(), 1);
  }

  /** Decides cuts from thumbnails (RGB in 0..1, any fixed size) shown at times {@code t}. */
  Cuts detect(float[][] frames, double[] t) {
    int n = frames.length;
    double frameSeconds = n > 1 ? (t[n - 1] - t[0]) / (n - 1) : 1 / 30.0;
    int span = ShotBoundaries.span(frameSeconds);
    FrameScorer scorer = new FrameScorer(span, n > 0 ? frames[0].length : 0, false, n);
    for (float[] frame : frames) {
      scorer.accept(frame);
    }
    return ShotBoundaries.decide(scorer.features(), t, span);
  }

  /** The parts side by side; null when a part decoded to another count than planned. */
  private FrameFeatures decodeInParts(Path file, SegmentPlan plan, int span, Duration limit) {
    int threads = Math.max(1, cores / plan.parts().size());
    AtomicBoolean stop = new AtomicBoolean();
    CompletableFuture<Throwable> failure = new CompletableFuture<>();
    List<CompletableFuture<FrameScorer>> running = new ArrayList<>();
    for (SegmentPlan.Part part : plan.parts()) {
      running.add(CompletableFuture.supplyAsync(
          () -> decodePart(file, part, true, span, threads, limit, stop), executor)
          .whenComplete((scorer, thrown) -> {
            if (thrown != null) {
              stop.set(true);
              Throwable cause = thrown instanceof CompletionException ? thrown.getCause() : thrown;
              if (!(cause instanceof Stopped)) {
                failure.complete(cause);
              }
            }
          }));
    }
    try {
      // the first failure ends the wait: the other parts stop at their next frame
      CompletableFuture.anyOf(CompletableFuture.allOf(running.toArray(CompletableFuture[]::new))
          .exceptionally(stopped -> null), failure).get();
    } catch (InterruptedException e) {
      stop.set(true);
      Thread.currentThread().interrupt();
      throw new AnalysisException("analysis of " + file.getFileName() + " was interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e); // neither future completes exceptionally
    }
    if (failure.isDone()) {
      Throwable cause = failure.join();
      throw cause instanceof RuntimeException r ? r : new AnalysisException(
          "cut detection failed on " + file.getFileName() + ": " + cause, cause);
    }
    List<FrameScorer> scorers = running.stream().map(CompletableFuture::join).toList();
    for (int p = 0; p < scorers.size(); p++) {
      if (scorers.get(p).frames() != plan.parts().get(p).frames()) {
        return null;
      }
    }
    return joined(scorers, span);
  }

  /**
   * The parts' numbers one after another; the frames near each join, whose comparisons reach
   * into the neighbouring part, are scored again from the thumbnails kept at both ends.
   */
  private static FrameFeatures joined(List<FrameScorer> scorers, int span) {
    FrameFeatures all = scorers.get(0).features();
    for (int p = 1; p < scorers.size(); p++) {
      FrameScorer before = scorers.get(p - 1);
      FrameScorer after = scorers.get(p);
      List<int[]> tail = before.tail();
      int joinAt = all.frames();
      all.append(after.features());
      FrameScorer join = new FrameScorer(span, FRAME_BYTES, false, 2 * tail.size());
      tail.forEach(join::accept);
      after.head().forEach(join::accept);
      all.fillFrom(join.features(), joinAt - tail.size());
    }
    return all;
  }

  private FrameScorer decodePart(Path file, SegmentPlan.Part part, boolean keepEnds, int span,
      int threads, Duration limit, AtomicBoolean stop) {
    FrameScorer scorer = new FrameScorer(span, FRAME_BYTES, keepEnds, part.frames());
    decoder.decode(file, command(file, part, keepEnds, threads, "", "error"), limit,
        out -> read(out, () -> scorer, stop), null);
    return scorer;
  }

  /**
   * ffmpeg's arguments for thumbnails of {@code part}.
   *
   * @param lastFilter appended to the filters when not empty
   */
  private static List<String> command(Path file, SegmentPlan.Part part, boolean keepEnds,
      int threads, String lastFilter, String logLevel) {
    // thumbnails do not need the deblocking filter: skipping it makes decoding cheaper
    List<String> command = new ArrayList<>(List.of("-nostdin",
        "-hide_banner", "-nostats", "-v", logLevel, "-skip_loop_filter", "all"));
    if (threads > 0) { // else ffmpeg chooses
      command.addAll(List.of("-threads", Integer.toString(threads)));
    }
    if (!part.isFirst()) {
      command.addAll(List.of("-ss", String.format(Locale.ROOT, "%.6f", part.seekSeconds())));
    }
    // the filters and the encoder run on the decoding thread: by default each has threads of
    // its own, which hand every frame over (4400 context switches for 355 frames, not 140),
    // and on a busy machine each hand-over waits for its turn
    command.addAll(List.of("-filter_threads", "1"));
    command.addAll(List.of("-i", file.toString(), "-an", "-sn", "-dn",
        "-vf", "scale=" + WIDTH + ":" + HEIGHT + ":flags=fast_bilinear,format=rgb24"
            + (lastFilter.isEmpty() ? "" : "," + lastFilter),
        "-fps_mode", "passthrough"));
    command.addAll(List.of("-threads", "1")); // the encoder's: it only copies the thumbnails
    if (keepEnds && !part.isLast()) {
      command.addAll(List.of("-frames:v", Integer.toString(part.frames())));
    }
    command.addAll(List.of("-f", "rawvideo", "pipe:1"));
    return command;
  }

  /** Where the thumbnails go; made when the first one arrives. */
  private interface ScorerSource {
    FrameScorer get() throws InterruptedException;
  }

  private static void read(InputStream in, ScorerSource scorers, AtomicBoolean stop)
      throws IOException {
    byte[] frame = new byte[FRAME_BYTES];
    while (in.readNBytes(frame, 0, FRAME_BYTES) == FRAME_BYTES) {
      if (stop.get()) {
        throw new Stopped();
      }
      try {
        scorers.get().accept(frame, 0);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted");
      }
    }
  }

  /** Another part of the video failed, so this one is not worth finishing. */
  private static final class Stopped extends RuntimeException {
    Stopped() {
      super("stopped because another part of the video failed", null, false, false);
    }
  }
}
