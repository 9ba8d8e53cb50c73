package io.tunecut.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tunecut.core.chat.Attachment;
import io.tunecut.core.testing.FakeNemoServer;
import io.tunecut.core.testing.RecordingPort;
import io.tunecut.core.testing.Turn;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What people see instead of reading: the timeline's picture on /status and after edits, the
 * quick preview, the render's progress bar and the forecast before a long export.
 */
class PicturesTest {
  /** EXAMPLE_DRAFT with a second clip: 30 s in all. */
  private static final String LONGER = FakeNemoServer.EXAMPLE_DRAFT.replace("\"d\":10000,\"m\"", "\"d\":30000,\"m\"")
      .replace("\"st\":0,\"d\":10000,\"in\":0,\"v\":1.0}]}",
          "\"st\":0,\"d\":10000,\"in\":0,\"v\":1.0},{\"id\":\"c2\",\"src\":\"med_1\",\"n\":\"beach.mp4\",\"kind\":\"video\",\"st\":10000,\"d\":20000,\"in\":0,\"v\":1.0}]}");

  @TempDir Path tmp;
  Harness h;

  private void start(boolean studio, UnaryOperator<ConversationEngine.Builder> tune) throws Exception {
    start(studio, RecordingPort.create(), tune);
  }

  private void start(boolean studio, RecordingPort port, UnaryOperator<ConversationEngine.Builder> tune) throws Exception {
    h = new Harness(tmp, port, tune);
    if (studio) h.server.drawsPictures().saysItIsATunecutStudio();
    h.run("ann", "hello");
    h.server.draft(h.sessionOf("ann"), FakeNemoServer.EXAMPLE_DRAFT);
    h.port.clear();
  }

  @AfterEach
  void stop() throws Exception {
    if (h != null) h.close();
  }

  @Test
  void statusShowsTheTimelinePictureWithTheSummaryUnderIt() throws Exception {
    start(true, b -> b);
    h.run("ann", "/status");

    List<RecordingPort.Call> photos = h.port.photos();
    assertThat(photos).hasSize(1);
    assertThat(photos.get(0).fileBytes()).isEqualTo(h.server.timelinePicture().length);
    assertThat(photos.get(0).text()).startsWith("Timeline: ").contains("lofi.mp3");
    assertThat(photos.get(0).suggestions()).extracting(s -> s.command()).contains("/export", "/status");
    assertThat(h.sentTo("ann")).noneMatch(t -> t.startsWith("Timeline: "));
    assertThat(h.workDirEmpty()).isTrue();
  }

  @Test
  void againstABackendWithoutPicturesStatusIsTheSummaryInWordsAndItIsNotAskedAgain() throws Exception {
    start(false, b -> b);
    h.run("ann", "/status");
    h.run("ann", "/status");

    assertThat(h.port.photos()).isEmpty();
    assertThat(h.sentTo("ann")).filteredOn(t -> t.startsWith("Timeline: ")).hasSize(2);
    assertThat(h.server.count(FakeNemoServer.Call.TIMELINE_PICTURE)).isZero();
  }

  @Test
  void anEditThatChangesTheTimelineIsFollowedByItsPicture() throws Exception {
    start(true, b -> b);
    h.server.enqueueTurn(Turn.builder().tool("set_volume").draft(LONGER).build());
    h.run("ann", "add the beach clip");

    assertThat(h.port.photos()).hasSize(1);
    assertThat(h.port.photos().get(0).text()).startsWith("Done. What changed: ");

    h.server.enqueueTurn(Turn.builder().text("Music at 80%.").draft(LONGER.replace("0.35", "0.8")).build());
    h.run("ann", "music at 80%");
    assertThat(h.port.photos()).hasSize(2);
    // The answer said it in words, with the buttons: the picture follows it alone.
    assertThat(h.port.photos().get(1).text()).isEmpty();
    List<RecordingPort.Call> calls = h.port.calls();
    int answer = calls.indexOf(calls.stream().filter(c -> "Music at 80%.".equals(c.text())).findFirst().orElseThrow());
    assertThat(calls.indexOf(h.port.photos().get(1))).isGreaterThan(answer);

    h.server.enqueueTurn(Turn.builder().text("Your timeline is 30 seconds long.").build());
    h.run("ann", "how long is it?");
    assertThat(h.port.photos()).as("nothing changed: no new picture").hasSize(2);
  }

  @Test
  void thePictureIsAskedInTheLanguageThePersonWritesInNow() throws Exception {
    start(true, b -> b);
    h.run("ann", "/status");
    h.server.enqueueTurn(Turn.builder().text("音乐音量已设为 80%。").draft(LONGER.replace("0.35", "0.8")).build());
    h.run("ann", "把音乐调到80%");

    assertThat(h.port.photos()).hasSize(2);
    List<String> asked = h.server.requests(FakeNemoServer.Call.TIMELINE_PICTURE).stream()
        .map(r -> String.valueOf(r.getUrl().queryParameter("lang"))).toList();
    assertThat(asked).as("its labels: '2 clips', 'fade out 2 s' or '2 个片段', '淡出 2 秒'").containsExactly("en", "zh");
  }

  @Test
  void anAlbumOfClipsIsFollowedByOnePictureOfTheTimeline() throws Exception {
    start(true, b -> b);
    h.run(h.files("ann", "", clip("beach.mp4"), clip("harbour.mp4"), clip("market.mp4")));

    assertThat(h.port.photos()).hasSize(1);
    assertThat(h.server.count(FakeNemoServer.Call.TIMELINE_PICTURE)).isEqualTo(1);
    assertPictureUnder(0, "", "market.mp4");
    assertThat(h.workDirEmpty()).isTrue();
  }

  @Test
  void anUploadShowsAFirstPictureAtOnceAndTheFullOneOnceTheBeatsAreFound() throws Exception {
    start(true, b -> b);
    h.server.drawsAtOnceWhileFinding("beats, cuts", "beats");
    h.run(h.files("ann", "", clip("beach.mp4")));

    // The test port, as the console, replaces no picture: the full one follows as a picture of its own.
    assertThat(h.port.photos()).as("the first picture, then the one with the beats").hasSize(2);
    assertThat(h.port.replacedPhotos()).isEmpty();
    assertPictureUnder(0, "", "beach.mp4");
    assertThat(h.port.photos().get(1).text()).isEmpty();
    List<String> asked = h.server.requests(FakeNemoServer.Call.TIMELINE_PICTURE).stream()
        .map(r -> String.valueOf(r.getUrl().queryParameter("at_once"))).toList();
    assertThat(asked).containsExactly("true", "null");
    assertThat(h.workDirEmpty()).isTrue();
  }

  @Test
  void whereThePlatformReplacesPicturesTheFullOneTakesTheFirstOnesPlaceUnderTheSameCaption() throws Exception {
    start(true, RecordingPort.builder().replacesPhotos(true).build(), b -> b);
    h.server.drawsAtOnceWhileFinding("beats, cuts", "beats");
    h.server.enqueueTurn(Turn.builder().tool("set_volume").draft(LONGER).build());
    h.run("ann", "add the beach clip");

    assertThat(h.port.photos()).as("one picture in the chat").hasSize(1);
    RecordingPort.Call first = h.port.photos().get(0);
    assertThat(first.text()).startsWith("Done. What changed: ");
    assertThat(h.port.replacedPhotos()).singleElement().satisfies(full -> {
      assertThat(full.ref()).isEqualTo(first.ref());
      assertThat(full.text()).as("the caption stays").isEqualTo(first.text());
      assertThat(full.suggestions()).as("the buttons stay").isEqualTo(first.suggestions()).isNotEmpty();
      assertThat(full.fileBytes()).isEqualTo(h.server.timelinePicture().length);
    });
    assertThat(h.port.calls().indexOf(h.port.replacedPhotos().get(0))).isGreaterThan(h.port.calls().indexOf(first));
    assertThat(h.workDirEmpty()).isTrue();
  }

  @Test
  void aFullPictureThatComesAfterANewerPictureReplacesNothing() throws Exception {
    start(true, RecordingPort.builder().replacesPhotos(true).build(), b -> b);
    h.server.drawsAtOnceWhileFinding("beats, cuts", "beats");
    CountDownLatch analysis = new CountDownLatch(1);
    h.server.holdFullPictures(analysis);
    CompletableFuture<Void> first = h.engine.handle(h.files("ann", "", clip("beach.mp4")), h.port);
    await().until(() -> h.port.photos().size() == 1);
    h.server.enqueueTurn(Turn.builder().tool("set_volume").draft(LONGER.replace("0.35", "0.8")).build());
    CompletableFuture<Void> second = h.send("ann", "music at 80%");
    await().until(() -> h.port.photos().size() == 2);

    analysis.countDown();
    CompletableFuture.allOf(first, second).get(20, TimeUnit.SECONDS);

    // The first picture's full one would show the timeline as the second turn left it: only the
    // newest picture is completed, so no older message shows a later timeline.
    assertThat(h.port.replacedPhotos()).singleElement()
        .satisfies(full -> assertThat(full.ref()).isEqualTo(h.port.photos().get(1).ref()));
    assertThat(h.workDirEmpty()).isTrue();
  }

  @Test
  void aFullPictureThatFoundNothingTheFirstWasFindingReplacesNothing() throws Exception {
    start(true, RecordingPort.builder().replacesPhotos(true).build(), b -> b);
    h.server.drawsAtOnceWhileFinding("cuts", "");
    h.run(h.files("ann", "", clip("beach.mp4")));

    assertThat(h.server.count(FakeNemoServer.Call.TIMELINE_PICTURE)).isEqualTo(2);
    assertThat(h.port.photos()).hasSize(1);
    assertThat(h.port.replacedPhotos()).isEmpty();
  }

  @Test
  void aFullPictureThatFoundNothingTheFirstWasFindingIsNotSentAgain() throws Exception {
    start(true, b -> b);
    h.server.drawsAtOnceWhileFinding("cuts", "");
    h.run(h.files("ann", "", clip("beach.mp4")));

    assertThat(h.server.count(FakeNemoServer.Call.TIMELINE_PICTURE)).isEqualTo(2);
    assertThat(h.port.photos()).as("no cuts found: the first picture stands").hasSize(1);
    assertThat(h.workDirEmpty()).isTrue();
  }

  @Test
  void aStudioThatDrawsOnlyFullPicturesIsAskedOnce() throws Exception {
    start(true, b -> b);
    h.run(h.files("ann", "", clip("beach.mp4")));

    assertThat(h.server.requests(FakeNemoServer.Call.TIMELINE_PICTURE)).singleElement()
        .satisfies(r -> assertThat(r.getUrl().queryParameter("at_once")).isEqualTo("true"));
    assertThat(h.port.photos()).hasSize(1);
  }

  @Test
  void aLinkTheBackendFetchesIsFollowedByThePictureOfTheTimeline() throws Exception {
    start(true, b -> b);
    h.run("ann", "https://example.com/media/beach.mp4");

    assertThat(h.port.photos()).hasSize(1);
    assertThat(h.port.photos().get(0).fileBytes()).isEqualTo(h.server.timelinePicture().length);
    assertPictureUnder(0, "Added beach.mp4", "");
    assertThat(h.workDirEmpty()).isTrue();
  }

  @Test
  void clipsAddedToTheLastVideoAreFollowedByThePictureOfThatVideo() throws Exception {
    start(true, b -> b);
    String exported = h.sessionOf("ann");
    h.run("ann", "/export");
    h.run(h.files("ann", "", clip("day2.mp4")));
    assertThat(h.port.photos()).as("the new video's picture").hasSize(1);

    h.run("ann", Route.ADD_TO_LAST);

    assertThat(h.sessionOf("ann")).isEqualTo(exported);
    assertThat(h.port.photos()).hasSize(2);
    List<String> drawn = h.server.requests(FakeNemoServer.Call.TIMELINE_PICTURE).stream().map(r -> r.getUrl().encodedPath()).toList();
    assertThat(drawn.get(drawn.size() - 1)).as("the picture is of the video the clips joined").contains(exported);
    assertPictureUnder(1, "Added day2.mp4", "");
    assertThat(h.workDirEmpty()).isTrue();
  }

  @Test
  void nothingToAddToTheLastVideoShowsNoPicture() throws Exception {
    start(true, b -> b);
    h.run("ann", Route.ADD_TO_LAST);
    assertThat(h.port.photos()).isEmpty();
    assertThat(h.lastSentTo("ann")).startsWith("There are no new clips to add");
  }

  @Test
  void operatorsCanKeepPicturesToStatus() throws Exception {
    start(true, b -> b.timelinePictures(false));
    h.server.enqueueTurn(Turn.builder().tool("set_volume").draft(LONGER).build());
    h.run("ann", "add the beach clip");
    assertThat(h.port.photos()).isEmpty();
    assertThat(h.sentTo("ann")).anyMatch(t -> t.startsWith("Done. What changed: "));

    h.run(h.files("ann", "", clip("beach.mp4")));
    h.run("ann", "https://example.com/media/harbour.mp4");
    assertThat(h.port.photos()).as("nor after uploads").isEmpty();

    h.run("ann", "/status");
    assertThat(h.port.photos()).hasSize(1);
  }

  /** Photo number {@code photo} came after the first answer starting with {@code start} and naming {@code file}. */
  private void assertPictureUnder(int photo, String start, String file) {
    List<RecordingPort.Call> calls = h.port.calls();
    int named = calls.indexOf(calls.stream().filter(c -> c.text() != null && c.text().startsWith(start)
        && c.text().contains(file)).findFirst().orElseThrow());
    assertThat(calls.indexOf(h.port.photos().get(photo))).as("the picture under the answer naming the files")
        .isGreaterThan(named);
  }

  private static Attachment clip(String name) {
    return new Attachment(name, 2048, "video/mp4", () -> new ByteArrayInputStream(new byte[2048]));
  }

  @Test
  void previewSendsAPlayableVideoMarkedAsAPreviewAndCostsNoRender() throws Exception {
    start(true, b -> b);
    h.run("ann", "预览");

    assertThat(h.port.videos()).hasSize(1);
    assertThat(h.port.videos().get(0).text()).contains("预览").contains("360p");
    assertThat(h.port.videos().get(0).fileBytes()).isEqualTo(h.server.renderFile().length);
    assertThat(h.server.count(FakeNemoServer.Call.RENDER_START)).isZero();
    assertThat(h.workDirEmpty()).isTrue();
  }

  @Test
  void aBackendWithoutPreviewsSaysSoAndPointsToExport() throws Exception {
    start(false, b -> b);
    h.run("ann", "/preview");
    assertThat(h.port.videos()).isEmpty();
    assertThat(h.lastSentTo("ann")).contains("no quick previews").contains("export");
  }

  @Test
  void theRenderShowsABarWithTheTimeLeftFromItsMeasuredSpeed() throws Exception {
    start(true, b -> b);
    h.server.renderPolls(6);
    h.run("ann", "export");
    List<String> bars = h.port.everythingShown().stream().filter(t -> t.startsWith("⏳ Rendering ")).toList();
    assertThat(bars).isNotEmpty();
    assertThat(bars).allMatch(t -> t.matches("⏳ Rendering [■□]{10} \\d+%( · about \\d+ s left)?"));
    assertThat(bars).anyMatch(t -> t.contains("left"));
    assertThat(bars).as("no time left before the render has moved, when nothing was measured here yet")
        .filteredOn(t -> t.endsWith(" 0%") || t.contains(" 0% ")).noneMatch(t -> t.contains("left"));
  }

  @Test
  void aLongRenderIsAnnouncedWithItsTimeAndTheRenderMinutesItUses() throws Exception {
    start(true, b -> b);
    h.server.credits(120);
    h.server.draft(h.sessionOf("ann"), FakeNemoServer.EXAMPLE_DRAFT.replace("\"d\":10000,\"m\"", "\"d\":150000,\"m\""));
    h.run("ann", "export");
    assertThat(h.sentTo("ann")).anyMatch(t -> t.matches(
        "Rendering this 2 min 30 s video takes about \\d+ s and uses 2.5 of your 120 render minutes left today."));
    assertThat(h.sentTo("ann").get(0)).startsWith("Rendering this");
  }

  @Test
  void anExportTheAgentsAnswerStartsIsAnnouncedToo() throws Exception {
    start(true, b -> b);
    h.server.draft(h.sessionOf("ann"), FakeNemoServer.EXAMPLE_DRAFT.replace("\"d\":10000,\"m\"", "\"d\":150000,\"m\""));
    h.server.enqueueTurn(Turn.builder().text("Set to 1080p. Click \"Export\" to render it.").build());
    h.run("ann", "export it in 1080p please");

    List<String> sent = h.sentTo("ann");
    int forecast = sent.indexOf(sent.stream().filter(t -> t.startsWith("Rendering this 2 min 30 s video takes about"))
        .findFirst().orElseThrow(() -> new AssertionError("no forecast in " + sent)));
    assertThat(h.server.count(FakeNemoServer.Call.RENDER_START)).isEqualTo(1);
    assertThat(sent.subList(forecast + 1, sent.size())).as("the forecast comes before the video").isNotEmpty();
  }

  @Test
  void aShortRenderStartsWithoutAForecast() throws Exception {
    start(true, b -> b);
    h.run("ann", "export");
    assertThat(h.sentTo("ann")).noneMatch(t -> t.startsWith("Rendering this"));
  }
}
