package io.tunecut.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.Buffer;

/**
 * Discord as JDA sees it, on one loopback server: the REST API under {@code /api/v10/}, the
 * gateway as a WebSocket on {@code /gateway} (HELLO → IDENTIFY → READY → GUILD_CREATE, then
 * whatever a test dispatches), and attachment downloads under {@code /files/}. It keeps the
 * messages the bot posts (in channels and through interactions) as Discord does, so a test can
 * see what the chat shows after edits and deletions ({@link #shownIn}).
 */
final class FakeDiscord implements AutoCloseable {
  static final long EPOCH = 1420070400000L;
  static final String TOKEN = "fake-bot-token.secret";
  static final String APP = "700000000000000001";
  static final String GUILD = "700000000000000002";
  static final String CHANNEL = "700000000000000003";
  static final String DM_CHANNEL = "700000000000000004";

  private final ObjectMapper json = new ObjectMapper();
  private final MockWebServer server = new MockWebServer();
  private final AtomicLong ids = new AtomicLong(800000000000000000L);
  private final AtomicInteger sequence = new AtomicInteger();
  private final List<WebSocket> sockets = new CopyOnWriteArrayList<>();
  private final Map<Integer, WebSocket> socketByShard = new ConcurrentHashMap<>();
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private volatile int shardTotal = 1;
  /** Uploads bigger than this are refused with 40005, as Discord does. */
  private volatile long uploadLimit = Long.MAX_VALUE;

  /** One REST call the bot made, and the status it was answered with. */
  record Call(String method, String path, String body, int code, java.time.Instant at) {
    boolean is(String method, String pathPart) {
      return this.method.equals(method) && path.contains(pathPart);
    }
  }

  FakeDiscord() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return answer(request);
      }
    });
    server.start();
  }

  String apiUrl() {
    return server.url("/api/v10/").toString();
  }

  String gatewayUrl() {
    return "ws://" + server.getHostName() + ":" + server.getPort() + "/gateway";
  }

  DiscordSettings settings() {
    return DiscordSettings.of(TOKEN).withAddresses(apiUrl(), gatewayUrl());
  }

  void shards(int total) {
    this.shardTotal = total;
  }

  void refuseUploadsOver(long bytes) {
    this.uploadLimit = bytes;
  }

  /** Serves a file the way Discord's CDN would; returns its URL. */
  String file(String name, byte[] bytes) {
    String path = "/files/" + ids.incrementAndGet() + "/" + name;
    files.put(path, bytes);
    return server.url(path).toString();
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }

  List<Call> calls(Predicate<Call> which) {
    return calls.stream().filter(which).toList();
  }

  int connectedShards() {
    return socketByShard.size();
  }

  java.util.Set<Integer> connectedShardIds() {
    return java.util.Set.copyOf(socketByShard.keySet());
  }

  /** A snowflake for a moment {@code ageMillis} ago, as Discord stamps every id. */
  static String snowflake(long ageMillis, long increment) {
    return Long.toUnsignedString(((System.currentTimeMillis() - ageMillis - EPOCH) << 22) | (increment & 0xFFF));
  }

  // ---- interactions ------------------------------------------------------------------------

  /** An option of a slash command: text, or a file served by this fake. */
  record Option(String name, String text, String fileName, String contentType, byte[] bytes) {
    static Option text(String name, String value) {
      return new Option(name, value, null, null, null);
    }

    static Option file(String name, String fileName, String contentType, byte[] bytes) {
      return new Option(name, null, fileName, contentType, bytes);
    }
  }

  /** Sends a slash command as if {@code userId} typed it in the guild channel now; returns the token. */
  String slashCommand(String userId, String command, List<Option> options) {
    return slashCommand(userId, command, options, 0, 10L * 1024 * 1024, false);
  }

  String slashCommand(String userId, String command, List<Option> options, long ageMillis, long attachmentLimit, boolean dm) {
    ObjectNode data = json.createObjectNode();
    data.put("id", "710000000000000000");
    data.put("name", command);
    data.put("type", 1);
    ArrayNode opts = data.putArray("options");
    ObjectNode attachments = data.putObject("resolved").putObject("attachments");
    for (Option option : options) {
      ObjectNode o = opts.addObject().put("name", option.name());
      if (option.text() != null) {
        o.put("type", 3).put("value", option.text());
      } else {
        String id = Long.toString(ids.incrementAndGet());
        String url = file(option.fileName(), option.bytes());
        o.put("type", 11).put("value", id);
        ObjectNode a = attachments.putObject(id);
        a.put("id", id).put("filename", option.fileName()).put("size", option.bytes().length)
            .put("url", url).put("proxy_url", url);
        if (option.contentType() != null) a.put("content_type", option.contentType());
      }
    }
    return dispatchInteraction(userId, 2, data, ageMillis, attachmentLimit, dm);
  }

  /** Presses a button with {@code customId} under a message of the bot; returns the token. */
  String pressButton(String userId, String customId) {
    ObjectNode data = json.createObjectNode().put("custom_id", customId).put("component_type", 2);
    return dispatchInteraction(userId, 3, data, 0, 10L * 1024 * 1024, false);
  }

  private String dispatchInteraction(String userId, int type, ObjectNode data, long ageMillis, long limit, boolean dm) {
    String token = "itoken-" + UUID.randomUUID();
    ObjectNode d = json.createObjectNode();
    d.put("id", snowflake(ageMillis, ids.incrementAndGet()));
    d.put("application_id", APP);
    d.put("type", type);
    d.put("token", token);
    d.put("version", 1);
    d.put("locale", "en-US");
    d.put("attachment_size_limit", limit);
    d.put("app_permissions", "8");
    d.putArray("entitlements");
    d.set("data", data);
    if (dm) {
      d.put("channel_id", DM_CHANNEL);
      d.putObject("channel").put("id", DM_CHANNEL).put("type", 1).set("recipients", json.createArrayNode().add(user(userId)));
      d.set("user", user(userId));
      d.put("context", 1);
      d.putObject("authorizing_integration_owners").put("0", APP);
    } else {
      d.put("guild_id", GUILD);
      d.put("guild_locale", "en-US");
      d.putObject("guild").put("id", GUILD).put("locale", "en-US").putArray("features");
      d.put("channel_id", CHANNEL);
      d.set("channel", channel());
      d.set("member", member(userId));
      d.put("context", 0);
      d.putObject("authorizing_integration_owners").put("0", GUILD);
      if (type == 3) d.set("message", message(CHANNEL, Long.toString(ids.incrementAndGet()), "", true));
    }
    dispatch(0, "INTERACTION_CREATE", d);
    return token;
  }

  /** A plain message in the guild channel (or the DM), as MESSAGE_CREATE. */
  void message(String userId, String content, boolean dm, List<Option> attachments) {
    String channel = dm ? DM_CHANNEL : CHANNEL;
    ObjectNode m = message(channel, Long.toString(ids.incrementAndGet()), content, false);
    m.set("author", user(userId));
    if (!dm) {
      m.put("guild_id", GUILD);
      ObjectNode member = member(userId);
      member.remove("user");
      m.set("member", member);
    }
    ArrayNode files = m.putArray("attachments");
    for (Option option : attachments) {
      String id = Long.toString(ids.incrementAndGet());
      String url = file(option.fileName(), option.bytes());
      ObjectNode a = files.addObject();
      a.put("id", id).put("filename", option.fileName()).put("size", option.bytes().length).put("url", url).put("proxy_url", url);
      if (option.contentType() != null) a.put("content_type", option.contentType());
    }
    ArrayNode mentions = m.putArray("mentions");
    if (content.contains("<@" + APP + ">")) mentions.add(user(APP).put("bot", true));
    dispatch(0, "MESSAGE_CREATE", m);
  }

  private void dispatch(int shard, String type, ObjectNode d) {
    WebSocket socket = socketByShard.get(guildShard());
    if (socket == null) throw new IllegalStateException("no gateway connection");
    send(socket, type, d);
  }

  private void send(WebSocket socket, String type, ObjectNode d) {
    ObjectNode frame = json.createObjectNode().put("op", 0).put("t", type).put("s", sequence.incrementAndGet());
    frame.set("d", d);
    socket.send(frame.toString());
  }

  int guildShard() {
    return (int) ((Long.parseLong(GUILD) >> 22) % shardTotal);
  }

  // ---- REST --------------------------------------------------------------------------------

  private MockResponse answer(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    String method = request.getMethod();
    if (path.startsWith("/gateway")) return new MockResponse.Builder().webSocketUpgrade(new Gateway()).build();
    if (path.startsWith("/files/")) {
      byte[] bytes = files.get(path);
      calls.add(new Call(method, path, "", bytes == null ? 404 : 200, java.time.Instant.now()));
      return bytes == null ? new MockResponse.Builder().code(404).build()
          : new MockResponse.Builder().body(new Buffer().write(bytes)).build();
    }
    String body = request.getBody() == null ? "" : request.getBody().string(StandardCharsets.UTF_8);
    String api = path.substring("/api/v10".length());
    MockResponse response = rest(request, method, api, body);
    calls.add(new Call(method, api, body, response.getCode(), java.time.Instant.now()));
    return response;
  }

  private MockResponse rest(RecordedRequest request, String method, String api, String body) {
    try {
      if (method.equals("GET") && api.equals("/users/@me")) return ok(user(APP).put("bot", true));
      if (method.equals("GET") && api.equals("/gateway/bot")) {
        ObjectNode g = json.createObjectNode().put("url", "wss://gateway.invalid").put("shards", shardTotal);
        g.putObject("session_start_limit").put("total", 1000).put("remaining", 1000).put("reset_after", 0)
            .put("max_concurrency", shardTotal);
        return ok(g);
      }
      if (method.equals("PUT") && api.endsWith("/commands")) {
        JsonNode commands = json.readTree(body);
        for (JsonNode command : commands) {
          ((ObjectNode) command).put("id", Long.toString(ids.incrementAndGet())).put("application_id", APP)
              .put("version", "1");
        }
        return ok(commands);
      }
      if (method.equals("POST") && api.endsWith("/callback")) return new MockResponse.Builder().code(204).build();
      if (method.equals("POST") && api.endsWith("/typing")) return new MockResponse.Builder().code(204).build();
      if (method.equals("POST") && api.equals("/users/@me/channels")) {
        JsonNode recipient = json.readTree(body).path("recipient_id");
        ObjectNode dm = json.createObjectNode().put("id", DM_CHANNEL).put("type", 1);
        dm.putArray("recipients").add(user(recipient.asText()));
        return ok(dm);
      }
      if (body.length() > uploadLimit && isMultipart(request)) {
        return error(413, 40005, "Request entity too large");
      }
      String[] parts = api.split("/");
      if (api.startsWith("/webhooks/")) {
        // /webhooks/{app}/{token}[/messages/{id|@original}]
        String token = parts[3];
        String id = parts.length > 5 ? parts[5] : null;
        if (id == null) return method.equals("POST") ? ok(create(CHANNEL, Long.toString(ids.incrementAndGet()), request, true)) : unknownRoute(method, api);
        String messageId = id.equals("@original") ? originals.computeIfAbsent(token, t -> deferred()) : id;
        return onMessage(method, messageId, request, api);
      }
      if (api.startsWith("/channels/") && parts.length >= 4 && parts[3].equals("messages")) {
        // /channels/{channel}/messages[/{id}]
        if (parts.length == 4) {
          return method.equals("POST") ? ok(create(parts[2], Long.toString(ids.incrementAndGet()), request, false)) : unknownRoute(method, api);
        }
        return onMessage(method, parts[4], request, api);
      }
      if (method.equals("DELETE")) return new MockResponse.Builder().code(204).build();
    } catch (IOException e) {
      return new MockResponse.Builder().code(400).body("{\"message\":\"bad json\",\"code\":50109}").build();
    }
    return unknownRoute(method, api);
  }

  private MockResponse unknownRoute(String method, String api) {
    return error(404, 0, "Unknown route " + method + " " + api);
  }

  /** An edit or deletion of one message: Discord answers 10008 for one that is gone. */
  private MockResponse onMessage(String method, String messageId, RecordedRequest request, String api) throws IOException {
    ObjectNode message = messages.get(messageId);
    if (method.equals("DELETE")) {
      if (message == null) return error(404, 10008, "Unknown Message");
      messages.remove(messageId);
      return new MockResponse.Builder().code(204).build();
    }
    if (method.equals("GET")) return message == null ? error(404, 10008, "Unknown Message") : ok(message);
    if (!method.equals("PATCH")) return unknownRoute(method, api);
    java.util.function.Supplier<MockResponse> refusal = isMultipart(request) ? pictureEditRefusals.poll() : null;
    if (refusal != null) return refusal.get();
    if (message == null) return error(404, 10008, "Unknown Message");
    edit(message, request);
    return ok(message);
  }

  // ---- messages as Discord keeps them ------------------------------------------------------

  /** Every message that exists now, by id: what people in the chat see. */
  private final Map<String, ObjectNode> messages = new ConcurrentHashMap<>();
  private final java.util.Queue<java.util.function.Supplier<MockResponse>> pictureEditRefusals = new java.util.concurrent.ConcurrentLinkedQueue<>();

  /** A picture, video or other file attached to a message as people see it. */
  record Attachment(String id, String fileName, int size) {}

  /** A message as it shows in the chat now. */
  record Shown(String id, String channelId, String content, List<String> buttons, List<Attachment> attachments) {
    boolean showsPicture() {
      return attachments.stream().anyMatch(a -> a.fileName().endsWith(".png"));
    }
  }

  /** The message as it shows now; null once deleted (or never sent). */
  Shown shown(String messageId) {
    ObjectNode m = messages.get(messageId);
    return m == null ? null : shown(m);
  }

  /** Every message in {@code channelId} as it shows now, oldest first. */
  List<Shown> shownIn(String channelId) {
    return messages.values().stream().filter(m -> m.path("channel_id").asText().equals(channelId))
        .sorted(java.util.Comparator.comparing((ObjectNode m) -> Long.parseUnsignedLong(m.path("id").asText())))
        .map(this::shown).toList();
  }

  private Shown shown(ObjectNode m) {
    List<String> buttons = new ArrayList<>();
    for (JsonNode row : m.path("components")) {
      for (JsonNode button : row.path("components")) buttons.add(button.path("custom_id").asText());
    }
    List<Attachment> attached = new ArrayList<>();
    for (JsonNode a : m.path("attachments")) {
      attached.add(new Attachment(a.path("id").asText(), a.path("filename").asText(), a.path("size").asInt()));
    }
    return new Shown(m.path("id").asText(), m.path("channel_id").asText(), m.path("content").asText(), buttons, attached);
  }

  /** Someone deletes a message (a moderator, or the person it answered). */
  void delete(String messageId) {
    messages.remove(messageId);
  }

  /**
   * The next edit that attaches a file (a picture replaced) is refused: 403 Missing Permissions,
   * as in a channel the bot lost access to. Text edits go through.
   */
  void forbidNextPictureEdit() {
    pictureEditRefusals.add(() -> error(403, 50013, "Missing Permissions"));
  }

  /**
   * The next {@code times} edits that attach a file are refused with a 429 telling to retry after
   * {@code seconds}, as Discord answers once a route's bucket is empty (a per-route limit: it
   * comes with Discord's own {@code via} header, so a client does not take it for Cloudflare's).
   */
  void rateLimitNextPictureEdits(int times, int seconds) {
    for (int i = 0; i < times; i++) {
      pictureEditRefusals.add(() -> new MockResponse.Builder().code(429).setHeader("Content-Type", "application/json")
          .setHeader("Retry-After", seconds).setHeader("Via", "1.1 google")
          .setHeader("X-RateLimit-Scope", "user").setHeader("X-RateLimit-Remaining", 0)
          .setHeader("X-RateLimit-Reset-After", seconds)
          .body("{\"message\":\"You are being rate limited.\",\"retry_after\":" + seconds + ",\"global\":false}").build());
    }
  }

  /** The deferred response ("thinking…") of an interaction: a message, edited as the first answer. */
  private String deferred() {
    String id = Long.toString(ids.incrementAndGet());
    messages.put(id, message(CHANNEL, id, "", true));
    return id;
  }

  private ObjectNode create(String channelId, String id, RecordedRequest request, boolean fromApp) throws IOException {
    ObjectNode message = message(channelId, id, "", fromApp);
    edit(message, request);
    messages.put(id, message);
    return message;
  }

  /**
   * Applies a create or edit payload as Discord does: fields left out stay; {@code attachments}
   * lists what the message keeps (old ones by id) and the new files (by their index in
   * {@code files[n]}); without it, new files are added to what was there.
   */
  private void edit(ObjectNode message, RecordedRequest request) throws IOException {
    Request parsed = parse(request);
    JsonNode payload = parsed.payload();
    if (payload.has("content")) message.put("content", payload.path("content").asText(""));
    if (payload.has("components")) message.set("components", payload.get("components"));
    ArrayNode before = (ArrayNode) message.path("attachments");
    ArrayNode after = json.createArrayNode();
    if (payload.has("attachments")) {
      for (JsonNode wanted : payload.path("attachments")) {
        String id = wanted.path("id").asText();
        JsonNode kept = null;
        for (JsonNode old : before) if (old.path("id").asText().equals(id)) kept = old;
        if (kept != null) after.add(kept);
        else if (parsed.files().containsKey(id)) after.add(attachment(parsed.files().get(id)));
      }
    } else {
      after.addAll(before);
      for (FilePart file : parsed.files().values()) after.add(attachment(file));
    }
    message.set("attachments", after);
  }

  private ObjectNode attachment(FilePart file) {
    String id = Long.toString(ids.incrementAndGet());
    String url = file(file.fileName(), file.bytes());
    ObjectNode a = json.createObjectNode();
    a.put("id", id).put("filename", file.fileName()).put("size", file.bytes().length).put("url", url).put("proxy_url", url);
    if (file.fileName().endsWith(".png")) a.put("content_type", "image/png");
    return a;
  }

  /** One file of a multipart request: the part {@code files[n]}. */
  private record FilePart(String fileName, byte[] bytes) {}

  /** A request's JSON payload and its files by index. */
  private record Request(JsonNode payload, Map<String, FilePart> files) {}

  private Request parse(RecordedRequest request) throws IOException {
    okio.ByteString body = request.getBody();
    if (body == null || body.size() == 0) return new Request(json.createObjectNode(), Map.of());
    if (!isMultipart(request)) return new Request(json.readTree(body.utf8()), Map.of());
    String boundary = okhttp3.MediaType.get(request.getHeaders().get("Content-Type")).parameter("boundary");
    JsonNode payload = json.createObjectNode();
    Map<String, FilePart> files = new java.util.LinkedHashMap<>();
    try (okhttp3.MultipartReader reader = new okhttp3.MultipartReader(new Buffer().write(body), boundary)) {
      okhttp3.MultipartReader.Part part;
      while ((part = reader.nextPart()) != null) {
        String disposition = String.valueOf(part.headers().get("Content-Disposition"));
        java.util.regex.Matcher name = java.util.regex.Pattern.compile("name=\"([^\"]*)\"").matcher(disposition);
        java.util.regex.Matcher fileName = java.util.regex.Pattern.compile("filename=\"([^\"]*)\"").matcher(disposition);
        byte[] bytes = part.body().readByteArray();
        if (!name.find()) continue;
        if (name.group(1).equals("payload_json")) {
          payload = json.readTree(bytes);
        } else if (name.group(1).startsWith("files[") && fileName.find()) {
          files.put(name.group(1).substring("files[".length(), name.group(1).length() - 1), new FilePart(fileName.group(1), bytes));
        }
      }
    }
    return new Request(payload, files);
  }

  private MockResponse error(int status, int code, String message) {
    return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json")
        .body(json.createObjectNode().put("message", message).put("code", code).toString()).build();
  }

  private final Map<String, String> originals = new ConcurrentHashMap<>();

  /** The id of the interaction's original response, once it was edited. */
  String originalMessageId(String token) {
    return originals.get(token);
  }

  private static boolean isMultipart(RecordedRequest request) {
    String type = request.getHeaders().get("Content-Type");
    return type != null && type.startsWith("multipart/");
  }

  private MockResponse ok(JsonNode body) {
    return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body.toString()).build();
  }

  // ---- shapes ------------------------------------------------------------------------------

  ObjectNode user(String id) {
    ObjectNode u = json.createObjectNode().put("id", id).put("username", id.equals(APP) ? "tunecut" : "user" + id)
        .put("discriminator", "0").put("global_name", (String) null).put("avatar", (String) null);
    if (id.equals(APP)) u.put("bot", true);
    return u;
  }

  private ObjectNode member(String userId) {
    ObjectNode m = json.createObjectNode();
    m.set("user", user(userId));
    m.putArray("roles");
    m.put("joined_at", "2024-01-01T00:00:00.000000+00:00").put("deaf", false).put("mute", false)
        .put("permissions", "8").put("flags", 0).put("pending", false);
    return m;
  }

  private ObjectNode channel() {
    ObjectNode c = json.createObjectNode().put("id", CHANNEL).put("type", 0).put("guild_id", GUILD)
        .put("name", "general").put("position", 0).put("nsfw", false).put("rate_limit_per_user", 0).put("flags", 0);
    c.putArray("permission_overwrites");
    return c;
  }

  private ObjectNode message(String channelId, String id, String content, boolean fromApp) {
    ObjectNode m = json.createObjectNode();
    m.put("id", id).put("channel_id", channelId).put("type", 0).put("content", content)
        .put("timestamp", "2026-01-01T00:00:00.000000+00:00").put("tts", false).put("mention_everyone", false)
        .put("pinned", false).put("flags", 0);
    m.set("author", user(APP));
    m.putArray("mentions");
    m.putArray("mention_roles");
    m.putArray("attachments");
    m.putArray("embeds");
    m.putArray("components");
    if (fromApp) m.put("webhook_id", APP).put("application_id", APP);
    return m;
  }

  private ObjectNode guild() {
    ObjectNode g = json.createObjectNode();
    g.put("id", GUILD).put("name", "Studio").put("owner_id", "700000000000000009").put("member_count", 2)
        .put("preferred_locale", "en-US").put("premium_tier", 0).put("large", false).put("unavailable", false)
        .put("joined_at", "2024-01-01T00:00:00.000000+00:00").put("afk_timeout", 300).put("member_count", 1);
    g.putArray("features");
    g.putArray("roles").addObject().put("id", GUILD).put("name", "@everyone").put("permissions", "8")
        .put("position", 0).put("color", 0).put("hoist", false).put("managed", false).put("mentionable", false)
        .put("flags", 0).putObject("colors").put("primary_color", 0);
    g.putArray("channels").add(channel());
    g.putArray("threads");
    g.putArray("members").add(member(APP));
    g.putArray("voice_states");
    g.putArray("presences");
    g.putArray("emojis");
    g.putArray("stickers");
    g.putArray("guild_scheduled_events");
    g.putArray("soundboard_sounds");
    return g;
  }

  /** The gateway side of one connection. */
  private final class Gateway extends WebSocketListener {
    @Override
    public void onOpen(WebSocket socket, okhttp3.Response response) {
      sockets.add(socket);
      socket.send("{\"op\":10,\"d\":{\"heartbeat_interval\":41250}}");
    }

    @Override
    public void onMessage(WebSocket socket, String text) {
      try {
        JsonNode frame = json.readTree(text);
        int op = frame.path("op").asInt();
        if (op == 1) {
          socket.send("{\"op\":11}");
        } else if (op == 2) {
          JsonNode shard = frame.path("d").path("shard");
          int shardId = shard.isArray() ? shard.get(0).asInt() : 0;
          socketByShard.put(shardId, socket);
          ObjectNode ready = json.createObjectNode();
          ready.put("v", 10).put("session_id", "session-" + shardId).put("resume_gateway_url", gatewayUrl());
          ready.set("user", user(APP));
          ready.putObject("application").put("id", APP).put("flags", 0);
          ready.putArray("private_channels");
          ArrayNode guilds = ready.putArray("guilds");
          boolean ours = shardId == guildShard();
          if (ours) guilds.addObject().put("id", GUILD).put("unavailable", true);
          if (shard.isArray()) ready.set("shard", shard);
          send(socket, "READY", ready);
          if (ours) send(socket, "GUILD_CREATE", guild());
        }
      } catch (IOException e) {
        socket.close(4002, "decode error");
      }
    }

    @Override
    public void onClosing(WebSocket socket, int code, String reason) {
      // JDA waits for the answer to its close before it shuts down.
      socket.close(code, null);
    }
  }

  @Override
  public void close() {
    server.close();
  }

  static List<Option> options(Option... options) {
    return new ArrayList<>(List.of(options));
  }
}
