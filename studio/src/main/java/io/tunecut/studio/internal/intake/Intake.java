package io.tunecut.studio.internal.intake;

import io.tunecut.studio.internal.media.Media;
import io.tunecut.studio.internal.media.MediaInfo;
import io.tunecut.studio.internal.media.MediaProbe;
import io.tunecut.studio.internal.media.MediaRejectedException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.Consumer;

/**
 * Takes one file in (from a request part or a URL), stores it under
 * {@code <dataDir>/media/<user>/}, and keeps it only when the probe accepts it.
 */
public final class Intake {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path mediaRoot;
  private final MediaProbe probe;
  private final UrlFetcher fetcher;
  private final long maxBytes;

  /** A file that passed: the media, its content hash and size. Not yet in any session. */
  public record Accepted(Media media, String sha256, long size) {}

  public Intake(Path dataDir, MediaProbe probe, UrlFetcher fetcher, long maxBytes) {
    this.mediaRoot = dataDir.toAbsolutePath().normalize().resolve("media");
    this.probe = probe;
    this.fetcher = fetcher;
    this.maxBytes = maxBytes;
  }

  public long maxBytes() {
    return maxBytes;
  }

  /** @param stored told of the file once its bytes are in place, before the probe has checked it */
  public Accepted fromStream(String userId, String clientName, InputStream in, Consumer<Path> stored)
      throws UploadTooLargeException, FileRefusedException, IOException {
    String name = FileNames.sanitise(clientName);
    checkExtension(name);
    Path file = newFile(userId, name);
    StoredFile written = StoredFile.write(in, file, maxBytes);
    stored.accept(file);
    return probed(name, written);
  }

  /**
   * A file already on this machine (a bot in the same process received it): linked into the
   * media directory, copied only when it is on another disk. The caller's file stays theirs.
   *
   * @param stored told of the file once it is in place, before the probe has checked it
   */
  public Accepted fromFile(String userId, Path source, Consumer<Path> stored)
      throws UploadTooLargeException, FileRefusedException, IOException {
    String name = FileNames.sanitise(String.valueOf(source.getFileName()));
    checkExtension(name);
    if (Files.size(source) > maxBytes) throw new UploadTooLargeException(maxBytes);
    Path file = newFile(userId, name);
    try {
      Files.createLink(file, source);
    } catch (IOException | UnsupportedOperationException e) {
      Files.copy(source, file); // another disk, or links not allowed there
    }
    stored.accept(file);
    return probed(name, StoredFile.of(file));
  }

  public Accepted fromUrl(String userId, String url)
      throws IntakeException, UploadTooLargeException, FileRefusedException, IOException {
    Path part = newFile(userId, "download.part");
    UrlFetcher.Fetched fetched = fetcher.fetch(url, part, maxBytes);
    try {
      String name = FileNames.sanitise(fetched.filename());
      if (!AcceptedFormats.accepts(FileNames.extension(name))) {
        String implied = AcceptedFormats.extensionFor(fetched.contentType());
        if (!implied.isEmpty()) name = FileNames.sanitise((name.equals("file") ? "download" : name) + "." + implied);
      }
      checkExtension(name);
      Path file = newFile(userId, name);
      Files.move(part, file);
      return probed(name, new StoredFile(file, fetched.file().size(), fetched.file().sha256()));
    } finally {
      Files.deleteIfExists(part);
    }
  }

  /** Removes an accepted file again (when a later file of the same upload was refused). */
  public void discard(Accepted accepted) {
    try {
      Files.deleteIfExists(accepted.media().file());
    } catch (IOException ignored) {
      // best effort: an orphan file is harmless
    }
  }

  private Accepted probed(String name, StoredFile stored) throws FileRefusedException, IOException {
    boolean ok = false;
    try {
      if (stored.size() == 0) throw new FileRefusedException(name, FileRefusedException.Problem.UNREADABLE, "the file is empty");
      MediaInfo info;
      try {
        info = probe.probe(stored.path(), name);
      } catch (MediaRejectedException e) {
        throw new FileRefusedException(name, FileRefusedException.Problem.UNREADABLE, e.getMessage());
      }
      String id = stored.path().getFileName().toString().split("-", 2)[0];
      ok = true;
      return new Accepted(new Media(id, name, info, stored.path()), stored.sha256(), stored.size());
    } finally {
      if (!ok) Files.deleteIfExists(stored.path());
    }
  }

  private static void checkExtension(String name) throws FileRefusedException {
    String ext = FileNames.extension(name);
    if (!AcceptedFormats.accepts(ext)) {
      throw new FileRefusedException(name, FileRefusedException.Problem.FORMAT,
          (ext.isEmpty() ? "a file without an extension" : "." + ext + " files") + " are not supported");
    }
  }

  private Path newFile(String userId, String name) throws IOException {
    if (!userId.matches("[A-Za-z0-9_]{1,64}")) throw new IOException("bad user id");
    Path dir = mediaRoot.resolve(userId).normalize();
    Files.createDirectories(dir);
    byte[] b = new byte[10];
    RANDOM.nextBytes(b);
    Path file = dir.resolve("med_" + HexFormat.of().formatHex(b) + "-" + name).normalize();
    // Sanitised names cannot climb out; checked anyway so a future change cannot regress it.
    if (!file.getParent().equals(dir)) throw new IOException("refused file name");
    return file;
  }
}
