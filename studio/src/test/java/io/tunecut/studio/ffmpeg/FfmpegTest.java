package io.tunecut.studio.ffmpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegTest {
  @TempDir Path dir;
  final Ffmpeg ffmpeg = TestMedia.FFMPEG;

  @Test
  void reportsProgressAsGrowingFractionsOfThePlannedDurationEndingAtOne() throws Exception {
    Path out = dir.resolve("out.mp4");
    List<Double> seen = new CopyOnWriteArrayList<>();
    ffmpeg.run(FfmpegRun.of(List.of("-f", "lavfi", "-i", "testsrc2=size=320x180:rate=30:duration=4",
            "-pix_fmt", "yuv420p", out.toString()), Duration.ofSeconds(60))
        .withProgress(4.0, seen::add));
    assertThat(seen).isNotEmpty().isSorted();
    assertThat(seen.get(seen.size() - 1)).isEqualTo(1.0);
    assertThat(seen).allMatch(f -> f > 0 && f <= 1.0);
  }

  @Test
  void aFailureCarriesFfmpegsReasonAndLeavesNoPartialFile() throws Exception {
    Path out = dir.resolve("out.mp4");
    assertThatThrownBy(() -> ffmpeg.run(FfmpegRun.of(List.of("-i", dir.resolve("missing.mp4").toString(),
            out.toString()), Duration.ofSeconds(30)).deletingOnFailure(out)))
        .isInstanceOf(FfmpegException.class)
        .hasMessageContaining("No such file");
    assertThat(out).doesNotExist();
  }

  @Test
  void interruptingStopsFfmpegAndDeletesThePartialOutput() throws Exception {
    Path out = dir.resolve("long.mp4");
    List<Double> seen = new CopyOnWriteArrayList<>();
    CompletableFuture<Throwable> outcome = new CompletableFuture<>();
    Thread worker = new Thread(() -> {
      try {
        ffmpeg.run(FfmpegRun.of(List.of("-re", "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=30:duration=60",
                "-pix_fmt", "yuv420p", out.toString()), Duration.ofSeconds(120))
            .withProgress(60, seen::add).deletingOnFailure(out));
        outcome.complete(null);
      } catch (Throwable t) {
        outcome.complete(t);
      }
    });
    worker.start();
    await().atMost(Duration.ofSeconds(20)).until(() -> !seen.isEmpty() && Files.exists(out));
    long before = ProcessHandle.current().children().count();
    worker.interrupt();
    assertThat(outcome.get(10, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
    assertThat(out).doesNotExist();
    assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive).count()).isLessThan(before);
  }

  @Test
  void aRunPastItsTimeoutIsStoppedWithAClearMessage() {
    Path out = dir.resolve("slow.mp4");
    assertThatThrownBy(() -> ffmpeg.run(FfmpegRun.of(List.of("-re", "-f", "lavfi", "-i",
            "testsrc2=size=64x64:rate=10:duration=30", out.toString()), Duration.ofSeconds(1))
        .deletingOnFailure(out)))
        .isInstanceOf(FfmpegException.class)
        .hasMessageContaining("longer than");
    assertThat(out).doesNotExist();
  }

  @Test
  void aProgramNameIsFoundOnThePathAndAMissingOneIsReportedUnavailable() {
    assertThat(Ffmpeg.of("ffmpeg", "ffprobe").isAvailable()).isTrue();
    Ffmpeg configured = Ffmpeg.fromEnvironment(Map.of("PATH", System.getenv("PATH")));
    assertThat(Path.of(configured.ffmpegProgram())).isAbsolute();
    assertThat(Path.of(configured.ffprobeProgram())).isAbsolute();
    assertThat(Ffmpeg.of(dir.resolve("no-ffmpeg").toString(), "ffprobe").isAvailable()).isFalse();
  }
  @Test
  void streamsRawOutputAsItComesAndSaysWhatItLogged() throws Exception {
    long[] bytes = {0};
    List<String> logged = new CopyOnWriteArrayList<>();
    ffmpeg.streamFfmpeg(List.of("-nostdin", "-v", "info", "-f", "lavfi", "-i",
            "sine=frequency=440:sample_rate=8000:duration=2", "-f", "s16le", "-ac", "1", "pipe:1"),
        Duration.ofSeconds(30), out -> bytes[0] = out.transferTo(OutputStream.nullOutputStream()),
        logged::add);
    assertThat(bytes[0]).isEqualTo(2 * 8000 * 2);
    assertThat(logged).anyMatch(line -> line.contains("Duration:") || line.contains("Stream #0:0"));
  }

  @Test
  void aStreamThatFailsOrHangsEndsWithTheReason() throws Exception {
    assertThatThrownBy(() -> ffmpeg.streamFfprobe(List.of("-v", "error", dir.resolve("missing.mp4").toString()),
            Duration.ofSeconds(30), out -> { }))
        .isInstanceOf(FfmpegException.class)
        .hasMessageContaining("No such file");
    // a never-ending source: stopped at its time limit, with everything it started
    long started = System.nanoTime();
    assertThatThrownBy(() -> ffmpeg.streamFfmpeg(List.of("-nostdin", "-v", "error", "-re", "-f", "lavfi",
            "-i", "sine=sample_rate=8000", "-f", "s16le", "pipe:1"), Duration.ofSeconds(1),
            out -> out.transferTo(OutputStream.nullOutputStream()), null))
        .isInstanceOf(FfmpegException.class)
        .hasMessage("ffmpeg took longer than 1 s and was stopped")
        .satisfies(e -> assertThat(((FfmpegException) e).exitCode()).isEqualTo(-1));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
  }
}
