package io.tunecut.core.nemo;

import java.util.regex.Pattern;

/** Keeps tokens out of every message the client builds from backend words. */
final class Redaction {
  private static final Pattern BEARER = Pattern.compile("(?i)bearer\\s+\\S+");
  private static final Pattern NEMO_TOKEN = Pattern.compile("nmv_[A-Za-z0-9_\\-.]+");
  private static final int MAX_LENGTH = 300;

  private Redaction() {}

  /** {@code text} without {@code token} nor anything shaped like one, shortened for a message. */
  static String clean(String text, String token) {
    if (text == null) {
      return "";
    }
    String out = text;
    if (token != null && !token.isEmpty()) {
      out = out.replace(token, "<redacted>");
    }
    out = BEARER.matcher(out).replaceAll("Bearer <redacted>");
    out = NEMO_TOKEN.matcher(out).replaceAll("<redacted>");
    out = out.replaceAll("[\\r\\n\\t]+", " ").strip();
    return out.length() > MAX_LENGTH ? out.substring(0, MAX_LENGTH) + "…" : out;
  }
}
