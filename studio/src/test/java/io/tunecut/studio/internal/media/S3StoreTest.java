package io.tunecut.studio.internal.media;

import io.tunecut.studio.server.MediaSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Media kept in a bucket: what one studio keeps, another with its own disk finds and reads. */
class S3StoreTest {
  private static final TestS3 s3 = TestS3.shared();
  @TempDir Path here;
  @TempDir Path elsewhere;

  @Test
  void aFileKeptByOneStudioIsFetchedAndReadByAnother() throws Exception {
    byte[] bytes = new byte[300_000];
    for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) (i * 7 + 3);
    Path file = here.resolve("media/user_1/med_1-clip.mp4");
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
    try (MediaStore mine = MediaStore.open(s3.settings("shared"), here);
        MediaStore theirs = MediaStore.open(s3.settings("shared"), elsewhere)) {
      mine.check();
      mine.save(file);
      assertThat(s3.keys()).contains("shared/media/user_1/med_1-clip.mp4");

      Path copy = elsewhere.resolve("media/user_1/med_1-clip.mp4");
      MediaStore.Kept kept = theirs.find(copy).orElseThrow();
      assertThat(kept.size()).isEqualTo(bytes.length);
      try (InputStream in = kept.stream()) {
        assertThat(in.skip(250_000)).isEqualTo(250_000);
        assertThat(in.readAllBytes()).isEqualTo(java.util.Arrays.copyOfRange(bytes, 250_000, bytes.length));
      }
      assertThat(theirs.fetch(copy)).isTrue();
      assertThat(copy).hasBinaryContent(bytes);
      assertThat(theirs.fetch(elsewhere.resolve("media/user_1/never-kept.mp4"))).isFalse();
      assertThat(theirs.find(elsewhere.resolve("renders/none.mp4"))).isEmpty();
    }
  }

  @Test
  void wrongKeysOrAMissingBucketAreSaidPlainly() {
    MediaSettings good = s3.settings("p");
    MediaSettings wrongKey = new MediaSettings(good.url(), good.endpoint(), null, TestS3.ACCESS_KEY, "not-the-secret");
    try (MediaStore store = MediaStore.open(wrongKey, here)) {
      assertThatThrownBy(store::check).isInstanceOf(MediaStoreException.class)
          .hasMessageContaining("refused the keys").hasMessageContaining("TUNECUT_S3_SECRET_ACCESS_KEY")
          .hasMessageNotContaining("not-the-secret");
    }
    MediaSettings noBucket = new MediaSettings("s3://no-such-bucket", good.endpoint(), null, good.accessKey(),
        good.secretKey());
    try (MediaStore store = MediaStore.open(noBucket, here)) {
      assertThatThrownBy(store::check).isInstanceOf(MediaStoreException.class)
          .hasMessageContaining("no bucket no-such-bucket");
    }
    MediaSettings nobodyThere = new MediaSettings(good.url(), "http://127.0.0.1:9", null, good.accessKey(),
        good.secretKey());
    try (MediaStore store = MediaStore.open(nobodyThere, here)) {
      assertThatThrownBy(store::check).isInstanceOf(MediaStoreException.class)
          .hasMessageContaining("cannot use S3").hasMessageContaining("TUNECUT_S3_ENDPOINT");
    }
    assertThat(good.toString()).doesNotContain(TestS3.SECRET_KEY);
  }
}
