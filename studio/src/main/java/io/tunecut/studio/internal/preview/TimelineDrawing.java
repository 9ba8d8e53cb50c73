package io.tunecut.studio.internal.preview;

import io.tunecut.studio.internal.analysis.Beats;
import io.tunecut.studio.internal.draft.Aspect;
import io.tunecut.studio.internal.draft.Caption;
import io.tunecut.studio.internal.draft.Clip;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.draft.Fill;
import io.tunecut.studio.internal.draft.Music;
import io.tunecut.studio.internal.media.Media;
import io.tunecut.studio.internal.media.MediaKind;
import io.tunecut.studio.internal.render.caption.Lettering;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.TextLayout;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Lays out one timeline picture with Java2D: the length and frame shape on top, a time ruler,
 * titles and captions as labelled bars, the clips as thumbnails at their lengths with the cuts
 * marked, the beat grid, and the music's waveform as it will sound (volume, fades, ducking)
 * over the file's own, with fades and ducked stretches shaded. One instance per picture.
 */
final class TimelineDrawing {
  static final int WIDTH = 1280;
  private static final int PAD = 28;
  private static final int HEADER = 96;
  private static final int RULER = 34;
  private static final int TEXT_LANE = 46;
  private static final int MOST_TEXT_LANES = 3;
  private static final int VIDEO = Strips.CELL_HEIGHT;
  private static final int BEATS = 26;
  private static final int MUSIC = 168;
  private static final int GAP = 10;

  static final Color BACKGROUND = new Color(0x16181d);
  private static final Color LANE = new Color(0x23262e);
  private static final Color INK = new Color(0xf2f2f2);
  private static final Color DIM = new Color(0x9aa0aa);
  private static final Color CUT = new Color(0xffc531);
  static final Color WAVE = new Color(0x3ecfb4);
  private static final Color FILE_WAVE = new Color(0x3a4150);
  static final Color FADE = new Color(255, 160, 60, 70);
  static final Color DUCK = new Color(120, 110, 255, 80);
  private static final Color ENVELOPE = new Color(0xffd166);
  private static final Color BEAT = new Color(0x6b7280);
  private static final Color SPEED = new Color(0x8be9fd);

  private final Draft draft;
  private final Map<String, Media> media;
  private final Sketches sketches;
  private final Optional<Beats> beats;
  private final Map<String, List<Double>> shots; // each file's own cuts, seconds into it
  private final Set<TimelinePictures.Mark> pending; // still being found: said, not drawn as none
  private final Set<String> unsketched;
  private final Lettering lettering;
  private final PictureWords words;
  private final double totalMs;
  private final int left = PAD;
  private final int right = WIDTH - PAD;
  private Graphics2D g;

  /** Where each part went, for tests and readers of the picture. */
  record Layout(int width, int height, int videoTop, int videoBottom, int musicTop, int musicBottom, int textTop,
      Rectangle frame) {}

  TimelineDrawing(Draft draft, Map<String, Media> media, Sketches sketches, Optional<Beats> beats,
      Map<String, List<Double>> shots, Lettering lettering) {
    this(draft, media, sketches, beats, shots, Set.of(), Set.of(), lettering, PictureWords.ENGLISH);
  }

  /** @param unsketched media drawn without their thumbnails or waveform, which are still being made */
  TimelineDrawing(Draft draft, Map<String, Media> media, Sketches sketches, Optional<Beats> beats,
      Map<String, List<Double>> shots, Set<TimelinePictures.Mark> pending, Set<String> unsketched, Lettering lettering,
      PictureWords words) {
    this.draft = draft;
    this.unsketched = Set.copyOf(unsketched);
    this.pending = pending.isEmpty() ? Set.of() : Set.copyOf(pending);
    this.media = media;
    this.sketches = sketches;
    this.beats = beats;
    this.shots = shots;
    this.lettering = lettering;
    this.words = words;
    long video = draft.durationMs();
    long others = Math.max(draft.music() == null ? 0 : draft.music().endMs(),
        draft.captions().stream().mapToLong(c -> c.startMs() + c.durationMs()).max().orElse(0));
    this.totalMs = Math.max(1000, video > 0 ? video : others);
  }

  private Optional<Strip> strip(Media m) {
    return unsketched.contains(m.id()) ? Optional.empty() : sketches.strip(m).map(s -> s.in(draft.output().look()));
  }

  private Optional<Waveform> waveform(Media m) {
    return unsketched.contains(m.id()) ? Optional.empty() : sketches.waveform(m);
  }

  /** What this picture says it is still finding. */
  Set<TimelinePictures.Mark> pending() {
    return pending;
  }

  /** What this picture shows of what takes time: a beat grid, cuts inside a clip, thumbnails, the waveform. */
  Set<TimelinePictures.Mark> marks() {
    Set<TimelinePictures.Mark> marks = EnumSet.noneOf(TimelinePictures.Mark.class);
    if (draft.music() != null && beats.isPresent() && !beats.get().beats().isEmpty()) marks.add(TimelinePictures.Mark.BEATS);
    for (Clip clip : draft.clips()) {
      for (double t : shots.getOrDefault(clip.src(), List.of())) {
        double into = t * 1000 - clip.inMs();
        if (into > 0 && into < clip.durationMs()) marks.add(TimelinePictures.Mark.CUTS);
      }
      Media m = media.get(clip.src());
      if (m != null && !unsketched.contains(m.id()) && m.info().kind() != MediaKind.AUDIO) {
        marks.add(TimelinePictures.Mark.THUMBNAILS);
      }
    }
    Media track = draft.music() == null ? null : media.get(draft.music().src());
    if (track != null && !unsketched.contains(track.id())) marks.add(TimelinePictures.Mark.WAVEFORM);
    return marks;
  }

  /** Where each part of a picture of this draft goes. */
  Layout layout() {
    int lanes = textLanes().stream().mapToInt(l -> l).max().orElse(-1) + 1;
    int textTop = PAD / 2 + HEADER + RULER;
    int videoTop = textTop + Math.min(lanes, MOST_TEXT_LANES) * TEXT_LANE + (lanes > 0 ? GAP : 0);
    int videoBottom = videoTop + VIDEO;
    int musicTop = videoBottom + GAP + BEATS;
    int musicBottom = musicTop + MUSIC;
    return new Layout(WIDTH, musicBottom + PAD, videoTop, videoBottom, musicTop, musicBottom, textTop, frameBox());
  }

  BufferedImage draw() {
    Layout at = layout();
    BufferedImage image = new BufferedImage(at.width(), at.height(), BufferedImage.TYPE_INT_RGB);
    g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setColor(BACKGROUND);
      g.fillRect(0, 0, at.width(), at.height());
      header(PAD / 2, at.frame());
      ruler(PAD / 2 + HEADER, at.textTop());
      texts(at.textTop());
      clips(at.videoTop(), at.videoBottom());
      beatGrid(at.videoBottom() + GAP, at.musicTop(), at.musicBottom());
      finding(at.videoBottom() + GAP, at.musicTop()); // over the beats found so far, to be read
      music(at.musicTop(), at.musicBottom());
      cuts(at.videoTop(), at.videoBottom());
    } finally {
      g.dispose();
    }
    return image;
  }

  private int x(double ms) {
    return (int) Math.round(left + (right - left) * Math.max(0, Math.min(1, ms / totalMs)));
  }

  // --- header: length, clips, frame shape

  private void header(int top, Rectangle box) {
    Aspect aspect = aspect();
    String shape = switch (aspect) {
      case LANDSCAPE -> "16:9";
      case PORTRAIT -> "9:16";
      case SQUARE -> "1:1";
    };
    int clips = draft.clips().size();
    String what = words.clips(clips);
    int baseline = top + HEADER / 2 + 12;
    float end = text(clock(draft.durationMs() > 0 ? draft.durationMs() : (long) totalMs), 36, left, baseline, 400, INK);
    long crossfade = 0;
    for (int i = 1; i < clips; i++) crossfade = Math.max(crossfade, draft.transitionMs(i));
    String fades = crossfade > 0 ? " · " + words.crossfades(seconds(crossfade)) : "";
    float room = box.x - 12 - width(shape, 28) - 18 - (end + 18);
    text(what + " · " + draft.output().shortSide() + "p" + fades, 26, end + 18, baseline, room, DIM);
    // The frame's shape, drawn as itself with the first clip in it as the render fits it, and its name.
    frame(box.x, box.y, box.width, box.height);
    text(shape, 28, box.x - 12 - width(shape, 28), baseline, 200, INK);
  }

  /** The frame's shape at the header's right end, as tall as the header allows. */
  private Rectangle frameBox() {
    Aspect aspect = aspect();
    int h = HEADER - 12;
    int w = (int) Math.round(h * (double) aspect.frame(1080).width() / aspect.frame(1080).height());
    return new Rectangle(right - w, PAD / 2 + 6, w, h);
  }

  /**
   * The first clip in the frame, as the render fits a clip of its shape: cut to cover when the
   * shapes match (or when asked), else whole, over black bars or a dimmed, blurred copy of itself.
   */
  private void frame(int x, int y, int w, int h) {
    Shape before = g.getClip();
    g.clipRect(x, y, w, h);
    g.setColor(LANE);
    g.fillRect(x, y, w, h);
    Optional<BufferedImage> first = firstPicture();
    if (first.isPresent()) {
      BufferedImage picture = first.get();
      Fill fill = Fill.of((double) picture.getWidth() / picture.getHeight(), (double) w / h, draft.output().fill());
      if (fill == Fill.BARS) {
        g.setColor(Color.BLACK);
        g.fillRect(x, y, w, h);
      } else if (fill == Fill.BLUR) {
        centred(blurred(picture), cover(picture, w, h), x, y, w, h);
      }
      centred(picture, fill == Fill.CROP ? cover(picture, w, h) : contain(picture, w, h), x, y, w, h);
    }
    g.setClip(before);
    g.setColor(INK);
    g.setStroke(new BasicStroke(3));
    g.drawRoundRect(x, y, w, h, 6, 6);
  }

  /** The first clip's picture where it starts, if its thumbnails are made. */
  private Optional<BufferedImage> firstPicture() {
    if (draft.clips().isEmpty()) return Optional.empty();
    Clip clip = draft.clips().get(0);
    Media m = media.get(clip.src());
    return m == null ? Optional.empty() : strip(m).map(s -> s.at(clip.inMs() / 1000.0));
  }

  /** Blurred as the render's background is (made small, then drawn large) and dimmed to 55 %. */
  private static BufferedImage blurred(BufferedImage picture) {
    int w = Math.max(1, picture.getWidth() / 12);
    int h = Math.max(1, picture.getHeight() / 12);
    BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D s = small.createGraphics();
    s.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    s.drawImage(picture, 0, 0, w, h, null);
    s.setColor(new Color(0, 0, 0, 115));
    s.fillRect(0, 0, w, h);
    s.dispose();
    return small;
  }

  private void centred(BufferedImage picture, int[] size, int x, int y, int w, int h) {
    g.drawImage(picture, x + (w - size[0]) / 2, y + (h - size[1]) / 2, size[0], size[1], null);
  }

  private static int[] cover(BufferedImage p, int w, int h) {
    double scale = Math.max((double) w / p.getWidth(), (double) h / p.getHeight());
    return new int[] {(int) Math.ceil(p.getWidth() * scale), (int) Math.ceil(p.getHeight() * scale)};
  }

  private static int[] contain(BufferedImage p, int w, int h) {
    double scale = Math.min((double) w / p.getWidth(), (double) h / p.getHeight());
    return new int[] {(int) Math.round(p.getWidth() * scale), (int) Math.round(p.getHeight() * scale)};
  }

  private Aspect aspect() {
    if (draft.output().aspect() != null) return draft.output().aspect();
    for (Clip c : draft.clips()) {
      Media m = media.get(c.src());
      if (m != null && m.info().width() > 0) return Aspect.nearest(m.info().width(), m.info().height());
    }
    return Aspect.LANDSCAPE;
  }

  // --- ruler

  private void ruler(int top, int bottom) {
    double seconds = totalMs / 1000.0;
    int step = 1;
    for (int s : new int[] {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1800}) {
      step = s;
      if ((right - left) / (seconds / s) >= 110) break;
    }
    g.setStroke(new BasicStroke(2));
    for (int s = 0; s <= seconds + 1e-6; s += step) {
      int x = x(s * 1000.0);
      g.setColor(DIM);
      g.drawLine(x, bottom - 10, x, bottom - 2);
      String label = clock(s * 1000L);
      float w = width(label, 20);
      float at = Math.max(left, Math.min(right - w, x - w / 2));
      text(label, 20, at, bottom - 14, 200, DIM);
    }
  }

  // --- titles and captions

  /** Each caption's lane: the first lane it overlaps nothing in. */
  private List<Integer> textLanes() {
    List<Long> laneEnds = new ArrayList<>();
    List<Integer> lanes = new ArrayList<>();
    for (Caption c : draft.captions()) {
      int lane = 0;
      while (lane < laneEnds.size() && laneEnds.get(lane) > c.startMs()) lane++;
      lane = Math.min(lane, MOST_TEXT_LANES - 1);
      if (lane == laneEnds.size()) laneEnds.add(0L);
      laneEnds.set(lane, Math.max(laneEnds.get(lane), c.startMs() + c.durationMs()));
      lanes.add(lane);
    }
    return lanes;
  }

  private void texts(int top) {
    List<Integer> lanes = textLanes();
    for (int i = 0; i < draft.captions().size(); i++) {
      Caption c = draft.captions().get(i);
      int x0 = x(c.startMs());
      int x1 = Math.max(x0 + 6, x(c.startMs() + c.durationMs()));
      int y = top + lanes.get(i) * TEXT_LANE;
      Color fill = Color.decode(c.color());
      boolean light = (0.299 * fill.getRed() + 0.587 * fill.getGreen() + 0.114 * fill.getBlue()) > 150;
      g.setColor(new Color(fill.getRed(), fill.getGreen(), fill.getBlue(), 225));
      g.fill(new RoundRectangle2D.Float(x0, y, x1 - x0, TEXT_LANE - 8, 10, 10));
      String label = (i == 0 ? "T " : "") + c.text();
      if (width(label, 24) + 16 <= x1 - x0) {
        text(label, 24, x0 + 8, y + 28, x1 - x0 - 12, light ? new Color(0x111111) : Color.WHITE);
      } else {
        // A short text's bar is too narrow for its words: they go after it, up to the next bar.
        int next = right;
        for (int j = i + 1; j < draft.captions().size(); j++) {
          if (lanes.get(j).equals(lanes.get(i))) {
            next = Math.min(next, x(draft.captions().get(j).startMs()));
          }
        }
        text(label, 24, x1 + 8, y + 28, next - x1 - 16, INK);
      }
    }
  }

  // --- clips

  private void clips(int top, int bottom) {
    g.setColor(LANE);
    g.fillRect(left, top, right - left, bottom - top);
    long start = 0;
    for (int i = 0; i < draft.clips().size(); i++) {
      Clip clip = draft.clips().get(i);
      int x0 = x(start);
      int x1 = x(start + clip.durationMs());
      Shape before = g.getClip();
      g.clipRect(x0, top, Math.max(1, x1 - x0), bottom - top);
      pictures(g, clip, 0, x0, x1, top, bottom);
      long fade = draft.transitionMs(i);
      if (fade > 0) crossfade(draft.clips().get(i - 1), fade, x0, x(start + fade), top, bottom);
      // The clip's number and name, on a band that reads over any picture; its speed on a badge.
      g.setColor(new Color(0, 0, 0, 150));
      g.fillRect(x0, bottom - 30, x1 - x0, 30);
      String speed = clip.speed() == 1 ? "" : times(clip.speed());
      float badge = speed.isEmpty() ? 0 : width(speed, 22) + 14;
      boolean onBadge = badge > 0 && badge + 12 <= x1 - x0;
      if (onBadge) {
        int bx = x0 + (fade > 0 ? Math.min(x(start + fade) - x0, (int) (x1 - x0 - badge - 6)) : 0) + 6;
        g.setColor(SPEED);
        g.fill(new RoundRectangle2D.Float(bx, top + 6, badge, 30, 10, 10));
        text(speed, 22, bx + 7, top + 29, badge, new Color(0x111111));
      }
      String name = (i + 1) + "  " + (onBadge || speed.isEmpty() ? "" : speed + "  ") + clip.name() + (clip.level() <= 0 ? "  🔇" : "");
      text(name, 20, x0 + 8, bottom - 8, x1 - x0 - 12, INK);
      g.setClip(before);
      start += clip.durationMs();
    }
  }

  /**
   * The clip's thumbnails over {@code [x0, x1)}, {@code fromMs} of its screen time on; a plain
   * bar without them. The source runs at the clip's speed.
   */
  private static void pictures(Graphics2D g, Clip clip, long fromMs, int x0, int x1, int top, int bottom,
      Optional<Strip> strip, long spanMs) {
    if (strip.isPresent()) {
      int cell = strip.get().cellWidth() * (bottom - top) / Strips.CELL_HEIGHT;
      for (int x = x0; x < x1; x += cell) {
        double share = (x + cell / 2.0 - x0) / Math.max(1.0, x1 - x0);
        double at = (clip.inMs() + (fromMs + share * spanMs) * clip.speed()) / 1000.0;
        g.drawImage(strip.get().at(at), x, top, cell, bottom - top, null);
      }
    } else {
      g.setColor(new Color(0x394052));
      g.fillRect(x0, top, x1 - x0, bottom - top);
    }
  }

  private void pictures(Graphics2D on, Clip clip, long fromMs, int x0, int x1, int top, int bottom) {
    Media m = media.get(clip.src());
    pictures(on, clip, fromMs, x0, x1, top, bottom, m == null ? Optional.empty() : strip(m), clip.durationMs());
  }

  /**
   * The clip before playing on over the first {@code fadeMs} of this one and fading out: its
   * pictures from where it ended, faded left to right into this clip's, under a bracket.
   */
  private void crossfade(Clip previous, long fadeMs, int x0, int x1, int top, int bottom) {
    int w = Math.max(2, x1 - x0);
    BufferedImage tail = new BufferedImage(w, bottom - top, BufferedImage.TYPE_INT_ARGB);
    Graphics2D t = tail.createGraphics();
    t.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    Media m = media.get(previous.src());
    pictures(t, previous, previous.durationMs(), 0, w, 0, bottom - top,
        m == null ? Optional.empty() : strip(m), fadeMs);
    t.setComposite(AlphaComposite.DstIn);
    t.setPaint(new GradientPaint(0, 0, new Color(0, 0, 0, 255), w, 0, new Color(0, 0, 0, 0)));
    t.fillRect(0, 0, w, bottom - top);
    t.dispose();
    g.drawImage(tail, x0, top, null);
    // A bracket over the overlap with a falling and a rising line: the fade out and the fade in.
    g.setColor(CUT);
    g.setStroke(new BasicStroke(2.5f));
    g.drawLine(x0, top + 2, x0 + w, top + 2);
    g.drawLine(x0, top + 4, x0 + w, top + 20);
    g.drawLine(x0, top + 20, x0 + w, top + 4);
  }

  /** 2×, 0.5×, 1.25×: as few digits as the speed needs. */
  static String times(double speed) {
    return String.format(Locale.ROOT, "%.2f", speed).replaceAll("\\.?0+$", "") + "×";
  }

  /**
   * A bright line at every cut, with a marker above the clips; a thinner one where a clip cuts
   * to another shot of its own, since music synced to the cuts hits there too.
   */
  private void cuts(int top, int bottom) {
    long start = 0;
    g.setColor(CUT);
    for (int i = 0; i < draft.clips().size(); i++) {
      Clip clip = draft.clips().get(i);
      g.setStroke(new BasicStroke(2));
      for (double t : shots.getOrDefault(clip.src(), List.of())) {
        double into = t * 1000 - clip.inMs();
        if (into <= 0 || into >= clip.durationMs()) continue;
        int x = x(start + into);
        g.drawLine(x, top, x, bottom);
        g.fill(new Polygon(new int[] {x - 6, x + 6, x}, new int[] {top - 12, top - 12, top - 3}, 3));
      }
      start += clip.durationMs();
      if (i + 1 == draft.clips().size()) break;
      int x = x(start);
      g.setStroke(new BasicStroke(4));
      g.drawLine(x, top - 4, x, bottom + 4);
      g.fill(new Polygon(new int[] {x - 9, x + 9, x}, new int[] {top - 16, top - 16, top - 3}, 3));
    }
  }

  // --- beats

  private void beatGrid(int top, int musicTop, int musicBottom) {
    Music m = draft.music();
    if (m == null || beats.isEmpty() || beats.get().beats().isEmpty()) return;
    List<Double> all = place(beats.get().beats(), m);
    List<Double> downbeats = place(beats.get().downbeats(), m);
    double pixelsPerBeat = all.size() < 2 ? 100 : (right - left) * (all.get(1) - all.get(0)) / totalMs;
    g.setStroke(new BasicStroke(2));
    if (pixelsPerBeat >= 4) {
      g.setColor(BEAT);
      for (double t : all) {
        int x = x(t);
        g.drawLine(x, top + 12, x, musicTop - 4);
      }
    }
    g.setStroke(new BasicStroke(3));
    for (double t : downbeats) {
      int x = x(t);
      g.setColor(CUT);
      g.drawLine(x, top + 2, x, musicTop - 4);
      g.setColor(new Color(255, 197, 49, 45));
      g.drawLine(x, musicTop, x, musicBottom);
    }
  }

  /**
   * What the analysis is still finding, in the beat row: a first picture without beats or cuts
   * must not read as a timeline that has none.
   */
  private void finding(int top, int bottom) {
    List<PictureWords.Finding> what = new ArrayList<>();
    if (pending.contains(TimelinePictures.Mark.BEATS) && draft.music() != null) what.add(PictureWords.Finding.BEATS);
    if (pending.contains(TimelinePictures.Mark.CUTS) && !draft.clips().isEmpty()) what.add(PictureWords.Finding.CUTS);
    if (pending.contains(TimelinePictures.Mark.THUMBNAILS)) what.add(PictureWords.Finding.THUMBNAILS);
    if (pending.contains(TimelinePictures.Mark.WAVEFORM) && draft.music() != null) what.add(PictureWords.Finding.WAVEFORM);
    if (what.isEmpty()) return;
    String note = words.finding(what);
    float w = width(note, 18);
    g.setColor(LANE);
    g.fillRoundRect(left, top, (int) w + 16, bottom - top - 2, 8, 8);
    text(note, 18, left + 8, bottom - 8, w + 2, INK);
  }

  /** Beat times in the track, as times on the timeline where the music plays them (each loop again). */
  private List<Double> place(List<Double> trackSeconds, Music m) {
    List<Double> out = new ArrayList<>();
    Media track = media.get(m.src());
    double length = track == null ? 0 : track.info().durationSeconds();
    double in = m.inMs() / 1000.0;
    double to = Math.min(m.endMs(), totalMs);
    double zero = m.startMs() - in * 1000; // where the track's own second 0 falls, this pass
    for (int pass = 0; pass < 10_000; pass++) {
      for (double b : trackSeconds) {
        if (pass == 0 && b < in) continue;
        double t = zero + b * 1000;
        if (t > to) return out;
        out.add(t);
      }
      if (!m.loop() || length <= 0) return out;
      zero += length * 1000;
      if (zero > to) return out;
    }
    return out;
  }

  // --- music

  private void music(int top, int bottom) {
    g.setColor(LANE);
    g.fillRect(left, top, right - left, bottom - top);
    Music m = draft.music();
    if (m == null) {
      text(words.noMusic(), 24, left + 12, top + 34, 400, DIM);
      return;
    }
    Media track = media.get(m.src());
    Optional<Waveform> wave = track == null ? Optional.empty() : waveform(track);
    int x0 = x(m.startMs());
    int x1 = x(Math.min(m.endMs(), totalMs));
    int mid = (top + bottom) / 2 + 8;
    int half = (bottom - top) / 2 - 16;
    double msPerPixel = totalMs / (right - left);
    double length = track == null ? 0 : track.info().durationSeconds();
    // Shading first, under the waveform: fades and ducked stretches.
    if (m.fadeInMs() > 0) shade(x0, x(m.startMs() + m.fadeInMs()), top, bottom, FADE);
    if (m.fadeOutMs() > 0) shade(x(m.endMs() - m.fadeOutMs()), x1, top, bottom, FADE);
    if (m.duck() != null) {
      for (Music.Range r : m.duck().speech()) {
        int a = Math.max(x0, x(r.startMs()));
        int b = Math.min(x1, x(r.endMs()));
        if (b > a) shade(a, b, top, bottom, DUCK);
      }
    }
    int[] envelope = new int[Math.max(0, x1 - x0)];
    for (int x = x0; x < x1; x++) {
      double t = (x - left) * msPerPixel;
      double gain = gain(m, t);
      envelope[x - x0] = (int) Math.round(bottom - 6 - Math.min(1, gain) * (bottom - top - 12));
      if (wave.isEmpty()) continue;
      double source = m.inMs() / 1000.0 + (t - m.startMs()) / 1000.0;
      if (m.loop() && length > 0) source %= length;
      else if (length > 0 && source > length) continue;
      double peak = wave.get().peak(source, source + msPerPixel / 1000.0);
      int raw = (int) Math.round(peak * half);
      int heard = (int) Math.round(peak * Math.min(1, gain) * half);
      g.setColor(FILE_WAVE);
      g.drawLine(x, mid - raw, x, mid + raw);
      g.setColor(WAVE);
      g.drawLine(x, mid - heard, x, mid + heard);
    }
    // The volume as a line over it all: fades are slopes, ducking dips.
    g.setColor(ENVELOPE);
    g.setStroke(new BasicStroke(2.5f));
    for (int i = 1; i < envelope.length; i++) g.drawLine(x0 + i - 1, envelope[i - 1], x0 + i, envelope[i]);
    // Labels.
    List<String> facts = new ArrayList<>();
    facts.add(Math.round(m.volume() * 100) + "%");
    if (beats.isPresent() && beats.get().tempo() > 0) facts.add(Math.round(beats.get().tempo()) + " BPM");
    if (m.duck() != null && !m.duck().speech().isEmpty()) {
      facts.add(words.ducked((m.duck().db() < 0 ? "−" : "") + Math.round(Math.abs(m.duck().db()))));
    }
    g.setColor(new Color(0, 0, 0, 140));
    String label = "♪ " + m.name() + " · " + String.join(" · ", facts);
    float w = Math.min(right - x0 - 16, width(label, 22) + 16);
    g.fillRoundRect(x0 + 6, top + 6, (int) w, 32, 8, 8);
    text(label, 22, x0 + 14, top + 29, right - x0 - 30, INK);
    if (m.fadeInMs() > 0) fadeLabel(words.fadeIn(seconds(m.fadeInMs())), x0, x(m.startMs() + m.fadeInMs()), bottom);
    if (m.fadeOutMs() > 0) fadeLabel(words.fadeOut(seconds(m.fadeOutMs())), x(m.endMs() - m.fadeOutMs()), x1, bottom);
  }

  private void fadeLabel(String label, int a, int b, int bottom) {
    float w = width(label, 18);
    float at = Math.max(left + 4, Math.min(right - w - 4, (a + b) / 2f - w / 2));
    text(label, 18, at, bottom - 10, w + 2, new Color(0xffc08a));
  }

  private void shade(int a, int b, int top, int bottom, Color color) {
    g.setColor(color);
    g.fillRect(a, top, Math.max(1, b - a), bottom - top);
  }

  /** The music's gain at {@code t} ms: volume, fades and ducking, as the render applies them. */
  static double gain(Music m, double t) {
    if (t < m.startMs() || t > m.endMs()) return 0;
    double gain = m.volume();
    if (m.fadeInMs() > 0 && t < m.startMs() + m.fadeInMs()) gain *= (t - m.startMs()) / m.fadeInMs();
    if (m.fadeOutMs() > 0 && t > m.endMs() - m.fadeOutMs()) gain *= (m.endMs() - t) / m.fadeOutMs();
    if (m.duck() != null) {
      for (Music.Range r : m.duck().speech()) {
        if (t >= r.startMs() && t < r.endMs()) {
          gain *= Math.pow(10, m.duck().db() / 20);
          break;
        }
      }
    }
    return Math.max(0, gain);
  }

  // --- text

  /**
   * Draws one line at {@code size} px, shortened with "…" to {@code maxWidth}.
   *
   * @return where the text ends
   */
  private float text(String text, float size, float x, float baseline, float maxWidth, Color color) {
    if (maxWidth < size) return x;
    Optional<TextLayout> line = lettering.line(text, size, g.getFontRenderContext());
    String shown = text;
    while (line.isPresent() && line.get().getAdvance() > maxWidth && shown.length() > 1) {
      int keep = (int) Math.max(1, Math.min(shown.length() - 1, shown.length() * maxWidth / line.get().getAdvance()) - 1);
      shown = shown.substring(0, keep).stripTrailing();
      line = lettering.line(shown + "…", size, g.getFontRenderContext());
    }
    if (line.isEmpty()) return x;
    g.setColor(color);
    line.get().draw(g, x, baseline);
    return x + line.get().getAdvance();
  }

  private float width(String text, float size) {
    return lettering.line(text, size, g.getFontRenderContext()).map(TextLayout::getAdvance).orElse(0f);
  }

  static String clock(long ms) {
    long s = Math.round(ms / 1000.0);
    return s / 60 + ":" + String.format(Locale.ROOT, "%02d", s % 60);
  }

  private String seconds(long ms) {
    double s = ms / 1000.0;
    return words.seconds(Math.abs(s - Math.rint(s)) < 0.05 ? String.valueOf((long) Math.rint(s)) : String.format(Locale.ROOT, "%.1f", s));
  }
}
