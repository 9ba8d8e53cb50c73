package io.tunecut.core.language;

import java.util.Locale;

/** The languages the bot speaks. */
public enum Language {
  EN("en"),
  ZH("zh");

  private final String code;

  Language(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** "en"/"zh" as stored; null or unknown → null. */
  public static Language ofCode(String code) {
    if (code == null) return null;
    for (Language l : values()) if (l.code.equalsIgnoreCase(code)) return l;
    return null;
  }

  /**
   * The language of a message: Chinese characters win; plain words in Latin letters mean
   * English; a bare command or a file says nothing, so the remembered language, then the
   * platform's locale, then English.
   */
  public static Language detect(String text, Locale locale, Language remembered) {
    if (text != null && hasCjk(text)) return ZH;
    if (text != null && !text.startsWith("/") && text.codePoints().filter(Character::isLetter).count() >= 3) return EN;
    if (remembered != null) return remembered;
    if (locale != null && locale.getLanguage().equals("zh")) return ZH;
    return EN;
  }

  static boolean hasCjk(String text) {
    return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }
}
