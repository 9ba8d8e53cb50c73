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
 * whatever a test dispatches), and attachment downloads under {@code /files/}.
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

  /** One REST call the bot made. */
  record Call(String method, String path, String body) {
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
      calls.add(new Call(method, path, ""));
      byte[] bytes = files.get(path);
      return bytes == null ? new MockResponse.Builder().code(404).build()
          : new MockResponse.Builder().body(new Buffer().write(bytes)).build();
    }
    String body = request.getBody() == null ? "" : request.getBody().string(StandardCharsets.UTF_8);
    String api = path.substring("/api/v10".length());
    calls.add(new Call(method, api, body));
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
        return new MockResponse.Builder().code(413).setHeader("Content-Type", "application/json")
            .body("{\"message\":\"Request entity too large\",\"code\":40005}").build();
      }
      if (method.equals("DELETE")) return new MockResponse.Builder().code(204).build();
      String content = content(request, body);
      if (api.startsWith("/webhooks/")) {
        // /webhooks/{app}/{token}[/messages/{id|@original}]
        String[] parts = api.split("/");
        String id = parts.length > 5 ? parts[5] : null;
        String messageId = id == null || id.equals("@original") ? originalId(parts[3], id) : id;
        return ok(message(CHANNEL, messageId, content, true));
      }
      if (api.startsWith("/channels/")) {
        String[] parts = api.split("/");
        String channel = parts[2];
        String messageId = parts.length > 4 ? parts[4] : Long.toString(ids.incrementAndGet());
        return ok(message(channel, messageId, content, false));
      }
    } catch (IOException e) {
      return new MockResponse.Builder().code(400).body("{\"message\":\"bad json\",\"code\":50109}").build();
    }
    return new MockResponse.Builder().code(404).setHeader("Content-Type", "application/json")
        .body("{\"message\":\"Unknown route " + method + " " + api + "\",\"code\":0}").build();
  }

  private final Map<String, String> originals = new ConcurrentHashMap<>();

  private String originalId(String token, String id) {
    if (id == null) return Long.toString(ids.incrementAndGet()); // a follow-up
    return originals.computeIfAbsent(token, t -> Long.toString(ids.incrementAndGet()));
  }

  /** The id of the interaction's original response, once it was edited. */
  String originalMessageId(String token) {
    return originals.get(token);
  }

  private static boolean isMultipart(RecordedRequest request) {
    String type = request.getHeaders().get("Content-Type");
    return type != null && type.startsWith("multipart/");
  }

  private String content(RecordedRequest request, String body) throws IOException {
    String payload = body;
    if (isMultipart(request)) {
      int start = body.indexOf("{", body.indexOf("name=\"payload_json\""));
      int end = body.indexOf("\r\n--", start);
      payload = start < 0 || end < 0 ? "{}" : body.substring(start, end);
    }
    if (payload.isBlank()) return "";
    return json.readTree(payload).path("content").asText("");
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
