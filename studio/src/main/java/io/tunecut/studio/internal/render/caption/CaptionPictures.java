package io.tunecut.studio.internal.render.caption;

import io.tunecut.studio.internal.draft.Caption;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Draws captions the way they should look on the frame: inside its safe area at any shape
 * and size, wrapped and then shrunk as needed, in the caption's colour with a dark outline
 * and shadow so they read over any picture, every character in a font that has it. Drawn in
 * Java and laid over the video by ffmpeg, because drawtext has one font per text. Thread-safe.
 */
public final class CaptionPictures {
  /** Lines a caption may take before it is made smaller instead. */
  private static final int PREFERRED_LINES = 3;
  /** The smallest text, as a share of the frame's short side, before long words are broken. */
  private static final float SMALLEST = 0.03f;
  private static final float FLOOR_PIXELS = 6;
  /** How much smaller a corner's label may get to stay on one line before it wraps instead. */
  private static final float ONE_LINE_SHRINK = 0.7f;

  private final Typefaces fonts;

  private CaptionPictures(Typefaces fonts) {
    this.fonts = fonts;
  }

  /** With the machine's fonts (fontconfig), falling back to the font in our jar. */
  public static CaptionPictures systemFonts() {
    return new CaptionPictures(Typefaces.system());
  }

  /** Only the font in our jar: what a machine without fonts shows. */
  public static CaptionPictures bundledFontOnly() {
    return new CaptionPictures(Typefaces.bundledOnly());
  }

  /**
   * Draws {@code caption} for a frame of this size into {@code file} (PNG).
   *
   * @return where it goes, or empty when there is nothing to draw
   */
  public Optional<CaptionPicture> draw(Caption caption, int frameWidth, int frameHeight, Path file) throws IOException {
    List<Lines.Run> paragraphs = paragraphs(caption.text());
    if (paragraphs.isEmpty()) return Optional.empty();
    SafeArea area = SafeArea.of(frameWidth, frameHeight);
    String position = caption.position();
    boolean left = position.endsWith("-left");
    boolean right = position.endsWith("-right");
    float room = "center".equals(position) ? area.height() : area.height() * 0.45f;
    // A corner's text keeps to its half of the frame, clear of a title across the middle.
    float across = left || right ? area.width() * 0.5f : area.width();
    float asked = frameHeight * (float) caption.size();
    // A corner's label reads as one line: a little smaller rather than "第一" over "天".
    Lines lines = (left || right ? oneLine(paragraphs, asked, across) : Optional.<Lines>empty())
        .orElseGet(() -> fit(paragraphs, asked, Math.min(frameWidth, frameHeight), across, room));
    Look look = Look.of(lines.size());
    int pad = (int) Math.ceil(look.stroke() + look.shadow() + 2);
    int width = (int) Math.ceil(lines.width()) + 2 * pad;
    int height = (int) Math.ceil(lines.height()) + 2 * pad;
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    paint(image, lines, look, Color.decode(caption.color()), pad, left ? 0 : right ? 1 : 0.5f);
    ImageIO.write(image, "png", file.toFile());
    // In a corner the ink (outline and shadow too) meets the safe area's edge.
    float inkLeft = pad - look.stroke();
    float inkRight = pad - look.stroke() - look.shadow();
    int x = left ? (int) Math.ceil(area.left() - inkLeft)
        : right ? (int) Math.floor(frameWidth - area.right() - width + inkRight) : (frameWidth - width) / 2;
    x = Math.max(0, Math.min(frameWidth - width, x));
    int y = position.startsWith("top") ? area.top() - pad
        : position.startsWith("bottom") ? frameHeight - area.bottom() - height + pad
        : area.top() + (area.height() - height) / 2;
    y = Math.max(0, Math.min(frameHeight - height, y));
    return Optional.of(new CaptionPicture(file, x, y, width, height));
  }

  /** The text on one line per paragraph at the asked size or down to {@link #ONE_LINE_SHRINK} of it, if it fits. */
  private static Optional<Lines> oneLine(List<Lines.Run> paragraphs, float asked, float across) {
    for (float size = asked; size >= asked * ONE_LINE_SHRINK; size *= 0.95f) {
      Look look = Look.of(size);
      Optional<Lines> set = Lines.set(paragraphs, size, across - 2 * (look.stroke() + look.shadow()), false);
      if (set.isPresent() && set.get().count() == paragraphs.size()) return set;
    }
    return Optional.empty();
  }

  /**
   * The largest size up to the asked one at which the text fits the safe area in a few lines
   * without breaking a word; failing that, the smallest readable size with words broken and
   * the lines that do not fit left out.
   */
  private static Lines fit(List<Lines.Run> paragraphs, float asked, int shortSide, float across, float room) {
    float smallest = Math.max(FLOOR_PIXELS, Math.min(asked, shortSide * SMALLEST));
    float size = Math.max(smallest, asked);
    while (true) {
      Look look = Look.of(size);
      float width = across - 2 * (look.stroke() + look.shadow());
      Optional<Lines> set = Lines.set(paragraphs, size, width, false);
      if (set.isPresent() && set.get().height() + 2 * look.stroke() <= room
          && (set.get().count() <= PREFERRED_LINES || size <= asked / 2)) {
        return set.get();
      }
      if (size <= smallest) break;
      size = Math.max(smallest, size * 0.92f);
    }
    while (true) {
      Look look = Look.of(size);
      Lines set = Lines.set(paragraphs, size, across - 2 * (look.stroke() + look.shadow()), true).orElseThrow();
      if (set.height() + 2 * look.stroke() <= room || size <= FLOOR_PIXELS) return set.upTo(room - 2 * look.stroke());
      size = Math.max(FLOOR_PIXELS, size * 0.9f);
    }
  }

  /**
   * The text split into paragraphs at line breaks, each character with its font; characters
   * no font can draw are left out, and the spaces around them collapse into one.
   */
  private List<Lines.Run> paragraphs(String text) {
    Typefaces.Language language = Typefaces.Language.of(text);
    List<Lines.Run> out = new ArrayList<>();
    for (String paragraph : text.split("\\R")) {
      StringBuilder kept = new StringBuilder();
      List<Font> fonts = new ArrayList<>();
      paragraph.codePoints().forEach(cp -> {
        if (Character.isWhitespace(cp)) {
          if (kept.length() > 0 && kept.charAt(kept.length() - 1) != ' ') {
            kept.append(' ');
            fonts.add(this.fonts.forCodePoint(' ', language).orElseThrow());
          }
          return;
        }
        this.fonts.forCodePoint(cp, language).ifPresent(f -> {
          kept.appendCodePoint(cp);
          for (int i = 0; i < Character.charCount(cp); i++) fonts.add(f);
        });
      });
      int end = kept.length();
      while (end > 0 && kept.charAt(end - 1) == ' ') end--;
      if (end > 0) out.add(new Lines.Run(kept.substring(0, end), List.copyOf(fonts.subList(0, end))));
    }
    return out;
  }

  /** @param align where each line sits in the widest: 0 at its left, 0.5 centred, 1 at its right */
  private static void paint(BufferedImage image, Lines lines, Look look, Color color, int pad, float align) {
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      List<Shape> shapes = new ArrayList<>();
      float top = pad;
      float widest = lines.width();
      for (TextLayout line : lines.layouts()) {
        float x = pad + (widest - line.getVisibleAdvance()) * align;
        float baseline = top + line.getAscent();
        shapes.add(line.getOutline(AffineTransform.getTranslateInstance(x, baseline)));
        top += lines.pitch(line);
      }
      g.setColor(new Color(0, 0, 0, 110));
      AffineTransform shadow = AffineTransform.getTranslateInstance(look.shadow(), look.shadow());
      for (Shape s : shapes) g.fill(shadow.createTransformedShape(s));
      g.setStroke(new BasicStroke(2 * look.stroke(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      g.setColor(new Color(0, 0, 0, 190));
      for (Shape s : shapes) g.draw(s);
      g.setColor(color);
      for (Shape s : shapes) g.fill(s);
    } finally {
      g.dispose();
    }
  }

  /** The outline (reaching this far past each glyph) and the shadow's offset, for a text size. */
  private record Look(float stroke, float shadow) {
    static Look of(float size) {
      return new Look(Math.max(1, size * 0.045f), Math.max(1, size * 0.035f));
    }
  }
}
