package io.tunecut.telegram;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/** Telegram updates as a person's client would cause them, in the Bot API's JSON. */
final class Updates {
  private static final AtomicInteger messageIds = new AtomicInteger(5000);

  private Updates() {}

  /** A person: user id, and the language their app is set to. */
  record Person(long id, String language) {
    io.tunecut.core.chat.Chat chat() {
      return new io.tunecut.core.chat.Chat("telegram", String.valueOf(id), false);
    }

    Person(long id) {
      this(id, "en");
    }
  }

  static ObjectNode text(Person from, long chatId, String text) {
    ObjectNode u = message(from, chatId);
    ((ObjectNode) u.get("message")).put("text", text);
    return u;
  }

  static ObjectNode video(Person from, long chatId, String fileId, long size, String caption, String mediaGroupId) {
    ObjectNode u = message(from, chatId);
    ObjectNode m = ((ObjectNode) u.get("message"));
    m.putObject("video").put("file_id", fileId).put("file_unique_id", "u" + fileId)
        .put("width", 320).put("height", 240).put("duration", 3)
        .put("file_name", fileId + ".mp4").put("mime_type", "video/mp4").put("file_size", size);
    if (caption != null) m.put("caption", caption);
    if (mediaGroupId != null) m.put("media_group_id", mediaGroupId);
    return u;
  }

  static ObjectNode audio(Person from, long chatId, String fileId, long size, String fileName) {
    ObjectNode u = message(from, chatId);
    ((ObjectNode) u.get("message")).putObject("audio").put("file_id", fileId).put("file_unique_id", "u" + fileId)
        .put("duration", 30).put("file_name", fileName).put("mime_type", "audio/mpeg").put("file_size", size);
    return u;
  }

  static ObjectNode document(Person from, long chatId, String fileId, long size, String fileName, String mime) {
    ObjectNode u = message(from, chatId);
    ((ObjectNode) u.get("message")).putObject("document").put("file_id", fileId).put("file_unique_id", "u" + fileId)
        .put("file_name", fileName).put("mime_type", mime).put("file_size", size);
    return u;
  }

  static ObjectNode photo(Person from, long chatId, String smallId, String largeId) {
    ObjectNode u = message(from, chatId);
    var sizes = ((ObjectNode) u.get("message")).putArray("photo");
    sizes.addObject().put("file_id", smallId).put("file_unique_id", "u" + smallId).put("width", 90).put("height", 60).put("file_size", 1000);
    sizes.addObject().put("file_id", largeId).put("file_unique_id", "u" + largeId).put("width", 1280).put("height", 720).put("file_size", 90000);
    return u;
  }

  /** A message replying to one the bot sent. */
  static ObjectNode replyToBot(Person from, long chatId, String text, int botMessageId) {
    ObjectNode u = text(from, chatId, text);
    ObjectNode replied = ((ObjectNode) u.get("message")).putObject("reply_to_message");
    replied.put("message_id", botMessageId).put("date", Instant.now().getEpochSecond()).put("text", "earlier");
    replied.putObject("chat").put("id", chatId).put("type", chatId < 0 ? "supergroup" : "private");
    replied.putObject("from").put("id", FakeBotApi.BOT_ID).put("is_bot", true).put("first_name", "tunecut").put("username", FakeBotApi.BOT_USERNAME);
    return u;
  }

  /** A press on one of the bot's inline buttons. */
  static ObjectNode press(Person from, long chatId, int botMessageId, String data) {
    ObjectNode u = FakeBotApi.JSON.createObjectNode();
    ObjectNode q = u.putObject("callback_query");
    q.put("id", "cb" + messageIds.incrementAndGet()).put("chat_instance", "ci").put("data", data);
    user(q.putObject("from"), from);
    ObjectNode m = q.putObject("message");
    m.put("message_id", botMessageId).put("date", Instant.now().getEpochSecond()).put("text", "earlier");
    m.putObject("chat").put("id", chatId).put("type", chatId < 0 ? "supergroup" : "private");
    m.putObject("from").put("id", FakeBotApi.BOT_ID).put("is_bot", true).put("first_name", "tunecut");
    return u;
  }

  private static ObjectNode message(Person from, long chatId) {
    ObjectNode u = FakeBotApi.JSON.createObjectNode();
    ObjectNode m = u.putObject("message");
    m.put("message_id", messageIds.incrementAndGet()).put("date", Instant.now().getEpochSecond());
    ObjectNode chat = m.putObject("chat").put("id", chatId);
    if (chatId < 0) chat.put("type", "supergroup").put("title", "Video club");
    else chat.put("type", "private").put("first_name", "Ann");
    user(m.putObject("from"), from);
    return u;
  }

  private static void user(ObjectNode node, Person p) {
    node.put("id", p.id()).put("is_bot", false).put("first_name", "Person" + p.id());
    if (p.language() != null) node.put("language_code", p.language());
  }
}
