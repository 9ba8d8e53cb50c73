package io.tunecut.studio.agent;

import io.tunecut.studio.media.Media;
import io.tunecut.studio.media.MediaKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One message as the instructions read it. Quoted text (a title's words) is lifted out and
 * replaced by {@code «0»}, {@code «1»}… so no rule mistakes "title 'Music at 5'" for a volume.
 *
 * @param text the message in lower case with quoted parts replaced by markers
 * @param quoted the quoted parts, in order, as written
 * @param chinese whether to answer in Chinese
 */
public record Turn(String original, String text, List<String> quoted, List<Media> media, boolean chinese) {
  private static final Pattern QUOTED = Pattern.compile(
      "\"([^\"]+)\"|“([^”]+)”|「([^」]+)」|『([^』]+)』|‘([^’]+)’|(?<![\\p{L}])'([^']+)'(?![\\p{L}])");

  public Turn {
    quoted = List.copyOf(quoted);
    media = List.copyOf(media);
  }

  public static Turn of(String message, List<Media> media, String language) {
    String msg = message == null ? "" : message.strip();
    List<String> quoted = new ArrayList<>();
    Matcher m = QUOTED.matcher(msg);
    StringBuilder masked = new StringBuilder();
    while (m.find()) {
      String q = null;
      for (int g = 1; g <= m.groupCount() && q == null; g++) q = m.group(g);
      m.appendReplacement(masked, Matcher.quoteReplacement("«" + quoted.size() + "»"));
      quoted.add(q.strip());
    }
    m.appendTail(masked);
    boolean chinese = msg.codePoints().anyMatch(Turn::isHan)
        || (msg.codePoints().noneMatch(Character::isLetter) && "zh".equalsIgnoreCase(language));
    return new Turn(msg, masked.toString().toLowerCase(Locale.ROOT), quoted, media, chinese);
  }

  private static boolean isHan(int cp) {
    return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
  }

  public boolean has(Pattern p) {
    return p.matcher(text).find();
  }

  public Matcher match(Pattern p) {
    Matcher m = p.matcher(text);
    return m.find() ? m : null;
  }

  /** The uploaded tracks, in upload order. */
  public List<Media> tracks() {
    return media.stream().filter(x -> x.info().kind() == MediaKind.AUDIO).toList();
  }

  /** The text behind a {@code «n»} marker. */
  public String quote(String marker) {
    return quoted.get(Integer.parseInt(marker));
  }
}
