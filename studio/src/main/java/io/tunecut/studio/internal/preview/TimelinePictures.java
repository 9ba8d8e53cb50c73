package io.tunecut.studio.internal.preview;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The timeline as a picture (PNG, {@value TimelineDrawing#WIDTH} px wide): what people look at
 * to decide what to change. Drawn from the sketches made at upload and the cached beats, so
 * it costs no video decoding. Drawn at once, it shows what the analysis has found so far and
 * says what it is still finding; drawn in full, it waits for the beats and cuts. Thread-safe.
 */
public final class TimelinePictures {
  private static final Logger log = LoggerFactory.getLogger(TimelinePictures.class);
  /** What a picture drawn at once gives an analysis that is already known but still on its way out of the cache. */
  private static final long GRACE_MS = 40;

  /** What a picture shows that takes time to work out: beats under the music, cuts inside the clips, the clips' thumbnails, the music's waveform. */
  public enum Mark { BEATS, CUTS, THUMBNAILS, WAVEFORM }

  /**
   * A picture: {@code pending}, what it says it is still finding (only when drawn at once);
   * {@code marks}, the analyses it shows (what a full picture adds to a first one).
   */
  public record Picture(byte[] png, Set<Mark> pending, Set<Mark> marks) {}

  private final Sketches sketches;
  private final Function<Path, Beats> beats;
  private final Function<Path, Cuts> cuts;
  private volatile Lettering lettering; // made by the warm-up or the first picture: fontconfig and fonts take a second
  // Each file's analysis, asked once: a picture drawn at once looks whether
  // it is there, a full one waits for it. A failure is forgotten, so the next picture asks again.
  private final Cache<Path, CompletableFuture<Beats>> beatsAsked = Caffeine.newBuilder().maximumSize(256).build();
  private final Cache<Path, CompletableFuture<Cuts>> cutsAsked = Caffeine.newBuilder().maximumSize(256).build();
  // Bounded: an analysis the upload did not start runs on one of these threads, and many new
  // files at once would otherwise run that many ffmpeg decodings side by side.
  static final int ANALYSES_AT_ONCE = Math.max(2, Runtime.getRuntime().availableProcessors());
  private final ExecutorService asking = asking();

  /** @param beats a track's beats, {@code cuts} a clip's own cuts (both from the analysis cache) */
  public TimelinePictures(Sketches sketches, Function<Path, Beats> beats, Function<Path, Cuts> cuts) {
    this.sketches = sketches;
    this.beats = beats;
    this.cuts = cuts;
  }

  private Lettering lettering() {
    Lettering made = lettering;
    if (made != null) return made;
    synchronized (this) {
      if (lettering == null) lettering = Lettering.systemFonts();
      return lettering;
    }
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
    return picture(draft, media, false, PictureWords.ENGLISH).png();
  }

  /**
   * The picture of {@code draft} as PNG; {@code atOnce}: without waiting for the beats and cuts,
   * saying on the picture which it is still finding; its labels in {@code words}.
   */
  public Picture picture(Draft draft, Collection<Media> media, boolean atOnce, PictureWords words) {
    TimelineDrawing drawing = drawing(draft, media, atOnce, words);
    return new Picture(png(drawing.draw()), drawing.pending(), drawing.marks());
  }

  /**
   * Starts drawing a picture nobody sees, on a daemon thread of its own, so that the first
   * picture people wait for does not pay for asking fontconfig, loading the fonts (Chinese ones
   * included), Java2D's loops and the image coders. Returns at once; nothing waits for it, and a failure only logs.
   */
  public CompletableFuture<Void> warmUp() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        Rehearsal.draw(lettering());
        done.complete(null);
      } catch (RuntimeException | Error e) {
        log.info("could not warm up the timeline pictures: {}", e.toString());
        done.completeExceptionally(e);
      }
    }, "picture-warm-up");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
    return done;
  }

  private static ExecutorService asking() {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(ANALYSES_AT_ONCE, ANALYSES_AT_ONCE, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(r, "picture-analysis");
          t.setDaemon(true);
          return t;
        });
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  static byte[] png(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException("a picture in memory could not be written", e);
    }
    return out.toByteArray();
  }

  TimelineDrawing drawing(Draft draft, Collection<Media> media) {
    return drawing(draft, media, false, PictureWords.ENGLISH);
  }

  TimelineDrawing drawing(Draft draft, Collection<Media> media, boolean atOnce, PictureWords words) {
    Map<String, Media> byId = new LinkedHashMap<>();
    for (Media m : media) byId.put(m.id(), m);
    // Ask for everything first, so the analyses run side by side while this waits.
    Media track = draft.music() == null ? null : byId.get(draft.music().src());
    CompletableFuture<Beats> trackBeats = track == null ? null : ask(beatsAsked, beats, track.file());
    Map<Media, CompletableFuture<Cuts>> clipCuts = new LinkedHashMap<>();
    for (Clip clip : draft.clips()) {
      Media m = byId.get(clip.src());
      if (m != null && !clipCuts.containsKey(m)) clipCuts.put(m, ask(cutsAsked, cuts, m.file()));
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MS);
    Set<Mark> pending = EnumSet.noneOf(Mark.class);
    Optional<Beats> grid = Optional.empty();
    if (trackBeats != null) {
      try {
        grid = Optional.ofNullable(result(trackBeats, atOnce, deadline));
      } catch (TimeoutException e) {
        pending.add(Mark.BEATS);
      } catch (RuntimeException e) {
        log.info("no beat grid for {}: {}", track.filename(), e.getMessage());
      }
    }
    Map<String, List<Double>> shots = new HashMap<>();
    for (Map.Entry<Media, CompletableFuture<Cuts>> clip : clipCuts.entrySet()) {
      Media m = clip.getKey();
      try {
        shots.put(m.id(), result(clip.getValue(), atOnce, deadline).cuts());
      } catch (TimeoutException e) {
        pending.add(Mark.CUTS);
      } catch (RuntimeException e) {
        log.info("no cuts drawn inside {}: {}", m.filename(), e.getMessage());
      }
    }
    // Thumbnails and waveforms are being made since the upload: drawn at once, a clip not yet
    // sketched is a plain bar with its name, rather than a wait for ffmpeg.
    Set<String> unsketched = new HashSet<>();
    if (atOnce) {
      for (Clip clip : draft.clips()) {
        Media m = byId.get(clip.src());
        if (m != null && !sketches.stripMade(m)) {
          unsketched.add(m.id());
          pending.add(Mark.THUMBNAILS);
        }
      }
      if (track != null && !sketches.waveformMade(track)) {
        unsketched.add(track.id());
        pending.add(Mark.WAVEFORM);
      }
    }
    return new TimelineDrawing(draft, byId, sketches, grid, shots, pending, unsketched, lettering(), words);
  }

  private <T> CompletableFuture<T> ask(Cache<Path, CompletableFuture<T>> asked, Function<Path, T> analyse, Path file) {
    CompletableFuture<T> answer = asked.get(file, f -> CompletableFuture.supplyAsync(() -> analyse.apply(f), asking));
    answer.whenComplete((value, failure) -> {
      if (failure != null) asked.asMap().remove(file, answer);
    });
    return answer;
  }

  /** The analysis, waited for; at once: only what is there by {@code deadline} (else a timeout). */
  private static <T> T result(CompletableFuture<T> answer, boolean atOnce, long deadline) throws TimeoutException {
    try {
      if (!atOnce) return answer.join();
      return answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new CompletionException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TimeoutException("interrupted");
    }
  }
}
