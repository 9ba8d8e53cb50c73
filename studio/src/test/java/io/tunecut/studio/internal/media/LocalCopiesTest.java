package io.tunecut.studio.internal.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunecut.studio.server.MediaSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A studio's copies of media kept in a bucket (a real S3 server in this JVM), on its own disk. */
class LocalCopiesTest {
  private static final TestS3 s3 = TestS3.shared();
  private static final int KB = 1024;
  private static final MediaSettings.Copies BOUND =
      new MediaSettings.Copies(250 * KB, Duration.ofMinutes(1), Duration.ofDays(1), Duration.ofMinutes(1));

  @TempDir Path uploader;
  @TempDir Path node;
  private MediaSettings settings;
  private MediaStore keeper;
  private Instant now = Instant.parse("2026-12-02T10:00:00Z");
  private final Clock clock = new Clock() {
    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  };

  @BeforeEach
  void bucket() {
    settings = s3.settings("copies-" + UUID.randomUUID());
    keeper = MediaStore.open(settings, uploader);
  }

  @AfterEach
  void close() {
    keeper.close();
  }

  /** A file of {@code kb} kilobytes kept in the bucket by another studio: its name on any studio's disk. */
  private Path kept(String name, int kb) throws Exception {
    Path file = uploader.resolve("media/usr_1/" + name);
    Files.createDirectories(file.getParent());
    Files.write(file, new byte[kb * KB]);
    keeper.save(file);
    return node.resolve("media/usr_1/" + name);
  }

  private LocalCopies copies() {
    return new LocalCopies(S3Store.open(settings, node.toAbsolutePath().normalize()), node, BOUND, clock);
  }

  @Test
  void theLeastRecentlyUsedCopiesGoPastTheBoundButNotOneInUse() throws Exception {
    Path a = kept("a.mp4", 100);
    Path b = kept("b.mp4", 100);
    Path c = kept("c.mp4", 100);
    try (LocalCopies copies = copies()) {
      assertThat(copies.fetch(a)).isTrue();
      now = now.plusSeconds(1);
      assertThat(copies.fetch(b)).isTrue();
      now = now.plusSeconds(1);
      assertThat(copies.fetch(c)).isTrue();
      assertThat(copies.sweep(null)).as("all three were just used: a reader may still open them").isEmpty();

      MediaStore.Use render = copies.use(a); // the oldest, held by a render
      now = now.plus(Duration.ofMinutes(5));
      assertThat(copies.sweep(null)).containsExactly(b);
      assertThat(a).exists();
      assertThat(c).exists();
      assertThat(copies.bytes()).isLessThanOrEqualTo(BOUND.maxBytes());

      render.close();
      Path d = kept("d.mp4", 100);
      assertThat(copies.fetch(d)).isTrue();
      now = now.plus(Duration.ofMinutes(5));
      assertThat(copies.sweep(null)).as("c was used longest ago").containsExactly(c);
      assertThat(a).exists();
      assertThat(d).exists();
      assertThat(copies.fetch(b)).as("a removed copy comes back from the bucket").isTrue();
      assertThat(b).hasSize(100 * KB);
    }
  }

  @Test
  void copiesOfMediaNothingNamesGoUnlessInUseAndEmptyFoldersWithThem() throws Exception {
    Path a = kept("a.mp4", 10);
    Path b = kept("b.mp4", 10);
    try (LocalCopies copies = copies()) {
      copies.fetch(a);
      copies.fetch(b);
      MediaStore.Use analysis = copies.use(b);
      now = now.plus(Duration.ofMinutes(5));
      assertThat(copies.sweep(Set.of())).containsExactly(a);
      assertThat(b).exists();
      analysis.close();
      assertThat(copies.sweep(Set.of())).as("just used: it stays a while longer").isEmpty();
      now = now.plus(Duration.ofMinutes(5));
      assertThat(copies.sweep(Set.of())).containsExactly(b);
      assertThat(node.resolve("media")).isEmptyDirectory();
    }
  }

  @Test
  void copiesLeftByAnEarlierRunAreCountedAtStartAndTrimmed() throws Exception {
    Path media = Files.createDirectories(node.resolve("media/usr_2"));
    for (int i = 0; i < 4; i++) {
      Path f = Files.write(media.resolve("left-" + i + ".mp4"), new byte[100 * KB]);
      Files.setLastModifiedTime(f, FileTime.from(now.minus(Duration.ofHours(4 - i))));
    }
    Path cut = Files.write(media.resolve("left-9.mp4." + UUID.randomUUID() + ".part"), new byte[KB]);
    Files.setLastModifiedTime(cut, FileTime.from(now.minus(Duration.ofDays(2))));
    Path old = Files.write(Files.createDirectories(node.resolve("renders")).resolve("render_1-1.mp4"), new byte[KB]);
    Files.setLastModifiedTime(old, FileTime.from(now.minus(Duration.ofDays(3))));

    try (LocalCopies copies = copies()) {
      assertThat(copies.sweep(null)).containsExactlyInAnyOrder(cut, old, media.resolve("left-0.mp4"),
          media.resolve("left-1.mp4"));
      assertThat(copies.bytes()).isEqualTo(200 * KB);
      assertThat(media.resolve("left-3.mp4")).exists();
    }
  }
}
