package io.tunecut.studio.internal.render.caption;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fonts a caption is drawn with, chosen per character: a bold Latin face first, then
 * whatever font fontconfig knows that covers the character (Noto CJK for Chinese, Symbola
 * for emoji), preferring the faces for the text's language (simplified Chinese shapes for
 * Chinese). A character no font can draw is left out, and its script is named in a warning
 * once, rather than drawn as an empty box.
 */
final class Typefaces {
  private static final Logger log = LoggerFactory.getLogger(Typefaces.class);
  private static final String BUNDLED = "/io/tunecut/studio/internal/render/fonts/DejaVuSans.ttf";

  private final Font base;
  private final boolean useSystem;
  private final Map<String, List<Font>> found = new ConcurrentHashMap<>();
  private final Map<String, Optional<Font>> lookups = new ConcurrentHashMap<>();
  private final Map<String, Font> loaded = new ConcurrentHashMap<>();
  private final Set<Character.UnicodeScript> warned = ConcurrentHashMap.newKeySet();

  private Typefaces(boolean useSystem) {
    this.useSystem = useSystem;
    this.base = useSystem ? systemBase().orElseGet(Typefaces::bundled) : bundled();
  }

  /** The machine's fonts, with the font in our jar when the machine has none. */
  static Typefaces system() {
    return new Typefaces(true);
  }

  /** Only the font in our jar: what a machine without fonts draws. */
  static Typefaces bundledOnly() {
    return new Typefaces(false);
  }

  /** The font for {@code codePoint} in a text of this language, or empty when none can draw it. */
  Optional<Font> forCodePoint(int codePoint, Language language) {
    if (base.canDisplay(codePoint)) return Optional.of(base);
    List<Font> known = found.computeIfAbsent(language.fontconfig(), k -> new CopyOnWriteArrayList<>());
    for (Font f : known) if (f.canDisplay(codePoint)) return Optional.of(f);
    Optional<Font> font = useSystem
        ? lookups.computeIfAbsent(language.fontconfig() + ":" + Integer.toHexString(codePoint),
            k -> lookUp(codePoint, language).filter(f -> f.canDisplay(codePoint)))
        : Optional.empty();
    font.filter(f -> !known.contains(f)).ifPresent(known::add);
    if (font.isEmpty() && !invisible(codePoint) && warned.add(Character.UnicodeScript.of(codePoint))) {
      log.warn("no installed font can draw {} text (U+{}): those characters are left out of captions;"
              + " install a font that covers them (for example Debian's fonts-noto)",
          Character.UnicodeScript.of(codePoint), Integer.toHexString(codePoint).toUpperCase());
    }
    return font;
  }

  /** Joiners, variation selectors and skin tones: part of how emoji are written, nothing to draw alone. */
  static boolean invisible(int codePoint) {
    int type = Character.getType(codePoint);
    return type == Character.FORMAT || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
        || (codePoint >= 0x1F3FB && codePoint <= 0x1F3FF);
  }

  /** Asks fontconfig for a bold face covering the character, in the text's language. */
  private Optional<Font> lookUp(int codePoint, Language language) {
    String pattern = ":weight=bold" + language.fontconfigPattern() + ":charset=" + Integer.toHexString(codePoint);
    return fcMatch(pattern).flatMap(this::load);
  }

  private Optional<Font> systemBase() {
    return fcMatch("DejaVu Sans:weight=bold").flatMap(this::load).filter(f -> f.canDisplay('A'));
  }

  /** A face from a font file ("file|index"), loaded once. */
  private Optional<Font> load(String fileAndIndex) {
    int bar = fileAndIndex.lastIndexOf('|');
    Path file = Path.of(fileAndIndex.substring(0, bar));
    int index = parseIndex(fileAndIndex.substring(bar + 1));
    String name = file.getFileName().toString().toLowerCase();
    if (!(name.endsWith(".ttf") || name.endsWith(".otf") || name.endsWith(".ttc")) || !Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      Font face = loaded.get(fileAndIndex);
      if (face == null) {
        Font[] faces = Font.createFonts(file.toFile());
        face = faces[Math.min(index, faces.length - 1)];
        loaded.put(fileAndIndex, face);
      }
      return Optional.of(face);
    } catch (IOException | FontFormatException e) {
      log.warn("cannot read the font {}: {}", file, e.getMessage());
      return Optional.empty();
    }
  }

  private static int parseIndex(String s) {
    try {
      return Math.max(0, Integer.parseInt(s.strip()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** DejaVu Sans from our jar, made bold, so captions draw on a machine without fonts. */
  private static Font bundled() {
    try (InputStream in = Typefaces.class.getResourceAsStream(BUNDLED)) {
      if (in == null) throw new IllegalStateException("the caption font is missing from the build");
      return Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(Font.BOLD);
    } catch (IOException | FontFormatException e) {
      throw new IllegalStateException("the caption font in the build cannot be read", e);
    }
  }

  private static Optional<String> fcMatch(String pattern) {
    try {
      Process p = new ProcessBuilder("fc-match", "-f", "%{file}|%{index}", pattern).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(5, TimeUnit.SECONDS) || p.exitValue() != 0 || !out.contains("|")) return Optional.empty();
      return Optional.of(out);
    } catch (IOException e) {
      return Optional.empty(); // no fontconfig on this machine: the bundled font only
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** The language a text is most likely in, which picks between CJK faces of one family. */
  enum Language {
    CHINESE("zh-cn"),
    JAPANESE("ja"),
    KOREAN("ko"),
    OTHER("");

    private final String fontconfig;

    Language(String fontconfig) {
      this.fontconfig = fontconfig;
    }

    String fontconfig() {
      return fontconfig;
    }

    String fontconfigPattern() {
      return fontconfig.isEmpty() ? "" : ":lang=" + fontconfig;
    }

    static Language of(String text) {
      boolean han = false;
      for (int cp : text.codePoints().toArray()) {
        Character.UnicodeScript s = Character.UnicodeScript.of(cp);
        if (s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA) return JAPANESE;
        if (s == Character.UnicodeScript.HANGUL) return KOREAN;
        han |= s == Character.UnicodeScript.HAN;
      }
      return han ? CHINESE : OTHER;
    }
  }
}
