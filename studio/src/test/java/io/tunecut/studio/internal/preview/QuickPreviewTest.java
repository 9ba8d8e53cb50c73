package io.tunecut.studio.internal.preview;

import static io.tunecut.studio.ffmpeg.TestMedia.FFMPEG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tunecut.studio.internal.draft.Clip;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.ffmpeg.FfmpegRun;
import io.tunecut.studio.ffmpeg.SoundLevels;
import io.tunecut.studio.internal.media.FfprobeMediaProbe;
import io.tunecut.studio.internal.media.Media;
import io.tunecut.studio.internal.media.MediaInfo;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick preview is made in parts side by side and joined: what comes out must still be one
 * whole 360p video, as long as the timeline, every frame in its place, with the music heard.
 */
class QuickPreviewTest {
  @TempDir static Path dir;
  static Sample sample;

  @BeforeAll
  static void media() throws Exception {
    sample = new Sample(dir);
  }

  private static Path preview(Draft draft, String name) throws Exception {
    Map<String, Media> byId = new LinkedHashMap<>();
    sample.media().forEach(m -> byId.put(m.id(), m));
    Path out = dir.resolve(name);
    new QuickPreview(FFMPEG, dir.resolve("work")).render(draft, byId, out);
    return out;
  }

  @Test
  void aPreviewIsOne360pVideoAsLongAsTheTimelineWithItsClipsInPlaceAndTheMusicHeard() throws Exception {
    Path out = preview(sample.draft("城市之梦"), "two-clips.mp4");

    MediaInfo info = new FfprobeMediaProbe(FFMPEG).probe(out, "two-clips.mp4");
    assertThat(info.height()).isEqualTo(360);
    assertThat(info.durationSeconds()).isBetween(9.9, 10.1);
    assertThat(blue(frame(out, 8))).as("the sky clip from 6 s").isTrue();
    assertThat(blue(frame(out, 2))).as("the pattern before").isFalse();
    double[] sound = SoundLevels.ebur128(out);
    assertThat(sound[0]).as("loudness of the whole").isBetween(-17.0, -11.0);
    assertThat(sound[1]).as("true peak").isLessThan(-1.0);
    assertThat(dir.resolve("work")).isEmptyDirectory();
  }

  @Test
  void oneClipCutInTwoToBeMadeFasterLosesNoFrameAndDoublesNone() throws Exception {
    Draft draft = Draft.empty().withClips(List.of(new Clip("c1", sample.pattern.id(), "beach.mp4", "video", 6000, 0, 1.0,
        null)));
    draft = draft.withOutput(draft.output().withLoudness(null));
    Path out = preview(draft, "one-clip.mp4");

    // Not normalised: the clip's steady tone, heard alike from the first frame to the last.
    double middle = SoundLevels.meanVolume(out, 2.75, 0.5);
    assertThat(middle).isGreaterThan(-40);
    assertThat(SoundLevels.meanVolume(out, 0, 0.5)).as("the start").isCloseTo(middle, within(1.0));
    assertThat(SoundLevels.meanVolume(out, 5.5, 0.5)).as("the end").isCloseTo(middle, within(1.0));

    Path crc = dir.resolve("one-clip.crc");
    FFMPEG.run(FfmpegRun.of(List.of("-i", out.toString(), "-map", "0:v", "-f", "framecrc", crc.toString()),
        Duration.ofSeconds(30)));
    assertThat(Files.readAllLines(crc)).filteredOn(l -> !l.startsWith("#")).hasSize(180);
    // The second half shows the source at its own time, not a second early or late.
    BufferedImage shown = frame(out, 4.5);
    assertThat(difference(shown, frame(sample.pattern.file(), 4.5)) * 4)
        .isLessThan(difference(shown, frame(sample.pattern.file(), 3.5)));
  }

  private static BufferedImage frame(Path video, double seconds) throws Exception {
    Path png = video.resolveSibling(video.getFileName() + "-" + seconds + ".png");
    FFMPEG.run(FfmpegRun.of(List.of("-ss", String.valueOf(seconds), "-i", video.toString(), "-frames:v", "1",
        png.toString()), Duration.ofSeconds(30)));
    return ImageIO.read(png.toFile());
  }

  /** Most of the picture (a caption may lie over it) is the sky clip's blue (0x2060ff). */
  private static boolean blue(BufferedImage frame) {
    int sky = 0;
    int all = 0;
    for (int y = 0; y < frame.getHeight(); y += 8) {
      for (int x = 0; x < frame.getWidth(); x += 8, all++) {
        Color c = new Color(frame.getRGB(x, y));
        if (Math.abs(c.getRed() - 0x20) + Math.abs(c.getGreen() - 0x60) + Math.abs(c.getBlue() - 0xff) < 60) sky++;
      }
    }
    return sky > all * 0.8;
  }

  private static long difference(BufferedImage a, BufferedImage b) {
    long sum = 0;
    for (int y = 0; y < a.getHeight(); y += 4) {
      for (int x = 0; x < a.getWidth(); x += 4) sum += Math.abs((a.getRGB(x, y) & 0xff) - (b.getRGB(x, y) & 0xff));
    }
    return sum;
  }
}
