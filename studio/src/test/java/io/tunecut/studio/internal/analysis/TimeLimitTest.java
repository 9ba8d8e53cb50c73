package io.tunecut.studio.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunecut.studio.internal.analysis.SyntheticVideo.Shot;
import io.tunecut.studio.ffmpeg.Ffmpeg;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A decoder that hangs is stopped after its time limit, and the turn gets a readable answer. */
class TimeLimitTest {
  private static final TimeLimit ONE_SECOND = new TimeLimit(Duration.ofSeconds(1), 0);
  private static final TimeLimit FIVE_SECONDS = new TimeLimit(Duration.ofSeconds(5), 0);

  @TempDir Path dir;

  @Test
  void aDecoderThatHangsIsStoppedAndTheMessageSaysSo() throws Exception {
    Path video = dir.resolve("holiday.mp4");
    SyntheticVideo.hardCuts(video, "160x90", List.of(new Shot("testsrc2", "", 1.0)), "");
    Path track = SyntheticTrack.of(SyntheticTrack.Style.CLICKS, 120).seconds(4).build()
        .writeWav(dir.resolve("song.wav"));
    Ffmpeg real = Ffmpeg.fromEnvironment(System.getenv());
    // the shell waits for a child that keeps the output pipe open: both must be stopped
    Path hanging = script("hanging-ffmpeg", "#!/bin/sh\nsleep 60\necho done\n");
    Ffmpeg stuck = Ffmpeg.of(hanging.toString(), real.ffprobeProgram());

    long started = System.nanoTime();
    assertThatThrownBy(() -> new CutDetector(stuck, ONE_SECOND, 2).detect(video))
        .isInstanceOf(AnalysisException.class)
        .hasMessage("ffmpeg took longer than 1 s to read holiday.mp4 and was stopped");
    assertThatThrownBy(() -> new BeatTracker(stuck, FIVE_SECONDS).track(track))
        .isInstanceOf(AnalysisException.class)
        .hasMessage("ffmpeg took longer than 5 s to read song.wav and was stopped");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
  }

  @Test
  void aFileThatNeverDeliversIsGivenUpOn() throws Exception {
    Path fifo = dir.resolve("stuck.mp4");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertThat(mkfifo.waitFor()).isZero();

    assertThatThrownBy(() -> new SpeechDetector(Ffmpeg.fromEnvironment(System.getenv()), ONE_SECOND).detect(fifo))
        .isInstanceOf(AnalysisException.class)
        .hasMessage("ffmpeg took longer than 1 s to read stuck.mp4 and was stopped");
  }

  @Test
  void longerMediaGetMoreTimeAboveTheFloor() {
    TimeLimit limit = new TimeLimit(Duration.ofSeconds(30), 2);
    assertThat(limit.forMedia(0)).isEqualTo(Duration.ofSeconds(30));
    assertThat(limit.forMedia(60)).isEqualTo(Duration.ofSeconds(150));
    // a container that does not say how long it is gets the time of the longest file accepted
    assertThat(limit.forMedia(Double.NaN)).isEqualTo(Duration.ofSeconds(30 + 2 * 4 * 3600));
  }

  private Path script(String name, String text) throws Exception {
    Path script = dir.resolve(name);
    Files.writeString(script, text);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }
}
