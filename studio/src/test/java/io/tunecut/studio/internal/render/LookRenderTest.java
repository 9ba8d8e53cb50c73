package io.tunecut.studio.internal.render;

import static io.tunecut.studio.ffmpeg.TestMedia.FFMPEG;
import static io.tunecut.studio.internal.render.Timeline.frame;
import static org.assertj.core.api.Assertions.assertThat;

import io.tunecut.studio.ffmpeg.TestMedia;
import io.tunecut.studio.internal.draft.Look;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The colour look over the clips, as it appears on rendered frames. */
class LookRenderTest {
  @TempDir Path dir;
  FfmpegRenderer renderer;

  @BeforeEach
  void setUp() {
    renderer = new FfmpegRenderer(FFMPEG, dir.resolve("work"), RenderOptions.defaults().withShortSide(360));
  }

  /** Colour bars: red, green, blue and more, side by side. */
  private Path bars() {
    return TestMedia.make(dir.resolve("bars.mp4"), "-f", "lavfi", "-i", "smptebars=size=640x360:rate=30:duration=1", "-pix_fmt", "yuv420p");
  }

  @Test
  void blackAndWhiteTakesTheColourOutOfTheClipsButNotOutOfTheTitle() throws Exception {
    Timeline timeline = new Timeline(dir).clip(bars()).caption("Day 1", "top", 0.12, "#ff0000");
    BufferedImage colour = frame(timeline.render(renderer), 0.5);
    timeline.output(timeline.output().withLook(Look.BLACK_AND_WHITE));
    BufferedImage grey = frame(timeline.render(renderer), 0.5);

    assertThat(saturation(colour, 100, 220)).as("the bars in colour").isGreaterThan(60);
    assertThat(saturation(grey, 100, 220)).as("the same bars in grey").isLessThan(6);
    assertThat(CaptionRenderTest.count(grey, CaptionRenderTest.RED)).as("the red title is still red").isGreaterThan(200);
  }

  @Test
  void sepiaTurnsEveryBarTheSameWarmBrown() throws Exception {
    Timeline timeline = new Timeline(dir).clip(bars());
    timeline.output(timeline.output().withLook(Look.SEPIA));
    BufferedImage sepia = frame(timeline.render(renderer), 0.5);
    int warm = 0;
    int all = 0;
    for (int y = 100; y < 220; y += 4) {
      for (int x = 0; x < sepia.getWidth(); x += 4) {
        int rgb = sepia.getRGB(x, y);
        int r = (rgb >> 16) & 255;
        int g = (rgb >> 8) & 255;
        int b = rgb & 255;
        all++;
        if (r >= g && g >= b && r - b > 10) warm++;
      }
    }
    // the green, cyan and blue bars too: red over green over blue, as old photographs
    assertThat((double) warm / all).isGreaterThan(0.95);
  }

  /** The mean spread between a pixel's largest and smallest channel over rows [from, to). */
  private static double saturation(BufferedImage f, int from, int to) {
    double sum = 0;
    int n = 0;
    for (int y = from; y < Math.min(to, f.getHeight()); y += 4) {
      for (int x = 0; x < f.getWidth(); x += 4) {
        int rgb = f.getRGB(x, y);
        int r = (rgb >> 16) & 255;
        int g = (rgb >> 8) & 255;
        int b = rgb & 255;
        sum += Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
        n++;
      }
    }
    return sum / n;
  }
}
