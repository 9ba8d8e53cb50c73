package io.tunecut.studio.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunecut.studio.internal.intake.IntakeException;
import io.tunecut.studio.internal.intake.UrlFetcher;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okio.Buffer;
import org.junit.jupiter.api.Test;

class StudioUploadTest extends StudioTestBase {
  final ScriptedRenderer renderer = new ScriptedRenderer(false);

  private List<Path> filesUnder(Path dir) throws IOException {
    if (!Files.exists(dir)) return List.of();
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void anUploadAnswersEveryFieldAndUpdatesTheDraft() throws Exception {
    StudioHttp http = http(start(renderer, s -> s));
    String token = http.token("c");
    String session = http.session(token);

    StudioHttp.Answer a = http.upload(token, session, Samples.clip(), Samples.track());

    assertThat(a.status()).isEqualTo(200);
    assertThat(a.data().path("session_state_applied").asBoolean()).isTrue();
    JsonNode clip = a.data().path("files").get(0);
    JsonNode track = a.data().path("files").get(1);
    assertThat(clip.path("filename").asText()).isEqualTo("city.mp4");
    assertThat(clip.path("file_type").asText()).isEqualTo("video");
    assertThat(clip.path("width").asInt()).isEqualTo(160);
    assertThat(clip.path("fps").asDouble()).isEqualTo(30.0);
    String sha = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
        .digest(Files.readAllBytes(Samples.clip())));
    assertThat(clip.path("hash").asText()).isEqualTo(sha);
    assertThat(track.path("file_type").asText()).isEqualTo("audio");
    assertThat(track.path("duration").asDouble()).isBetween(2.9, 3.2);
    byte[] served = http.bytes(clip.path("cdn_url").asText());
    assertThat(HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(served))).isEqualTo(sha);
    JsonNode draft = http.state(token, session).data().path("state").path("draft");
    assertThat(draft.path("t").get(0).path("sg").get(0).path("src").asText()).isEqualTo(clip.path("id").asText());
  }

  @Test
  void uploadedFilesAreAnalysedRightAwayWithoutAnyoneAsking() throws Exception {
    StudioHttp http = http(start(renderer, s -> s));
    String token = http.token("c");
    String session = http.session(token);

    http.upload(token, session, Samples.clip(), Samples.track());

    // The clip's cuts and speech and the track's beats, ready for the turn that syncs them.
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> filesUnder(dataDir.resolve("analysis"))
        .stream().map(f -> f.getFileName().toString().replaceAll("^[0-9a-f]+\\.|\\.v\\d+\\.json$", "")).sorted().toList()
        .equals(List.of("beats", "cuts", "speech")));
  }

  @Test
  void aFileOverTheLimitIsRefusedWith4002AndNothingIsLeftOnDisk() throws IOException {
    StudioHttp http = http(start(renderer, s -> s.withMaxUploadBytes(100_000)));
    String token = http.token("c");
    String session = http.session(token);
    byte[] big = new byte[400_000];
    Arrays.fill(big, (byte) '\r'); // delimiter-like bytes must not confuse the parser either

    StudioHttp.Answer a = http.uploadBytes(token, session, "big.mp4", big);

    Path bigFile = dataDir.resolve("big.mov");
    Files.write(bigFile, big);
    StudioHttp.Answer mixed = http.upload(token, session, Samples.clip(), bigFile);
    Files.delete(bigFile);

    assertThat(a.code()).isEqualTo(4002);
    assertThat(a.status()).isEqualTo(413);
    assertThat(a.json().path("message").asText()).contains("97.7 KB").contains("100000 bytes");
    assertThat(mixed.code()).as("the small clip before the big file is not kept either").isEqualTo(4002);
    assertThat(filesUnder(dataDir.resolve("media"))).isEmpty();
    assertThat(http.state(token, session).data().path("state").path("video_infos")).isEmpty();
    // The studio keeps serving.
    assertThat(http.upload(token, session, Samples.track()).code()).isZero();
  }

  @Test
  void tracksInOggFlacAndOpusAreTakenAsMusic(@org.junit.jupiter.api.io.TempDir Path tracks) throws IOException {
    StudioHttp http = http(start(renderer, s -> s));
    String token = http.token("c");
    String session = http.session(token);

    for (String name : List.of("voice_12.ogg", "song.flac", "memo.opus")) {
      StudioHttp.Answer a = http.upload(token, session, io.tunecut.studio.ffmpeg.TestMedia.track(tracks, name, 2));
      assertThat(a.code()).as(name).isZero();
      assertThat(a.data().path("files").get(0).path("file_type").asText()).as(name).isEqualTo("audio");
    }
  }

  @Test
  void aFileThatIsNotMediaIsRefusedWith4001AReasonAndTheFormats() throws IOException {
    StudioHttp http = http(start(renderer, s -> s));
    String token = http.token("c");
    String session = http.session(token);

    StudioHttp.Answer text = http.uploadBytes(token, session, "notes.mp4", "just some words\n".repeat(100).getBytes());
    byte[] whole = Files.readAllBytes(Samples.clip());
    StudioHttp.Answer truncated = http.uploadBytes(token, session, "cut.mp4", Arrays.copyOf(whole, 600));
    StudioHttp.Answer exe = http.uploadBytes(token, session, "tool.exe", whole);
    StudioHttp.Answer empty = http.uploadBytes(token, session, "empty.mp4", new byte[0]);

    for (StudioHttp.Answer a : List.of(text, truncated, exe, empty)) {
      assertThat(a.code()).isEqualTo(4001);
      assertThat(a.json().path("message").asText()).contains("mp4, mov").contains("mp3").contains("jpg")
          .doesNotContain(dataDir.toString());
    }
    assertThat(exe.json().path("message").asText()).contains(".exe");
    assertThat(empty.json().path("message").asText()).contains("empty");
    // Beside the words, which file and what kind of problem, for a client to say in its own words.
    assertThat(exe.json().path("file").asText()).isEqualTo("tool.exe");
    assertThat(exe.json().path("problem").asText()).isEqualTo("format");
    for (StudioHttp.Answer a : List.of(text, truncated, empty)) assertThat(a.json().path("problem").asText()).isEqualTo("unreadable");
    assertThat(text.json().path("file").asText()).isEqualTo("notes.mp4");
    assertThat(filesUnder(dataDir.resolve("media"))).isEmpty();
  }

  @Test
  void hostileFileNamesStayInsideTheDataDirectoryAndStayReadable() throws IOException {
    StudioHttp http = http(start(renderer, s -> s));
    String token = http.token("c");
    String session = http.session(token);
    Path media = dataDir.resolve("media");

    List<String> names = List.of("../../etc/passwd.mp4", "/etc/cron.d/x.mp4", "..\\..\\win.mp4", "a\u0000b.mp4",
"\u202Eevil\u0007.mp4", "城市 夜景.mp4", "x".repeat(400) + ".mp4");
    for (String name : names) {
      StudioHttp.Answer a = http.uploadAs(token, session, name, Samples.clip());
      assertThat(a.code()).as(name).isZero();
      String kept = a.data().path("files").get(0).path("filename").asText();
      assertThat(kept).doesNotContain("/").doesNotContain("\\").doesNotContain("..").doesNotContain("\u0000")
          .doesNotContain("\u202E").endsWith(".mp4");
      assertThat(kept.length()).isLessThanOrEqualTo(120);
    }
    List<String> kept = http.state(token, session).data().path("state").path("video_infos").findValuesAsText("filename");
    assertThat(kept).contains("passwd.mp4", "x.mp4", "win.mp4", "城市 夜景.mp4", "ab.mp4");
    for (Path f : filesUnder(dataDir)) {
      assertThat(f.toAbsolutePath().normalize()).startsWith(dataDir.toAbsolutePath());
    }
    assertThat(filesUnder(media)).hasSize(names.size());
    // A name that is nothing but dots and an extension loses its extension, and is refused.
    assertThat(http.uploadAs(token, session, "..mp4", Samples.clip()).code()).isEqualTo(4001);
  }

  @Test
  void urlUploadsFromLoopbackAreRefusedUnlessAllowed() throws IOException {
    try (MockWebServer origin = new MockWebServer()) {
      origin.start();
      StudioHttp http = http(start(renderer, s -> s));
      String token = http.token("c");
      String session = http.session(token);
      String url = origin.url("/clips/city.mp4").toString();

      StudioHttp.Answer literal = http.post("/api/upload-video/nemo_agent/me/" + session, token,
          "{\"urls\":[\"" + url + "\"],\"source_type\":\"url\"}");
      StudioHttp.Answer named = http.post("/api/upload-video/nemo_agent/me/" + session, token,
          "{\"urls\":[\"" + url.replace("127.0.0.1", "localhost") + "\"],\"source_type\":\"url\"}");
      StudioHttp.Answer ftp = http.post("/api/upload-video/nemo_agent/me/" + session, token,
          "{\"urls\":[\"ftp://example.com/a.mp4\"],\"source_type\":\"url\"}");

      assertThat(literal.code()).isNotZero();
      assertThat(literal.json().path("message").asText()).contains("not allowed");
      assertThat(named.code()).isNotZero();
      assertThat(named.json().path("message").asText()).contains("not allowed");
      assertThat(ftp.json().path("message").asText()).contains("http and https");
      assertThat(origin.getRequestCount()).isZero();
    }
  }

  @Test
  void aRedirectToAForbiddenAddressIsRefusedBeforeAnyConnection(@org.junit.jupiter.api.io.TempDir Path tmp)
      throws Exception {
    try (MockWebServer origin = new MockWebServer()) {
      origin.enqueue(new MockResponse.Builder().code(302)
          .addHeader("Location", "http://127.0.0.2:" + 1 + "/x.mp4").build());
      origin.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
      // Only the first hop's address is allowed here: the redirect target must be checked too.
      UrlFetcher fetcher = new UrlFetcher(a -> a.getHostAddress().equals("127.0.0.1"), Duration.ofSeconds(2),
          Duration.ofSeconds(5));

      assertThatThrownBy(() -> fetcher.fetch(origin.url("/a.mp4").toString(), tmp.resolve("out"), 1000))
          .isInstanceOf(IntakeException.class).hasMessageContaining("127.0.0.2").hasMessageContaining("not allowed");
      assertThat(origin.getRequestCount()).isEqualTo(1);
      assertThat(tmp.resolve("out")).doesNotExist();
    }
  }

  @Test
  void privateLinkLocalAndMappedAddressesAreNotPublic() throws Exception {
    for (String a : List.of("10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254", "127.0.0.1", "0.0.0.0",
        "100.64.0.1", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "::ffff:10.1.2.3")) {
      assertThat(UrlFetcher.isPublic(InetAddress.getByName(a))).as(a).isFalse();
    }
    for (String a : List.of("93.184.216.34", "8.8.8.8", "2606:4700::1111")) {
      assertThat(UrlFetcher.isPublic(InetAddress.getByName(a))).as(a).isTrue();
    }
  }

  @Test
  void urlUploadsAreFetchedWhenPrivateAddressesAreAllowed() throws IOException {
    try (MockWebServer origin = new MockWebServer()) {
      Buffer clip = new Buffer().write(Files.readAllBytes(Samples.clip()));
      origin.enqueue(new MockResponse.Builder().addHeader("Content-Type", "video/mp4").body(clip).build());
      origin.start();
      StudioHttp http = http(start(renderer, s -> s.withAllowPrivateUrls(true)));
      String token = http.token("c");
      String session = http.session(token);

      StudioHttp.Answer a = http.post("/api/upload-video/nemo_agent/me/" + session, token,
          "{\"urls\":[\"" + origin.url("/clips/city.mp4?sig=secret") + "\"],\"source_type\":\"url\"}");

      assertThat(a.code()).isZero();
      JsonNode file = a.data().path("files").get(0);
      assertThat(file.path("filename").asText()).isEqualTo("city.mp4");
      assertThat(file.path("file_type").asText()).isEqualTo("video");
      assertThat(file.path("duration").asDouble()).isBetween(1.9, 2.1);
    }
  }

  @Test
  void aUrlDownloadOverTheLimitIsRefusedWith4002() throws IOException {
    try (MockWebServer origin = new MockWebServer()) {
      origin.enqueue(new MockResponse.Builder().body(new Buffer().write(new byte[300_000])).build());
      origin.start();
      StudioHttp http = http(start(renderer, s -> s.withAllowPrivateUrls(true).withMaxUploadBytes(100_000)));
      String token = http.token("c");
      String session = http.session(token);

      StudioHttp.Answer a = http.post("/api/upload-video/nemo_agent/me/" + session, token,
          "{\"urls\":[\"" + origin.url("/big.mp4") + "\"]}");

      assertThat(a.code()).isEqualTo(4002);
      assertThat(filesUnder(dataDir.resolve("media"))).isEmpty();
    }
  }

  @Test
  void aUrlThatTricklesIsGivenUpOnInTime(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
    try (MockWebServer origin = new MockWebServer()) {
      origin.enqueue(new MockResponse.Builder().body(new Buffer().write(new byte[100_000]))
          .throttleBody(1024, 1, java.util.concurrent.TimeUnit.SECONDS).build());
      origin.start();
      UrlFetcher fetcher = new UrlFetcher(true, Duration.ofSeconds(2), Duration.ofSeconds(1));

      assertThatThrownBy(() -> fetcher.fetch(origin.url("/slow.mp4").toString(), tmp.resolve("out"), 1_000_000))
          .isInstanceOf(IntakeException.class).hasMessageContaining("took too long");
      assertThat(tmp.resolve("out")).doesNotExist();
    }
  }
}
