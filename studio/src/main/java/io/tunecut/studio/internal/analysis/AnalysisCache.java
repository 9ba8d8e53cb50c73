package io.tunecut.studio.internal.analysis;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tunecut.studio.ffmpeg.Ffmpeg;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Analysis results per file content (SHA-256), in memory and as JSON files in a directory,
 * so repeated turns and restarts do not analyse the same clip or track again. Thread-safe;
 * one analysis per file and kind at a time. {@link #start} analyses a file in the background
 * right after it arrives: a turn that asks for a result then waits only for what is still
 * running.
 */
public final class AnalysisCache implements AutoCloseable {
  /** What can be worked out of a file ahead of time. */
  public enum Kind { BEATS, CUTS, SPEECH }

  /** Bump when an analysis changes, so older results on disk are not reused (3: beats know their metre; 4: bars start where the bass changes from bar to bar too; 5: beats held closer to the period, fast tempi doubled where the bass says so; 6: swing, halving, fades through black and the half-bar cue; 7: beats traced back from the best whole path's end, the period read from the autocorrelation's peaks; 8: beats half a beat on where the notes change there). */
  private static final String VERSION = "9";
  private static final Logger log = LoggerFactory.getLogger(AnalysisCache.class);

  private final Path directory;
  private final ObjectMapper json = new ObjectMapper();
  private final Cache<String, Object> results = Caffeine.newBuilder().maximumSize(512).build();
  private final Cache<String, String> hashes = Caffeine.newBuilder().maximumSize(4096).build();
  private final Function<Path, Beats> beats;
  private final Function<Path, Cuts> cuts;
  private final Function<Path, List<TimeRange>> speech;
  private final Map<Path, Map<Kind, Future<?>>> ahead = new ConcurrentHashMap<>();
  private final ExecutorService background;

  /** Keeps results under {@code directory} (created when missing); analyses with {@code ffmpeg}. */
  public AnalysisCache(Path directory, Ffmpeg ffmpeg) {
    this(directory, new BeatTracker(ffmpeg)::track, new CutDetector(ffmpeg)::detect,
        new SpeechDetector(ffmpeg)::detect);
  }

  AnalysisCache(Path directory, Function<Path, Beats> beats, Function<Path, Cuts> cuts,
      Function<Path, List<TimeRange>> speech) {
    this.directory = directory;
    this.beats = beats;
    this.cuts = cuts;
    this.speech = speech;
    AtomicInteger n = new AtomicInteger();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(r, "analysis-" + n.incrementAndGet());
      t.setDaemon(true);
      t.setPriority(Thread.NORM_PRIORITY - 1);
      return t;
    });
    pool.allowCoreThreadTimeOut(true);
    this.background = pool;
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the analysis cache " + directory, e);
    }
  }

  public Beats beats(Path file) {
    return get(file, "beats", beats, json.constructType(Beats.class));
  }

  /**
   * Beats known without listening (music composed here, to its own tempo map): kept as the
   * file's analysis, so whatever asks later reads the tempo the music was written in.
   */
  public void knowBeats(Path file, Beats known) {
    String key = hash(file) + ".beats.v" + VERSION;
    results.put(key, known);
    write(directory.resolve(key + ".json"), known);
  }

  public Cuts cuts(Path file) {
    return get(file, "cuts", cuts, json.constructType(Cuts.class));
  }

  public List<TimeRange> speech(Path file) {
    return get(file, "speech", speech,
        json.getTypeFactory().constructCollectionType(List.class, TimeRange.class));
  }

  /**
   * Starts working out {@code kinds} of {@code file} in the background, each kind once however
   * often it is asked (a queued duplicate would hold a thread waiting for the first); a failure
   * is kept for nobody (the turn that asks later analyses again and says why).
   */
  @SuppressWarnings("unchecked")
  public void start(Path file, Collection<Kind> kinds) {
    Path key = file.toAbsolutePath();
    // The longest first: on two threads the shorter ones run beside it, one after the other.
    for (Kind kind : List.of(Kind.CUTS, Kind.SPEECH, Kind.BEATS)) {
      if (!kinds.contains(kind)) continue;
      Map<Kind, Future<?>> running = ahead.computeIfAbsent(key, k -> new ConcurrentHashMap<>());
      FutureTask<Void>[] self = new FutureTask[1];
      self[0] = new FutureTask<>(() -> {
        try {
          switch (kind) {
            case BEATS -> beats(file);
            case CUTS -> cuts(file);
            case SPEECH -> speech(file);
          }
        } catch (RuntimeException e) {
          log.debug("analysis ahead of time of {} ({}) failed: {}", file.getFileName(), kind, e.toString());
        } finally {
          running.remove(kind, self[0]);
          ahead.remove(key, Map.of());
        }
        return null;
      });
      if (running.putIfAbsent(kind, self[0]) == null) background.execute(self[0]);
    }
  }

  /** The file is gone: what still waits to analyse it is dropped, and so is its place in memory. */
  public void forget(Path file) {
    Path key = file.toAbsolutePath();
    Map<Kind, Future<?>> tasks = ahead.remove(key);
    if (tasks != null) tasks.values().forEach(t -> t.cancel(false));
    hashes.asMap().keySet().removeIf(identity -> identity.startsWith(key + "|"));
  }

  /** Stops analysing ahead of time, and waits a little for what runs to stop writing. */
  @Override
  public void close() {
    background.shutdownNow();
    try {
      background.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @SuppressWarnings("unchecked")
  private <T> T get(Path file, String kind, Function<Path, T> analyse, JavaType type) {
    String key = hash(file) + "." + kind + ".v" + VERSION;
    return (T) results.get(key, k -> {
      Path stored = directory.resolve(k + ".json");
      if (Files.isRegularFile(stored)) {
        try {
          return json.readValue(stored.toFile(), type);
        } catch (IOException e) {
          // a damaged entry is analysed again and overwritten
        }
      }
      T value = analyse.apply(file);
      write(stored, value);
      return value;
    });
  }

  private void write(Path stored, Object value) {
    try {
      Path temporary = Files.createTempFile(directory, "analysis", ".tmp");
      json.writeValue(temporary.toFile(), value);
      Files.move(temporary, stored, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // the result is still in memory; only a restart will analyse again
    }
  }

  /** SHA-256 of the content, remembered per path, size and modification time. */
  String hash(Path file) {
    try {
      FileTime modified = Files.getLastModifiedTime(file);
      String identity = file.toAbsolutePath() + "|" + Files.size(file) + "|" + modified.toMillis();
      return hashes.get(identity, k -> sha256(file));
    } catch (IOException e) {
      throw new AnalysisException("cannot read " + file.getFileName(), e);
    }
  }

  private static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new AnalysisException("cannot read " + file.getFileName(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
