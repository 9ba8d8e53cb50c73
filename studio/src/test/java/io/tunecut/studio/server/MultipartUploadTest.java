package io.tunecut.studio.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/** How the studio reads a multipart upload off the wire: whole files, each straight to disk, or a clear refusal. */
class MultipartUploadTest extends StudioTestBase {
  private static final String BOUNDARY = "b0und4ry-x";
  final ScriptedRenderer renderer = new ScriptedRenderer(false);

  /** Bytes full of near-delimiters, CRs and dashes, the hardest content for a multipart parser. */
  private static byte[] hostileBytes(int size) {
    Random random = new Random(42);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] near = ("\r\n--" + BOUNDARY.substring(0, BOUNDARY.length() - 1)).getBytes(StandardCharsets.US_ASCII);
    while (out.size() < size) {
      int pick = random.nextInt(4);
      if (pick == 0) out.writeBytes(near);
      else if (pick == 1) out.writeBytes("\r\r\n-\r\n--".getBytes(StandardCharsets.US_ASCII));
      else {
        byte[] chunk = new byte[random.nextInt(5000)];
        random.nextBytes(chunk);
        out.writeBytes(chunk);
      }
    }
    return Arrays.copyOf(out.toByteArray(), size);
  }

  /** A valid WAV file (8 kHz, 16-bit mono) whose samples are {@code samples}: any bytes are sound. */
  private static byte[] wav(byte[] samples) {
    ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
    header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples.length)
        .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
        .putInt(8000).putInt(16000).putShort((short) 2).putShort((short) 16)
        .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples.length);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(header.array());
    out.writeBytes(samples);
    return out.toByteArray();
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private List<Path> media() throws IOException {
    Path dir = dataDir.resolve("media");
    if (!Files.exists(dir)) return List.of();
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).toList();
    }
  }

  private StudioHttp.Answer post(StudioHttp http, String token, String session, RequestBody body) {
    return http.send(http.request("/api/upload-video/nemo_agent/me/" + session, token).post(body).build());
  }

  @Test
  void filesArriveByteForByteWhateverTheyContainAndFormFieldsAreSkipped() throws Exception {
    StudioHttp http = http(start(renderer, s -> s));
    String token = http.token("c");
    String session = http.session(token);
    byte[] first = wav(hostileBytes(300_000));
    byte[] second = wav(hostileBytes(70_000));
    MultipartBody body = new MultipartBody.Builder(BOUNDARY).setType(MultipartBody.FORM)
        .addFormDataPart("note", "hello")
        .addFormDataPart("files", "a.wav", RequestBody.create(first, MediaType.get("audio/wav")))
        .addFormDataPart("files", "城市.wav", RequestBody.create(second, null))
        .build();

    StudioHttp.Answer a = post(http, token, session, body);

    assertThat(a.code()).as(a.body()).isZero();
    assertThat(a.data().path("files")).hasSize(2);
    assertThat(a.data().path("files").get(0).path("filename").asText()).isEqualTo("a.wav");
    assertThat(a.data().path("files").get(1).path("filename").asText()).isEqualTo("城市.wav");
    assertThat(http.bytes(a.data().path("files").get(0).path("cdn_url").asText())).isEqualTo(first);
    assertThat(a.data().path("files").get(1).path("hash").asText()).isEqualTo(sha256(second));
  }

  @Test
  void aBodyCutShortIsRefusedAndLeavesNoFileBehind() throws IOException {
    StudioHttp http = http(start(renderer, s -> s));
    String token = http.token("c");
    String session = http.session(token);
    MultipartBody body = new MultipartBody.Builder(BOUNDARY).setType(MultipartBody.FORM)
        .addFormDataPart("files", "a.wav", RequestBody.create(wav(hostileBytes(10_000)), null)).build();
    Buffer wire = new Buffer();
    body.writeTo(wire);
    byte[] all = wire.readByteArray();
    byte[] cut = Arrays.copyOf(all, all.length - 200);

    StudioHttp.Answer a = post(http, token, session, RequestBody.create(cut, body.contentType()));

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.json().path("message").asText()).contains("could not be read");
    assertThat(media()).isEmpty();
    assertThat(http.state(token, session).data().path("state").path("video_infos")).isEmpty();
  }

  @Test
  void aMultipartBodyWithoutABoundaryIsRefused() {
    StudioHttp http = http(start(renderer, s -> s));
    String token = http.token("c");
    String session = http.session(token);

    StudioHttp.Answer a = post(http, token, session,
        RequestBody.create(new byte[] {1, 2, 3}, MediaType.get("multipart/form-data")));

    assertThat(a.status()).isEqualTo(400);
    assertThat(a.json().path("message").asText()).contains("boundary");
  }
}
