package io.tunecut.studio.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunecut.studio.internal.analysis.SyntheticVideo.Shot;
import io.tunecut.studio.ffmpeg.Ffmpeg;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CutDetectorTest {
  private static final double FRAME = 1.0 / SyntheticVideo.FPS;
  private final CutDetector detector = new CutDetector();
  /** Splits the short test videos between decoders as a long clip would be split. */
  private static final int SHORT_PART = 150;

  @Test
  void hardCutsAreFoundWithinTwoFramesAndFlashesAreNotCuts(@TempDir Path dir) throws Exception {
    Path video = dir.resolve("shots.mp4");
    List<Double> truth = SyntheticVideo.hardCuts(video, "320x180", List.of(
        new Shot("testsrc2", "", 3.0),
        new Shot("mandelbrot", "", 2.5),
        new Shot("smptebars", "", 2.0),
        new Shot("testsrc2", "hflip", 2.0),
        new Shot("testsrc2", "", 2.0), // similar-looking: the same picture, mirrored
        new Shot("testsrc2", "rotate=a=1+t*4", 3.0), // high motion
        new Shot("rgbtestsrc", "", 2.0),
        new Shot("mandelbrot", "hue=h=120", 2.0),
        new Shot("color=c=0x404080", "", 1.5)),
        // a one-frame white flash in the first shot, a two-frame one in the rotating shot
        "drawbox=x=0:y=0:w=iw:h=ih:color=white:t=fill:enable='eq(n,45)',"
            + "drawbox=x=0:y=0:w=iw:h=ih:color=white:t=fill:enable='between(n,380,381)'");

    Cuts found = detector.detect(video);

    assertThat(f1(truth, found.cuts(), 2 * FRAME + 0.001)).isGreaterThanOrEqualTo(0.95);
    assertThat(found.cuts()).noneMatch(c -> Math.abs(c - 45 * FRAME) < 0.1);
    assertThat(found.cuts()).noneMatch(c -> Math.abs(c - 380 * FRAME) < 0.15);
    assertThat(found.gradual()).isEmpty();
  }

  @Test
  void dissolvesAndFadesAreReportedAsGradualNotAsCuts(@TempDir Path dir) throws Exception {
    Path video = dir.resolve("gradual.mp4");
    SyntheticVideo.run(List.of("ffmpeg", "-nostdin", "-v", "error", "-y",
        "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=30:duration=3",
        "-f", "lavfi", "-t", "3", "-i", "mandelbrot=size=320x180:rate=30",
        "-f", "lavfi", "-i", "smptebars=size=320x180:rate=30:duration=2",
        "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=30:duration=2",
        "-filter_complex",
        "[0:v]format=yuv420p,setsar=1[a];[1:v]format=yuv420p,setsar=1,fade=t=out:st=2.2:d=0.8[b];"
            + "[2:v]format=yuv420p,setsar=1,fade=t=in:st=0:d=0.8[c];"
            + "[3:v]format=yuv420p,setsar=1,hflip[d];"
            // dissolve 2.0–3.0 s; fade to black 4.2–5.0 s and up from black 5.0–5.8 s; cut at 7.0 s
            + "[a][b]xfade=transition=fade:duration=1:offset=2[ab];[ab][c][d]concat=n=3:v=1:a=0[v]",
        "-map", "[v]", "-c:v", "libx264", "-preset", "ultrafast", "-crf", "20", video.toString()));

    Cuts found = detector.detect(video);

    assertThat(found.cuts()).hasSize(1);
    assertThat(found.cuts().get(0)).isCloseTo(7.0, org.assertj.core.data.Offset.offset(2 * FRAME));
    assertThat(found.gradual()).anySatisfy(g -> {
      assertThat(g.kind()).isEqualTo(Transition.Kind.DISSOLVE);
      assertThat(g.start()).isBetween(1.8, 2.6);
      assertThat(g.end()).isBetween(2.4, 3.2);
    });
    assertThat(found.gradual()).anySatisfy(g -> {
      assertThat(g.kind()).isEqualTo(Transition.Kind.FADE);
      assertThat(g.start()).isBetween(4.0, 5.8);
    });
  }

  @Test
  void aQuickDipThroughBlackIsAFadeNotACut(@TempDir Path dir) throws Exception {
    Path video = dir.resolve("dip.mp4");
    // an editor's fade through black: the picture is gone within a few frames, then the next
    // shot comes up slowly; the last step into black changes more than any frame around it
    SyntheticVideo.run(List.of("ffmpeg", "-nostdin", "-v", "error", "-y",
        "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=30:duration=3",
        "-f", "lavfi", "-t", "3", "-i", "mandelbrot=size=320x180:rate=30",
        "-filter_complex", "[0:v]format=yuv420p,setsar=1[a];[1:v]format=yuv420p,setsar=1[b];"
            + "[a][b]xfade=transition=fadeblack:duration=0.64:offset=2[v]",
        "-map", "[v]", "-c:v", "libx264", "-preset", "ultrafast", "-crf", "20", video.toString()));

    Cuts found = detector.detect(video);

    assertThat(found.cuts()).isEmpty();
    assertThat(found.gradual()).anySatisfy(g -> {
      assertThat(g.kind()).isEqualTo(Transition.Kind.FADE);
      assertThat(g.start()).isBetween(1.9, 2.64);
    });
  }

  @Test
  void fastMotionWithinAShotIsNotACut(@TempDir Path dir) throws Exception {
    Path video = dir.resolve("spin.mp4");
    SyntheticVideo.hardCuts(video, "320x180", List.of(
        new Shot("testsrc2", "rotate=a=t*6", 4.0)), "");

    Cuts found = detector.detect(video);

    assertThat(found.cuts()).isEmpty();
    assertThat(found.gradual()).isEmpty();
  }

  @Test
  void theAnswerDoesNotDependOnHowManyDecodersShareTheVideo(@TempDir Path dir) throws Exception {
    Path video = dir.resolve("parts.mp4");
    // a keyframe every second: with four decoders the parts meet inside a flash (5 s), inside
    // a dissolve (9.5–10.5 s) and on a cut (15 s)
    SyntheticVideo.run(List.of("ffmpeg", "-nostdin", "-v", "error", "-y",
        "-f", "lavfi", "-i", "rgbtestsrc=size=320x180:rate=30:duration=10.5",
        "-f", "lavfi", "-t", "5.5", "-i", "mandelbrot=size=320x180:rate=30",
        "-f", "lavfi", "-i", "smptebars=size=320x180:rate=30:duration=5.5",
        "-filter_complex",
        "[0:v]format=yuv420p,setsar=1[a];[1:v]format=yuv420p,setsar=1[b];"
            + "[2:v]format=yuv420p,setsar=1[c];[a][b]xfade=transition=fade:duration=1:offset=9.5[ab];"
            + "[ab][c]concat=n=2:v=1:a=0,drawbox=x=0:y=0:w=iw:h=ih:color=white:t=fill:"
            + "enable='between(n,149,150)'[v]",
        "-map", "[v]", "-c:v", "libx264", "-preset", "veryfast", "-crf", "20",
        "-x264-params", "keyint=30:min-keyint=30:scenecut=0", video.toString()));
    Ffmpeg ffmpeg = Ffmpeg.fromEnvironment(System.getenv());
    CutDetector.Scored alone = new CutDetector(ffmpeg, TimeLimit.STANDARD, 1).score(video);

    for (int decoders = 2; decoders <= 4; decoders++) {
      CutDetector.Scored shared = new CutDetector(ffmpeg, TimeLimit.STANDARD, decoders, SHORT_PART, 0).score(video);
      assertThat(shared.parts()).isEqualTo(decoders);
      assertThat(shared.times()).containsExactly(alone.times());
      for (FrameFeatures.Kind kind : FrameFeatures.Kind.values()) {
        assertThat(shared.features().column(kind)).as(kind + " with " + decoders + " decoders")
            .containsExactly(alone.features().column(kind));
      }
    }
    Cuts found = new CutDetector(ffmpeg, TimeLimit.STANDARD, 2, SHORT_PART, 0).detect(video);
    assertThat(found.cuts()).hasSize(1);
    assertThat(found.cuts().get(0)).isCloseTo(15.0, org.assertj.core.data.Offset.offset(2 * FRAME));
    assertThat(found.gradual()).singleElement().satisfies(g -> {
      assertThat(g.kind()).isEqualTo(Transition.Kind.DISSOLVE);
      assertThat(g.start()).isBetween(9.4, 9.8);
      assertThat(g.end()).isBetween(10.3, 10.7);
    });
  }

  @Test
  void aCutInVariableFrameRateVideoIsAtTheTimeItsFrameIsShown(@TempDir Path dir)
      throws Exception {
    Path video = dir.resolve("phone.mp4");
    // frames 45 ms, 45 ms and 9 ms apart in turn, as a phone records them; the cut at frame 90
    SyntheticVideo.run(List.of("ffmpeg", "-nostdin", "-v", "error", "-y",
        "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=30:duration=3",
        "-f", "lavfi", "-i", "smptebars=size=320x180:rate=30:duration=3",
        "-filter_complex", "[0:v][1:v]concat=n=2:v=1:a=0,"
            + "setpts='(N/30+0.012*mod(N,3))/TB',format=yuv420p[v]",
        "-map", "[v]", "-fps_mode", "vfr", "-enc_time_base:v", "1/1000",
        "-c:v", "libx264", "-preset", "ultrafast", video.toString()));
    FrameTimes listed = FrameTimes.probe(
        new Decoder(Ffmpeg.fromEnvironment(System.getenv()), TimeLimit.STANDARD), video);

    CutDetector.Scored scored = detector.score(video);
    Cuts found = detector.detect(video);

    assertThat(scored.times()).containsExactly(listed.forFrames(listed.count()));
    assertThat(listed.time(91) - listed.time(90)).isNotCloseTo(listed.time(90) - listed.time(89),
        org.assertj.core.data.Offset.offset(0.01));
    assertThat(found.cuts()).containsExactly(Math.round(listed.time(90) * 1000) / 1000.0);
  }

  @Test
  void aCutMinutesIntoAVideoIsAtItsExactTime(@TempDir Path dir) throws Exception {
    Path video = dir.resolve("long.mp4");
    // four minutes of tiny pictures: a frame list of many pieces, decoded in a second or two
    SyntheticVideo.run(List.of("ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi",
        "-i", "testsrc=size=32x18:rate=30:duration=240", "-vf", "drawbox=color=white:t=fill:"
            + "enable='gte(t,200)'", "-c:v", "libx264", "-preset", "ultrafast", "-g", "300",
        video.toString()));
    FrameTimes listed = FrameTimes.probe(
        new Decoder(Ffmpeg.fromEnvironment(System.getenv()), TimeLimit.STANDARD), video);

    CutDetector.Scored scored = detector.score(video);
    Cuts found = ShotBoundaries.decide(scored.features(), scored.times(), scored.span());

    assertThat(scored.times()).hasSize(listed.count())
        .containsExactly(listed.forFrames(listed.count()));
    assertThat(found.cuts()).containsExactly(200.0);
  }

  @Test
  void whenOnePartOfTheVideoCannotBeDecodedThatFailureIsReported(@TempDir Path dir)
      throws Exception {
    Path video = dir.resolve("long take.mp4");
    SyntheticVideo.run(List.of("ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi",
        "-i", "testsrc2=size=320x180:rate=30:duration=20", "-c:v", "libx264",
        "-preset", "ultrafast", "-g", "30", video.toString()));
    Ffmpeg real = Ffmpeg.fromEnvironment(System.getenv());
    // the part that starts with a seek fails at once; the first part is still decoding then
    Path failing = dir.resolve("ffmpeg-failing-on-seek");
    Files.writeString(failing, "#!/bin/sh\n"
        + "case \" $* \" in *\" -ss \"*) echo 'damaged data in the second half' >&2; exit 1;; esac\n"
        + "exec '" + real.ffmpegProgram() + "' \"$@\"\n");
    Files.setPosixFilePermissions(failing, PosixFilePermissions.fromString("rwxr-xr-x"));
    CutDetector detector = new CutDetector(Ffmpeg.of(failing.toString(), real.ffprobeProgram()),
        TimeLimit.STANDARD, 2, SHORT_PART, 0);

    assertThatThrownBy(() -> detector.detect(video))
        .isInstanceOf(AnalysisException.class)
        .hasMessage("ffmpeg could not read long take.mp4: damaged data in the second half");
  }

  @Test
  void aFileWithoutPicturesFailsWithItsName(@TempDir Path dir) throws Exception {
    Path junk = Files.writeString(dir.resolve("holiday.mp4"), "no video here");
    assertThatThrownBy(() -> detector.detect(junk))
        .isInstanceOf(AnalysisException.class)
        .hasMessageContaining("holiday.mp4");
  }

  static double f1(List<Double> truth, List<Double> found, double window) {
    boolean[] used = new boolean[found.size()];
    int hits = 0;
    for (double r : truth) {
      for (int j = 0; j < found.size(); j++) {
        if (!used[j] && Math.abs(found.get(j) - r) <= window) {
          used[j] = true;
          hits++;
          break;
        }
      }
    }
    double p = found.isEmpty() ? 0 : (double) hits / found.size();
    double r = truth.isEmpty() ? 1 : (double) hits / truth.size();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
}
