package io.tunecut.studio.internal.render.caption;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.tunecut.studio.internal.draft.Caption;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

class CaptionPicturesTest {
  static final CaptionPictures SYSTEM = CaptionPictures.systemFonts();
  static final String LONG = "We walked from Alfama down to the river, ate sardines at a tiny place with no menu, "
      + "and watched the sun go down behind the bridge";

  @TempDir Path dir;

  static List<Object[]> textsAndFrames() {
    List<Object[]> rows = new ArrayList<>();
    String[] texts = {"Lisbon Summer", "Hi", LONG, "Supercalifragilisticexpialidocious-Extraordinaire",
        "城市之梦 🌆 Lisbon Summer", "我们在里斯本度过了一个美好的夏天，每天都去海边看日落，吃烤沙丁鱼，听法朵音乐"};
    int[][] frames = {{1080, 1920}, {1920, 1080}, {1080, 1080}, {720, 1280}, {1280, 720}, {720, 720}};
    for (String text : texts) {
      for (int[] f : frames) {
        // Corners mirror each other: one on each side and edge is enough.
        for (String position : new String[] {"top", "center", "bottom", "top-left", "bottom-right"}) {
          rows.add(new Object[] {text, f[0], f[1], position});
        }
      }
    }
    return rows;
  }

  @ParameterizedTest(name = "{0} at the {3} of {1}×{2}")
  @MethodSource("textsAndFrames")
  void everyCaptionStaysInsideTheSafeAreaAtTheLargestSize(String text, int width, int height, String position)
      throws Exception {
    Caption caption = new Caption("x1", text, 0, 3000, position, 0.12, "#ffffff", null);
    CaptionPicture picture = SYSTEM.draw(caption, width, height, dir.resolve("c.png")).orElseThrow();
    Rectangle ink = ink(picture);
    SafeArea safe = SafeArea.of(width, height);
    assertThat(ink.x).as("left edge of the ink").isGreaterThanOrEqualTo(safe.left() - 1);
    assertThat(ink.x + ink.width).as("right edge of the ink").isLessThanOrEqualTo(width - safe.right() + 1);
    assertThat(ink.y).as("top of the ink").isGreaterThanOrEqualTo(safe.top() - 1);
    assertThat(ink.y + ink.height).as("bottom of the ink").isLessThanOrEqualTo(height - safe.bottom() + 1);
    // and still a size people can read: at least 3% of the short side
    assertThat(ink.height).isGreaterThan((int) (Math.min(width, height) * 0.03));
  }

  @Test
  void lisbonSummerOnAVerticalFrameWrapsOntoTwoLinesAtItsFullSize() throws Exception {
    Caption caption = new Caption("x1", "Lisbon Summer", 0, 3000, "center", 0.08, "#ffffff", null);
    CaptionPicture picture = SYSTEM.draw(caption, 1080, 1920, dir.resolve("c.png")).orElseThrow();
    Rectangle ink = ink(picture);
    // two lines of text at 8% of 1920 px: far taller than one line, and kept whole
    assertThat(ink.height).isGreaterThan((int) (1920 * 0.08 * 1.6));
    assertThat(ink.width).isLessThan((int) (1080 * 0.88));
  }

  @Test
  void theCaptionsSizeIsHonouredWhenItFits() throws Exception {
    int small = ink(SYSTEM.draw(new Caption("x", "Go", 0, 1, "center", 0.05, "#ffffff", null), 1920, 1080,
        dir.resolve("s.png")).orElseThrow()).height;
    int large = ink(SYSTEM.draw(new Caption("x", "Go", 0, 1, "center", 0.15, "#ffffff", null), 1920, 1080,
        dir.resolve("l.png")).orElseThrow()).height;
    assertThat((double) large / small).isBetween(2.5, 3.5);
  }

  @Test
  void topAndBottomCaptionsSitAtTheSafeAreasEdges() throws Exception {
    CaptionPicture top = SYSTEM.draw(Caption.of("x", "Day 1", 0, 1, "top"), 1080, 1920, dir.resolve("t.png")).orElseThrow();
    CaptionPicture bottom = SYSTEM.draw(Caption.of("x", "Day 1", 0, 1, "bottom"), 1080, 1920, dir.resolve("b.png"))
        .orElseThrow();
    SafeArea safe = SafeArea.of(1080, 1920);
    assertThat(ink(top).y).isBetween(safe.top() - 1, safe.top() + 40);
    Rectangle b = ink(bottom);
    assertThat(b.y + b.height).isBetween(1920 - safe.bottom() - 40, 1920 - safe.bottom() + 1);
  }

  @Test
  void aCornerLabelSitsInItsCornerAndKeepsToItsHalfOfTheFrame() throws Exception {
    for (int[] f : new int[][] {{1920, 1080}, {1080, 1920}}) {
      SafeArea safe = SafeArea.of(f[0], f[1]);
      Rectangle topLeft = ink(SYSTEM.draw(Caption.of("x1", "Day 1", 0, 3000, "top-left"), f[0], f[1], dir.resolve("tl.png")).orElseThrow());
      Rectangle bottomRight = ink(SYSTEM.draw(Caption.of("x2", "第一天", 0, 3000, "bottom-right"), f[0], f[1], dir.resolve("br.png")).orElseThrow());
      Rectangle long_ = ink(SYSTEM.draw(Caption.of("x3", LONG, 0, 3000, "top-right"), f[0], f[1], dir.resolve("tr.png")).orElseThrow());

      assertThat(topLeft.x).as("at the safe area's left edge").isBetween(safe.left() - 1, safe.left() + 40);
      assertThat(topLeft.y).as("at its top").isBetween(safe.top() - 1, safe.top() + 40);
      assertThat(bottomRight.x + bottomRight.width).as("at the right edge").isBetween(f[0] - safe.right() - 40, f[0] - safe.right() + 1);
      assertThat(bottomRight.y + bottomRight.height).as("at the bottom").isBetween(f[1] - safe.bottom() - 40, f[1] - safe.bottom() + 1);
      assertThat(long_.x).as("a long text in the top right stays in the right half").isGreaterThanOrEqualTo(f[0] / 2 - safe.right());
      CaptionPicture dayOne = SYSTEM.draw(Caption.of("x4", "第一天", 0, 3000, "top-left"), f[0], f[1], dir.resolve("d1.png")).orElseThrow();
      assertThat(ink(dayOne).height).as("第一天 on one line, not 第一 over 天").isLessThan((int) (f[1] * 0.08 * 1.3));
    }
  }

  @Test
  void chineseLatinAndEmojiEachGetAFontThatDrawsThem() {
    Typefaces fonts = Typefaces.system();
    String text = "城市之梦 🌆 Lisbon";
    Typefaces.Language language = Typefaces.Language.of(text);
    assertThat(language).isEqualTo(Typefaces.Language.CHINESE);
    text.codePoints().forEach(cp -> assertThat(fonts.forCodePoint(cp, language))
        .as("a font for U+%X", cp).hasValueSatisfying(f -> assertThat(f.canDisplay(cp)).isTrue()));
    assertThat(fonts.forCodePoint('城', language).orElseThrow().getFontName()).contains("SC");
  }

  @Test
  void withoutAChineseFontTheCharactersAreLeftOutAndTheScriptIsNamedOnce() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger(Typefaces.class);
    ListAppender<ILoggingEvent> seen = new ListAppender<>();
    seen.start();
    logger.addAppender(seen);
    try {
      CaptionPictures bare = CaptionPictures.bundledFontOnly();
      Caption mixed = Caption.of("x", "城市之梦 Lisbon", 0, 1, "center");
      CaptionPicture withChinese = bare.draw(mixed, 1920, 1080, dir.resolve("m.png")).orElseThrow();
      CaptionPicture latinOnly = bare.draw(Caption.of("x", "Lisbon", 0, 1, "center"), 1920, 1080,
          dir.resolve("l.png")).orElseThrow();
      assertThat(bare.draw(Caption.of("x", "城市", 0, 1, "center"), 1920, 1080, dir.resolve("c.png"))).isEmpty();
      // no boxes: what is drawn is exactly the Latin part
      assertThat(withChinese.width()).isEqualTo(latinOnly.width());
      assertThat(seen.list).filteredOn(e -> e.getFormattedMessage().contains("HAN")).hasSize(1);
    } finally {
      logger.detachAppender(seen);
    }
  }

  /** The bounding box of what is drawn (alpha above a faint shadow), in frame coordinates. */
  static Rectangle ink(CaptionPicture picture) throws Exception {
    BufferedImage image = ImageIO.read(picture.file().toFile());
    int minX = Integer.MAX_VALUE;
    int minY = Integer.MAX_VALUE;
    int maxX = -1;
    int maxY = -1;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if ((image.getRGB(x, y) >>> 24) > 40) {
          minX = Math.min(minX, x);
          minY = Math.min(minY, y);
          maxX = Math.max(maxX, x);
          maxY = Math.max(maxY, y);
        }
      }
    }
    assertThat(maxX).as("ink in the picture").isGreaterThanOrEqualTo(0);
    return new Rectangle(picture.x() + minX, picture.y() + minY, maxX - minX + 1, maxY - minY + 1);
  }
}
