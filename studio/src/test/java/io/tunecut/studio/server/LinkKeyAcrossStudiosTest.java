package io.tunecut.studio.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunecut.studio.ffmpeg.TestMedia;
import io.tunecut.studio.server.QueueSettings;
import io.tunecut.studio.internal.link.LinkSigner;
import io.tunecut.studio.internal.media.FfprobeMediaProbe;
import io.tunecut.studio.server.MediaSettings;
import io.tunecut.studio.internal.store.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Studios serving the API sign download links with one key kept in their database: a link one
 * studio made opens on another, with no disk shared for it.
 */
class LinkKeyAcrossStudiosTest {
  @TempDir Path first;
  @TempDir Path second;
  @TempDir Path media;
  private final List<Studio> started = new ArrayList<>();

  @AfterEach
  void close() {
    started.forEach(Studio::close);
  }

  private Studio start(StudioSettings settings) {
    try {
      Studio s = Studio.start(settings, new FfprobeMediaProbe(TestMedia.FFMPEG), new FakeAgent(),
          new ScriptedRenderer(false));
      started.add(s);
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aLinkSignedByOneStudioOpensOnAnotherOnTheSameDatabase() throws Exception {
    String url = TestPostgres.freshDatabase();
    MediaSettings shared = new MediaSettings(media.toString(), null, null, null, null);
    StudioHttp onA = new StudioHttp(start(StudioSettings.defaults(first).withDatabaseUrl(url)
        .withRole(QueueSettings.Role.API).withMedia(shared)).baseUrl());
    StudioHttp onB = new StudioHttp(start(StudioSettings.defaults(second).withDatabaseUrl(url)
        .withRole(QueueSettings.Role.API).withMedia(shared)).baseUrl());

    Path clip = Samples.clip();
    String token = onA.token("c");
    String session = onA.session(token);
    String link = onA.upload(token, session, clip).data().path("files").get(0).path("cdn_url").asText();
    assertThat(link).startsWith(onA.base + "/files/");
    String elsewhere = onB.base + link.substring(onA.base.length());
    assertThat(onB.bytes(elsewhere)).as("A's link, opened on B").isEqualTo(Files.readAllBytes(clip));
    assertThat(onB.get(elsewhere.substring(0, elsewhere.length() - 2) + "xx", null).status())
        .as("B still refuses a tampered link").isEqualTo(403);

    String other = onB.upload(token, session, clip).data().path("files").get(0).path("cdn_url").asText();
    assertThat(onA.bytes(onA.base + other.substring(onB.base.length()))).as("B's link, opened on A")
        .isEqualTo(Files.readAllBytes(clip));
    assertThat(first.resolve("link.key")).doesNotExist();
    assertThat(second.resolve("link.key")).doesNotExist();
  }

  @Test
  void linksSignedWithTheKeyAnEarlierTunecutKeptOnDiskStayValid() throws Exception {
    byte[] earlier = LinkSigner.newKey();
    Files.writeString(first.resolve("link.key"), Base64.getEncoder().encodeToString(earlier));
    StudioHttp http = new StudioHttp(start(StudioSettings.defaults(first)).baseUrl());
    String signedBefore = new LinkSigner(earlier, () -> http.base, Duration.ofDays(7), Clock.systemUTC())
        .link("med_gone");
    String signedByAnother = new LinkSigner(LinkSigner.newKey(), () -> http.base, Duration.ofDays(7),
        Clock.systemUTC()).link("med_gone");
    assertThat(http.get(signedBefore, null).status()).as("valid, for a file that is gone").isEqualTo(404);
    assertThat(http.get(signedByAnother, null).status()).isEqualTo(403);
  }
}
