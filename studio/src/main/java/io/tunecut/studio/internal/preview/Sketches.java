package io.tunecut.studio.internal.preview;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tunecut.studio.ffmpeg.Ffmpeg;
import io.tunecut.studio.internal.media.Media;
import io.tunecut.studio.internal.media.MediaKind;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each file's thumbnails and waveform, made once (right after upload, in the background) and
 * kept on disk by media id and in memory, so drawing a timeline decodes no video. A file that
 * cannot be sketched is drawn without its pictures. Thread-safe; one making per file at a time.
 */
public final class Sketches implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Sketches.class);

  private final Path directory;
  private final Strips strips;
  private final Waveforms waveforms;
  private final Cache<String, Optional<Strip>> stripCache = Caffeine.newBuilder().maximumSize(256).build();
  private final Cache<String, Optional<Waveform>> waveCache = Caffeine.newBuilder().maximumSize(256).build();
  private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "sketches");
    t.setDaemon(true);
    return t;
  });

  public Sketches(Path directory, Ffmpeg ffmpeg) {
    this.directory = directory;
    this.strips = new Strips(ffmpeg);
    this.waveforms = new Waveforms(ffmpeg);
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the picture cache " + directory, e);
    }
  }

  /** Starts making {@code media}'s sketches in the background, then {@code also}; returns at once. */
  void prepare(Media media, Runnable also) {
    background.execute(() -> {
      strip(media);
      waveform(media);
      try {
        also.run();
      } catch (RuntimeException e) {
        log.info("could not prepare {} for pictures: {}", media.filename(), e.getMessage());
      }
    });
  }

  /** The thumbnails of a clip or picture; made now when not yet made. Empty for sound or when ffmpeg fails. */
  Optional<Strip> strip(Media media) {
    if (media.info().kind() == MediaKind.AUDIO) return Optional.empty();
    return stripCache.get(media.id(), id -> {
      Path jpeg = directory.resolve(safe(id) + ".thumbs.v1.jpg");
      try {
        if (!Files.isRegularFile(jpeg)) {
          Path temp = directory.resolve(safe(id) + ".thumbs.tmp.jpg");
          strips.make(media, temp);
          Files.move(temp, jpeg, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        BufferedImage image = ImageIO.read(jpeg.toFile());
        int count = Strips.count(media);
        if (image == null || image.getWidth() < count) return Optional.empty();
        return Optional.of(new Strip(image, count, media.info().durationSeconds()));
      } catch (IOException e) {
        log.info("no thumbnails for {}: {}", media.filename(), e.getMessage());
        return Optional.empty();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    });
  }

  /** The waveform of a file's sound; made now when not yet made. Empty without sound or when ffmpeg fails. */
  Optional<Waveform> waveform(Media media) {
    if (!media.info().hasAudio() && media.info().kind() != MediaKind.AUDIO) return Optional.empty();
    return waveCache.get(media.id(), id -> {
      Path stored = directory.resolve(safe(id) + ".wave.v1");
      try {
        if (!Files.isRegularFile(stored)) {
          return Optional.of(keep(id, waveforms.make(media, directory.resolve(safe(id) + ".pcm.tmp"))));
        }
        return Optional.of(new Waveform(Files.readAllBytes(stored)));
      } catch (IOException e) {
        log.info("no waveform for {}: {}", media.filename(), e.getMessage());
        return Optional.empty();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    });
  }

  /**
   * The waveform of a sound made here (composed music), from its samples, kept as if its file
   * had been decoded: the same peaks, without decoding it again. Call before the file is
   * {@linkplain #prepare prepared}. A waveform that cannot be made so is made from the file then.
   *
   * @param mono the sound's samples, -1..1, both channels' mean
   */
  public void heard(String mediaId, float[] mono, int sampleRate) {
    try {
      Waveform made = Waveforms.of(mono, sampleRate);
      waveCache.put(mediaId, Optional.of(keep(mediaId, made)));
    } catch (IOException | IllegalArgumentException e) {
      log.info("the waveform of {} will be read from its file: {}", mediaId, e.getMessage());
    }
  }

  /** Stores a waveform made now under its media id, whole or not at all; returns it. */
  private Waveform keep(String id, Waveform made) throws IOException {
    Path temp = directory.resolve(safe(id) + ".wave.tmp");
    Files.write(temp, made.peaks());
    Files.move(temp, directory.resolve(safe(id) + ".wave.v1"), StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
    return made;
  }

  /** Whether {@code media}'s thumbnails are made (or could not be): then {@link #strip} does not wait. */
  boolean stripMade(Media media) {
    return media.info().kind() == MediaKind.AUDIO || stripCache.getIfPresent(media.id()) != null
        || Files.isRegularFile(directory.resolve(safe(media.id()) + ".thumbs.v1.jpg"));
  }

  /** Whether {@code media}'s waveform is made (or could not be): then {@link #waveform} does not wait. */
  boolean waveformMade(Media media) {
    return (!media.info().hasAudio() && media.info().kind() != MediaKind.AUDIO) || waveCache.getIfPresent(media.id()) != null
        || Files.isRegularFile(directory.resolve(safe(media.id()) + ".wave.v1"));
  }

  /** Media ids are ours, but a file name is no place to trust them. */
  private static String safe(String id) {
    return id.replaceAll("[^A-Za-z0-9_-]", "_");
  }

  @Override
  public void close() {
    background.shutdownNow();
  }
}
