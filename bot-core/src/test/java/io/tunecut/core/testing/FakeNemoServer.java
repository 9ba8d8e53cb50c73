package io.tunecut.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tunecut.core.nemo.NemoClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import mockwebserver3.SocketHandler;
import okio.BufferedSink;
import okio.Okio;

/**
 * A scripted NemoVideo backend on loopback (mockwebserver3), speaking the wire protocol of
 * nemo-protocol.md: anonymous tokens, sessions, SSE chat turns, uploads, credits, state,
 * renders with polling, download and cancel. Drive it through the real {@link NemoClient}
 * ({@link #client()}); script what it answers; inject an error into any call.
 *
 * <pre>{@code
 * try (FakeNemoServer server = FakeNemoServer.start()) {
 *   NemoClient client = server.client();
 *   server.enqueueTurn(Turn.builder().tool("add_music").text("Added music.").build());
 *   server.failNext(FakeNemoServer.Call.CREDITS, Failure.business(2001, "no credits"));
 *   …
 * }
 * }</pre>
 *
 * Defaults: tokens live 7 days, 100 credits, turns answer "Done." unless scripted, a render
 * needs two polls and then completes with a {@link #renderBytes(int) 64 KiB} file. Thread-safe.
 */
public final class FakeNemoServer implements AutoCloseable {

  /** The protocol's calls, for error injection and inspection. */
  public enum Call {
    TOKEN, SESSION, TURN, UPLOAD, CREDITS, STATE, RENDER_START, RENDER_STATUS, RENDER_CANCEL, RENDER_DOWNLOAD,
    /** The render's output URL (a CDN in the cloud). */
    OUTPUT_FILE,
    /** A tunecut studio's own: the timeline picture and the quick preview (the cloud has neither). */
    TIMELINE_PICTURE, PREVIEW
  }

  /** An injected failure. */
  public sealed interface Failure {
    /** {@code {"code":code,"message":…}} with HTTP 200, as the cloud does for business errors. */
    static Failure business(int code, String message) {
      return new Business(code, message, 200);
    }

    /** The same business body with an HTTP error status. */
    static Failure business(int code, String message, int httpStatus) {
      return new Business(code, message, httpStatus);
    }

    /** A bare HTTP error (400, 402, 429, 500…) with a JSON body carrying the status as code. */
    static Failure http(int status) {
      return new Business(status, "http " + status, status);
    }

    /** 4001 naming the file and the kind of problem ("format", "unreadable"), as tunecut's studio answers. */
    static Failure refusedFile(String file, String problem) {
      return new RefusedFile(file, problem);
    }

    /** The connection closes before any answer. */
    static Failure disconnect() {
      return new Disconnect();
    }
  }

  record Business(int code, String message, int httpStatus) implements Failure {}

  record Disconnect() implements Failure {}

  record RefusedFile(String file, String problem) implements Failure {}

  /** The draft of docs/draft.md: video 0–10 s, music 'lofi.mp3' 0–10 s at 35%, title 'Urban Dreams' 0–3 s. */
  public static final String EXAMPLE_DRAFT = """
      {"d":10000,"m":{"title":"Urban Dreams","width":1920,"height":1080,"fps":30,"aspect":"16:9","resolution":"1080p","loudness":-14},
       "t":[{"id":"video","tt":0,"sg":[{"id":"c1","src":"med_1","n":"city.mp4","kind":"video","st":0,"d":10000,"in":0,"v":1.0}]},
            {"id":"music","tt":1,"sg":[{"id":"m1","src":"med_2","n":"lofi.mp3","st":0,"d":10000,"in":0,"v":0.35,"fi":0,"fo":2000,"loop":true}]},
            {"id":"text","tt":7,"sg":[{"id":"title","text":"Urban Dreams","st":0,"d":3000,"pos":"center","size":0.08,"color":"#ffffff"}]}]}
      """;

  /** One video clip of 10 s, nothing else. */
  public static final String VIDEO_ONLY_DRAFT = """
      {"d":10000,"m":{"width":1920,"height":1080},
       "t":[{"id":"video","tt":0,"sg":[{"id":"c1","src":"med_1","n":"city.mp4","kind":"video","st":0,"d":10000,"in":0,"v":1.0}]}]}
      """;

  public static final List<String> FORMATS =
      List.of("mp4", "mov", "avi", "webm", "mkv", "jpg", "png", "gif", "webp", "mp3", "wav", "m4a", "aac", "ogg", "opus", "flac");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]+)\"");

  private record Token(String clientId, String userId) {}

  private static final class Session {
    final String id;
    final String taskId;
    volatile ObjectNode draft = JSON.createObjectNode();
    final ArrayNode videoInfos = JSON.createArrayNode();
    final List<String> messages = new CopyOnWriteArrayList<>();

    Session(String id, String taskId) {
      this.id = id;
      this.taskId = taskId;
    }
  }

  private static final class Render {
    final String id;
    final boolean fails;
    volatile int polls;
    volatile boolean cancelled;

    Render(String id, boolean fails) {
      this.id = id;
      this.fails = fails;
    }
  }

  private record Rule(String contains, Turn turn) {}

  private final MockWebServer server = new MockWebServer();
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();
  private final Set<String> revoked = ConcurrentHashMap.newKeySet();
  private final Map<String, String> userIdsByClient = new ConcurrentHashMap<>();
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Map<String, Render> renders = new ConcurrentHashMap<>();
  private final Map<Call, Deque<Failure>> failures = new EnumMap<>(Call.class);
  private final Map<Call, Failure> permanentFailures = new ConcurrentHashMap<>();
  private final Map<Call, Duration> delays = new ConcurrentHashMap<>();
  private final Deque<Turn> turns = new ArrayDeque<>();
  private final List<Rule> rules = new CopyOnWriteArrayList<>();
  private final List<Map.Entry<Call, RecordedRequest>> requests = new CopyOnWriteArrayList<>();
  private final AtomicLong sessionIds = new AtomicLong(7_300_000_000_000_000_000L);
  private final AtomicInteger counter = new AtomicInteger();
  private volatile Turn defaultTurn = Turn.text("Done.");
  private volatile Duration tokenLifetime = Duration.ofDays(7);
  private volatile boolean sendExpiry = true;
  private volatile double credits = 100;
  private volatile boolean tunecutStudio;
  private volatile boolean pictures;
  private volatile String pendingAtOnce; // null: the picture asked at once is the full one (an older studio)
  private volatile String fullMarks = "";
  private volatile java.util.concurrent.CountDownLatch fullPictures; // null: full pictures are drawn at once
  private final byte[] timelinePng = timelinePng();
  private volatile int renderPolls = 2;
  private volatile int failingRenders;
  private volatile boolean failuresRepeat;
  private volatile boolean holdRenders;
  private volatile byte[] renderFile = pattern(64 * 1024);

  private FakeNemoServer() {}

  /** Starts a server on loopback. */
  public static FakeNemoServer start() throws IOException {
    FakeNemoServer fake = new FakeNemoServer();
    fake.server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return fake.dispatch(request);
      }
    });
    fake.server.start();
    return fake;
  }

  /** The base URL to give the client ({@code NEMO_API_URL}), without a trailing slash. */
  public String baseUrl() {
    String url = server.url("/").toString();
    return url.substring(0, url.length() - 1);
  }

  /** A client builder pointed here, with short delays fit for tests (429 retry after 50 ms). */
  public NemoClient.Builder clientBuilder() {
    return NemoClient.builder()
        .baseUrl(baseUrl())
        .attribution("tunecut", "test", "test")
        .rateLimitDelay(Duration.ofMillis(50))
        .silenceTimeout(Duration.ofSeconds(10))
        .turnLimit(Duration.ofMinutes(1));
  }

  /** The real client, pointed here. */
  public NemoClient client() {
    return clientBuilder().build();
  }

  // Scripting.

  /** The next chat turn (of any session) answers with this script. */
  public FakeNemoServer enqueueTurn(Turn turn) {
    synchronized (turns) {
      turns.add(turn);
    }
    return this;
  }

  /** Every chat message containing {@code contains} (ignoring case) answers with this script; checked before the queue. */
  public FakeNemoServer onMessage(String contains, Turn turn) {
    rules.add(new Rule(contains.toLowerCase(Locale.ROOT), turn));
    return this;
  }

  /** What a turn answers when nothing else was scripted; "Done." by default. */
  public FakeNemoServer defaultTurn(Turn turn) {
    this.defaultTurn = turn;
    return this;
  }

  /** The next call of this kind fails so (queued: call again for several). */
  public FakeNemoServer failNext(Call call, Failure failure) {
    synchronized (failures) {
      failures.computeIfAbsent(call, c -> new ArrayDeque<>()).add(failure);
    }
    return this;
  }

  /** Every call of this kind fails so until {@link #clearFailures()}. */
  public FakeNemoServer failAlways(Call call, Failure failure) {
    permanentFailures.put(call, failure);
    return this;
  }

  public FakeNemoServer clearFailures() {
    synchronized (failures) {
      failures.clear();
    }
    permanentFailures.clear();
    return this;
  }

  /** Answers of this kind wait this long before their headers. */
  public FakeNemoServer delay(Call call, Duration delay) {
    delays.put(call, delay);
    return this;
  }

  /** How long new tokens live; {@code sendExpiry} false leaves {@code expires_at} out. */
  public FakeNemoServer tokenLifetime(Duration lifetime, boolean sendExpiry) {
    this.tokenLifetime = lifetime;
    this.sendExpiry = sendExpiry;
    return this;
  }

  /** A token the server accepts without having issued it (an operator's NEMO_TOKEN). */
  public FakeNemoServer acceptToken(String token) {
    tokens.put(token, new Token("operator", "usr_operator"));
    return this;
  }

  /** From now on the token answers 1001. */
  public FakeNemoServer revoke(String token) {
    revoked.add(token);
    return this;
  }

  /** Every token issued so far answers 1001 from now on. */
  public FakeNemoServer revokeAllTokens() {
    revoked.addAll(tokens.keySet());
    return this;
  }

  /** The session answers 1002 from now on. */
  public FakeNemoServer forgetSession(String sessionId) {
    sessions.remove(sessionId);
    return this;
  }

  /** Answers as tunecut's studio does: the balance and out-of-credits answers say {@code "backend":"tunecut-studio"}. */
  public FakeNemoServer saysItIsATunecutStudio() {
    this.tunecutStudio = true;
    return this;
  }

  public FakeNemoServer credits(double available) {
    this.credits = available;
    return this;
  }

  /** Replaces a session's draft. */
  public FakeNemoServer draft(String sessionId, String draftJson) {
    session(sessionId).draft = (ObjectNode) parse(draftJson);
    return this;
  }

  /** Polls answering "processing" before a render completes; default 2. */
  public FakeNemoServer renderPolls(int polls) {
    this.renderPolls = polls;
    return this;
  }

  /** The next {@code count} renders fail (after their first poll). */
  public FakeNemoServer failRenders(int count) {
    this.failingRenders = count;
    return this;
  }

  /** The next render fails and says it would fail again ({@code "retryable":false}), as tunecut's studio does. */
  public FakeNemoServer failRendersForGood() {
    this.failingRenders = 1;
    this.failuresRepeat = true;
    return this;
  }

  /**
   * Also serves what a tunecut studio draws: a timeline picture (a real PNG) and quick previews
   * (the render file), for sessions of this server. Without it both answer 404, as the cloud does.
   */
  public FakeNemoServer drawsPictures() {
    this.pictures = true;
    return this;
  }

  /**
   * Timeline pictures asked {@code at_once} say they are still finding {@code pending} (header
   * Timeline-Pending), and the full one shows {@code marks} (header Timeline-Marks), as the tunecut
   * studio does while the beats and cuts of a new upload are being found.
   */
  public FakeNemoServer drawsAtOnceWhileFinding(String pending, String marks) {
    this.pendingAtOnce = pending;
    this.fullMarks = marks;
    return this;
  }

  /** Full timeline pictures (not asked at once) are answered once {@code gate} opens, as when the analysis is slow. */
  public FakeNemoServer holdFullPictures(java.util.concurrent.CountDownLatch gate) {
    this.fullPictures = gate;
    return this;
  }

  /** The timeline picture served. */
  public byte[] timelinePicture() {
    return timelinePng.clone();
  }

  /** While true, renders stay "processing" forever. */
  public FakeNemoServer holdRenders(boolean hold) {
    this.holdRenders = hold;
    return this;
  }

  /** Size of the rendered file served; default 64 KiB. */
  public FakeNemoServer renderBytes(int bytes) {
    this.renderFile = pattern(bytes);
    return this;
  }

  // Inspection.

  public List<RecordedRequest> requests(Call call) {
    List<RecordedRequest> out = new ArrayList<>();
    for (Map.Entry<Call, RecordedRequest> e : requests) if (e.getKey() == call) out.add(e.getValue());
    return out;
  }

  public int count(Call call) {
    return requests(call).size();
  }

  public List<RecordedRequest> allRequests() {
    List<RecordedRequest> out = new ArrayList<>();
    for (Map.Entry<Call, RecordedRequest> e : requests) out.add(e.getValue());
    return out;
  }

  /** Every token this server handed out, in order of issue. */
  public List<String> issuedTokens() {
    return List.copyOf(issuedInOrder);
  }

  public Set<String> sessionIds() {
    return Set.copyOf(sessions.keySet());
  }

  /** The chat messages a session received, in order. */
  public List<String> messages(String sessionId) {
    Session s = sessions.get(sessionId);
    return s == null ? List.of() : List.copyOf(s.messages);
  }

  /** Every chat message received by any session, in order of arrival. */
  public List<String> allMessages() {
    List<String> out = new ArrayList<>();
    for (RecordedRequest r : requests(Call.TURN)) {
      JsonNode body = parse(r.getBody() == null ? "{}" : r.getBody().utf8());
      out.add(body.path("new_message").path("parts").path(0).path("text").asText(""));
    }
    return out;
  }

  public String draft(String sessionId) {
    return session(sessionId).draft.toString();
  }

  /** Render ids started, in order. */
  public List<String> renderIds() {
    List<String> out = new ArrayList<>();
    for (RecordedRequest r : requests(Call.RENDER_START)) {
      out.add(parse(r.getBody().utf8()).path("id").asText());
    }
    return out;
  }

  public boolean renderCancelled(String renderId) {
    Render r = renders.get(renderId);
    return r != null && r.cancelled;
  }

  public byte[] renderFile() {
    return renderFile.clone();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }

  // The protocol.

  private final List<String> issuedInOrder = new CopyOnWriteArrayList<>();

  private MockResponse dispatch(RecordedRequest request) {
    String path = request.getUrl().encodedPath();
    String method = request.getMethod();
    Call call = classify(method, path);
    if ((call == Call.TIMELINE_PICTURE || call == Call.PREVIEW) && !pictures) call = null;
    if (call == null) return json(404, "{\"code\":404,\"message\":\"no such path\"}");
    requests.add(Map.entry(call, request));

    MockResponse injected = injected(call);
    if (injected != null) return delayed(call, injected);
    try {
      return delayed(call, answer(call, request, path));
    } catch (RuntimeException e) {
      return json(500, "{\"code\":500,\"message\":\"fake server: " + e.getClass().getSimpleName() + "\"}");
    }
  }

  private static Call classify(String method, String path) {
    if (method.equals("POST") && path.equals("/api/auth/anonymous-token")) return Call.TOKEN;
    if (method.equals("POST") && path.equals("/api/tasks/me/with-session/nemo_agent")) return Call.SESSION;
    if (method.equals("POST") && path.equals("/run_sse")) return Call.TURN;
    if (method.equals("POST") && path.startsWith("/api/upload-video/nemo_agent/me/")) return Call.UPLOAD;
    if (method.equals("GET") && path.equals("/api/credits/balance/simple")) return Call.CREDITS;
    if (method.equals("GET") && path.startsWith("/api/state/nemo_agent/me/") && path.endsWith("/latest")) return Call.STATE;
    if (method.equals("POST") && path.equals("/api/render/proxy/lambda")) return Call.RENDER_START;
    if (method.equals("POST") && path.startsWith("/api/render/proxy/lambda/") && path.endsWith("/cancel")) return Call.RENDER_CANCEL;
    if (method.equals("GET") && path.startsWith("/api/render/proxy/lambda/")) return Call.RENDER_STATUS;
    if (method.equals("GET") && path.startsWith("/api/render/proxy/") && path.endsWith("/download")) return Call.RENDER_DOWNLOAD;
    if (method.equals("GET") && path.startsWith("/files/")) return Call.OUTPUT_FILE;
    if (method.equals("GET") && path.startsWith("/api/preview/nemo_agent/me/") && path.endsWith("/timeline.png")) return Call.TIMELINE_PICTURE;
    if (method.equals("GET") && path.startsWith("/api/preview/nemo_agent/me/") && path.endsWith("/preview.mp4")) return Call.PREVIEW;
    return null;
  }

  private MockResponse injected(Call call) {
    Failure failure;
    synchronized (failures) {
      Deque<Failure> queue = failures.get(call);
      failure = queue == null ? null : queue.poll();
    }
    if (failure == null) failure = permanentFailures.get(call);
    if (failure == null) return null;
    if (failure instanceof Business b) {
      ObjectNode body = JSON.createObjectNode().put("code", b.code()).put("message", b.message());
      if (call.name().startsWith("RENDER")) body.put("success", false).put("error", b.message());
      if (tunecutStudio) body.put("backend", "tunecut-studio");
      return json(b.httpStatus(), body.toString());
    }
    if (failure instanceof RefusedFile r) {
      ObjectNode body = JSON.createObjectNode().put("code", 4001).put("message", "unsupported file: " + r.file())
          .put("file", r.file()).put("problem", r.problem());
      return json(415, body.toString());
    }
    return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
  }

  private MockResponse delayed(Call call, MockResponse response) {
    Duration delay = delays.get(call);
    if (delay == null) return response;
    return response.newBuilder().headersDelay(delay.toMillis(), TimeUnit.MILLISECONDS).build();
  }

  private MockResponse answer(Call call, RecordedRequest request, String path) {
    if (call == Call.TOKEN) return token(request);
    if (call == Call.OUTPUT_FILE) return file();
    String auth = request.getHeaders().get("Authorization");
    String token = auth != null && auth.startsWith("Bearer ") ? auth.substring(7) : null;
    if (token == null || !tokens.containsKey(token) || revoked.contains(token)) {
      return call == Call.TURN
          ? json(401, "{\"code\":1001,\"message\":\"token invalid or expired\"}")
          : ok("{\"code\":1001,\"message\":\"token invalid or expired\"}");
    }
    return switch (call) {
      case SESSION -> session();
      case TURN -> turn(request);
      case UPLOAD -> upload(request, lastSegment(path, 0));
      case CREDITS -> ok("{\"code\":0,\"data\":{\"available\":" + credits + ",\"frozen\":0,\"total\":" + credits
          + (tunecutStudio ? ",\"unit\":\"render minutes\",\"backend\":\"tunecut-studio\"" : "") + "}}");
      case STATE -> state(lastSegment(path, 1));
      case RENDER_START -> renderStart(request);
      case RENDER_STATUS -> renderStatus(lastSegment(path, 0));
      case RENDER_CANCEL -> renderCancel(lastSegment(path, 1));
      case RENDER_DOWNLOAD -> renders.containsKey(lastSegment(path, 1)) ? file() : json(404, "{\"success\":false,\"error\":\"not found\"}");
      case TIMELINE_PICTURE -> sessions.containsKey(lastSegment(path, 1)) ? timelinePicture(request)
          : json(404, "{\"code\":1002,\"message\":\"session not found\"}");
      case PREVIEW -> sessions.containsKey(lastSegment(path, 1)) ? file()
          : json(404, "{\"code\":1002,\"message\":\"session not found\"}");
      default -> json(404, "{}");
    };
  }

  private MockResponse token(RecordedRequest request) {
    String clientId = request.getHeaders().get("X-Client-Id");
    if (clientId == null || clientId.isBlank()) {
      return json(400, "{\"code\":400,\"message\":\"missing X-Client-Id\"}");
    }
    String userId = userIdsByClient.computeIfAbsent(clientId, c -> "anon_" + counter.incrementAndGet());
    String token = "nmv_usr_" + java.util.UUID.randomUUID().toString().replace("-", "");
    tokens.put(token, new Token(clientId, userId));
    issuedInOrder.add(token);
    ObjectNode data = JSON.createObjectNode().put("token", token).put("credits", 100).put("user_id", userId);
    if (sendExpiry) data.put("expires_at", Instant.now().plus(tokenLifetime).toString());
    return ok(JSON.createObjectNode().put("code", 0).set("data", data).toString());
  }

  private MockResponse session() {
    String id = Long.toString(sessionIds.incrementAndGet());
    Session s = new Session(id, "task_" + counter.incrementAndGet());
    sessions.put(id, s);
    return ok("{\"code\":0,\"data\":{\"session_id\":\"" + id + "\",\"task_id\":\"" + s.taskId + "\"}}");
  }

  private MockResponse turn(RecordedRequest request) {
    JsonNode body = parse(request.getBody() == null ? "{}" : request.getBody().utf8());
    String sid = body.path("session_id").asText("");
    Session s = sessions.get(sid);
    if (s == null) return json(404, "{\"code\":1002,\"message\":\"session not found\"}");
    String text = body.path("new_message").path("parts").path(0).path("text").asText("");
    s.messages.add(text);
    Turn turn = null;
    String lower = text.toLowerCase(Locale.ROOT);
    for (Rule r : rules) {
      if (lower.contains(r.contains())) {
        turn = r.turn();
        break;
      }
    }
    if (turn == null) {
      synchronized (turns) {
        turn = turns.poll();
      }
    }
    if (turn == null) turn = defaultTurn;
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "text/event-stream")
        .setHeader("Cache-Control", "no-cache")
        .setHeader("Transfer-Encoding", "chunked")
        .setHeader("Connection", "close")
        .socketHandler(new SseStream(turn, s))
        .build();
  }

  /**
   * Writes the script with its own chunked framing on the raw socket, flushing each event so
   * the client sees it at once; a drop closes the socket mid-stream.
   */
  private static final class SseStream implements SocketHandler {
    private final Turn turn;
    private final Session session;

    SseStream(Turn turn, Session session) {
      this.turn = turn;
      this.session = session;
    }

    @Override
    public void handle(okio.Socket socket) {
      BufferedSink sink = Okio.buffer(socket.getSink());
      try {
        for (Turn.Step step : turn.steps) {
          if (step instanceof Turn.Event e) {
            chunk(sink, e.data() == null ? ": ping\n\n" : "data: " + e.data() + "\n\n");
          } else if (step instanceof Turn.Pause p) {
            Thread.sleep(p.duration().toMillis());
          } else if (step instanceof Turn.Hold h) {
            if (!held(h, sink)) break;
          } else if (step instanceof Turn.Draft d) {
            session.draft = (ObjectNode) parse(d.json());
          } else if (step instanceof Turn.Drop) {
            socket.cancel();
            return;
          }
        }
        sink.writeUtf8("0\r\n\r\n");
        sink.flush();
        sink.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        socket.cancel();
      } catch (IOException e) {
        socket.cancel(); // the client went away (a cancelled turn)
      }
    }

    /** @return whether the latch opened within a minute */
    private static boolean held(Turn.Hold hold, BufferedSink sink) throws InterruptedException, IOException {
      if (hold.ping() == null) return hold.latch().await(60, TimeUnit.SECONDS);
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!hold.latch().await(hold.ping().toMillis(), TimeUnit.MILLISECONDS)) {
        if (System.nanoTime() > end) return false;
        chunk(sink, ": ping\n\n");
      }
      return true;
    }

    private static void chunk(BufferedSink sink, String text) throws IOException {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      sink.writeUtf8(Integer.toHexString(bytes.length)).writeUtf8("\r\n").write(bytes).writeUtf8("\r\n");
      sink.flush();
    }
  }

  private MockResponse upload(RecordedRequest request, String sid) {
    Session s = sessions.get(sid);
    if (s == null) return ok("{\"code\":1002,\"message\":\"session not found\"}");
    String contentType = String.valueOf(request.getHeaders().get("Content-Type"));
    List<String> names = new ArrayList<>();
    if (contentType.startsWith("multipart/")) {
      String raw = request.getBody() == null ? "" : request.getBody().string(StandardCharsets.ISO_8859_1);
      Matcher m = FILENAME.matcher(raw);
      while (m.find()) names.add(new String(m.group(1).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    } else {
      for (JsonNode url : parse(request.getBody().utf8()).path("urls")) {
        String u = url.asText();
        names.add(u.substring(u.lastIndexOf('/') + 1));
      }
    }
    if (names.isEmpty()) return ok("{\"code\":4001,\"message\":\"no files\"}");
    ArrayNode files = JSON.createArrayNode();
    for (String name : names) {
      String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
      if (!FORMATS.contains(ext)) return ok("{\"code\":4001,\"message\":\"unsupported file: " + ext + "\"}");
      String type = Set.of("mp3", "wav", "m4a", "aac", "ogg", "opus", "flac").contains(ext) ? "audio"
          : Set.of("jpg", "png", "gif", "webp").contains(ext) ? "image" : "video";
      ObjectNode f = files.addObject()
          .put("filename", name).put("file_type", type)
          .put("cdn_url", server.url("/cdn/" + name).toString())
          .put("duration", type.equals("image") ? 0.0 : 10.0)
          .put("width", type.equals("audio") ? 0 : 1920).put("height", type.equals("audio") ? 0 : 1080)
          .put("hash", Integer.toHexString(name.hashCode()));
      if (type.equals("video")) f.put("fps", 30.0);
      synchronized (s) {
        s.videoInfos.add(f.deepCopy());
        addSegment(s, name, type);
      }
    }
    ObjectNode data = JSON.createObjectNode();
    data.set("files", files);
    data.put("session_state_applied", true);
    return ok(JSON.createObjectNode().put("code", 0).set("data", data).toString());
  }

  /** The backend applies an upload to the timeline: clips go on the video track, audio on the music track. */
  private static void addSegment(Session s, String name, String type) {
    ObjectNode draft = s.draft.deepCopy();
    ArrayNode tracks = draft.has("t") ? (ArrayNode) draft.get("t") : draft.putArray("t");
    int tt = type.equals("audio") ? 1 : 0;
    ObjectNode track = null;
    for (JsonNode t : tracks) if (t.path("tt").asInt(-1) == tt) track = (ObjectNode) t;
    if (track == null) {
      track = tracks.addObject().put("id", tt == 0 ? "video" : "music").put("tt", tt);
      track.putArray("sg");
    }
    ArrayNode sg = (ArrayNode) track.get("sg");
    long start = 0;
    if (tt == 0) for (JsonNode seg : sg) start += seg.path("d").asLong();
    long d = tt == 1 ? Math.max(10_000, draft.path("d").asLong()) : 10_000;
    ObjectNode seg = sg.addObject().put("id", "s" + sg.size()).put("n", name).put("st", start).put("d", d).put("in", 0).put("v", 1.0);
    if (tt == 0) {
      seg.put("kind", type);
      draft.put("d", start + d);
    }
    s.draft = draft;
  }

  private MockResponse state(String sid) {
    Session s = sessions.get(sid);
    if (s == null) return ok("{\"code\":1002,\"message\":\"session not found\"}");
    ObjectNode state = JSON.createObjectNode();
    synchronized (s) {
      state.set("draft", s.draft.deepCopy());
      state.set("video_infos", s.videoInfos.deepCopy());
    }
    state.putObject("canvas_config").put("width", 1920).put("height", 1080);
    state.putObject("video_analyses");
    state.putArray("generated_media");
    ObjectNode data = JSON.createObjectNode();
    data.set("state", state);
    return ok(JSON.createObjectNode().put("code", 0).set("data", data).toString());
  }

  private MockResponse renderStart(RecordedRequest request) {
    if (request.getHeaders().get("X-Skill-Source") == null) {
      return json(402, "{\"success\":false,\"error\":\"plan cannot export\"}");
    }
    JsonNode body = parse(request.getBody().utf8());
    String id = body.path("id").asText("");
    if (id.isEmpty()) return json(400, "{\"success\":false,\"error\":\"missing id\"}");
    if (!sessions.containsKey(body.path("sessionId").asText(""))) {
      return ok("{\"code\":1002,\"message\":\"session not found\"}");
    }
    if (renders.containsKey(id)) return ok("{\"success\":false,\"error\":\"duplicate id\"}");
    boolean fails;
    synchronized (this) {
      fails = failingRenders > 0;
      if (fails) failingRenders--;
    }
    renders.put(id, new Render(id, fails));
    return ok("{\"success\":true,\"data\":{\"id\":\"" + id + "\",\"status\":\"pending\",\"progress\":0}}");
  }

  private MockResponse renderStatus(String id) {
    Render r = renders.get(id);
    if (r == null) return json(404, "{\"success\":false,\"error\":\"render not found\"}");
    int polls = ++r.polls;
    ObjectNode data = JSON.createObjectNode().put("id", id);
    if (r.cancelled) {
      data.put("status", "failed").put("progress", 0).put("error", "cancelled");
    } else if (r.fails) {
      data.put("status", "failed").put("progress", 0).put("error", "renderer crashed");
      if (failuresRepeat) data.put("retryable", false);
    } else if (holdRenders || polls <= renderPolls) {
      data.put("status", "processing").put("progress", Math.min(95, polls * 100 / (renderPolls + 2)));
    } else {
      data.put("status", "completed").put("progress", 100).put("outputUrl", server.url("/files/" + id + ".mp4").toString());
    }
    return ok(JSON.createObjectNode().put("success", true).set("data", data).toString());
  }

  private MockResponse renderCancel(String id) {
    Render r = renders.get(id);
    if (r == null) return json(404, "{\"success\":false,\"error\":\"render not found\"}");
    r.cancelled = true;
    return ok("{\"success\":true}");
  }

  private MockResponse timelinePicture(RecordedRequest request) {
    MockResponse.Builder picture = new MockResponse.Builder().code(200).setHeader("Content-Type", "image/png")
        .body(new okio.Buffer().write(timelinePng));
    if (pendingAtOnce == null) return picture.build();
    if ("true".equals(request.getUrl().queryParameter("at_once"))) return picture.setHeader("Timeline-Pending", pendingAtOnce).build();
    java.util.concurrent.CountDownLatch gate = fullPictures;
    try {
      if (gate != null && !gate.await(30, java.util.concurrent.TimeUnit.SECONDS)) return json(503, "{\"success\":false}");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return picture.setHeader("Timeline-Marks", fullMarks).build();
  }

  /** A small real picture: what a studio's timeline picture is to a client. */
  private static byte[] timelinePng() {
    java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(320, 120, java.awt.image.BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = image.createGraphics();
    g.setColor(new java.awt.Color(0x3ecfb4));
    g.fillRect(10, 60, 300, 40);
    g.setColor(java.awt.Color.ORANGE);
    g.fillRect(10, 10, 140, 40);
    g.dispose();
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try {
      javax.imageio.ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private MockResponse file() {
    okio.Buffer buffer = new okio.Buffer().write(renderFile);
    return new MockResponse.Builder().code(200).setHeader("Content-Type", "video/mp4").body(buffer).build();
  }

  private Session session(String sessionId) {
    Session s = sessions.get(sessionId);
    if (s == null) throw new IllegalArgumentException("no session " + sessionId);
    return s;
  }

  private static String lastSegment(String path, int fromEnd) {
    String[] parts = path.split("/");
    return parts[parts.length - 1 - fromEnd];
  }

  private static MockResponse ok(String body) {
    return json(200, body);
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(body).build();
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
  }

  private static byte[] pattern(int size) {
    byte[] bytes = new byte[size];
    for (int i = 0; i < size; i++) bytes[i] = (byte) (i * 31 + 7);
    return bytes;
  }
}
