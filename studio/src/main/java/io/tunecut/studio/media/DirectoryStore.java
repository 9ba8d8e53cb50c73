package io.tunecut.studio.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

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
  public boolean fetch(Path file) throws IOException {
    if (Files.isRegularFile(file)) return true;
    Path source = kept(file);
    if (!Files.isRegularFile(source)) return false;
    Files.createDirectories(file.getParent());
    Path part = file.resolveSibling(file.getFileName() + ".part");
    Files.copy(source, part, StandardCopyOption.REPLACE_EXISTING);
    Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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
  public void check() throws MediaStoreException {
    if (!Files.isDirectory(root) || !Files.isWritable(root)) {
      throw new MediaStoreException("TUNECUT_MEDIA_URL names a directory that is missing or read-only: " + root);
    }
  }

  @Override
  public void close() {}
}
