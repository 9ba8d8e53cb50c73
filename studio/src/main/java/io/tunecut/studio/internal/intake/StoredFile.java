package io.tunecut.studio.internal.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A file written from a stream under a size cap, with its length and SHA-256. */
public record StoredFile(Path path, long size, String sha256) {

  /** A file already in place, read once for its hash. */
  public static StoredFile of(Path file) throws IOException {
    MessageDigest digest = newDigest();
    long size = 0;
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[64 * 1024];
      for (int n; (n = in.read(buf)) >= 0; ) {
        size += n;
        digest.update(buf, 0, n);
      }
    }
    return new StoredFile(file, size, HexFormat.of().formatHex(digest.digest()));
  }

  /**
   * Copies {@code in} to {@code target}. Over {@code maxBytes}, or on any failure, the partial
   * file is deleted.
   */
  public static StoredFile write(InputStream in, Path target, long maxBytes)
      throws IOException, UploadTooLargeException {
    MessageDigest digest = newDigest();
    long size = 0;
    boolean ok = false;
    try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      byte[] buf = new byte[64 * 1024];
      for (int n; (n = in.read(buf)) >= 0; ) {
        size += n;
        if (size > maxBytes) throw new UploadTooLargeException(maxBytes);
        digest.update(buf, 0, n);
        out.write(buf, 0, n);
      }
      ok = true;
    } finally {
      if (!ok) Files.deleteIfExists(target);
    }
    return new StoredFile(target, size, HexFormat.of().formatHex(digest.digest()));
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
