package io.tunecut.studio.internal.preview;

import io.tunecut.studio.internal.analysis.Beats;
import io.tunecut.studio.internal.draft.Caption;
import io.tunecut.studio.internal.draft.Clip;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.draft.Music;
import io.tunecut.studio.internal.draft.Transition;
import io.tunecut.studio.internal.media.Media;
import io.tunecut.studio.internal.media.MediaInfo;
import io.tunecut.studio.internal.media.MediaKind;
import io.tunecut.studio.internal.render.caption.Lettering;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * A timeline picture drawn once at start and thrown away: every part of a real one (text in
 * Latin and Chinese, a crossfade, a speed badge, beats, cuts, the waveform, the note of what is
 * still being found), then thumbnails read as Sketches reads them and drawn as clips draw them.
 */
final class Rehearsal {
  private Rehearsal() {}

  static void draw(Lettering lettering) {
    MediaInfo video = new MediaInfo(MediaKind.VIDEO, 8, 1280, 720, 30, 0, 2, "h264", "aac", "mp4");
    MediaInfo sound = new MediaInfo(MediaKind.AUDIO, 20, 0, 0, 0, 0, 2, null, "mp3", "mp3");
    Media clip = new Media("warm-up-clip", "clip.mp4", video, Path.of("clip.mp4"));
    Media track = new Media("warm-up-track", "track.mp3", sound, Path.of("track.mp3"));
    Draft draft = Draft.empty()
        .withClips(List.of(new Clip("a", clip.id(), "clip.mp4", "video", 6000, 0, 1.0, null),
            new Clip("b", clip.id(), "clip.mp4", "video", 4000, 2000, 1.0, null).withSpeed(2)))
        .withTransition(Transition.crossfade(500))
        .withMusic(new Music("m", track.id(), "track.mp3", 0, 10_000, 0, 0.6, 1000, 2000, false, null, null)
            .ducked(-12, List.of(new Music.Range(4000, 6000))))
        .withCaptions(List.of(Caption.of("t", "Warm-up 预热 0:12", 0, 3000, "center"),
            Caption.of("c", "best day ever", 5000, 4000, "bottom")));
    List<Double> beats = new ArrayList<>();
    for (double t = 0; t < 10; t += 0.5) beats.add(t);
    TimelineDrawing drawing = new TimelineDrawing(draft, Map.of(clip.id(), clip, track.id(), track), null,
        Optional.of(new Beats(120, beats, List.of(0.0, 2.0, 4.0))), Map.of(clip.id(), List.of(3.0)),
        EnumSet.allOf(TimelinePictures.Mark.class), Set.of(clip.id(), track.id()), lettering, PictureWords.ENGLISH);
    BufferedImage picture = drawing.draw();
    TimelinePictures.png(picture);
    thumbnail();
    Set.of(clip, track); // a record's first hashCode is made on the spot; pictures key maps by media
  }

  /** A JPEG written and read back, then drawn smaller and smoothed, as a clip's thumbnails are. */
  private static void thumbnail() {
    try {
      BufferedImage cells = new BufferedImage(2 * 192, Strips.CELL_HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
      ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
      ImageIO.write(cells, "jpeg", jpeg);
      BufferedImage read = ImageIO.read(new ByteArrayInputStream(jpeg.toByteArray()));
      BufferedImage target = new BufferedImage(400, Strips.CELL_HEIGHT, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = target.createGraphics();
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      Strip strip = new Strip(read, 2, 8);
      g.drawImage(strip.at(1), 0, 0, strip.cellWidth(), Strips.CELL_HEIGHT, null);
      g.drawImage(strip.at(6), 200, 0, 96, 54, null);
      g.dispose();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
