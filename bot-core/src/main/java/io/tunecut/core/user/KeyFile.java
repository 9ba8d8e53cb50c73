package io.tunecut.core.user;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The token key generated once into the data directory, readable by its owner only. */
final class KeyFile {
  static final String NAME = "secret.key";
  private static final int KEY_BYTES = 32;
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Logger log = LoggerFactory.getLogger(KeyFile.class);

  private KeyFile() {}

  static SecretKey readOrCreate(Path dataDir) throws IOException {
    Path file = dataDir.resolve(NAME);
    if (!Files.exists(file)) {
      create(file);
      log.info("Generated a new token key in {} (set TUNECUT_SECRET to derive it from a secret instead)", file);
    }
    keepOwnerOnly(file);
    byte[] key = Files.readAllBytes(file);
    try {
      if (key.length != KEY_BYTES) {
        throw new IOException(file + " is not a token key (" + key.length + " bytes, expected " + KEY_BYTES
            + "); remove it to generate a new one (stored tokens are then obtained afresh)");
      }
      return new SecretKeySpec(key, "AES");
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  // Written aside and moved into place, so a crash never leaves a half-written key behind.
  private static void create(Path file) throws IOException {
    byte[] key = new byte[KEY_BYTES];
    RANDOM.nextBytes(key);
    Path partial = file.resolveSibling(NAME + ".partial");
    try {
      Files.deleteIfExists(partial);
      if (posix(file)) {
        Files.createFile(partial, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } else {
        Files.createFile(partial);
        restrictToOwner(partial);
      }
      try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
        channel.write(ByteBuffer.wrap(key));
        channel.force(true);
      }
      try {
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(partial, file);
      }
    } finally {
      Arrays.fill(key, (byte) 0);
      Files.deleteIfExists(partial);
    }
  }

  private static void keepOwnerOnly(Path file) throws IOException {
    if (!posix(file)) {
      return;
    }
    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
    if (!OWNER_ONLY.containsAll(permissions)) {
      log.warn("{} was readable by others ({}); restricting it to its owner",
          file, PosixFilePermissions.toString(permissions));
      Files.setPosixFilePermissions(file, OWNER_ONLY);
    }
  }

  private static boolean posix(Path file) {
    return file.getFileSystem().supportedFileAttributeViews().contains("posix")
        && Files.getFileAttributeView(file.getParent(), PosixFileAttributeView.class) != null;
  }

  private static void restrictToOwner(Path file) {
    var asFile = file.toFile();
    boolean restricted = asFile.setReadable(false, false) & asFile.setReadable(true, true)
        & asFile.setWritable(false, false) & asFile.setWritable(true, true);
    if (!restricted) {
      log.warn("Could not restrict {} to its owner; protect the data directory", file);
    }
  }
}
