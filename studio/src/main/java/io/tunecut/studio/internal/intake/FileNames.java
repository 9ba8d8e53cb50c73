package io.tunecut.studio.internal.intake;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Makes an uploaded name safe to keep and to show: the last path component only, no control
 * or reserved characters, no leading dots, no {@code ..}, at most {@link #MAX_LENGTH}
 * characters with the extension kept. The result never names a directory.
 */
public final class FileNames {
  public static final int MAX_LENGTH = 120;

  private FileNames() {}

  public static String sanitise(String name) {
    if (name == null) return "file";
    String n = Normalizer.normalize(name, Normalizer.Form.NFC);
    int slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
    n = n.substring(slash + 1);
    StringBuilder out = new StringBuilder();
    n.codePoints().forEach(cp -> {
      int type = Character.getType(cp);
      boolean invisible = Character.isISOControl(cp) || type == Character.FORMAT || type == Character.SURROGATE
          || type == Character.PRIVATE_USE || type == Character.UNASSIGNED
          || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
      if (invisible) return;
      if ("<>:\"|?*/\\".indexOf(cp) >= 0) {
        out.append('_');
      } else if (Character.isWhitespace(cp)) {
        out.append(' ');
      } else {
        out.appendCodePoint(cp);
      }
    });
    String s = out.toString().replaceAll(" {2,}", " ");
    while (s.contains("..")) s = s.replace("..", ".");
    s = s.replaceAll("^[. ]+", "").replaceAll("[. ]+$", "");
    if (s.isEmpty()) return "file";
    return cap(s);
  }

  /** The lower-case extension without the dot, or "" when there is none. */
  public static String extension(String name) {
    int dot = name.lastIndexOf('.');
    if (dot < 0 || dot == name.length() - 1) return "";
    return name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static String cap(String s) {
    if (s.codePointCount(0, s.length()) <= MAX_LENGTH) return s;
    String ext = extension(s);
    if (ext.length() > 10) ext = "";
    String stem = ext.isEmpty() ? s : s.substring(0, s.length() - ext.length() - 1);
    int keep = MAX_LENGTH - (ext.isEmpty() ? 0 : ext.length() + 1);
    String cut = stem.substring(0, stem.offsetByCodePoints(0, Math.min(keep, stem.codePointCount(0, stem.length()))));
    cut = cut.replaceAll("[. ]+$", "");
    if (cut.isEmpty()) cut = "file";
    return ext.isEmpty() ? cut : cut + "." + ext;
  }
}
