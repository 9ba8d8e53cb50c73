package io.tunecut.studio.internal.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Pattern;

/**
 * What the turn before leaves for the next to lean on: the question it answered ("how loud is
 * the music?", then "make it 80") and the language it was in (then "ok" is answered in it). Kept
 * with the session beside the draft, never in it: the draft is what is undone, compared, rendered
 * and exported, and a note of the chat is none of these.
 *
 * @param topic "length", "volume", "clip N" (how long it shows), "title" or "text" after a question about it;
 *     {@link #TITLE_WORDS} after asking what a title should say; {@link #MOVED} and the clip's name after a move; else null
 * @param chinese whether the turn before was in Chinese
 */
public record Said(String topic, boolean chinese) {
  /** Before the first turn, or when the note kept cannot be read: nothing to lean on. */
  public static final Said NOTHING = new Said(null, false);
  static final String TITLE_WORDS = "title words";
  /** After a move: the clip moved, by name, which the drafts alone leave open when two neighbours swapped. */
  static final String MOVED = "moved: ";
  /** After a word of editing was explained: the request it offered, which "ok do that" makes. */
  static final String OFFER = "offer: ";
  /** "ok do that", "yes please", "好 加上吧": yes to what was offered, not an "ok" that only heard it. */
  private static final Pattern DO_IT = Pattern.compile(
      "^(?:(?:ok|okay|yes|yeah|yep|sure|alright|cool|great|nice|then|so)\\s*,?\\s*)*(?:do (?:that|it|this|one)|add (?:it|that|one)|let'?s do (?:it|that)|let'?s have (?:it|one)|yes please|go ahead|please do|i want (?:that|it|one)|put (?:it|one) in)(?:\\s+(?:please|pls|then|too))?\\s*[!.]*$"
          + "|^(?:好|好的|行|可以|嗯|ok)?\\s*(?:那就|那)?(?:加上|加吧|加一个|加个|弄吧|弄一个|就这样做|来吧|要|要的)(?:吧|呗|啊)?$");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LENGTH = Pattern.compile("how long|\\blength\\b|\\bduration\\b|多长|多久|时长|几秒");
  private static final Pattern VOLUME = Pattern.compile("how loud|\\bvolume\\b|\\bloud|多大声|音量|多响");
  /** "what's the title", "标题是什么": then "change it to Beach Day" gives it new words. */
  private static final Pattern TEXT_ASKED = Pattern.compile("\\b(?:title|caption|text)\\b|标题|字幕|文字");
  /** A question, not an answered request ("remove the text" when there is none). */
  private static final Pattern ASKING = Pattern.compile("^(?:what|what's|where|where's|which|is|are|does|did|how)\\b|\\?|什么|吗|哪|呢|没有?$");
  /** "change it to Beach Day", "rename it to …", "改成 海边": new words for the text asked about. */
  private static final Pattern NEW_WORDS = Pattern.compile(
      "^((?:(?:ok|okay|then|so|and|pls|please|cool|nice)\\s*,?\\s+)*)(change|rename|switch|set|make)\\s+it\\s+(to|into|as)\\s+(?=\\S)", Pattern.CASE_INSENSITIVE);
  private static final Pattern ZH_NEW_WORDS = Pattern.compile("^((?:那|那就|好|好的|ok)?\\s*(?:就)?)(改成|改为|换成)(?=\\s*\\S)");
  /** A question about one clip or photo ("how long is the photo on screen"): its number would not be the whole's. */
  private static final Pattern ONE_PART = Pattern.compile("clip \\d|\\bphotos?\\b|\\bpictures?\\b|照片|图片|title|caption|text");
  private static final Pattern ONE_CLIP = Pattern.compile("clip (\\d+)");
  /** "make it 80", "调到80", "12 then": a number alone, which the question before gives its unit. */
  private static final Pattern NUMBER_ALONE = Pattern.compile(
      "^(?:(?:ok|okay|then|so|just|please|hmm+|好|那|那就|嗯)\\s*,?\\s*)*(?:make it|make that|set it to|change it to|put it at|put it to|cut it to|cut it down to|trim it to|try|调到|改成|改到|设为|设成|变成|弄成|调成|剪到|剪成|to)?\\s*"
          + "(\\d+(?:\\.\\d+)?)\\s*(?:then|please|instead|吧|就行|好了)?\\s*$");

  /** The note as the session keeps it ({@link #toJson()}); {@link #NOTHING} for none or one that cannot be read. */
  public static Said read(String json) {
    if (json == null || json.isBlank()) return NOTHING;
    try {
      JsonNode note = JSON.readTree(json);
      if (!note.isObject()) return NOTHING;
      return new Said(note.path("topic").isTextual() ? note.path("topic").asText() : null, note.path("zh").asBoolean(false));
    } catch (JsonProcessingException e) {
      return NOTHING; // a note is a convenience: without it the next turn reads the message alone
    }
  }

  /** {@code {"topic":"volume","zh":false}}: what the session keeps until the next turn. */
  public String toJson() {
    var note = JSON.createObjectNode();
    if (topic != null) note.put("topic", topic);
    return note.put("zh", chinese).toString();
  }

  /** What a turn that only answered was asked about, from its words. */
  static String topicOf(String asked) {
    String term = Talk.termAsked(asked);
    if (term != null && Terms.request(term) != null) return OFFER + Terms.request(term);
    var clip = ONE_CLIP.matcher(asked);
    if (LENGTH.matcher(asked).find() && clip.find() && asked.indexOf("clip ", clip.end()) < 0) return "clip " + clip.group(1);
    var text = TEXT_ASKED.matcher(asked);
    if (text.find() && ASKING.matcher(asked).find() && !LENGTH.matcher(asked).find()) return text.group().matches("title|标题") ? "title" : "text";
    if (ONE_PART.matcher(asked).find()) return null;
    return LENGTH.matcher(asked).find() ? "length" : VOLUME.matcher(asked).find() ? "volume" : null;
  }

  /** The message with "it" named, when the question before was about the text: "change it to Beach Day" after "what's the title". */
  String named(String message) {
    if (!"title".equals(topic) && !"text".equals(topic)) return message;
    String en = topic.equals("title") ? "title" : "text";
    String zh = topic.equals("title") ? "标题" : "文字";
    String m = NEW_WORDS.matcher(message.strip()).replaceFirst("$1$2 the " + en + " $3 ");
    return ZH_NEW_WORDS.matcher(m).replaceFirst("$1" + zh + "$2");
  }

  /** The clip the turn before moved, by name; null when it moved none. */
  String moved() {
    return topic != null && topic.startsWith(MOVED) ? topic.substring(MOVED.length()) : null;
  }

  /** What the question before was about, as the instructions name it, for "make it bigger"; null when nothing one. */
  String subject() {
    if (topic == null || topic.startsWith(MOVED)) return null;
    return switch (topic) {
      case "title", "text" -> topic;
      case "volume" -> "music";
      default -> topic.startsWith("clip ") ? topic : null;
    };
  }

  /** Whether the turn before asked what a title should say: then a message no instruction reads is its words. */
  boolean awaitsTitle() {
    return TITLE_WORDS.equals(topic);
  }

  /** The request offered by the turn before, when this clause says yes to it; null otherwise. */
  String offered(String clause) {
    return topic != null && topic.startsWith(OFFER) && DO_IT.matcher(clause.strip()).matches() ? topic.substring(OFFER.length()) : null;
  }

  /** A number alone read in the unit of the question before: "make it 12s", "music 80%"; null when it is not one. */
  String valueFor(String clause) {
    var m = NUMBER_ALONE.matcher(clause);
    if (topic == null || !m.matches() || topic.startsWith(OFFER) || topic.startsWith(MOVED) || topic.equals("title") || topic.equals("text") || topic.equals(TITLE_WORDS)) return null;
    if (topic.startsWith("clip ")) return "make " + topic + " " + m.group(1) + "s"; // "how long is the photo on screen?" "make it 5"
    return topic.equals("length") ? "make it " + m.group(1) + "s" : "music " + m.group(1) + "%";
  }
}
