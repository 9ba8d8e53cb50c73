package io.tunecut.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tunecut.core.chat.MessageRef;
import io.tunecut.core.render.PollSchedule;
import io.tunecut.core.render.RenderSignals;
import io.tunecut.core.testing.FakeNemoServer;
import io.tunecut.core.testing.FakeNemoServer.Call;
import io.tunecut.core.testing.RecordingPort;
import io.tunecut.core.testing.Turn;
import io.tunecut.core.user.PendingRender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportTest {
  @TempDir Path tmp;
  Harness h;

  private void start(RecordingPort port, UnaryOperator<ConversationEngine.Builder> tune) throws Exception {
    h = new Harness(tmp, port, tune);
    h.run("ann", "hello");
    h.server.draft(h.sessionOf("ann"), FakeNemoServer.EXAMPLE_DRAFT);
  }

  @AfterEach
  void stop() throws Exception {
    if (h != null) h.close();
  }

  @Test
  void anExportThatFitsIsDeliveredAsAFileAndALink() throws Exception {
    start(RecordingPort.create(), b -> b);
    h.server.holdRenders(true);
    CompletableFuture<Void> export = h.send("ann", "export");
    // Progress edits are paced: on a busy machine a quick render could end before one is shown.
    await().atMost(Duration.ofSeconds(10)).until(() -> h.port.everythingShown().stream()
        .anyMatch(t -> t.startsWith("⏳ Rendering ■") && t.contains("%")));
    h.server.holdRenders(false);
    export.get(10, TimeUnit.SECONDS);
    List<RecordingPort.Call> videos = h.port.videos();
    assertThat(videos).hasSize(1);
    assertThat(videos.get(0).fileBytes()).isEqualTo(h.server.renderFile().length);
    String id = h.server.renderIds().get(0);
    assertThat(id).startsWith("render_");
    assertThat(h.lastSentTo("ann")).isEqualTo("Your video: " + h.server.baseUrl() + "/files/" + id + ".mp4");
    assertThat(h.port.statusTexts(h.port.statuses().get(1))).last().asString().startsWith("✓ your video is ready");
    assertThat(h.directory.get(Harness.user("ann")).renders()).isEmpty();
    assertThat(h.workDirEmpty()).isTrue();
    assertThat(h.server.requests(Call.RENDER_START).get(0).getBody().utf8()).contains("Urban Dreams").contains("\"sessionId\"");
  }

  @Test
  void anExportTooLargeForThePlatformIsDeliveredAsALinkOnlyWithoutDownloading() throws Exception {
    start(RecordingPort.builder().maxUploadBytes(1000).build(), b -> b);
    h.run("ann", "/export");
    assertThat(h.port.videos()).isEmpty();
    assertThat(h.lastSentTo("ann")).contains("/files/" + h.server.renderIds().get(0) + ".mp4");
  }

  @Test
  void aPlatformWithoutUploadsGetsTheLinkAndNothingIsDownloaded() throws Exception {
    start(RecordingPort.builder().maxUploadBytes(0).build(), b -> b);
    h.run("ann", "导出");
    assertThat(h.port.videos()).isEmpty();
    assertThat(h.server.count(Call.OUTPUT_FILE) + h.server.count(Call.RENDER_DOWNLOAD)).isZero();
    assertThat(h.lastSentTo("ann")).startsWith("视频太大");
  }

  @Test
  void aFailedRenderIsRetriedOnceWithAFreshId() throws Exception {
    start(RecordingPort.create(), b -> b);
    h.server.failRenders(1);
    h.run("ann", "send me the video");
    List<String> ids = h.server.renderIds();
    assertThat(ids).hasSize(2).doesNotHaveDuplicates();
    assertThat(h.port.videos()).hasSize(1);
    assertThat(h.lastSentTo("ann")).contains("/files/" + ids.get(1) + ".mp4");
  }

  @Test
  void twoFailedRendersGiveUpClearly() throws Exception {
    start(RecordingPort.create(), b -> b);
    h.server.failRenders(2);
    h.run("ann", "/export");
    assertThat(h.server.renderIds()).hasSize(2);
    assertThat(h.lastSentTo("ann")).contains("failed twice").contains("renderer crashed").contains("/export");
    assertThat(h.directory.get(Harness.user("ann")).renders()).isEmpty();
  }

  @Test
  void aFailureTheBackendSaysWouldRepeatIsNotRetriedAndSaysWhatToDo() throws Exception {
    start(RecordingPort.create(), b -> b);
    h.server.failRendersForGood();
    h.run("ann", "/export");
    assertThat(h.server.renderIds()).hasSize(1);
    assertThat(h.lastSentTo("ann")).contains("renderer crashed").contains("would fail the same way").contains("/status")
        .doesNotContain("later");
  }

  @Test
  void aTimelineWithATrackButNoClipIsAnsweredBeforeAnyRenderStarts() throws Exception {
    h = new Harness(tmp);
    h.run("ann", "hello");
    h.server.draft(h.sessionOf("ann"), "{\"d\":10000,\"t\":[{\"id\":\"music\",\"tt\":1,\"sg\":[{\"n\":\"lofi.mp3\",\"st\":0,\"d\":10000}]}]}");
    h.run("ann", "/export");
    assertThat(h.lastSentTo("ann")).contains("no clip").contains("Send a clip").doesNotContain("later");
    assertThat(h.server.count(Call.RENDER_START)).isZero();
  }

  @Test
  void aRenderThatNeverFinishesIsGivenUpAfterTheTimeout() throws Exception {
    start(RecordingPort.create(), b -> b.renderTimeout(Duration.ofMillis(500)));
    h.server.holdRenders(true);
    h.run("ann", "/export");
    assertThat(h.lastSentTo("ann")).contains("did not finish");
    assertThat(h.server.renderCancelled(h.server.renderIds().get(0))).isTrue();
  }

  @Test
  void anEmptyTimelineHasNothingToExport() throws Exception {
    h = new Harness(tmp);
    h.run("ann", "/export");
    assertThat(h.lastSentTo("ann")).contains("Nothing to export");
    assertThat(h.server.count(Call.RENDER_START)).isZero();
  }

  @Test
  void cancelStopsARunningRender() throws Exception {
    start(RecordingPort.create(), b -> b);
    h.server.holdRenders(true);
    CompletableFuture<Void> export = h.send("ann", "/export");
    await().atMost(Duration.ofSeconds(5)).until(() -> h.server.count(Call.RENDER_STATUS) > 0);
    h.run("ann", "/cancel");
    export.get(10, TimeUnit.SECONDS);
    assertThat(h.sentTo("ann")).contains("Cancelled the export.");
    assertThat(h.server.renderCancelled(h.server.renderIds().get(0))).isTrue();
    assertThat(h.directory.get(Harness.user("ann")).renders()).isEmpty();
  }

  @Test
  void whenTheBackendSaysClickExportTheExportRuns() throws Exception {
    start(RecordingPort.create(), b -> b);
    h.server.enqueueTurn(Turn.text("Your video is ready. Click the Export button to download it."));
    h.run("ann", "finish it");
    // One answer: what the backend said, and that we export now (not "send /export").
    assertThat(h.sentTo("ann").get(1)).isEqualTo("Your video is ready.\nI'll export it for you now.");
    assertThat(h.server.renderIds()).hasSize(1);
    assertThat(h.port.videos()).hasSize(1);
  }

  @Test
  void afterARestartAPendingRenderIsReportedInTheSameStatusMessageAndDelivered() throws Exception {
    start(RecordingPort.create(), b -> b);
    h.server.holdRenders(true);
    h.send("ann", "/export");
    await().atMost(Duration.ofSeconds(5)).until(() -> !h.directory.get(Harness.user("ann")).renders().isEmpty()
        && h.server.count(Call.RENDER_STATUS) > 0);
    PendingRender pending = h.directory.get(Harness.user("ann")).renders().get(0);
    MessageRef status = pending.status();
    assertThat(status).isEqualTo(h.port.statuses().get(1));

    RecordingPort afterRestart = RecordingPort.create();
    h.restart(afterRestart);
    h.server.holdRenders(false);
    h.engine.resume(afterRestart).get(10, TimeUnit.SECONDS);

    assertThat(afterRestart.statuses()).as("no new status message").isEmpty();
    assertThat(afterRestart.edits(status)).isNotEmpty();
    assertThat(afterRestart.statusTexts(status)).last().asString().startsWith("✓ your video is ready");
    assertThat(afterRestart.videos()).hasSize(1);
    assertThat(afterRestart.sentTexts(Harness.chat("ann"))).last().asString().contains("/files/" + pending.renderId());
    assertThat(h.directory.get(Harness.user("ann")).renders()).isEmpty();
  }

  @Test
  void aLinkThePlatformStoppedBeforeSendingIsDeliveredAfterTheRestart() throws Exception {
    start(RecordingPort.create(), b -> b);
    h.server.holdRenders(true);
    CompletableFuture<Void> export = h.send("ann", "/export");
    await().atMost(Duration.ofSeconds(5)).until(() -> !h.directory.get(Harness.user("ann")).renders().isEmpty()
        && h.server.count(Call.RENDER_STATUS) > 0);
    String renderId = h.directory.get(Harness.user("ann")).renders().get(0).renderId();
    // The bot is shutting down as the render ends: the port takes nothing more.
    h.port.stopped(true);
    h.server.holdRenders(false);
    export.get(10, TimeUnit.SECONDS);

    assertThat(h.port.sentTexts(Harness.chat("ann"))).as("the link was tried").anyMatch(t -> t.contains("/files/" + renderId));
    assertThat(h.directory.get(Harness.user("ann")).renders()).as("kept for the restart")
        .extracting(PendingRender::renderId).containsExactly(renderId);

    RecordingPort afterRestart = RecordingPort.create();
    h.restart(afterRestart);
    h.engine.resume(afterRestart).get(10, TimeUnit.SECONDS);

    assertThat(afterRestart.sentTexts(Harness.chat("ann"))).last().asString().contains("/files/" + renderId);
    assertThat(h.directory.get(Harness.user("ann")).renders()).isEmpty();
  }

  @Test
  void resumeOnlyTakesRendersOfItsOwnPlatform() throws Exception {
    start(RecordingPort.create(), b -> b);
    h.server.holdRenders(true);
    h.send("ann", "/export");
    await().atMost(Duration.ofSeconds(5)).until(() -> !h.directory.get(Harness.user("ann")).renders().isEmpty());
    RecordingPort other = RecordingPort.builder().platform("elsewhere").build();
    h.restart(other);
    h.engine.resume(other).get(5, TimeUnit.SECONDS);
    assertThat(other.calls()).isEmpty();
    assertThat(h.directory.get(Harness.user("ann")).renders()).hasSize(1);
  }

  @Test
  void aRenderEndHeardInThisProcessIsDeliveredAtOnceFromWhereTheBackendWroteIt() throws Exception {
    Path written = Files.write(tmp.resolve("render-on-disk.mp4"), new byte[12_345]);
    HeardRenders heard = new HeardRenders(written);
    // Polls so far apart that only the signal can end the export in time.
    start(RecordingPort.create(), b -> b.renderPollSchedule(PollSchedule.every(Duration.ofMinutes(5))).renderSignals(heard));
    h.server.renderPolls(0);
    CompletableFuture<Void> export = h.send("ann", "/export");
    await().atMost(Duration.ofSeconds(5)).until(() -> h.server.renderIds().size() == 1);
    assertThat(export).isNotDone();

    heard.end(h.server.renderIds().get(0));

    export.get(5, TimeUnit.SECONDS);
    assertThat(h.port.videos()).hasSize(1);
    assertThat(h.port.videos().get(0).fileBytes()).isEqualTo(12_345);
    assertThat(h.server.count(Call.OUTPUT_FILE) + h.server.count(Call.RENDER_DOWNLOAD)).as("nothing downloaded").isZero();
    assertThat(written).as("the backend's file is left where it was").exists();
    assertThat(h.lastSentTo("ann")).contains("/files/" + h.server.renderIds().get(0));
  }

  @Test
  void aRenderEndHeardAfterSomePollsIsDeliveredAtOnceWithoutWaitingForTheNextPoll() throws Exception {
    Path written = Files.write(tmp.resolve("render-on-disk.mp4"), new byte[2_048]);
    HeardRenders heard = new HeardRenders(written);
    // Two quick polls while it renders, then the next one minutes away.
    start(RecordingPort.create(), b -> b.renderPollSchedule(new PollSchedule(Duration.ofMillis(20), Duration.ofMinutes(5), 100))
        .renderSignals(heard));
    h.server.renderPolls(2);
    CompletableFuture<Void> export = h.send("ann", "/export");
    await().atMost(Duration.ofSeconds(10)).until(() -> h.server.count(Call.RENDER_STATUS) == 2);
    assertThat(export).isNotDone();

    heard.end(h.server.renderIds().get(0));

    export.get(5, TimeUnit.SECONDS);
    assertThat(h.port.videos()).hasSize(1);
    assertThat(h.lastSentTo("ann")).contains("/files/" + h.server.renderIds().get(0));
  }

  /** A backend in the same process, as the app wires the embedded studio: it says when a render ends. */
  private static final class HeardRenders implements RenderSignals {
    private final Path file;
    private final Map<String, List<Runnable>> waiting = new ConcurrentHashMap<>();
    private final Set<String> ended = ConcurrentHashMap.newKeySet();

    HeardRenders(Path file) {
      this.file = file;
    }

    void end(String id) {
      ended.add(id);
      waiting.getOrDefault(id, List.of()).forEach(Runnable::run);
    }

    @Override
    public void whenEnded(String renderId, Runnable then) {
      if (ended.contains(renderId)) then.run();
      else waiting.computeIfAbsent(renderId, k -> new CopyOnWriteArrayList<>()).add(then);
    }

    @Override
    public Optional<Path> file(String renderId) {
      return ended.contains(renderId) ? Optional.of(file) : Optional.empty();
    }
  }
}
