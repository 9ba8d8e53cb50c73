package io.tunecut.studio.internal.preview;

import io.tunecut.studio.internal.analysis.Beats;
import io.tunecut.studio.internal.analysis.Cuts;
import io.tunecut.studio.internal.draft.Clip;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.media.Media;
import io.tunecut.studio.internal.media.MediaKind;
import io.tunecut.studio.internal.render.caption.Lettering;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The timeline as a picture (PNG, {@value TimelineDrawing#WIDTH} px wide): what people look at
 * to decide what to change. Drawn from the sketches made at upload and the cached beats, so
 * it costs no video decoding. Thread-safe.
 */
public final class TimelinePictures {
  private static final Logger log = LoggerFactory.getLogger(TimelinePictures.class);

  private final Sketches sketches;
  private final Function<Path, Beats> beats;
  private final Function<Path, Cuts> cuts;
  private final Lettering lettering;

  /** @param beats a track's beats, {@code cuts} a clip's own cuts (both from the analysis cache) */
  public TimelinePictures(Sketches sketches, Function<Path, Beats> beats, Function<Path, Cuts> cuts) {
    this.sketches = sketches;
    this.beats = beats;
    this.cuts = cuts;
    this.lettering = Lettering.systemFonts();
  }

  /** Sketches a file just kept, in the background: thumbnails, waveform, and a track's beats. */
  public void prepare(Media media) {
    sketches.prepare(media, media.info().kind() == MediaKind.AUDIO ? () -> beats.apply(media.file()) : () -> {});
  }

  /** The picture of {@code draft}, whose files are among {@code media}. */
  public BufferedImage draw(Draft draft, Collection<Media> media) {
    return drawing(draft, media).draw();
  }

  /** The same, as PNG bytes. */
  public byte[] png(Draft draft, Collection<Media> media) {
    BufferedImage image = draw(draft, media);
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException("a picture in memory could not be written", e);
    }
    return out.toByteArray();
  }

  TimelineDrawing drawing(Draft draft, Collection<Media> media) {
    Map<String, Media> byId = new LinkedHashMap<>();
    for (Media m : media) byId.put(m.id(), m);
    Optional<Beats> grid = Optional.empty();
    Media track = draft.music() == null ? null : byId.get(draft.music().src());
    if (track != null) {
      try {
        grid = Optional.ofNullable(beats.apply(track.file()));
      } catch (RuntimeException e) {
        log.info("no beat grid for {}: {}", track.filename(), e.getMessage());
      }
    }
    Map<String, List<Double>> shots = new HashMap<>();
    for (Clip clip : draft.clips()) {
      Media m = byId.get(clip.src());
      if (m == null || shots.containsKey(m.id())) continue;
      try {
        shots.put(m.id(), cuts.apply(m.file()).cuts());
      } catch (RuntimeException e) {
        log.info("no cuts drawn inside {}: {}", m.filename(), e.getMessage());
      }
    }
    return new TimelineDrawing(draft, byId, sketches, grid, shots, lettering);
  }
}
