package io.tunecut.studio.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import okio.Buffer;
import org.junit.jupiter.api.Test;

class MultipartStreamTest {

  private static byte[] hostileBytes(int size, String boundary) {
    Random random = new Random(42);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] near = ("\r\n--" + boundary.substring(0, boundary.length() - 1)).getBytes(StandardCharsets.US_ASCII);
    while (out.size() < size) {
      int pick = random.nextInt(4);
      if (pick == 0) out.writeBytes(near); // almost a delimiter
      else if (pick == 1) out.writeBytes("\r\r\n-\r\n--".getBytes(StandardCharsets.US_ASCII));
      else {
        byte[] chunk = new byte[random.nextInt(5000)];
        random.nextBytes(chunk);
        out.writeBytes(chunk);
      }
    }
    return out.toByteArray();
  }

  /** Hands out a few bytes per read, so delimiters straddle every buffer boundary. */
  private static InputStream trickle(byte[] body) {
    return new FilterInputStream(new ByteArrayInputStream(body)) {
      final Random random = new Random(7);

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return super.read(b, off, Math.min(len, 1 + random.nextInt(700)));
      }
    };
  }

  @Test
  void partsComeOutByteForByteWhateverTheyContain() throws IOException {
    MultipartBody body = new MultipartBody.Builder("b0und4ry-x").setType(MultipartBody.FORM)
        .addFormDataPart("note", "hello")
        .addFormDataPart("files", "a.mp4", RequestBody.create(hostileBytes(300_000, "b0und4ry-x"), MediaType.get("video/mp4")))
        .addFormDataPart("files", "城市.mp3", RequestBody.create(hostileBytes(70_000, "b0und4ry-x"), null))
        .addFormDataPart("files", "empty.wav", RequestBody.create(new byte[0], null))
        .build();
    Buffer wire = new Buffer();
    body.writeTo(wire);

    MultipartStream parts = MultipartStream.of(trickle(wire.readByteArray()), body.contentType().toString());

    MultipartStream.Part note = parts.next();
    assertThat(note.name()).isEqualTo("note");
    assertThat(note.filename()).isNull();
    assertThat(new String(note.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
    MultipartStream.Part a = parts.next();
    assertThat(a.filename()).isEqualTo("a.mp4");
    assertThat(a.contentType()).isEqualTo("video/mp4");
    assertThat(a.body().readAllBytes()).isEqualTo(hostileBytes(300_000, "b0und4ry-x"));
    MultipartStream.Part b = parts.next();
    assertThat(b.filename()).isEqualTo("城市.mp3");
    // Not reading a part is fine: next() skips what is left of it.
    MultipartStream.Part empty = parts.next();
    assertThat(empty.filename()).isEqualTo("empty.wav");
    assertThat(empty.body().readAllBytes()).isEmpty();
    assertThat(parts.next()).isNull();
  }

  @Test
  void aBodyCutShortIsAnErrorNotASilentlyShortFile() throws IOException {
    MultipartBody body = new MultipartBody.Builder("bnd").setType(MultipartBody.FORM)
        .addFormDataPart("files", "a.mp4", RequestBody.create(new byte[10_000], null)).build();
    Buffer wire = new Buffer();
    body.writeTo(wire);
    byte[] all = wire.readByteArray();
    byte[] cut = java.util.Arrays.copyOf(all, all.length - 200);

    MultipartStream parts = MultipartStream.of(new ByteArrayInputStream(cut), body.contentType().toString());
    MultipartStream.Part a = parts.next();

    assertThatThrownBy(() -> a.body().readAllBytes()).isInstanceOf(IOException.class).hasMessageContaining("ended");
  }

  @Test
  void aBodyWithoutABoundaryIsRefused() {
    assertThatThrownBy(() -> MultipartStream.of(new ByteArrayInputStream(new byte[0]), "multipart/form-data"))
        .isInstanceOf(IOException.class).hasMessageContaining("boundary");
  }
}
