package io.tunecut.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunecut.core.chat.Attachment;
import io.tunecut.core.chat.Suggestion;
import io.tunecut.core.testing.FakeNemoServer;
import io.tunecut.core.testing.RecordingPort;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One video per export: clips sent after an export start a new video, unless the person adds them to the exported one. */
class NextVideoTest {
  @TempDir Path tmp;
  Harness h;
  String exported;

  @BeforeEach
  void exportAVideo() throws Exception {
    h = new Harness(tmp);
    h.run("ann", "hello");
    exported = h.sessionOf("ann");
    h.server.draft(exported, FakeNemoServer.EXAMPLE_DRAFT);
    h.run("ann", "/export");
    assertThat(h.port.videos()).hasSize(1);
  }

  @AfterEach
  void stop() throws Exception {
    h.close();
  }

  private static Attachment clip(String name) {
    return new Attachment(name, 1000, "video/mp4", () -> new ByteArrayInputStream(new byte[1000]));
  }

  private List<Suggestion> lastButtons() {
    List<RecordingPort.Call> sends = h.port.calls(RecordingPort.Kind.SEND);
    return sends.get(sends.size() - 1).suggestions();
  }

  @Test
  void clipsAfterAnExportStartANewVideoAndAskWithAButton() throws Exception {
    h.run(h.files("ann", "", clip("day2.mp4")));

    assertThat(h.sessionOf("ann")).isNotEqualTo(exported);
    assertThat(h.server.draft(h.sessionOf("ann"))).contains("day2.mp4");
    assertThat(h.server.draft(exported)).doesNotContain("day2.mp4");
    assertThat(h.lastSentTo("ann")).contains("start a new one").contains("day2.mp4").contains("Add to last video");
    assertThat(lastButtons()).extracting(Suggestion::command).startsWith("/add_to_last");
  }

  @Test
  void pressingAddToLastPutsTheClipsIntoTheExportedVideo() throws Exception {
    h.run(h.files("ann", "", clip("day2.mp4")));
    h.run("ann", lastButtons().get(0).command());

    assertThat(h.sessionOf("ann")).isEqualTo(exported);
    assertThat(h.server.draft(exported)).contains("day2.mp4");
    assertThat(h.lastSentTo("ann")).startsWith("Added day2.mp4");
    assertThat(h.workDirEmpty()).isTrue();
  }

  @Test
  void onlyTheFirstClipsAfterAnExportStartANewVideo() throws Exception {
    h.run(h.files("ann", "", clip("day2.mp4")));
    String second = h.sessionOf("ann");
    h.run(h.files("ann", "", clip("day2b.mp4")));

    assertThat(h.sessionOf("ann")).isEqualTo(second);
    assertThat(h.server.draft(second)).contains("day2.mp4").contains("day2b.mp4");
  }
}
