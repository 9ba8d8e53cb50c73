package io.tunecut.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okio.Buffer;

/**
 * A Bot API server on loopback, enough of it for TelegramBots and our adapter: long polling
 * from a queue of updates, the methods we call (recorded), getFile and file downloads, and
 * Telegram's flood control on edits.
 */
final class FakeBotApi extends Dispatcher implements AutoCloseable {
  static final String TOKEN = "7357:TEST-token-never-to-be-seen";
  static final long BOT_ID = 7357;
  static final String BOT_USERNAME = "tunecut_bot";
  static final ObjectMapper JSON = new ObjectMapper();

  /** One call to a Bot API method; for multipart calls, file parts appear as their byte counts. */
  record Call(String method, ObjectNode params, Instant at, int answeredCode) {
    String text() {
      return params.path("text").asText(null);
    }

    String chatId() {
      return params.path("chat_id").asText(null);
    }
  }

  private final MockWebServer server = new MockWebServer();
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final BlockingQueue<ObjectNode> updates = new LinkedBlockingQueue<>();
  private final java.util.TreeMap<Long, ObjectNode> unconfirmed = new java.util.TreeMap<>();
  private final AtomicInteger updateIds = new AtomicInteger(1000);
  private final AtomicInteger messageIds = new AtomicInteger(1);
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final Map<String, Long> lastEditNanos = new ConcurrentHashMap<>();
  private final Map<String, String> textOfMessage = new ConcurrentHashMap<>();
  /** A photo message's picture, as "chat/message" keys them. */
  private final Map<String, Shown> photoOfMessage = new ConcurrentHashMap<>();
  private final AtomicInteger fileIds = new AtomicInteger();
  /** The photo messages sent, in order, as "chat/message". */
  private final List<String> photoMessages = new CopyOnWriteArrayList<>();

  /** What a photo message shows: its file (a new id for each upload, as Telegram gives), caption and buttons. */
  record Shown(String fileId, int bytes, String caption, String buttons) {}
  private final AtomicInteger floodNextSends = new AtomicInteger();
  private final Map<String, Integer> floodChat = new ConcurrentHashMap<>();
  private volatile Duration editInterval = Duration.ZERO;
  private volatile Duration chatInterval;
  private final Map<String, Long> lastPostNanos = new java.util.HashMap<>();
  private final java.util.Deque<Long> postsInLastSecond = new java.util.ArrayDeque<>();
  private volatile boolean refuseVideosAsTooLarge;
  private volatile java.nio.file.Path localFiles;
  private final AtomicInteger downloads = new AtomicInteger();
  private final AtomicInteger conflicts = new AtomicInteger();

  FakeBotApi() throws IOException {
    server.setDispatcher(this);
    server.start();
  }

  String url() {
    String u = server.url("/").toString();
    return u.substring(0, u.length() - 1);
  }

  /** Edits of one chat closer together than this are answered 429, as Telegram does. */
  void floodControlOnEdits(Duration interval) {
    editInterval = interval;
  }

  /**
   * Telegram's flood control on everything the bot posts (messages, edits, photos, videos): calls
   * for one chat closer together than {@code perChat}, or more than 30 in any second over all
   * chats, are answered 429.
   */
  void floodControl(Duration perChat) {
    chatInterval = perChat;
  }

  /** Counts a post to {@code chatId}; true when flood control refuses it. */
  private synchronized boolean flooded(String chatId) {
    if (chatInterval == null) return false;
    long now = System.nanoTime();
    Long last = lastPostNanos.put(chatId, now);
    postsInLastSecond.addLast(now);
    while (now - postsInLastSecond.peekFirst() >= TimeUnit.SECONDS.toNanos(1)) postsInLastSecond.pollFirst();
    return (last != null && now - last < chatInterval.toNanos()) || postsInLastSecond.size() > 30;
  }

  /** The next {@code n} sendMessage calls are answered 429 with retry_after 1. */
  void floodNextSends(int n) {
    floodNextSends.set(n);
  }

  /** The next sendMessage to {@code chatId} is answered 429 with retry_after {@code seconds}. */
  void floodNextSendTo(String chatId, int seconds) {
    floodChat.put("sendmessage/" + chatId, seconds);
  }

  /** The next editMessageText in {@code chatId} is answered 429 with retry_after {@code seconds}. */
  void floodNextEditIn(String chatId, int seconds) {
    floodChat.put("editmessagetext/" + chatId, seconds);
  }

  /** The next editMessageMedia in {@code chatId} is answered 429 with retry_after {@code seconds}. */
  void floodNextMediaEditIn(String chatId, int seconds) {
    floodChat.put("editmessagemedia/" + chatId, seconds);
  }

  /** Acts as a local Bot API server: getFile answers with absolute paths of files written here. */
  void localFilesIn(java.nio.file.Path dir) {
    localFiles = dir;
  }

  /** Requests to the file download path. */
  int downloads() {
    return downloads.get();
  }

  /** The next {@code n} getUpdates calls are answered 409, as when another process polls with the token. */
  void conflictOnNextPolls(int n) {
    conflicts.set(n);
  }

  void refuseVideosAsTooLarge() {
    refuseVideosAsTooLarge = true;
  }

  /** A file a user "sent": served by getFile and the file download path. */
  void file(String fileId, byte[] bytes) {
    files.put(fileId, bytes);
  }

  void push(ObjectNode update) {
    update.put("update_id", updateIds.incrementAndGet());
    updates.add(update);
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }

  List<Call> calls(String method) {
    return calls.stream().filter(c -> c.method.equalsIgnoreCase(method)).collect(Collectors.toList());
  }

  List<Call> calls(String method, Predicate<Call> which) {
    return calls(method).stream().filter(which).collect(Collectors.toList());
  }

  /** Texts the bot sent to a chat (sendMessage) and the texts it edited to. */
  List<String> textsTo(String chatId) {
    return calls.stream()
        .filter(c -> c.answeredCode == 200 && chatId.equals(c.chatId()) && c.text() != null)
        .map(Call::text).collect(Collectors.toList());
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
    List<String> segments = request.getUrl().pathSegments();
    if (segments.size() >= 3 && segments.get(0).equals("file")) {
      return download(segments);
    }
    if (segments.size() != 2 || !segments.get(0).equals("bot" + TOKEN)) {
      return error(401, "Unauthorized");
    }
    String method = segments.get(1).toLowerCase(Locale.ROOT);
    ObjectNode params = params(request);
    if (method.equals("getupdates")) {
      if (conflicts.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        return error(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
      }
      return getUpdates(params);
    }
    MockResponse response = answer(method, params);
    calls.add(new Call(method, params, Instant.now(), response.getCode()));
    return response;
  }

  private MockResponse answer(String method, ObjectNode p) {
    if (List.of("sendmessage", "editmessagetext", "editmessagemedia", "sendphoto", "sendvideo").contains(method)) {
      if (flooded(p.path("chat_id").asText())) return flood(1);
      Integer wait = floodChat.remove(method + "/" + p.path("chat_id").asText());
      if (wait != null) return flood(wait);
    }
    switch (method) {
      case "getme": {
        ObjectNode me = JSON.createObjectNode().put("id", BOT_ID).put("is_bot", true)
            .put("first_name", "tunecut").put("username", BOT_USERNAME);
        return ok(me);
      }
      case "deletewebhook", "setwebhook", "setmycommands", "sendchataction", "answercallbackquery":
        return ok(JSON.getNodeFactory().booleanNode(true));
      case "sendmessage":
        if (floodNextSends.getAndUpdate(n -> Math.max(0, n - 1)) > 0) return flood(1);
        return ok(botMessage(p.path("chat_id").asText(), p.path("text").asText()));
      case "editmessagetext": {
        String chat = p.path("chat_id").asText();
        long now = System.nanoTime();
        Long last = lastEditNanos.get(chat);
        if (last != null && now - last < editInterval.toNanos()) return flood(1);
        lastEditNanos.put(chat, now);
        String key = chat + "/" + p.path("message_id").asText();
        if (p.path("text").asText().equals(textOfMessage.get(key))) {
          return error(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same");
        }
        textOfMessage.put(key, p.path("text").asText());
        ObjectNode m = botMessage(chat, p.path("text").asText());
        m.put("message_id", p.path("message_id").asInt());
        return ok(m);
      }
      case "sendvideo":
        if (refuseVideosAsTooLarge) return error(413, "Request Entity Too Large");
        return ok(botMessage(p.path("chat_id").asText(), null));
      case "sendphoto": {
        String chat = p.path("chat_id").asText();
        ObjectNode m = botMessage(chat, null);
        int bytes = p.has("photo.bytes") ? p.path("photo.bytes").asInt() : attached(p, p.path("photo").asText());
        if (bytes < 0) return error(400, "Bad Request: there is no photo in the request");
        Shown shown = new Shown("photo-" + fileIds.incrementAndGet(), bytes, p.path("caption").asText(""), p.path("reply_markup").asText(""));
        photoOfMessage.put(chat + "/" + m.path("message_id").asText(), shown);
        photoMessages.add(chat + "/" + m.path("message_id").asText());
        return ok(photo(m, shown));
      }
      case "editmessagemedia":
        return editMedia(p);
      case "getfile": {
        String id = p.path("file_id").asText();
        byte[] bytes = files.get(id);
        if (bytes == null) return error(400, "Bad Request: file is too big");
        if (localFiles != null) {
          java.nio.file.Path local = localFiles.resolve(id + ".mp4").toAbsolutePath();
          try {
            java.nio.file.Files.write(local, bytes);
          } catch (IOException e) {
            return error(500, e.toString());
          }
          return ok(JSON.createObjectNode().put("file_id", id).put("file_unique_id", "u" + id)
              .put("file_size", bytes.length).put("file_path", local.toString()));
        }
        return ok(JSON.createObjectNode().put("file_id", id).put("file_unique_id", "u" + id)
            .put("file_size", bytes.length).put("file_path", "videos/" + id + ".mp4"));
      }
      default:
        return error(404, "Not Found: method " + method);
    }
  }

  /**
   * As Telegram does: the new media as JSON ({@code "media":"attach://NAME"} for an uploaded file, sent as a part
   * of that name, or a file_id), only in a message that has media; "not modified" when file, caption and buttons
   * are the same (an upload is a new file). A caption and buttons not given again are gone.
   */
  private MockResponse editMedia(ObjectNode p) {
    String chat = p.path("chat_id").asText();
    String key = chat + "/" + p.path("message_id").asText();
    JsonNode media;
    try {
      media = JSON.readTree(p.path("media").asText());
    } catch (IOException e) {
      return error(400, "Bad Request: can't parse InputMedia: " + e.getMessage());
    }
    if (media == null || !media.isObject()) return error(400, "Bad Request: can't parse InputMedia: media not found");
    if (!"photo".equals(media.path("type").asText())) return error(400, "Bad Request: unsupported media type");
    Shown before = photoOfMessage.get(key);
    if (before == null) {
      return error(400, textOfMessage.containsKey(key) ? "Bad Request: there is no media in the message to edit"
          : "Bad Request: message to edit not found");
    }
    String ref = media.path("media").asText();
    int bytes = attached(p, ref);
    String fileId = bytes >= 0 ? "photo-" + fileIds.incrementAndGet() : ref;
    if (bytes < 0 && !ref.equals(before.fileId())) return error(400, "Bad Request: wrong file identifier/HTTP URL specified");
    Shown after = new Shown(fileId, bytes >= 0 ? bytes : before.bytes(), media.path("caption").asText(""), p.path("reply_markup").asText(""));
    if (after.equals(before)) {
      return error(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same");
    }
    photoOfMessage.put(key, after);
    ObjectNode m = botMessage(chat, null);
    m.put("message_id", p.path("message_id").asInt());
    return ok(photo(m, after));
  }

  /** The byte count of the file {@code ref} ("attach://NAME") names in the request; -1 when none. */
  private static int attached(ObjectNode p, String ref) {
    if (ref.startsWith("attach://")) return p.path(ref.substring("attach://".length()) + ".bytes").asInt(-1);
    return -1;
  }

  private static ObjectNode photo(ObjectNode message, Shown shown) {
    message.putArray("photo").addObject().put("file_id", shown.fileId()).put("file_unique_id", "u-" + shown.fileId())
        .put("width", 1280).put("height", 720).put("file_size", shown.bytes());
    if (!shown.caption().isEmpty()) message.put("caption", shown.caption());
    return message;
  }

  /** The ids of the photo messages sent to a chat, in order. */
  List<Integer> photoMessageIds(String chatId) {
    return photoMessages.stream().filter(k -> k.startsWith(chatId + "/"))
        .map(k -> Integer.parseInt(k.substring(chatId.length() + 1))).toList();
  }

  /** What a photo message shows now (buttons as reply_markup JSON, "" for none); null when it is no photo. */
  Shown photoShownIn(String chatId, int messageId) {
    return photoOfMessage.get(chatId + "/" + messageId);
  }

  // As Telegram does, an update is handed out again until a later call's offset confirms it.
  private MockResponse getUpdates(ObjectNode params) throws InterruptedException {
    long offset = params.path("offset").asLong(0);
    ArrayNode result = JSON.createArrayNode();
    synchronized (unconfirmed) {
      unconfirmed.headMap(offset).clear();
      if (unconfirmed.isEmpty()) {
        ObjectNode first = updates.poll(300, TimeUnit.MILLISECONDS);
        if (first != null) unconfirmed.put(first.path("update_id").asLong(), first);
      }
      ObjectNode more;
      while ((more = updates.poll()) != null) unconfirmed.put(more.path("update_id").asLong(), more);
      unconfirmed.values().forEach(result::add);
    }
    return ok(result);
  }

  private MockResponse download(List<String> segments) {
    downloads.incrementAndGet();
    if (!segments.get(1).equals("bot" + TOKEN)) return new MockResponse.Builder().code(401).build();
    String name = segments.get(segments.size() - 1);
    String id = name.endsWith(".mp4") ? name.substring(0, name.length() - 4) : name;
    byte[] bytes = files.get(id);
    if (bytes == null) return new MockResponse.Builder().code(404).body("Not Found").build();
    return new MockResponse.Builder().body(new Buffer().write(bytes)).build();
  }

  private ObjectNode botMessage(String chatId, String text) {
    ObjectNode m = JSON.createObjectNode();
    m.put("message_id", messageIds.incrementAndGet());
    m.put("date", Instant.now().getEpochSecond());
    long id = Long.parseLong(chatId);
    m.putObject("chat").put("id", id).put("type", id < 0 ? "supergroup" : "private");
    m.putObject("from").put("id", BOT_ID).put("is_bot", true).put("first_name", "tunecut").put("username", BOT_USERNAME);
    if (text != null) {
      m.put("text", text);
      textOfMessage.put(chatId + "/" + m.path("message_id").asText(), text);
    }
    return m;
  }

  private static ObjectNode params(RecordedRequest request) {
    ObjectNode params = JSON.createObjectNode();
    if (request.getBody() == null || request.getBody().size() == 0) return params;
    String type = request.getHeaders().get("Content-Type");
    try {
      if (type != null && type.startsWith("multipart/")) {
        MediaType media = MediaType.get(type);
        try (MultipartReader reader = new MultipartReader(new Buffer().write(request.getBody()), media.parameter("boundary"))) {
          MultipartReader.Part part;
          while ((part = reader.nextPart()) != null) {
            Headers h = part.headers();
            String disposition = h.get("Content-Disposition");
            String name = between(disposition, "name=\"", "\"");
            byte[] bytes = part.body().readByteArray();
            if (disposition.contains("filename=")) {
              params.put(name + ".bytes", bytes.length);
              params.put(name + ".filename", between(disposition, "filename=\"", "\""));
            } else {
              params.put(name, new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
            }
          }
        }
        return params;
      }
      JsonNode tree = JSON.readTree(request.getBody().toByteArray());
      if (tree instanceof ObjectNode o) return o;
    } catch (IOException e) {
      params.put("_unreadable", e.getMessage());
    }
    return params;
  }

  private static String between(String s, String start, String end) {
    int i = s.indexOf(start);
    if (i < 0) return "";
    int j = s.indexOf(end, i + start.length());
    return s.substring(i + start.length(), j);
  }

  private static MockResponse ok(JsonNode result) {
    ObjectNode body = JSON.createObjectNode().put("ok", true);
    body.set("result", result);
    return json(200, body);
  }

  private static MockResponse flood(int retryAfter) {
    ObjectNode body = JSON.createObjectNode().put("ok", false).put("error_code", 429)
        .put("description", "Too Many Requests: retry after " + retryAfter);
    body.putObject("parameters").put("retry_after", retryAfter);
    return json(429, body);
  }

  private static MockResponse error(int code, String description) {
    ObjectNode body = JSON.createObjectNode().put("ok", false).put("error_code", code).put("description", description);
    return json(code, body);
  }

  private static MockResponse json(int code, JsonNode body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body.toString()).build();
  }

  @Override
  public void close() {
    server.close();
  }
}
