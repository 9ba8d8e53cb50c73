package io.tunecut.studio.internal.media;

import io.tunecut.studio.server.MediaSettings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where media and renders are kept for every studio. Files are named by their place under
 * the data directory: each studio's data directory is its local copy (scratch on a worker),
 * and the store holds the files that count.
 */
public interface MediaStore extends AutoCloseable {

  /** A file's bytes, read from any offset without reading what comes before. */
  interface Reader {
    InputStream from(long offset) throws IOException;
  }

  /** A kept file: its length, and how to read it. */
  record Kept(long size, Reader reader) {
    /** Its bytes; skips before the first read cost nothing. */
    public InputStream stream() {
      return new RangeStream(reader);
    }
  }

  /** A file in the store, and when it was last written there. */
  record Listed(Path file, Instant modified) {}

  /** Keeps {@code file} (under the data directory) where every studio finds it. */
  void save(Path file) throws IOException;

  /**
   * Copies the kept {@code file} to {@code copy} on this machine (any path; the copy appears
   * whole or not at all).
   *
   * @return false when the store does not have it
   */
  boolean copy(Path file, Path copy) throws IOException;

  /**
   * Makes sure {@code file} is on this machine, fetching it from the store when it is not.
   *
   * @return false when the store does not have it either
   */
  default boolean fetch(Path file) throws IOException {
    return Files.isRegularFile(file) || copy(file, file);
  }

  /** The file here, or else in the store; empty when neither has it. */
  Optional<Kept> find(Path file) throws IOException;

  /** Tells {@code each} of every file kept under {@code directory} (a directory under the data directory). */
  void list(Path directory, Consumer<Listed> each) throws IOException;

  /** Deletes the kept {@code file} from the store; nothing when it is not there. */
  void delete(Path file) throws IOException;

  /** A copy on this machine held for a reader: not removed until closed. */
  interface Use extends AutoCloseable {
    Use NOTHING = () -> {};

    @Override
    void close();
  }

  /** Holds this machine's copy of the kept {@code file}, when it has one, until the use is closed. */
  default Use use(Path file) {
    return Use.NOTHING;
  }

  /**
   * Starts removing, on this machine, copies that {@code kept} (the files some session or
   * render still names) leaves out, and copies past the bounds. Nothing when no file here is a
   * copy.
   */
  default void cleanCopies(Supplier<Set<Path>> kept) {}

  /** Whether the store is this machine's data directory itself, so that no file here is a mere copy. */
  boolean isDataDirectory();

  /**
   * Asks the store whether it can be used.
   *
   * @throws MediaStoreException with words for the operator when it cannot
   */
  void check() throws MediaStoreException;

  @Override
  void close();

  /**
   * The store that {@code settings} name, for the data directory {@code dataDir}. A store
   * elsewhere (a bucket, a shared mount) has its passing failures tried again, and this
   * machine's copies of its files bounded ({@link LocalCopies}).
   */
  static MediaStore open(MediaSettings settings, Path dataDir) {
    Path root = dataDir.toAbsolutePath().normalize();
    if (settings.url() == null) return new DirectoryStore(root, root);
    if (settings.s3()) return new LocalCopies(new RetriedStore(S3Store.open(settings, root)), root, settings.copies());
    MediaStore mount = new RetriedStore(new DirectoryStore(root, Path.of(settings.url()).toAbsolutePath().normalize()));
    return mount.isDataDirectory() ? mount : new LocalCopies(mount, root, settings.copies());
  }
}
