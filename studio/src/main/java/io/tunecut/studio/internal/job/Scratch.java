package io.tunecut.studio.internal.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a render attempt works on this machine: the inputs it copied from the media store and
 * its unfinished video, in {@code <dataDir>/scratch/<render>-<attempt>}. Dropped when the
 * attempt ends, however it ends; what a killed worker left is dropped by the render's next
 * attempt or at this worker's next start. So scratch holds no more than the renders running.
 */
final class Scratch {
  private static final Logger log = LoggerFactory.getLogger(Scratch.class);
  private static final Pattern ATTEMPT = Pattern.compile("(.+)-(\\d+)(\\.mp4)?");

  private final Path root;
  private final Path outputs;
  private final boolean outputsAreCopies;

  /**
   * @param outputs where finished videos are written before the media store keeps them
   * @param outputsAreCopies whether the store is elsewhere, so that a finished video left in
   *     {@code outputs} is a copy too
   */
  Scratch(Path dataDir, Path outputs, boolean outputsAreCopies) {
    this.root = dataDir.resolve("scratch");
    this.outputs = outputs;
    this.outputsAreCopies = outputsAreCopies;
  }

  /** The attempt's own empty directory; earlier attempts' are dropped. */
  Path open(String render, int attempt) throws IOException {
    dropWhere(root, (id, n) -> id.equals(render) && n <= attempt);
    return Files.createDirectories(root.resolve(render + "-" + attempt));
  }

  void drop(String render, int attempt) {
    delete(root.resolve(render + "-" + attempt));
  }

  /**
   * At start: drops what attempts that no longer run left here when this worker was killed,
   * their finished videos too when the store has them.
   *
   * @param running whether an attempt of a render still runs (on a shared disk, elsewhere)
   * @return how many were dropped
   */
  int recover(BiPredicate<String, Integer> running) {
    int dropped = dropLeftovers(running);
    // Only at start: later, a video here may be a copy fetched for a bot in this process.
    if (outputsAreCopies) dropped += dropWhere(outputs, running.negate());
    if (dropped > 0) log.info("dropped {} scratch copies left by renders that no longer run here", dropped);
    return dropped;
  }

  /** Drops the scratch of attempts that no longer run (one killed here, whose render moved on). */
  int dropLeftovers(BiPredicate<String, Integer> running) {
    return dropWhere(root, running.negate());
  }

  private int dropWhere(Path dir, BiPredicate<String, Integer> drop) {
    if (!Files.isDirectory(dir)) return 0;
    int dropped = 0;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path p : entries) {
        Matcher m = ATTEMPT.matcher(p.getFileName().toString());
        if (m.matches() && drop.test(m.group(1), Integer.parseInt(m.group(2)))) {
          delete(p);
          dropped++;
        }
      }
    } catch (IOException e) {
      log.debug("could not list {}: {}", dir, e.toString());
    }
    return dropped;
  }

  private static void delete(Path p) {
    if (!Files.exists(p)) return;
    try (Stream<Path> all = Files.walk(p)) {
      all.sorted(Comparator.reverseOrder()).forEach(f -> {
        try {
          Files.deleteIfExists(f);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException | UncheckedIOException e) {
      log.warn("could not drop {}: {}", p, e.toString());
    }
  }
}
