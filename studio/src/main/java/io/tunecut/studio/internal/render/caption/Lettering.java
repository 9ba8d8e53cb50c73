package io.tunecut.studio.internal.render.caption;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.text.AttributedString;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One line of text in the captions' fonts, for pictures other than captions (the timeline
 * picture's labels): every character in a font that has it, so Chinese is drawn as Chinese,
 * not boxes; characters no font has are left out. Thread-safe.
 */
public final class Lettering {
  private final Typefaces fonts;

  private Lettering(Typefaces fonts) {
    this.fonts = fonts;
  }

  /** The machine's fonts (fontconfig), then the font in our jar: the same faces captions use. */
  public static Lettering systemFonts() {
    return new Lettering(Typefaces.system());
  }

  /** A laid-out line of {@code text} at {@code size} pixels, or empty when nothing in it can be drawn. */
  public Optional<TextLayout> line(String text, float size, FontRenderContext context) {
    String flat = text.replaceAll("\\s+", " ").strip();
    Typefaces.Language language = Typefaces.Language.of(flat);
    StringBuilder kept = new StringBuilder();
    List<Font> faces = new ArrayList<>();
    flat.codePoints().forEach(cp -> fonts.forCodePoint(cp, language).ifPresent(f -> {
      kept.appendCodePoint(cp);
      for (int i = 0; i < Character.charCount(cp); i++) faces.add(f);
    }));
    if (kept.toString().isBlank()) return Optional.empty();
    AttributedString styled = new AttributedString(kept.toString());
    for (int i = 0; i < faces.size(); ) {
      int j = i;
      while (j < faces.size() && faces.get(j) == faces.get(i)) j++;
      styled.addAttribute(TextAttribute.FONT, faces.get(i).deriveFont(size), i, j);
      i = j;
    }
    return Optional.of(new TextLayout(styled.getIterator(), context));
  }
}
