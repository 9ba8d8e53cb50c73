package io.tunecut.studio.internal.agent.language;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Every way of writing a time ("0:25", "1m05s", "25 sec", "二十秒", "1分30秒") as {@code 25s}. */
final class Times {
  private static final Pattern CLOCK = Pattern.compile("(?<![\\d.:])(\\d{1,2}):(\\d{2}(?:\\.\\d+)?)(?![\\d:])");
  private static final Pattern MIN_SEC = Pattern.compile(
      "(\\d+)\\s*(?:m|min|mins|minutes?|分钟?)\\s*(?:and\\s*)?(\\d+(?:\\.\\d+)?)\\s*(?:s|secs?|seconds?|秒钟?)(?![a-z])");
  private static final Pattern MINUTES = Pattern.compile(
      "(\\d+(?:\\.\\d+)?)\\s*-?\\s*(?:min|mins|minutes?|分钟|分半)(?![a-z])");
  private static final Pattern SECONDS = Pattern.compile(
      "(\\d+(?:\\.\\d+)?)\\s*-?\\s*(?:s|secs?|seconds?|秒钟|秒)(?![a-z])");

  private Times() {}

  static String seconds(String t) {
    t = t.replaceAll("(?<=\\d)\\s*(秒钟?|分钟)(?=[a-z])", "$1 "); // "前3秒cut掉": the English word after the time is a word of its own
    t = CLOCK.matcher(t).replaceAll(m -> secs(Integer.parseInt(m.group(1)) * 60 + Double.parseDouble(m.group(2))));
    t = MIN_SEC.matcher(t).replaceAll(m -> secs(Integer.parseInt(m.group(1)) * 60 + Double.parseDouble(m.group(2))));
    t = t.replaceAll("(\\d+)\\s*分半", "$1.5分钟");
    t = MINUTES.matcher(t).replaceAll(m -> secs(Double.parseDouble(m.group(1)) * 60));
    return SECONDS.matcher(t).replaceAll(m -> secs(Double.parseDouble(m.group(1))));
  }

  private static String secs(double s) {
    String n = s == Math.rint(s) ? String.valueOf((long) s) : String.format(Locale.ROOT, "%.2f", s).replaceAll("0+$", "");
    return Matcher.quoteReplacement(n + "s");
  }
}
