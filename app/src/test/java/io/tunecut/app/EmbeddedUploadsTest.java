package io.tunecut.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunecut.core.nemo.NemoClient;
import io.tunecut.core.nemo.NemoException;
import io.tunecut.core.nemo.TokenSource;
import io.tunecut.core.nemo.UploadedFile;
import io.tunecut.studio.server.Studio;
import io.tunecut.studio.server.StudioSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bot in the studio's process hands over what it received from disk: no bytes over HTTP, same answers. */
class EmbeddedUploadsTest {
  @TempDir Path data;
  @TempDir Path received;
  Studio studio;
  NemoClient client;
  TokenSource auth;
  String session;

  @BeforeEach
  void start() throws Exception {
    studio = Studio.start(StudioSettings.defaults(data));
    client = NemoClient.builder().baseUrl(studio.baseUrl().toString()).build();
    String token = client.anonymousToken("ann").token();
    auth = new TokenSource() {
      @Override
      public String token() {
        return token;
      }

      @Override
      public String renew() {
        throw new AssertionError("the token is fresh");
      }
    };
    session = client.createSession(auth, "en").sessionId();
  }

  @AfterEach
  void stop() {
    studio.close();
  }

  @Test
  void theStudioKeepsTheVeryFileTheBotReceivedAndTheTimelineHasIt() throws Exception {
    Path clip = GeneratedMedia.make(received.resolve("beach day.mp4"), "-f", "lavfi", "-i",
        "testsrc2=size=320x180:rate=30:duration=2", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");

    List<UploadedFile> uploaded = new EmbeddedUploads(studio).upload(auth, session, List.of(clip));

    assertThat(uploaded).singleElement().satisfies(f -> {
      assertThat(f.filename()).isEqualTo("beach day.mp4");
      assertThat(f.fileType()).isEqualTo("video");
      assertThat(f.duration()).isBetween(1.9, 2.1);
      assertThat(f.width()).isEqualTo(320);
      assertThat(f.hash()).hasSize(64);
    });
    try (Stream<Path> media = Files.walk(data.resolve("media"))) {
      List<Path> kept = media.filter(Files::isRegularFile).toList();
      assertThat(kept).singleElement().satisfies(f ->
          assertThat(Files.isSameFile(f, clip)).as("the studio's media is the received file, linked, not a copy").isTrue());
    }
    assertThat(clip).as("the bot's file stays the bot's to delete").exists();
    assertThat(client.state(auth, session).draft().toString()).as("the timeline over the protocol").contains("beach day.mp4");
  }

  @Test
  void aFileTheStudioRefusesIsRefusedAsTheProtocolsUploadWouldBeAndNothingIsKept() throws Exception {
    Path notAVideo = Files.writeString(received.resolve("holiday.mp4"), "not a video", StandardCharsets.UTF_8);

    assertThatThrownBy(() -> new EmbeddedUploads(studio).upload(auth, session, List.of(notAVideo)))
        .isInstanceOfSatisfying(NemoException.class, e -> {
          assertThat(e.code()).isEqualTo(NemoException.UNSUPPORTED_FILE);
          assertThat(e.details().file()).isEqualTo("holiday.mp4");
          assertThat(e.details().problem()).isEqualTo(NemoException.Problem.UNREADABLE);
        });
    try (Stream<Path> media = Files.walk(data.resolve("media"))) {
      assertThat(media.filter(Files::isRegularFile)).as("nothing of a refused upload is kept").isEmpty();
    }
    assertThat(notAVideo).exists();
  }
}
