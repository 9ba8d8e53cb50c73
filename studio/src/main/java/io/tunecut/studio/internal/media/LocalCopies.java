package io.tunecut.studio.internal.media;

import io.tunecut.studio.server.MediaSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This machine's copies of a store elsewhere: the files under {@code media/} and
 * {@code renders/} of the data directory that this studio fetched, took as uploads or fetched
 * for a bot. Each studio looks after its own disk, since no other can: it removes a copy once
 * no session or render names its file, once it was not used for a while, and the least
 * recently used ones while the copies take more than their bound. A copy in use is never
 * removed: one a render holds ({@link #use}), or one used (fetched, read, kept) a short while
 * ago, since analyses and pictures read the files they asked for without saying when they are
 * done. Files left by an earlier run are counted at the start, by their last change.
 *
 * <p>A map under one lock rather than a cache library: whether a file may go depends on its
 * holders and its last use, decided together with fetches of the same file, and a cache's own
 * eviction (or refused admission) would drop a file that a reader is about to open.
 */
final class LocalCopies implements MediaStore {
  private static final Logger log = LoggerFactory.getLogger(LocalCopies.class);

  private final MediaStore store;
  private final Path dataDir;
  private final List<Path> roots;
  private final MediaSettings.Copies bounds;
  private final Clock clock;
  /** Every copy known on this disk. Guarded by {@code this}, like the files' removal. */
  private final Map<Path, Copy> copies = new HashMap<>();
  private ScheduledExecutorService sweeper;

  private static final class Copy {
    long bytes;
    Instant used;
    int uses;

    Copy(long bytes, Instant used) {
      this.bytes = bytes;
      this.used = used;
    }
  }

  LocalCopies(MediaStore store, Path dataDir, MediaSettings.Copies bounds) {
    this(store, dataDir, bounds, Clock.systemUTC());
  }

  LocalCopies(MediaStore store, Path dataDir, MediaSettings.Copies bounds, Clock clock) {
    this.store = store;
    this.dataDir = dataDir.toAbsolutePath().normalize();
    this.roots = List.of(this.dataDir.resolve("media"), this.dataDir.resolve("renders"));
    this.bounds = bounds;
    this.clock = clock;
  }

  @Override
  public boolean fetch(Path file) throws IOException {
    Path f = normal(file);
    synchronized (this) {
      if (Files.isRegularFile(f)) {
        used(f);
        return true;
      }
    }
    if (!store.copy(f, f)) return false;
    synchronized (this) {
      used(f); // new and so in use: a sweep leaves it
    }
    return true;
  }

  @Override
  public boolean copy(Path file, Path copy) throws IOException {
    if (normal(copy).equals(normal(file))) return fetch(file);
    return store.copy(file, copy);
  }

  @Override
  public void save(Path file) throws IOException {
    store.save(file);
    synchronized (this) {
      if (Files.isRegularFile(file)) used(normal(file));
    }
  }

  @Override
  public Optional<Kept> find(Path file) throws IOException {
    synchronized (this) {
      Path f = normal(file);
      if (Files.isRegularFile(f)) used(f); // about to be read from here
    }
    return store.find(file);
  }

  @Override
  public Use use(Path file) {
    Path f = normal(file);
    synchronized (this) {
      if (!Files.isRegularFile(f)) return Use.NOTHING;
      Copy c = used(f);
      if (c == null) return Use.NOTHING;
      c.uses++;
      return new Use() {
        private boolean closed;

        @Override
        public void close() {
          synchronized (LocalCopies.this) {
            if (closed) return;
            closed = true;
            c.uses--;
            c.used = clock.instant();
          }
        }
      };
    }
  }

  @Override
  public void delete(Path file) throws IOException {
    store.delete(file);
    synchronized (this) {
      Path f = normal(file);
      Copy c = copies.get(f);
      if (managed(f) && (c == null || !inUse(c, clock.instant()))) remove(f); // else the next sweep, once unused
    }
  }

  @Override
  public void cleanCopies(Supplier<Set<Path>> kept) {
    synchronized (this) {
      if (sweeper != null) return;
      sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "media-copies");
        t.setDaemon(true);
        return t;
      });
    }
    long every = bounds.every().toMillis();
    // At once: copies left by an earlier run are counted (and trimmed) before the first request.
    sweeper.scheduleWithFixedDelay(() -> {
      try {
        sweep(kept.get());
      } catch (RuntimeException e) {
        log.warn("could not look after this studio's media copies: {}", e.toString());
      }
    }, 0, every, TimeUnit.MILLISECONDS);
  }

  /**
   * Counts the copies on disk and removes those not in use that {@code kept} leaves out (when
   * given), that were not used for {@code unusedFor}, and the least recently used while the
   * rest takes more than the bound.
   *
   * @return the copies removed
   */
  List<Path> sweep(Set<Path> kept) {
    Map<Path, BasicFileAttributes> onDisk = onDisk();
    Instant now = clock.instant();
    List<Path> removed = new ArrayList<>();
    synchronized (this) {
      copies.keySet().removeIf(f -> !onDisk.containsKey(f) && !Files.isRegularFile(f));
      onDisk.forEach((f, attributes) -> {
        Instant changed = attributes.lastModifiedTime().toInstant();
        if (f.getFileName().toString().endsWith(".part")) {
          // A fetch under way writes here; one older than any fetch was cut short.
          if (changed.isBefore(now.minus(bounds.unusedFor()))) removed.add(remove(f));
        } else {
          copies.computeIfAbsent(f, k -> new Copy(attributes.size(), changed));
        }
      });
      Instant unusedSince = now.minus(bounds.unusedFor());
      for (var e : List.copyOf(copies.entrySet())) {
        Copy c = e.getValue();
        if (inUse(c, now)) continue;
        if ((kept != null && !kept.contains(e.getKey())) || c.used.isBefore(unusedSince)) removed.add(remove(e.getKey()));
      }
      long total = bytes();
      if (total > bounds.maxBytes()) {
        List<Map.Entry<Path, Copy>> idle = copies.entrySet().stream().filter(e -> !inUse(e.getValue(), now))
            .sorted(Comparator.comparing(e -> e.getValue().used)).toList();
        for (var e : idle) {
          if (total <= bounds.maxBytes()) break;
          total -= e.getValue().bytes;
          removed.add(remove(e.getKey()));
        }
      }
    }
    if (!removed.isEmpty()) log.info("removed {} media copies from this studio's disk", removed.size());
    return removed;
  }

  /** The bytes the copies on this disk take, as last counted. */
  synchronized long bytes() {
    return copies.values().stream().mapToLong(c -> c.bytes).sum();
  }

  private boolean inUse(Copy c, Instant now) {
    return c.uses > 0 || !c.used.isBefore(now.minus(bounds.inUseFor()));
  }

  /** Notes a use of the copy {@code f} (on disk); null when it is not a copy this class keeps. */
  private Copy used(Path f) {
    if (!managed(f)) return null;
    long bytes;
    try {
      bytes = Files.size(f);
    } catch (IOException e) {
      return null;
    }
    Copy c = copies.computeIfAbsent(f, k -> new Copy(bytes, clock.instant()));
    c.bytes = bytes;
    c.used = clock.instant();
    return c;
  }

  private boolean managed(Path f) {
    return roots.stream().anyMatch(root -> f.startsWith(root) && !f.equals(root));
  }

  /** Removes the copy {@code f} and its directories left empty. */
  private Path remove(Path f) {
    copies.remove(f);
    try {
      Files.deleteIfExists(f);
      for (Path dir = f.getParent(); dir != null && !roots.contains(dir) && managed(dir); dir = dir.getParent()) {
        Files.delete(dir);
      }
    } catch (DirectoryNotEmptyException | NoSuchFileException done) {
      // the directory holds other copies, or went already
    } catch (IOException e) {
      log.warn("could not remove the copy {}: {}", dataDir.relativize(f), e.toString());
    }
    return f;
  }

  private Map<Path, BasicFileAttributes> onDisk() {
    Map<Path, BasicFileAttributes> found = new HashMap<>();
    for (Path root : roots) {
      if (!Files.isDirectory(root)) continue;
      try (Stream<Path> files = Files.walk(root)) {
        files.forEach(f -> {
          try {
            BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
            if (a.isRegularFile()) found.put(f.toAbsolutePath().normalize(), a);
          } catch (IOException gone) {
            // removed while walked
          }
        });
      } catch (IOException | UncheckedIOException e) {
        log.debug("could not walk {}: {}", root, e.toString());
      }
    }
    return found;
  }

  private static Path normal(Path file) {
    return file.toAbsolutePath().normalize();
  }

  @Override
  public void list(Path directory, Consumer<Listed> each) throws IOException {
    store.list(directory, each);
  }

  @Override
  public boolean isDataDirectory() {
    return store.isDataDirectory();
  }

  @Override
  public void check() throws MediaStoreException {
    store.check();
  }

  @Override
  public void close() {
    synchronized (this) {
      if (sweeper != null) sweeper.shutdownNow();
    }
    store.close();
  }
}
