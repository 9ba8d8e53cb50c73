package io.tunecut.studio.internal.render;

import static io.tunecut.studio.ffmpeg.TestMedia.FFMPEG;
import static io.tunecut.studio.internal.render.FfmpegRendererTest.meanLuma;
import static io.tunecut.studio.internal.render.FfmpegRendererTest.stream;
import static org.assertj.core.api.Assertions.assertThat;

import io.tunecut.studio.internal.draft.Aspect;
import io.tunecut.studio.internal.draft.Fill;
import io.tunecut.studio.ffmpeg.TestMedia;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A clip of another shape than the frame: cropped, over a blurred copy of itself, or with bars. */
class FillRenderTest {
  /** The strips above and below a landscape clip fitted into a 180×320 vertical frame. */
  static final String TOP = "crop=180:100:0:0";
  static final String BOTTOM = "crop=180:100:0:220";
  static final String MIDDLE = "crop=180:80:0:120";

  @TempDir Path dir;
  FfmpegRenderer renderer;
  Path landscape;

  @BeforeEach
  void setUp() {
    renderer = new FfmpegRenderer(FFMPEG, dir.resolve("work"), RenderOptions.defaults().withShortSide(180));
    landscape = TestMedia.clip(dir, "wide.mp4", 1, 320, 180);
  }

  Path vertical(Fill fill) throws Exception {
    Timeline t = new Timeline(dir).clip(landscape);
    return t.output(t.output().withAspect(Aspect.PORTRAIT).withFill(fill)).render(renderer);
  }

  @Test
  void cropCoversTheWholeFrameWithTheClip() throws Exception {
    Path out = vertical(Fill.CROP);
    assertThat(meanLuma(out, 0.5, TOP)).isGreaterThan(40);
    assertThat(meanLuma(out, 0.5, BOTTOM)).isGreaterThan(40);
    assertThat(meanLuma(out, 0.5, "crop=10:320:0:0")).as("no bar at the side either").isGreaterThan(30);
  }

  @Test
  void blurFillsAboveAndBelowWithADarkerSoftCopyOfTheClip() throws Exception {
    Path out = vertical(Fill.BLUR);
    double top = meanLuma(out, 0.5, TOP);
    double middle = meanLuma(out, 0.5, MIDDLE);
    assertThat(top).as("not black").isGreaterThan(15);
    assertThat(meanLuma(out, 0.5, BOTTOM)).as("not black").isGreaterThan(15);
    assertThat(top).as("darker than the clip itself").isLessThan(middle * 0.8);
  }

  @Test
  void barsAreBlack() throws Exception {
    Path out = vertical(Fill.BARS);
    assertThat(meanLuma(out, 0.5, TOP)).isLessThan(20);
    assertThat(meanLuma(out, 0.5, BOTTOM)).isLessThan(20);
    assertThat(meanLuma(out, 0.5, MIDDLE)).isGreaterThan(40);
  }

  @Test
  void withoutAChoiceAClipOfAnotherShapeIsFittedOverItsBlurredCopy() throws Exception {
    Path out = vertical(null);
    assertThat(meanLuma(out, 0.5, TOP)).isGreaterThan(15);
    assertThat(meanLuma(out, 0.5, TOP)).isLessThan(meanLuma(out, 0.5, MIDDLE) * 0.8);
  }

  @Test
  void aClipOfTheFramesShapeFillsItWhateverTheChoice() throws Exception {
    Timeline t = new Timeline(dir).clip(landscape);
    Path out = t.output(t.output().withAspect(Aspect.LANDSCAPE).withResolution("720p").withFill(Fill.BARS))
        .render(renderer);
    assertThat(meanLuma(out, 0.5, "crop=320:10:0:0")).isGreaterThan(40);
    assertThat(meanLuma(out, 0.5, "crop=10:180:0:0")).isGreaterThan(30);
  }

  @Test
  void sixtyFramesASecondStaySixty() throws Exception {
    Path sixty = TestMedia.make(dir.resolve("sixty.mp4"), "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=60:duration=1",
        "-pix_fmt", "yuv420p");
    Path thirty = TestMedia.make(dir.resolve("thirty.mp4"), "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=30:duration=1",
        "-pix_fmt", "yuv420p");
    Timeline t = new Timeline(dir).clip(thirty).clip(sixty);
    Path out = t.output(t.output().withAspect(Aspect.PORTRAIT)).render(renderer);
    assertThat(stream(FFMPEG.probe(out, Duration.ofSeconds(30)), "video").path("avg_frame_rate").asText())
        .isEqualTo("60/1");
    assertThat(FfmpegRendererTest.frames(out)).isEqualTo(120);
  }
}
