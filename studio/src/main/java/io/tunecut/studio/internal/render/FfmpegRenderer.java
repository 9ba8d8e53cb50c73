package io.tunecut.studio.internal.render;

import io.tunecut.studio.internal.draft.Caption;
import io.tunecut.studio.internal.draft.Clip;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.ffmpeg.Ffmpeg;
import io.tunecut.studio.ffmpeg.FfmpegException;
import io.tunecut.studio.ffmpeg.FfmpegRun;
import io.tunecut.studio.internal.media.Media;
import io.tunecut.studio.internal.render.caption.CaptionPicture;
import io.tunecut.studio.internal.render.caption.CaptionPictures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.DoubleConsumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Renders a draft with ffmpeg. A quick preview goes in parts side by side ({@code sideBySide});
 * a render three ways, chosen by {@link RenderPlan}:
 *
 * <ul>
 *   <li>the picture needs no change (one H.264 clip in MP4/MOV, no text, no new shape): the
 *       video stream is copied and only the sound is rebuilt — about 6× faster;
 *   <li>up to {@link RenderOptions#segmentThreshold()} segments: one ffmpeg job, one filter graph;
 *   <li>more (a montage): each segment encoded alone, joined by the concat demuxer without
 *       re-encoding, then the sound.
 * </ul>
 *
 * With a loudness target, the sound alone is mixed once into a file and measured on the way (no
 * picture read); the pass that writes the video reads that file through one gain and a limiter
 * ({@link Loudness}). Thread-safe: renders share nothing but the fonts.
 */
public final class FfmpegRenderer implements Renderer {
  private static final List<String> VIDEO_CODEC = List.of(
      "-c:v", "libx264", "-preset", "veryfast", "-crf", "22", "-pix_fmt", "yuv420p");
  private static final List<String> AUDIO_CODEC = List.of("-c:a", "aac", "-b:a", "192k", "-ar", "48000", "-ac", "2");
  /** A preview's picture is encoded in this many parts side by side: one per core of a small machine. */
  private static final int PREVIEW_PARTS = 2;
  /** The encoder's fast search: half the work of its default, which a look at the cut does not hear. */
  private static final List<String> PREVIEW_AUDIO =
      List.of("-c:a", "aac", "-aac_coder", "fast", "-b:a", "64k", "-ar", "48000", "-ac", "2");

  private final Ffmpeg ffmpeg;
  private final Path workDir;
  private final RenderOptions options;
  private final CaptionPictures captions;

  /** @param workDir where renders keep their temporary files */
  public FfmpegRenderer(Ffmpeg ffmpeg, Path workDir) {
    this(ffmpeg, workDir, RenderOptions.defaults());
  }

  public FfmpegRenderer(Ffmpeg ffmpeg, Path workDir, RenderOptions options) {
    this(ffmpeg, workDir, options, true);
  }

  /** @param systemFonts false to always use the font shipped in the jar (tests of a bare machine) */
  FfmpegRenderer(Ffmpeg ffmpeg, Path workDir, RenderOptions options, boolean systemFonts) {
    this(ffmpeg, workDir, options, systemFonts ? CaptionPictures.systemFonts() : CaptionPictures.bundledFontOnly());
  }

  private FfmpegRenderer(Ffmpeg ffmpeg, Path workDir, RenderOptions options, CaptionPictures captions) {
    this.ffmpeg = ffmpeg;
    this.workDir = workDir;
    this.options = options;
    this.captions = captions;
  }

  /** The same renderer working with other options; the fonts it has found and loaded are shared, not looked up again. */
  public FfmpegRenderer with(RenderOptions other) {
    return new FfmpegRenderer(ffmpeg, workDir, other, captions);
  }

  /** Constant quality; a preview's bitrate, capped so its size stays predictable. */
  private List<String> videoCodec() {
    if (!options.isPreview()) return VIDEO_CODEC;
    int k = options.videoKbps();
    return List.of("-c:v", "libx264", "-preset", "ultrafast", "-b:v", k + "k", "-maxrate", (k * 3 / 2) + "k",
        "-bufsize", (k * 2) + "k", "-pix_fmt", "yuv420p");
  }

  private List<String> audioCodec() {
    return options.isPreview() ? PREVIEW_AUDIO : AUDIO_CODEC;
  }

  @Override
  public void render(Draft draft, Map<String, Media> media, Path output, DoubleConsumer progress)
      throws RenderFailedException, RenderCancelledException {
    RenderPlan plan = RenderPlan.of(draft, media, options);
    Path temp = null;
    try {
      Files.createDirectories(workDir);
      if (output.getParent() != null) Files.createDirectories(output.getParent());
      temp = Files.createTempDirectory(workDir, "render-");
      new Job(plan, output, temp, new Progress(progress)).run();
    } catch (InterruptedException e) {
      deleteQuietly(output);
      throw new RenderCancelledException();
    } catch (FfmpegException e) {
      deleteQuietly(output);
      throw new RenderFailedException("the render failed: " + e.lastLine(), e);
    } catch (IOException e) {
      deleteQuietly(output);
      throw new RenderFailedException("the render failed: " + e.getMessage(), e);
    } finally {
      deleteTree(temp);
    }
  }

  /** One render's work. */
  private final class Job {
    private final RenderPlan plan;
    private final Path output;
    private final Path temp;
    private final Progress progress;
    private final Map<Integer, Optional<CaptionPicture>> drawn = new HashMap<>();
    /** The sound mixed once and measured, when the draft asks for a loudness; null otherwise. */
    private Premix premix;

    Job(RenderPlan plan, Path output, Path temp, Progress progress) {
      this.plan = plan;
      this.output = output;
      this.temp = temp;
      this.progress = progress;
    }

    void run() throws IOException, InterruptedException {
      if (options.isPreview()) {
        sideBySide();
        return;
      }
      boolean segmented = !plan.copyVideo() && plan.segments().size() > options.segmentThreshold();
      Double target = plan.draft().output().loudness();
      double mixShare = target == null ? 0 : plan.copyVideo() ? 0.2 : 0.03;
      if (target != null) premix = premix(target, progress.stage(0, mixShare));
      if (plan.copyVideo()) {
        copyPicture(progress.stage(mixShare, 1));
      } else if (segmented) {
        double encoded = mixShare + (1 - mixShare) * 0.85;
        Path joined = encodeSegments(progress.stage(mixShare, encoded));
        withSound(joined, progress.stage(encoded, 1));
      } else {
        oneGraph(progress.stage(mixShare, 1));
      }
    }

    /**
     * The sound alone, mixed once into a 32-bit file and measured on the way (no picture read);
     * the gain that brings it to {@code target}, corrected for what the limiter takes off when
     * it has peaks to catch.
     */
    private Premix premix(double target, DoubleConsumer stage) throws IOException, InterruptedException {
      Path mixed = temp.resolve("mix.wav");
      Inputs inputs = new Inputs();
      SoundInputs clipInputs = soundInputs(inputs);
      int music = musicInput(inputs);
      String graph = AudioGraph.build(plan, clipInputs::clip, clipInputs::crossfade, music) + ";[mix]" + Loudness.MEASURING + "[aout]";
      List<String> args = new ArrayList<>(inputs.args());
      args.addAll(List.of("-filter_complex", graph, "-map", "[aout]", "-c:a", "pcm_f32le", "-rf64", "auto", "-f", "wav",
          mixed.toString()));
      Optional<Loudness> measured = Loudness.parse(
          ffmpeg.run(new FfmpegRun(args, plan.seconds(), stage, options.timeout(), mixed)).stderr());
      if (measured.isEmpty()) return new Premix(mixed, Optional.empty());
      double gain = measured.get().gainDb(target);
      for (int i = 0; i < 2 && measured.get().limited(gain); i++) {
        double missing = target - limitedLoudness(mixed, gain);
        if (Math.abs(missing) < 0.1) break;
        gain = Math.min(Loudness.MAX_GAIN_DB, gain + missing);
      }
      return new Premix(mixed, Optional.of(Loudness.applying(gain)));
    }

    /** The loudness of the mixed file through the gain and the limiter: a quick read of a sound file. */
    private double limitedLoudness(Path mixed, double gain) throws IOException, InterruptedException {
      String stderr = ffmpeg.run(FfmpegRun.of(List.of("-i", mixed.toString(), "-af",
          Loudness.applying(gain) + "," + Loudness.MEASURING, "-f", "null", "-"), options.timeout())).stderr();
      return Loudness.parse(stderr).map(Loudness::integrated).orElse(Double.NEGATIVE_INFINITY);
    }

    private void copyPicture(DoubleConsumer stage) throws IOException, InterruptedException {
      Inputs inputs = new Inputs();
      RenderPlan.Segment only = plan.segments().get(0);
      int video = inputs.add(List.of("-t", AudioGraph.num(plan.seconds()), "-i", only.media().file().toString()));
      String graph = sound(inputs, () -> new SoundInputs(new int[] {video}, new int[] {-1}));
      List<String> args = new ArrayList<>(inputs.args());
      args.addAll(List.of("-filter_complex", graph, "-map", video + ":v:0", "-map", "[aout]", "-c:v", "copy"));
      args.addAll(audioCodec());
      mp4(args);
      ffmpeg.run(new FfmpegRun(args, plan.seconds(), stage, options.timeout(), output));
    }

    private void oneGraph(DoubleConsumer stage) throws IOException, InterruptedException {
      Inputs inputs = new Inputs();
      SoundInputs clipInputs = SoundInputs.none(plan.segments().size());
      List<String> chains = new ArrayList<>();
      String picture = picture(inputs, chains, plan.segments(), List.of(), clipInputs);
      chains.add(sound(inputs, () -> clipInputs));
      List<String> args = new ArrayList<>(inputs.args());
      args.addAll(List.of("-filter_complex", pictureGraph(chains), "-map", "[" + picture + "]", "-map", "[aout]"));
      args.addAll(videoCodec());
      args.addAll(audioCodec());
      mp4(args);
      ffmpeg.run(new FfmpegRun(args, plan.seconds(), stage, options.timeout(), output));
    }

    /** Each segment encoded alone with identical settings, then joined without re-encoding. */
    private Path encodeSegments(DoubleConsumer stage) throws IOException, InterruptedException {
      List<RenderPlan.Segment> segments = plan.segments();
      StringBuilder list = new StringBuilder();
      for (int i = 0; i < segments.size(); i++) {
        RenderPlan.Segment s = segments.get(i);
        Path part = temp.resolve(String.format(Locale.ROOT, "segment-%04d.mp4", i));
        double from = s.startSeconds() / plan.seconds();
        double to = (s.startSeconds() + s.seconds()) / plan.seconds();
        encodePicture(List.of(s), List.of(), part, Progress.between(stage, from, to));
        list.append("file '").append(part.getFileName()).append("'\n");
      }
      return segmentList(list);
    }

    private Path segmentList(CharSequence list) throws IOException {
      Path listFile = temp.resolve("segments.txt");
      Files.writeString(listFile, list, StandardCharsets.UTF_8);
      return listFile;
    }

    /** The picture of {@code segments} in a row, with its captions, alone into {@code part}. */
    private void encodePicture(List<RenderPlan.Segment> segments, List<String> decoding, Path part, DoubleConsumer stage)
        throws IOException, InterruptedException {
      Inputs inputs = new Inputs();
      List<String> chains = new ArrayList<>();
      String picture = picture(inputs, chains, segments, decoding, SoundInputs.none(segments.size()));
      List<String> args = new ArrayList<>(inputs.args());
      args.addAll(List.of("-filter_complex", pictureGraph(chains), "-map", "[" + picture + "]", "-an"));
      args.addAll(videoCodec());
      args.addAll(List.of("-video_track_timescale", "90000", part.toString()));
      ffmpeg.run(new FfmpegRun(args, seconds(segments), stage, options.timeout(), part));
    }

    /**
     * A preview: the picture in {@link #PREVIEW_PARTS} parts encoded side by side, each decoded
     * on one thread, while the sound is mixed, measured and encoded alone; then the parts and
     * the sound joined without re-encoding either. One ffmpeg leaves a core idle while its
     * filters scale the frames; two share both cores and spend nothing on passing frames
     * between decoding threads. Nothing runs on one core alone after the picture but the join.
     */
    private void sideBySide() throws IOException, InterruptedException {
      // A long montage in more parts, still two at a time: one graph open on many clips takes memory.
      int count = Math.max(PREVIEW_PARTS, -Math.floorDiv(-plan.segments().size(), options.segmentThreshold()));
      List<List<RenderPlan.Segment>> parts = Parts.of(plan.segments(), count);
      List<String> decoding = parts.size() > 1 ? List.of("-threads", "1") : List.of();
      double pictureShare = 0.97;
      Shares shares = new Shares(progress.stage(0, pictureShare));
      List<Callable<Void>> work = new ArrayList<>();
      Path sound = temp.resolve("sound.m4a");
      work.add(() -> {
        encodeSound(sound);
        return null;
      });
      StringBuilder list = new StringBuilder();
      for (int i = 0; i < parts.size(); i++) {
        List<RenderPlan.Segment> part = parts.get(i);
        Path file = temp.resolve(String.format(Locale.ROOT, "part-%02d.mp4", i));
        DoubleConsumer stage = shares.part(seconds(part) / plan.seconds());
        work.add(() -> {
          encodePicture(part, decoding, file, stage);
          return null;
        });
        list.append("file '").append(file.getFileName()).append("'\n");
      }
      together(work, PREVIEW_PARTS + 1);
      joined(segmentList(list), sound, progress.stage(pictureShare, 1));
    }

    /** The finished sound alone into {@code file} (AAC in MP4): mixed, brought to the draft's loudness, encoded. */
    private void encodeSound(Path file) throws IOException, InterruptedException {
      Double target = plan.draft().output().loudness();
      if (target != null) premix = premix(target, f -> {});
      Inputs inputs = new Inputs();
      String graph = sound(inputs, () -> soundInputs(inputs));
      List<String> args = new ArrayList<>(inputs.args());
      args.addAll(List.of("-filter_complex", graph, "-map", "[aout]"));
      args.addAll(audioCodec());
      args.addAll(List.of("-f", "mp4", file.toString()));
      ffmpeg.run(new FfmpegRun(args, plan.seconds(), f -> {}, options.timeout(), file));
    }

    /** The picture's parts in a row and the finished sound, both copied: a join that costs a read and a write. */
    private void joined(Path segmentList, Path sound, DoubleConsumer stage) throws IOException, InterruptedException {
      List<String> args = new ArrayList<>(List.of("-f", "concat", "-safe", "0", "-i", segmentList.toString(),
          "-i", sound.toString(), "-map", "0:v:0", "-map", "1:a:0", "-c", "copy"));
      mp4(args);
      ffmpeg.run(new FfmpegRun(args, plan.seconds(), stage, options.timeout(), output));
    }

    private void withSound(Path segmentList, DoubleConsumer stage) throws IOException, InterruptedException {
      Inputs inputs = new Inputs();
      int picture = inputs.add(List.of("-f", "concat", "-safe", "0", "-i", segmentList.toString()));
      String graph = sound(inputs, () -> soundInputs(inputs));
      List<String> args = new ArrayList<>(inputs.args());
      args.addAll(List.of("-filter_complex", graph, "-map", picture + ":v:0", "-map", "[aout]", "-c:v", "copy"));
      args.addAll(audioCodec());
      mp4(args);
      ffmpeg.run(new FfmpegRun(args, plan.seconds(), stage, options.timeout(), output));
    }

    /**
     * The picture of {@code segments} in a row with the captions showing over it, its inputs
     * into {@code clipInputs} by segment.
     *
     * @param decoding options for the decoder of every clip
     * @return the label of the picture
     */
    private String picture(Inputs inputs, List<String> chains, List<RenderPlan.Segment> segments, List<String> decoding,
        SoundInputs clipInputs) throws IOException {
      StringBuilder concat = new StringBuilder();
      for (int i = 0; i < segments.size(); i++) {
        RenderPlan.Segment s = segments.get(i);
        List<String> input = new ArrayList<>(decoding);
        input.addAll(clipInput(s.clip(), s.media(), s.seconds()));
        clipInputs.clips()[i] = inputs.add(input);
        if (s.crossfade() != null) {
          List<String> before = new ArrayList<>(decoding);
          before.addAll(clipInput(s.crossfade().clip(), s.crossfade().media(), s.crossfade().seconds()));
          clipInputs.crossfades()[i] = inputs.add(before);
        }
        chains.add(VideoGraph.segment(plan, s, clipInputs.clips()[i], clipInputs.crossfades()[i], "v" + i));
        concat.append("[v").append(i).append(']');
      }
      String picture = segments.size() == 1 ? "v0" : "vcat";
      if (segments.size() > 1) chains.add(concat + "concat=n=" + segments.size() + ":v=1:a=0[vcat]");
      return withCaptions(inputs, chains, picture, segments.get(0).startSeconds(), seconds(segments));
    }

    /**
     * The sound of the pass that writes the file, ending in {@code [aout]}: the premixed file with
     * its gain and limiter, or (without a loudness target) the mix built here from the clips'
     * inputs, which {@code clips} gives by segment.
     */
    private String sound(Inputs inputs, Supplier<SoundInputs> clips) {
      if (premix != null) {
        int mixed = inputs.add(List.of("-i", premix.file().toString()));
        return finish("[" + mixed + ":a]", premix.gain());
      }
      SoundInputs clipInputs = clips.get();
      int music = musicInput(inputs);
      return AudioGraph.build(plan, clipInputs::clip, clipInputs::crossfade, music) + ";" + finish("[mix]", Optional.empty());
    }

    /**
     * A clip's source for {@code seconds} of screen time at its speed, cut by input seeking
     * (accurate when transcoding); a still looped.
     */
    private List<String> clipInput(Clip clip, Media media, double seconds) {
      String file = media.file().toString();
      String length = AudioGraph.num(seconds * clip.speed() + 0.5);
      if (clip.isStill()) {
        return List.of("-loop", "1", "-framerate", plan.fpsText(), "-t", length, "-i", file);
      }
      List<String> args = new ArrayList<>();
      // A preview's picture is small: the decoder may skip deblocking, which it would scale away.
      if (options.isPreview()) args.addAll(List.of("-skip_loop_filter", "all"));
      if (clip.inMs() > 0) args.addAll(List.of("-ss", AudioGraph.num(clip.inMs() / 1000.0)));
      args.addAll(List.of("-t", length, "-i", file));
      return args;
    }

    /** The chains as one graph; a preview scales with the fastest scaler (small frames hide the difference). */
    private String pictureGraph(List<String> chains) {
      return (options.isPreview() ? "sws_flags=fast_bilinear;" : "") + String.join(";", chains);
    }

    /** Inputs for the clips that have sound, and for those sounding on into a crossfade; -1 for the rest. */
    private SoundInputs soundInputs(Inputs inputs) {
      List<RenderPlan.Segment> segments = plan.segments();
      SoundInputs index = SoundInputs.none(segments.size());
      for (int i = 0; i < segments.size(); i++) {
        RenderPlan.Segment s = segments.get(i);
        if (s.hasSound()) index.clips()[i] = inputs.add(soundOnly(s.clip(), s.media(), s.seconds()));
        RenderPlan.Crossfade x = s.crossfade();
        if (x != null && x.hasSound()) index.crossfades()[i] = inputs.add(soundOnly(x.clip(), x.media(), x.seconds()));
      }
      return index;
    }

    private List<String> soundOnly(Clip clip, Media media, double seconds) {
      List<String> args = new ArrayList<>(List.of("-vn"));
      args.addAll(clipInput(clip, media, seconds));
      return args;
    }

    private int musicInput(Inputs inputs) {
      if (!plan.hasMusic()) return -1;
      List<String> args = new ArrayList<>();
      if (plan.musicSegment().loop()) args.addAll(List.of("-stream_loop", "-1"));
      args.addAll(List.of("-i", plan.music().file().toString()));
      return inputs.add(args);
    }

    /** From {@code from} to {@code [aout]}: the loudness gain and limiter, 48 kHz stereo. */
    private String finish(String from, Optional<String> gain) {
      String norm = gain.map(l -> l + ",").orElse("");
      return from + norm + "aresample=48000," + AudioGraph.OUTPUT_FORMAT + ",atrim=end=" + AudioGraph.num(plan.seconds()) + "[aout]";
    }

    /**
     * Lays the captions showing between {@code offset} and {@code offset + length} seconds of
     * the timeline over {@code [picture]}, each a picture input of its own.
     *
     * @return the label of the picture with its captions
     */
    private String withCaptions(Inputs inputs, List<String> chains, String picture, double offset, double length)
        throws IOException {
      List<Caption> all = plan.draft().captions();
      for (int i = 0; i < all.size(); i++) {
        Caption c = all.get(i);
        double from = c.startMs() / 1000.0 - offset;
        double to = from + c.durationMs() / 1000.0;
        if (to <= 0 || from >= length) continue;
        Optional<CaptionPicture> drawn = captionPicture(i);
        if (drawn.isEmpty()) continue;
        int input = inputs.add(List.of("-i", drawn.get().file().toString()));
        String label = "cap" + i;
        chains.add(VideoGraph.caption(picture, input, drawn.get(), from, to, label));
        picture = label;
      }
      return picture;
    }

    /** Caption {@code i}, drawn once per render. */
    private synchronized Optional<CaptionPicture> captionPicture(int i) throws IOException {
      if (!drawn.containsKey(i)) {
        Caption c = plan.draft().captions().get(i);
        Path file = temp.resolve("caption-" + i + ".png");
        drawn.put(i, captions.draw(c, plan.frame().width(), plan.frame().height(), file));
      }
      return drawn.get(i);
    }

    private void mp4(List<String> args) {
      args.addAll(List.of("-t", AudioGraph.num(plan.seconds()), "-movflags", "+faststart", "-f", "mp4",
          output.toString()));
    }
  }

  /** The length of segments in a row, counted in frames as the plan counts its own. */
  private static double seconds(List<RenderPlan.Segment> segments) {
    RenderPlan.Segment first = segments.get(0);
    RenderPlan.Segment last = segments.get(segments.size() - 1);
    return (last.firstFrame() + last.frames() - first.firstFrame()) / first.fps();
  }

  /** Runs {@code work}, at most {@code atOnce} side by side; the first failure stops the rest and is thrown. */
  private static void together(List<Callable<Void>> work, int atOnce) throws IOException, InterruptedException {
    ExecutorService lanes = Executors.newFixedThreadPool(Math.min(atOnce, work.size()));
    try {
      List<Future<Void>> running = new ArrayList<>();
      for (Callable<Void> w : work) running.add(lanes.submit(w));
      for (Future<Void> f : running) {
        try {
          f.get();
        } catch (ExecutionException e) {
          if (e.getCause() instanceof IOException io) throw io;
          if (e.getCause() instanceof InterruptedException) throw new InterruptedException();
          throw new IOException(e.getCause());
        }
      }
    } finally {
      lanes.shutdownNow(); // interrupts what still runs, which stops its ffmpeg
    }
  }

  /** Parts of one stage done side by side: the stage is as far as the sum of their shares. */
  private static final class Shares {
    private final DoubleConsumer stage;
    private final List<double[]> parts = new ArrayList<>();

    Shares(DoubleConsumer stage) {
      this.stage = stage;
    }

    /** A part worth {@code share} of the stage; it reports its own 0..1. */
    synchronized DoubleConsumer part(double share) {
      double[] done = new double[1];
      parts.add(done);
      return f -> {
        synchronized (this) {
          done[0] = share * Math.max(0, Math.min(1, f));
          stage.accept(parts.stream().mapToDouble(d -> d[0]).sum());
        }
      };
    }
  }

  /**
   * The inputs carrying each segment's clip and, for a segment with a crossfade, the clip before
   * it playing on; -1 where there is none.
   */
  private record SoundInputs(int[] clips, int[] crossfades) {
    static SoundInputs none(int segments) {
      int[] clips = new int[segments];
      int[] crossfades = new int[segments];
      Arrays.fill(clips, -1);
      Arrays.fill(crossfades, -1);
      return new SoundInputs(clips, crossfades);
    }

    int clip(int segment) {
      return clips[segment];
    }

    int crossfade(int segment) {
      return crossfades[segment];
    }
  }

  /** The sound mixed into one file, and the filters that bring it to the loudness asked for. */
  private record Premix(Path file, Optional<String> gain) {}

  /** Maps each stage's 0..1 onto its share of the whole, never going backwards. */
  private static final class Progress {
    private final DoubleConsumer sink;
    private double last = 0;

    Progress(DoubleConsumer sink) {
      this.sink = sink == null ? f -> {} : sink;
    }

    DoubleConsumer stage(double from, double to) {
      return between(this::report, from, to);
    }

    static DoubleConsumer between(DoubleConsumer into, double from, double to) {
      return f -> into.accept(from + (to - from) * Math.max(0, Math.min(1, f)));
    }

    private synchronized void report(double f) {
      if (f > last) {
        last = f;
        sink.accept(Math.min(1, f));
      }
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // nothing more to do: the caller reports the failure
    }
  }

  private static void deleteTree(Path dir) {
    if (dir == null || !Files.exists(dir)) return;
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(FfmpegRenderer::deleteQuietly);
    } catch (IOException ignored) {
      // a leftover temp directory is harmless
    }
  }
}
