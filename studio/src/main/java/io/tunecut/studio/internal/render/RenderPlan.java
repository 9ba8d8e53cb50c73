package io.tunecut.studio.internal.render;

import io.tunecut.studio.internal.draft.Aspect;
import io.tunecut.studio.internal.draft.Clip;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.draft.Music;
import io.tunecut.studio.internal.media.Media;
import io.tunecut.studio.internal.media.MediaInfo;
import io.tunecut.studio.internal.media.MediaKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The decisions of one render: frame, frame rate, where every clip falls in whole frames,
 * and whether the picture can be copied as it is.
 *
 * @param seconds the output's length
 * @param copyVideo one clip whose picture needs no change: copy its H.264 stream, rebuild only the sound
 */
record RenderPlan(Draft draft, Aspect.Frame frame, double fps, String fpsText, List<Segment> segments,
    Media music, double seconds, boolean copyVideo) {

  /**
   * One clip on the timeline, aligned to output frames.
   *
   * @param crossfade the clip before playing on over this one's first frames, or null for a hard cut
   */
  record Segment(Clip clip, Media media, long firstFrame, long frames, double fps, Crossfade crossfade) {
    Segment(Clip clip, Media media, long firstFrame, long frames, double fps) {
      this(clip, media, firstFrame, frames, fps, null);
    }

    double startSeconds() {
      return firstFrame / fps;
    }

    double seconds() {
      return frames / fps;
    }

    boolean hasSound() {
      return RenderPlan.hasSound(clip, media);
    }
  }

  /**
   * The clip before a cut, played on from where it ended for {@code frames} and faded into the
   * next: the next clip starts where it would with a hard cut, so the video keeps its length
   * and its cuts.
   *
   * @param clip the outgoing clip, its {@code in} where its input starts: where it ended in its
   *     source, or {@code leadFrames} before that
   * @param leadFrames frames of screen time read before the end and dropped: when the source ends
   *     there, seeking to the end would give no picture to hold, so the input starts a little
   *     earlier and the render drops what was already shown, holding the last frame
   */
  record Crossfade(Clip clip, Media media, long frames, double fps, long leadFrames) {
    double seconds() {
      return frames / fps;
    }

    double leadSeconds() {
      return leadFrames / fps;
    }

    boolean hasSound() {
      return RenderPlan.hasSound(clip, media);
    }
  }

  private static boolean hasSound(Clip clip, Media media) {
    return clip.level() > 0 && media.info().hasAudio() && media.info().kind() == MediaKind.VIDEO;
  }

  static RenderPlan of(Draft draft, Map<String, Media> media, RenderOptions options) throws RenderFailedException {
    if (draft.clips().isEmpty()) {
      throw new RenderFailedException("the timeline has no clips: send a video or a photo first");
    }
    List<Media> sources = new ArrayList<>();
    for (Clip c : draft.clips()) {
      Media m = media.get(c.src());
      if (m == null) throw new RenderFailedException("the file '" + c.name() + "' is no longer available: send it again");
      if (m.info().kind() == MediaKind.AUDIO) throw new RenderFailedException("'" + c.name() + "' has no picture");
      if (c.durationMs() <= 0) throw new RenderFailedException("clip '" + c.name() + "' has no length");
      sources.add(m);
    }
    Media music = null;
    if (draft.music() != null) {
      music = media.get(draft.music().src());
      if (music == null) {
        throw new RenderFailedException("the track '" + draft.music().name() + "' is no longer available: send it again");
      }
    }
    MediaInfo first = sources.get(0).info();
    double fps = draft.output().fps() > 0 ? draft.output().fps() : sourceFps(sources);
    fps = Math.max(1, Math.min(options.isPreview() ? 30 : 60, fps));
    String fpsText = rate(fps);
    fps = value(fpsText);

    Aspect aspect = draft.output().aspect() != null ? draft.output().aspect() : Aspect.nearest(first.width(), first.height());
    int shortSide = options.shortSide() > 0 ? options.shortSide() : draft.output().shortSide();
    Aspect.Frame frame = aspect.frame(shortSide);

    Clip only = draft.clips().get(0);
    boolean copy = !options.isPreview() && draft.clips().size() == 1
        && !only.isStill()
        && draft.captions().isEmpty()
        && draft.output().look() == null
        && only.inMs() == 0
        && only.speed() == 1
        && "h264".equals(first.videoCodec())
        && first.container() != null && (first.container().contains("mp4") || first.container().contains("mov"))
        && (draft.output().aspect() == null || exactly(draft.output().aspect(), first))
        && (draft.output().resolution() == null || Math.min(first.width(), first.height()) == draft.output().shortSide())
        && (draft.output().fps() <= 0 || Math.abs(draft.output().fps() - first.fps()) < 0.01);

    List<Segment> segments = new ArrayList<>();
    double seconds;
    if (copy) {
      seconds = Math.min(only.durationMs() / 1000.0, first.durationSeconds());
      segments.add(new Segment(only, sources.get(0), 0, Math.round(seconds * first.fps()), first.fps()));
      frame = new Aspect.Frame(first.width(), first.height());
      fps = first.fps();
      fpsText = rate(fps);
    } else {
      long startMs = 0;
      long frames = 0;
      for (int i = 0; i < draft.clips().size(); i++) {
        Clip c = draft.clips().get(i);
        long endFrame = Math.round((startMs + c.durationMs()) * fps / 1000.0);
        long n = Math.max(1, endFrame - frames);
        segments.add(new Segment(c, sources.get(i), frames, n, fps, crossfade(draft, i, sources, n, fps)));
        frames += n;
        startMs += c.durationMs();
      }
      seconds = frames / fps;
    }
    return new RenderPlan(draft, frame, fps, fpsText, List.copyOf(segments), music, seconds, copy);
  }

  /**
   * The crossfade into clip {@code i} ({@code frames} long), or null: the clip before played on
   * from the end of what it shows; when its source ends there, its input starts about 0.1 s
   * earlier so there is a picture to hold, and those frames, shown already, are dropped.
   */
  private static Crossfade crossfade(Draft draft, int i, List<Media> sources, long frames, double fps) {
    long ms = draft.transitionMs(i);
    long n = Math.min(frames - 1, Math.round(ms * fps / 1000.0));
    if (n < 1) return null;
    Clip before = draft.clips().get(i - 1);
    Media media = sources.get(i - 1);
    long end = before.inMs() + before.sourceMs();
    long lead = 0;
    if (!before.isStill() && end > Math.round(media.info().durationSeconds() * 1000) - 100) {
      // whole output frames, at least 0.1 s of source, so the dropped part ends exactly at the end
      lead = (long) Math.ceil(0.1 * fps / before.speed());
      lead = Math.min(lead, (long) Math.floor(end * fps / 1000.0 / before.speed()));
    }
    long in = end - Math.round(lead * 1000 / fps * before.speed());
    return new Crossfade(before.withIn(Math.max(0, in)).withDuration(Math.round(n * 1000 / fps)), media, n, fps, lead);
  }

  /** The source already has this shape (within 1%). */
  private static boolean exactly(Aspect aspect, MediaInfo source) {
    Aspect.Frame f = aspect.frame(1080);
    double want = (double) f.width() / f.height();
    double have = (double) source.width() / source.height();
    return Math.abs(have / want - 1) < 0.01;
  }

  boolean hasMusic() {
    return music != null && draft.music() != null && draft.music().volume() > 0
        && draft.music().startMs() / 1000.0 < seconds;
  }

  /**
   * The channel layout to mix and normalise in: mono when every source of sound is mono, which
   * halves the mixing and measuring; the output is always stereo (mono spread at −3 dB a side, so the
   * measured loudness holds).
   */
  String mixLayout() {
    boolean stereo = hasMusic() && music.info().audioChannels() != 1;
    for (Segment s : segments) stereo |= s.hasSound() && s.media().info().audioChannels() != 1;
    return stereo ? "stereo" : "mono";
  }

  Music musicSegment() {
    return draft.music();
  }

  /**
   * The smoothest rate among the clips (capped at 60 later): 60 fps footage keeps its motion
   * even after a 30 fps clip; stills alone play at 30.
   */
  private static double sourceFps(List<Media> sources) {
    return sources.stream().filter(m -> m.info().kind() == MediaKind.VIDEO && m.info().fps() > 0)
        .mapToDouble(m -> m.info().fps()).max().orElse(30);
  }

  /** NTSC rates as exact fractions, so long renders do not drift. */
  static String rate(double fps) {
    for (int base : new int[] {24, 30, 60}) {
      if (Math.abs(fps - base * 1000 / 1001.0) < 0.01) return (base * 1000) + "/1001";
    }
    if (Math.abs(fps - Math.rint(fps)) < 0.01) return String.valueOf((long) Math.rint(fps));
    return String.format(Locale.ROOT, "%.3f", fps);
  }

  static double value(String rate) {
    int slash = rate.indexOf('/');
    return slash < 0 ? Double.parseDouble(rate)
        : Double.parseDouble(rate.substring(0, slash)) / Double.parseDouble(rate.substring(slash + 1));
  }
}
