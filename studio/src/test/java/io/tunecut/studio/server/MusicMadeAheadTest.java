package io.tunecut.studio.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunecut.studio.ffmpeg.TestMedia;
import io.tunecut.studio.internal.analysis.AnalysisCache;
import io.tunecut.studio.internal.preview.Sketches;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A clip sent alone gets the music "add background music" would make, made while the person
 * types: the turn that asks for it hands over that very track, and anything else gets music
 * of its own. Over HTTP on loopback, with the real soundfont and ffmpeg.
 */
class MusicMadeAheadTest {
  static final String ASK = "add background music and sync it to the cuts";
  @TempDir static Path media;
  static Path clip;
  @TempDir Path dataDir;
  final List<Studio> studios = new ArrayList<>();

  @BeforeAll
  static void aClipWithACut() {
    clip = TestMedia.make(media.resolve("walk.mp4"), "-f", "lavfi", "-i", "testsrc2=size=160x120:rate=30:duration=3",
        "-f", "lavfi", "-i", "color=c=orange:size=160x120:rate=30:duration=3", "-filter_complex",
        "[0:v][1:v]concat=n=2:v=1:a=0,format=yuv420p[v]", "-map", "[v]");
  }

  @AfterEach
  void close() {
    studios.forEach(Studio::close);
  }

  @Test
  void theTurnTakesTheMusicMadeAheadAndSaysWhatItWouldHaveSaid(@TempDir Path plainDir) throws Exception {
    Studio studio = started(Studio.start(StudioSettings.defaults(dataDir)));
    Client ann = new Client(studio);
    ann.upload(clip);
    await().atMost(Duration.ofSeconds(60)).until(() -> studio.musicMadeAhead(ann.session));
    List<Path> ahead = composed(dataDir);
    assertThat(ahead).as("made ahead, once").hasSize(1);
    assertThat(ann.state().path("video_infos")).as("not the person's media before it is asked for").hasSize(1);

    String answer = ann.say(ASK);

    String id = ahead.get(0).getFileName().toString().replaceFirst("-.*", "");
    assertThat(ann.state().path("video_infos").findValuesAsText("id")).as("the track made ahead is the music").contains(id);
    assertThat(ann.draft().toString()).as("on the timeline").contains(id);
    assertThat(composed(dataDir)).as("no second track made").containsExactlyElementsOf(ahead);
    assertThat(studio.makingMusicAhead(ann.session)).isFalse();

    // A studio that makes nothing ahead answers the same turn with the same words.
    StudioSettings plainSettings = StudioSettings.defaults(plainDir);
    AnalysisCache analysis = DefaultParts.analysis(plainSettings);
    Sketches sketches = DefaultParts.sketches(plainSettings);
    Studio plain = started(Studio.start(plainSettings, DefaultParts.probe(plainSettings),
        DefaultParts.agent(plainSettings, analysis, DefaultParts.music(plainSettings, analysis, sketches)),
        DefaultParts.renderer(plainSettings)));
    Client bob = new Client(plain);
    bob.upload(clip);
    assertThat(plain.makingMusicAhead(bob.session)).isFalse();
    assertThat(answer).contains("Made music for you: 'upbeat pop for walk.mp4").isEqualTo(bob.say(ASK));
    assertThat(Files.size(ahead.get(0))).as("the same music").isEqualTo(Files.size(composed(plainDir).get(0)));
  }

  @Test
  void aTrimBeforeTheRequestGetsMusicForTheTrimmedVideo() throws Exception {
    Studio studio = started(Studio.start(StudioSettings.defaults(dataDir)));
    Client ann = new Client(studio);
    ann.upload(clip);
    await().atMost(Duration.ofSeconds(60)).until(() -> studio.musicMadeAhead(ann.session));
    Path ahead = composed(dataDir).get(0);

    ann.say("trim the first clip to 4 seconds");
    String answer = ann.say(ASK);

    assertThat(answer).contains("Made music for you");
    JsonNode track = track(ann);
    assertThat(track.path("duration").asDouble()).as("music as long as the trimmed video").isCloseTo(4.0, within(0.05));
    assertThat(ahead.getFileName().toString()).doesNotStartWith(track.path("id").asText());
    assertThat(ahead).as("the music made for the longer video is gone").doesNotExist();
    assertThat(composed(dataDir)).hasSize(1);
  }

  @Test
  void aTrackSentDropsTheMusicMadeAheadAndNoneIsMadeBesideOne() throws Exception {
    Studio studio = started(Studio.start(StudioSettings.defaults(dataDir)));
    Client ann = new Client(studio);
    ann.upload(clip);
    await().atMost(Duration.ofSeconds(60)).until(() -> studio.musicMadeAhead(ann.session));
    assertThat(composed(dataDir)).hasSize(1);

    ann.upload(Samples.track());
    assertThat(studio.makingMusicAhead(ann.session)).isFalse();
    assertThat(composed(dataDir)).as("dropped with the upload of a track").isEmpty();
    assertThat(ann.state().path("video_infos").findValuesAsText("filename")).containsExactly("walk.mp4", "lofi.mp3");
    assertThat(ann.say(ASK)).contains("Added 'lofi.mp3' as background music");

    Client bob = new Client(studio);
    bob.upload(clip, Samples.track());
    assertThat(studio.makingMusicAhead(bob.session)).as("a clip sent with its track").isFalse();
    assertThat(composed(dataDir)).isEmpty();
  }

  private Studio started(Studio studio) {
    studios.add(studio);
    return studio;
  }

  private static JsonNode track(Client c) throws IOException {
    for (JsonNode info : c.state().path("video_infos")) {
      if (info.path("file_type").asText().equals("audio")) return info;
    }
    throw new AssertionError("no track in " + c.state());
  }

  /** The composed tracks on disk, and no half-made ones. */
  private static List<Path> composed(Path data) throws IOException {
    Path dir = data.resolve("media").resolve("composed");
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted().toList();
    }
  }

  /** One person's session on a studio. */
  private static final class Client {
    final StudioHttp http;
    final String token;
    final String session;

    Client(Studio studio) {
      http = new StudioHttp(studio.baseUrl());
      token = http.anonymousToken(UUID.randomUUID().toString()).data().path("token").asText();
      session = http.session(token);
    }

    void upload(Path... files) {
      assertThat(http.upload(token, session, files).code()).isZero();
    }

    JsonNode state() {
      return http.state(token, session).data().path("state");
    }

    JsonNode draft() {
      return state().path("draft");
    }

    /** The turn's answer, its last event's text. */
    String say(String text) throws IOException {
      StudioHttp.Answer turn = http.post("/run_sse", token, StudioHttp.runSseBody(session, text));
      String last = null;
      for (String line : turn.body().split("\n")) {
        if (line.startsWith("data: ")) last = line.substring(6);
      }
      assertThat(last).as("an answer to %s", text).isNotNull();
      return StudioHttp.MAPPER.readTree(last).path("content").path("parts").get(0).path("text").asText();
    }
  }
}
