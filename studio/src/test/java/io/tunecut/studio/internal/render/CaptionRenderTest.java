package io.tunecut.studio.internal.render;

import static io.tunecut.studio.ffmpeg.TestMedia.FFMPEG;
import static io.tunecut.studio.internal.render.Timeline.frame;
import static org.assertj.core.api.Assertions.assertThat;

import io.tunecut.studio.internal.draft.Aspect;
import io.tunecut.studio.ffmpeg.TestMedia;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Captions as they appear on rendered frames. */
class CaptionRenderTest {
  static final IntPredicate WHITE = rgb -> red(rgb) > 200 && green(rgb) > 200 && blue(rgb) > 200;
  static final IntPredicate RED = rgb -> red(rgb) > 170 && green(rgb) < 90 && blue(rgb) < 90;

  @TempDir Path dir;
  FfmpegRenderer renderer;

  @BeforeEach
  void setUp() {
    renderer = new FfmpegRenderer(FFMPEG, dir.resolve("work"), RenderOptions.defaults().withShortSide(360));
  }

  /** A dark grey clip: any bright or red pixel is the caption. */
  Path grey(int width, int height) {
    return TestMedia.make(dir.resolve("grey-" + width + "x" + height + ".mp4"), "-f", "lavfi", "-i",
        "color=c=0x303030:size=" + width + "x" + height + ":rate=30:duration=1", "-pix_fmt", "yuv420p");
  }

  @Test
  void lisbonSummerOnAVerticalFrameIsDrawnWholeInsideTheSafeArea() throws Exception {
    Path out = new Timeline(dir).clip(grey(360, 640)).caption("Lisbon Summer", "center", 0.12, "#ffffff")
        .render(renderer);
    BufferedImage f = frame(out, 0.5);
    Rectangle ink = bounds(f, WHITE);
    assertThat(ink.x).as("clear of the left edge").isGreaterThanOrEqualTo((int) (360 * 0.05));
    assertThat(ink.x + ink.width).as("clear of the right edge").isLessThanOrEqualTo((int) (360 * 0.95));
    // 12% of 640 px is too wide for one line on a 360 px frame: two lines, at the size asked
    assertThat(ink.height).isGreaterThan((int) (640 * 0.12 * 1.5));
  }

  @Test
  void aChineseTitleIsDrawnAsGlyphsInItsColour() throws Exception {
    BufferedImage chinese = frame(new Timeline(dir).clip(grey(640, 360)).caption("城市之梦", "center", 0.15, "#ff0000")
        .render(renderer), 0.5);
    // what a font without Chinese shows: four hollow boxes
    BufferedImage boxes = frame(new Timeline(dir).clip(grey(640, 360)).caption("□□□□", "center", 0.15, "#ff0000")
        .render(renderer), 0.5);
    assertThat(count(chinese, RED)).isGreaterThan(count(boxes, RED) * 2);
    assertThat(bounds(chinese, RED).width).isGreaterThan(640 / 4);
  }

  @Test
  void onAMachineWithoutFontsTitlesUseTheFontInOurJar() throws Exception {
    FfmpegRenderer bare = new FfmpegRenderer(FFMPEG, dir.resolve("bare"), RenderOptions.defaults().withShortSide(360), false);
    BufferedImage f = frame(new Timeline(dir).clip(grey(640, 360))
        .caption("Urban: \"Dreams\" 100% \\ it's", "center", 0.1, "#ffffff").render(bare), 0.5);
    assertThat(bounds(f, WHITE).width).isGreaterThan(640 / 2);
  }

  @Test
  void latinChineseAndEmojiInOneTitleAreAllDrawn() throws Exception {
    Timeline latin = new Timeline(dir).clip(grey(640, 360)).caption("Go", "center", 0.1, "#ff0000");
    Timeline all = new Timeline(dir).clip(grey(640, 360)).caption("Go 城市 🌆", "center", 0.1, "#ff0000");
    Rectangle latinInk = bounds(frame(latin.render(renderer), 0.5), RED);
    Rectangle allInk = bounds(frame(all.render(renderer), 0.5), RED);
    // each part adds its own width: two Chinese characters and an emoji are well over three letters wide
    assertThat(allInk.width).isGreaterThan(latinInk.width * 3);
  }

  @Test
  void topAndBottomCaptionsAreWhereTheyWereAsked() throws Exception {
    Rectangle top = bounds(frame(new Timeline(dir).clip(grey(640, 360)).caption("Day 1", "top", 0.08, "#ffffff")
        .render(renderer), 0.5), WHITE);
    Rectangle bottom = bounds(frame(new Timeline(dir).clip(grey(640, 360)).caption("Day 1", "bottom", 0.08, "#ffffff")
        .render(renderer), 0.5), WHITE);
    assertThat(top.y + top.height).isLessThan(360 / 3);
    assertThat(bottom.y).isGreaterThan(360 * 2 / 3);
  }

  @Test
  void aLongCaptionWrapsInsideTheFrameAtEachShape() throws Exception {
    String text = "We walked from Alfama down to the river and watched the sun go down behind the bridge";
    for (Aspect aspect : Aspect.values()) {
      Timeline t = new Timeline(dir).clip(grey(640, 360)).caption(text, "bottom", 0.1, "#ffffff");
      t.output(t.output().withAspect(aspect));
      BufferedImage f = frame(t.render(renderer), 0.5);
      Rectangle ink = bounds(f, WHITE);
      assertThat(ink.x).as("left, %s", aspect).isGreaterThan(f.getWidth() / 25);
      assertThat(ink.x + ink.width).as("right, %s", aspect).isLessThan(f.getWidth() - f.getWidth() / 25);
      assertThat(ink.y + ink.height).as("bottom, %s", aspect).isLessThan(f.getHeight() - f.getHeight() / 25);
    }
  }

  // --- reading frames

  static int red(int rgb) {
    return (rgb >> 16) & 0xff;
  }

  static int green(int rgb) {
    return (rgb >> 8) & 0xff;
  }

  static int blue(int rgb) {
    return rgb & 0xff;
  }

  static int count(BufferedImage image, IntPredicate ink) {
    int n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) if (ink.test(image.getRGB(x, y))) n++;
    }
    return n;
  }

  static Rectangle bounds(BufferedImage image, IntPredicate ink) {
    Rectangle r = null;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if (!ink.test(image.getRGB(x, y))) continue;
        if (r == null) r = new Rectangle(x, y, 1, 1);
        else r.add(new Rectangle(x, y, 1, 1));
      }
    }
    assertThat(r).as("text on the frame").isNotNull();
    return r;
  }
}
