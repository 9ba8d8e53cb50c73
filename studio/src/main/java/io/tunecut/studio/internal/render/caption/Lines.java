package io.tunecut.studio.internal.render.caption;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.LineBreakMeasurer;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.text.AttributedString;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A text set in lines no wider than a width, at one size: broken between words (between
 * characters in Chinese and Japanese), each character in a font that can draw it.
 */
record Lines(List<TextLayout> layouts, float size) {
  static final FontRenderContext CONTEXT = new FontRenderContext(null, true, true);

  /**
   * @param breakWords false to give up (empty) when a single word is wider than {@code width}
   */
  static Optional<Lines> set(List<Run> paragraphs, float size, float width, boolean breakWords) {
    List<TextLayout> out = new ArrayList<>();
    for (Run paragraph : paragraphs) {
      AttributedString styled = paragraph.at(size);
      LineBreakMeasurer measurer = new LineBreakMeasurer(styled.getIterator(),
          BreakIterator.getLineInstance(Locale.ROOT), CONTEXT);
      int end = paragraph.text().length();
      while (measurer.getPosition() < end) {
        TextLayout line = measurer.nextLayout(width, end, !breakWords);
        if (line == null) return Optional.empty();
        out.add(line);
      }
    }
    return Optional.of(new Lines(List.copyOf(out), size));
  }

  /** The first lines, as many as fit in {@code height}. */
  Lines upTo(float height) {
    List<TextLayout> kept = new ArrayList<>();
    float used = 0;
    for (TextLayout l : layouts) {
      used += pitch(l);
      if (used > height && !kept.isEmpty()) break;
      kept.add(l);
    }
    return new Lines(List.copyOf(kept), size);
  }

  float width() {
    float w = 0;
    for (TextLayout l : layouts) w = Math.max(w, l.getVisibleAdvance());
    return w;
  }

  float height() {
    float h = 0;
    for (TextLayout l : layouts) h += pitch(l);
    return h;
  }

  int count() {
    return layouts.size();
  }

  /** From one baseline to the next. */
  float pitch(TextLayout l) {
    return l.getAscent() + l.getDescent() + size * 0.08f;
  }

  /** One paragraph's text with the font of each character, at no size yet. */
  record Run(String text, List<Font> fonts) {
    AttributedString at(float size) {
      AttributedString s = new AttributedString(text);
      int i = 0;
      while (i < text.length()) {
        Font f = fonts.get(i);
        int j = i + 1;
        while (j < text.length() && fonts.get(j) == f) j++;
        s.addAttribute(TextAttribute.FONT, f.deriveFont(size), i, j);
        i = j;
      }
      return s;
    }
  }
}
