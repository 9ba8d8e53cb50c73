package io.tunecut.studio.internal.media;

import static io.tunecut.studio.ffmpeg.TestMedia.clip;
import static io.tunecut.studio.ffmpeg.TestMedia.make;
import static io.tunecut.studio.ffmpeg.TestMedia.still;
import static io.tunecut.studio.ffmpeg.TestMedia.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tunecut.studio.ffmpeg.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FfprobeMediaProbeTest {
  @TempDir Path dir;
  final MediaProbe probe = new FfprobeMediaProbe(TestMedia.FFMPEG);

  @ParameterizedTest
  @ValueSource(strings = {"mp4", "mov", "webm", "mkv", "avi"})
  void acceptsVideoContainersWithTheirSizeLengthAndSound(String ext) throws Exception {
    Path file = clip(dir, "clip." + ext, 2, 320, 180);
    MediaInfo info = probe.probe(file, "clip." + ext);
    assertThat(info.kind()).isEqualTo(MediaKind.VIDEO);
    assertThat(info.width()).isEqualTo(320);
    assertThat(info.height()).isEqualTo(180);
    assertThat(info.durationSeconds()).isCloseTo(2.0, within(0.1));
    assertThat(info.fps()).isCloseTo(30.0, within(0.01));
    assertThat(info.hasAudio()).isTrue();
  }

  @Test
  void aGifIsAVideo() throws Exception {
    Path gif = make(dir.resolve("loop.gif"), "-f", "lavfi", "-i", "testsrc2=size=64x48:rate=10:duration=1.5");
    MediaInfo info = probe.probe(gif, "loop.gif");
    assertThat(info.kind()).isEqualTo(MediaKind.VIDEO);
    assertThat(info.hasAudio()).isFalse();
    assertThat(info.durationSeconds()).isGreaterThan(1.0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"mp3", "wav", "m4a", "ogg", "flac", "aac"})
  void acceptsAudio(String ext) throws Exception {
    Path file = track(dir, "song." + ext, 2);
    MediaInfo info = probe.probe(file, "song." + ext);
    assertThat(info.kind()).isEqualTo(MediaKind.AUDIO);
    assertThat(info.durationSeconds()).isCloseTo(2.0, within(0.15));
    assertThat(info.hasAudio()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"png", "jpg", "webp"})
  void acceptsStillsAsImagesWithNoLength(String ext) throws Exception {
    Path file = still(dir, "photo." + ext, 200, 150);
    MediaInfo info = probe.probe(file, "photo." + ext);
    assertThat(info.kind()).isEqualTo(MediaKind.IMAGE);
    assertThat(info.width()).isEqualTo(200);
    assertThat(info.height()).isEqualTo(150);
    assertThat(info.durationSeconds()).isZero();
  }

  @Test
  void aRotatedPhoneClipReportsItsDisplayedSize() throws Exception {
    Path plain = clip(dir, "plain.mp4", 1, 320, 180);
    Path rotated = make(dir.resolve("portrait.mp4"), "-i", plain.toString(), "-c", "copy",
        "-metadata:s:v:0", "rotate=90");
    MediaInfo info = probe.probe(rotated, "portrait.mp4");
    assertThat(info.width()).isEqualTo(180);
    assertThat(info.height()).isEqualTo(320);
    assertThat(info.rotation() % 180).isEqualTo(90);
  }

  @Test
  void oddSizesAndVariableFrameRateAreFine() throws Exception {
    Path vfr = make(dir.resolve("vfr.mkv"), "-f", "lavfi", "-i", "testsrc2=size=321x181:rate=30:duration=2",
        "-vf", "scale=321:181,setpts='if(lt(T,1),PTS,PTS*2)'", "-fps_mode", "vfr", "-c:v", "libx264", "-pix_fmt", "yuv444p");
    MediaInfo info = probe.probe(vfr, "vfr.mkv");
    assertThat(info.kind()).isEqualTo(MediaKind.VIDEO);
    assertThat(info.width()).isEqualTo(321);
    assertThat(info.fps()).isBetween(1.0, 60.0);
  }

  @Test
  void aTextFileNamedMp4IsRefusedAsNotMedia() throws Exception {
    Path fake = Files.writeString(dir.resolve("holiday.mp4"), "this is not a video\n".repeat(50));
    assertThatThrownBy(() -> probe.probe(fake, "holiday.mp4"))
        .isInstanceOf(MediaRejectedException.class)
        .hasMessageContaining("not a video, audio or image");
  }

  @Test
  void anEmptyFileIsRefused() throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.mp4"));
    assertThatThrownBy(() -> probe.probe(empty, "empty.mp4")).isInstanceOf(MediaRejectedException.class);
  }

  @Test
  void aTruncatedMp4IsRefused() throws Exception {
    Path whole = clip(dir, "whole.mp4", 4, 320, 180);
    byte[] bytes = Files.readAllBytes(whole);
    Path cut = Files.write(dir.resolve("cut.mp4"), Arrays.copyOf(bytes, bytes.length / 2));
    assertThatThrownBy(() -> probe.probe(cut, "cut.mp4"))
        .isInstanceOf(MediaRejectedException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void aTruncatedFastStartMp4IsRefused() throws Exception {
    Path whole = make(dir.resolve("whole.mp4"), "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=30:duration=4",
        "-pix_fmt", "yuv420p", "-movflags", "+faststart");
    byte[] bytes = Files.readAllBytes(whole);
    Path cut = Files.write(dir.resolve("cut.mp4"), Arrays.copyOf(bytes, bytes.length / 2));
    assertThatThrownBy(() -> probe.probe(cut, "cut.mp4"))
        .isInstanceOf(MediaRejectedException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void aPictureTooSmallIsRefusedWithItsSize() throws Exception {
    Path tiny = make(dir.resolve("tiny.mp4"), "-f", "lavfi", "-i", "testsrc2=size=8x8:rate=30:duration=1",
        "-pix_fmt", "yuv420p");
    assertThatThrownBy(() -> probe.probe(tiny, "tiny.mp4"))
        .isInstanceOf(MediaRejectedException.class)
        .hasMessageContaining("8×8");
  }
}
