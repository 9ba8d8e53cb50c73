package io.tunecut.studio.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunecut.studio.internal.analysis.SyntheticVideo.Shot;
import io.tunecut.studio.bench.AnalyzeCommand;
import io.tunecut.studio.ffmpeg.Ffmpeg;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Analysis runs the ffmpeg and ffprobe the studio is configured with, not whatever is on the PATH. */
class ConfiguredProgramsTest {
  @TempDir Path dir;
  private Path video;
  private Path track;
  private Path calls;

  @BeforeEach
  void media() throws Exception {
    video = dir.resolve("two shots.mp4");
    SyntheticVideo.hardCuts(video, "160x90",
        List.of(new Shot("testsrc2", "", 1.5), new Shot("smptebars", "", 1.5)), "");
    track = SyntheticTrack.of(SyntheticTrack.Style.DRUMS, 120).seconds(8).build()
        .writeWav(dir.resolve("drums.wav"));
    calls = dir.resolve("calls.log");
  }

  @Test
  void everyAnalysisRunsTheConfiguredPrograms() throws Exception {
    Ffmpeg real = Ffmpeg.fromEnvironment(System.getenv());
    Ffmpeg wrapped = Ffmpeg.of(wrapper("my-ffmpeg", real.ffmpegProgram()).toString(),
        wrapper("my-ffprobe", real.ffprobeProgram()).toString());
    AnalysisCache cache = new AnalysisCache(dir.resolve("cache"), wrapped);

    assertThat(cache.cuts(video).cuts()).containsExactly(1.5);
    assertThat(cache.beats(track).tempo()).isBetween(115.0, 125.0);
    assertThat(cache.speech(track)).isNotNull();
    // a video big enough to split between decoders is listed by ffprobe first
    assertThat(splitting(wrapped).detect(video).cuts()).containsExactly(1.5);

    List<String> ran = Files.readAllLines(calls);
    assertThat(ran).anyMatch(l -> l.startsWith("my-ffmpeg") && l.contains("two shots.mp4"));
    assertThat(ran).anyMatch(l -> l.startsWith("my-ffprobe") && l.contains("two shots.mp4"));
    assertThat(ran).anyMatch(l -> l.startsWith("my-ffmpeg") && l.contains("drums.wav"));
    // sound is decoded in one pass that also says whether there is any
    assertThat(ran).noneMatch(l -> l.startsWith("my-ffprobe") && l.contains("drums.wav"));
  }

  @Test
  void theAnalyzeCommandRunsTheProgramsNamedInTheEnvironment() throws Exception {
    Ffmpeg real = Ffmpeg.fromEnvironment(System.getenv());
    Map<String, String> env = Map.of(
        "TUNECUT_FFMPEG", wrapper("my-ffmpeg", real.ffmpegProgram()).toString(),
        "TUNECUT_FFPROBE", wrapper("my-ffprobe", real.ffprobeProgram()).toString());

    JavaFork.Result run = JavaFork.run(dir, List.of(), env, AnalyzeCommand.class,
        "analyze", "cuts", video.toString());

    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stdout().trim()).isEqualTo("{\"cuts\": [1.5]}");
    // a short clip is decoded once, and that pass also tells when each frame is shown
    assertThat(Files.readAllLines(calls)).anyMatch(l -> l.startsWith("my-ffmpeg"))
        .noneMatch(l -> l.startsWith("my-ffprobe"));
  }

  @Test
  void aMissingProgramIsNamedInTheFailure() {
    Ffmpeg real = Ffmpeg.fromEnvironment(System.getenv());
    Ffmpeg missingFfmpeg = Ffmpeg.of(dir.resolve("no-such-ffmpeg").toString(), real.ffprobeProgram());
    Ffmpeg missingFfprobe = Ffmpeg.of(real.ffmpegProgram(), dir.resolve("no-such-ffprobe").toString());

    assertThatThrownBy(() -> new BeatTracker(missingFfmpeg).track(track))
        .isInstanceOf(AnalysisException.class).hasMessageContaining("no-such-ffmpeg");
    assertThatThrownBy(() -> new CutDetector(missingFfmpeg).detect(video))
        .isInstanceOf(AnalysisException.class).hasMessageContaining("no-such-ffmpeg");
    assertThatThrownBy(() -> splitting(missingFfprobe).detect(video))
        .isInstanceOf(AnalysisException.class).hasMessageContaining("no-such-ffprobe");
  }

  /** A detector that treats every video as big enough to list and split. */
  private static CutDetector splitting(Ffmpeg ffmpeg) {
    return new CutDetector(ffmpeg, TimeLimit.STANDARD, 2, 1, 0);
  }

  /** A program that notes its name and arguments, then runs the real one. */
  private Path wrapper(String name, String real) throws Exception {
    Path script = dir.resolve(name);
    Files.writeString(script, "#!/bin/sh\n"
        + "echo \"" + name + " $*\" >> '" + calls + "'\n"
        + "exec '" + real + "' \"$@\"\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }
}
