package io.tunecut.telegram;

/** Keeps the bot token out of everything we print: file URLs and some errors contain it. */
final class TokenMask {
  private final String token;

  TokenMask(String token) {
    this.token = token;
  }

  String mask(String text) {
    if (text == null) return null;
    return text.replace(token, "***");
  }

  /** The throwable's messages, causes included, with the token masked. */
  String describe(Throwable t) {
    StringBuilder s = new StringBuilder();
    for (Throwable c = t; c != null && s.length() < 2000; c = c.getCause()) {
      if (s.length() > 0) s.append(" <- ");
      s.append(c.getClass().getSimpleName()).append(": ").append(c.getMessage());
    }
    return mask(s.toString());
  }
}
