package io.tunecut.studio.internal.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Media in a directory: the data directory itself (the default: nothing is copied), or a
 * shared mount that files are copied to and from.
 */
final class DirectoryStore implements MediaStore {
  private final Path dataDir;
  private final Path root;

  DirectoryStore(Path dataDir, Path root) {
    this.dataDir = dataDir;
    this.root = root;
  }

  private Path kept(Path file) {
    return root.resolve(dataDir.relativize(file.toAbsolutePath().normalize()).toString());
  }

  @Override
  public void save(Path file) throws IOException {
    Path target = kept(file);
    if (target.equals(file.toAbsolutePath().normalize())) return;
    Files.createDirectories(target.getParent());
    Path part = target.resolveSibling(target.getFileName() + ".part");
    Files.copy(file, part, StandardCopyOption.REPLACE_EXISTING);
    Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public boolean copy(Path file, Path copy) throws IOException {
    Path source = kept(file);
    if (!Files.isRegularFile(source)) return false;
    Files.createDirectories(copy.getParent());
    // Named for this copy alone: studios sharing a scratch directory may fetch the same file at once.
    Path part = copy.resolveSibling(copy.getFileName() + "." + UUID.randomUUID() + ".part");
    try {
      Files.copy(source, part, StandardCopyOption.REPLACE_EXISTING);
      Files.move(part, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(part);
    }
    return true;
  }

  @Override
  public Optional<Kept> find(Path file) throws IOException {
    Path found = Files.isRegularFile(file) ? file : kept(file);
    if (!Files.isRegularFile(found)) return Optional.empty();
    return Optional.of(new Kept(Files.size(found), offset -> {
      InputStream in = Files.newInputStream(found);
      in.skipNBytes(offset);
      return in;
    }));
  }

  @Override
  public void list(Path directory, Consumer<Listed> each) throws IOException {
    Path dir = kept(directory);
    if (!Files.isDirectory(dir)) return;
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        try {
          each.accept(new Listed(dataDir.resolve(root.relativize(f).toString()), Files.getLastModifiedTime(f).toInstant()));
        } catch (NoSuchFileException gone) {
          // deleted while listed
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  @Override
  public void delete(Path file) throws IOException {
    Files.deleteIfExists(kept(file));
  }

  @Override
  public boolean isDataDirectory() {
    return root.equals(dataDir);
  }

  @Override
  public void check() throws MediaStoreException {
    if (!Files.isDirectory(root) || !Files.isWritable(root)) {
      throw new MediaStoreException("TUNECUT_MEDIA_URL names a directory that is missing or read-only: " + root);
    }
  }

  @Override
  public void close() {}
}
