package io.tunecut.studio.internal.compose;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The styles music can be composed in, read from {@code styles.json}, and what people call
 * them: "lo-fi", "something epic", "电子", "欢快一点".
 */
public final class Styles {
  private static final List<Style> ALL = load();

  private Styles() {}

  public static List<Style> all() {
    return ALL;
  }

  /** Upbeat pop: what the music is when the person names no style. */
  public static Style standard() {
    return named("upbeat pop");
  }

  /** The style with this exact English name. */
  public static Style named(String name) {
    return ALL.stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no style named " + name));
  }

  /**
   * The style a word or sentence names, by its longest word found in it ("make it lo-fi",
   * "来点史诗感的"), or empty.
   */
  public static Optional<Style> find(String words) {
    if (words == null || words.isBlank()) return Optional.empty();
    String text = words.toLowerCase(Locale.ROOT);
    Style best = null;
    int bestLength = 0;
    for (Style style : ALL) {
      for (String word : style.words()) {
        if (word.length() > bestLength && mentions(text, word)) {
          best = style;
          bestLength = word.length();
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /** The next calmer style ("calmer", "more relaxed", "安静一点"), or this one when none is calmer. */
  public static Style calmerThan(Style style) {
    return ALL.stream().filter(s -> s.calm() < style.calm()).max(Comparator.comparingInt(Style::calm))
        .orElse(style);
  }

  /** The next livelier style ("more upbeat", "more energy", "嗨一点"), or this one when none is. */
  public static Style livelierThan(Style style) {
    return ALL.stream().filter(s -> s.calm() > style.calm()).min(Comparator.comparingInt(Style::calm))
        .orElse(style);
  }

  /** A Latin word must stand alone ("pop" is not in "popcorn"); a Chinese one may sit anywhere. */
  private static boolean mentions(String text, String word) {
    if (word.codePoints().anyMatch(c -> c > 0x2e80)) return text.contains(word);
    int at = text.indexOf(word);
    while (at >= 0) {
      int end = at + word.length();
      boolean before = at == 0 || !Character.isLetter(text.charAt(at - 1));
      boolean after = end == text.length() || !Character.isLetter(text.charAt(end));
      if (before && after) return true;
      at = text.indexOf(word, at + 1);
    }
    return false;
  }

  private static List<Style> load() {
    ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    try (InputStream in = Styles.class.getResourceAsStream("styles.json")) {
      if (in == null) throw new IllegalStateException("styles.json is missing from the studio jar");
      return List.of(json.readValue(in, Style[].class));
    } catch (IOException e) {
      throw new UncheckedIOException("styles.json is unreadable", e);
    }
  }
}
