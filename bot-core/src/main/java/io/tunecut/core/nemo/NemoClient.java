package io.tunecut.core.nemo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failsafe.FailsafeException;
import io.tunecut.core.media.MediaFormats;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okio.BufferedSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of the NemoVideo protocol (docs: nemo-protocol.md), for the cloud or our studio
 * alike. Thread-safe; one instance serves every user. Every call sends the attribution
 * headers; every call but {@link #anonymousToken} sends the bearer token from the given
 * {@link TokenSource}, renewing it once on 1001. A 429 is retried once after the wait its
 * {@code Retry-After} asks for, or {@link Builder#rateLimitDelay} when it names none; a wait
 * over {@link Builder#maxRateLimitWait} is not waited for. Nothing else is retried: above all, a
 * chat message is never sent twice.
 */
public final class NemoClient {
  private static final Logger log = LoggerFactory.getLogger(NemoClient.class);
  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
  private static final String AGENT = "nemo_agent";
  private static final Duration ANONYMOUS_TOKEN_LIFE = Duration.ofDays(7);
  /** What tunecut's studio calls itself in its answers; the cloud says nothing of the kind. */
  public static final String TUNECUT_STUDIO = "tunecut-studio";

  private final HttpUrl baseUrl;
  private final OkHttpClient http;
  private final EventSource.Factory turns;
  private final String source;
  private final String version;
  private final String platform;
  private final Duration rateLimitDelay;
  private final Duration maxRateLimitWait;
  private final Duration silenceTimeout;
  private final Duration turnLimit;
  private final ScheduledExecutorService scheduler;

  private NemoClient(Builder builder) {
    this.baseUrl = builder.baseUrl;
    this.source = builder.source;
    this.version = builder.version;
    this.platform = builder.platform;
    this.rateLimitDelay = builder.rateLimitDelay;
    this.maxRateLimitWait = builder.maxRateLimitWait;
    this.silenceTimeout = builder.silenceTimeout;
    this.turnLimit = builder.turnLimit;
    OkHttpClient base = new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(15))
        .readTimeout(Duration.ofSeconds(60))
        .writeTimeout(Duration.ofSeconds(60))
        .build();
    // Every open turn holds a dispatcher slot for its whole length: size it for them all.
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(builder.maxConcurrentTurns + 64);
    dispatcher.setMaxRequestsPerHost(builder.maxConcurrentTurns + 64);
    this.http = base.newBuilder().dispatcher(dispatcher).build();
    OkHttpClient sse = http.newBuilder()
        .readTimeout(silenceTimeout)
        .callTimeout(Duration.ZERO)
        .addInterceptor(StreamWatch.INTERCEPTOR)
        .build();
    this.turns = TurnCall.factory(sse);
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "nemo-client-timer");
      thread.setDaemon(true);
      return thread;
    });
    timer.setRemoveOnCancelPolicy(true);
    this.scheduler = timer;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@code POST /api/auth/anonymous-token} with {@code X-Client-Id}. */
  public AnonymousToken anonymousToken(String clientId) throws IOException {
    if (clientId == null || clientId.isBlank() || clientId.length() > 64 || !clientId.matches("[\\x21-\\x7e]+")) {
      throw new IllegalArgumentException("a client id is 1 to 64 visible ASCII characters");
    }
    JsonNode data = exchange("anonymous token", null, token -> request("api/auth/anonymous-token")
        .header("X-Client-Id", clientId)
        .post(oneShot(RequestBody.create(new byte[0], null)))
        .build());
    String token = Fields.text(data, "token", "access_token", "accessToken");
    if (token == null) {
      throw new NemoException(0, 200, "anonymous token: the answer has no token");
    }
    double credits = Fields.number(data, "credits", "credit", "balance");
    return new AnonymousToken(token, Double.isNaN(credits) ? 0 : credits,
        Fields.text(data, "user_id", "userId"), expiry(Fields.first(data, "expires_at", "expiresAt")));
  }

  private static Instant expiry(JsonNode value) {
    Instant fallback = Instant.now().plus(ANONYMOUS_TOKEN_LIFE);
    if (value == null) {
      return fallback;
    }
    if (value.isNumber()) {
      long number = value.longValue();
      return number > 100_000_000_000L ? Instant.ofEpochMilli(number) : Instant.ofEpochSecond(number);
    }
    String text = value.asText().strip();
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException again) {
        try {
          return java.time.LocalDateTime.parse(text).toInstant(java.time.ZoneOffset.UTC);
        } catch (DateTimeParseException last) {
          return fallback;
        }
      }
    }
  }

  /** {@code POST /api/tasks/me/with-session/nemo_agent}. */
  public NemoSession createSession(TokenSource auth, String language) throws IOException {
    ObjectNode body = JsonNodeFactory.instance.objectNode()
        .put("task_name", "project")
        .put("language", language == null || language.isBlank() ? "en" : language);
    JsonNode data = exchange("new session", auth, token -> request("api/tasks/me/with-session/" + AGENT, token)
        .post(json(body))
        .build());
    String sessionId = Fields.text(data, "session_id", "sessionId");
    if (sessionId == null) {
      throw new NemoException(0, 200, "new session: the answer has no session_id");
    }
    return new NemoSession(sessionId, Fields.text(data, "task_id", "taskId"), Fields.text(data, "user_id", "userId"));
  }

  /**
   * {@code POST /run_sse}: sends {@code text} once and streams the answer to {@code listener}.
   * The future completes when the server closes the stream, or exceptionally with a
   * {@link NemoException} (an error event, a silence longer than the silence timeout, the turn
   * limit, a dropped stream — then the message may or may not have been applied and must not
   * be re-sent). Cancelling the future cancels the stream.
   *
   * <p>A turn interrupted after the message may have reached the backend fails with a
   * {@link TurnInterruptedException}. Listener callbacks run on the stream's reader thread;
   * the text passed to {@link TurnListener#onText} adds up to {@link TurnResult#text()}.
   */
  public CompletableFuture<TurnResult> runTurn(TokenSource auth, String sessionId, String text, TurnListener listener) {
    Objects.requireNonNull(auth, "auth");
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(text, "text");
    ObjectNode body = JsonNodeFactory.instance.objectNode()
        .put("app_name", AGENT)
        .put("user_id", "me")
        .put("session_id", sessionId);
    ObjectNode message = body.putObject("new_message").put("role", "user");
    message.putArray("parts").addObject().put("text", text);
    Function<String, Request> request = token -> request("run_sse", token)
        .header("Accept", "text/event-stream")
        .post(json(body))
        .build();
    return new TurnCall(turns, request, auth, listener, scheduler, rateLimitDelay, maxRateLimitWait, silenceTimeout, turnLimit).start();
  }

  /** Multipart upload of local files, one part named {@code files} each. */
  public List<UploadedFile> upload(TokenSource auth, String sessionId, List<Path> files) throws IOException {
    if (files == null || files.isEmpty()) {
      throw new IllegalArgumentException("nothing to upload");
    }
    for (Path file : files) {
      if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
        throw new java.nio.file.NoSuchFileException(String.valueOf(file.getFileName()), null, "not a readable file");
      }
    }
    JsonNode data = exchange("upload", auth, token -> {
      MultipartBody.Builder multipart = new MultipartBody.Builder().setType(MultipartBody.FORM);
      for (Path file : files) {
        multipart.addFormDataPart("files", String.valueOf(file.getFileName()),
            RequestBody.create(file.toFile(), MediaType.get(MediaFormats.contentType(String.valueOf(file.getFileName())))));
      }
      return request(uploadPath(sessionId), token).post(oneShot(multipart.build())).build();
    });
    return uploadedFiles(data);
  }

  /** Upload by URL: {@code {"urls":[…],"source_type":"url"}}. */
  public List<UploadedFile> uploadUrls(TokenSource auth, String sessionId, List<URI> urls) throws IOException {
    if (urls == null || urls.isEmpty()) {
      throw new IllegalArgumentException("nothing to upload");
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ArrayNode list = body.putArray("urls");
    urls.forEach(url -> list.add(url.toString()));
    body.put("source_type", "url");
    JsonNode data = exchange("upload", auth, token -> request(uploadPath(sessionId), token).post(json(body)).build());
    return uploadedFiles(data);
  }

  private String uploadPath(String sessionId) {
    return "api/upload-video/" + AGENT + "/me/" + segment(sessionId);
  }

  private static List<UploadedFile> uploadedFiles(JsonNode data) {
    List<UploadedFile> files = new ArrayList<>();
    JsonNode list = Fields.first(data, "files");
    if (list == null && data.isArray()) {
      list = data;
    }
    if (list == null || !list.isArray()) {
      return files;
    }
    for (JsonNode file : list) {
      double duration = Fields.number(file, "duration");
      double width = Fields.number(file, "width");
      double height = Fields.number(file, "height");
      double fps = Fields.number(file, "fps");
      files.add(new UploadedFile(
          Fields.text(file, "filename", "file_name", "name"),
          Fields.text(file, "file_type", "fileType", "type"),
          Fields.text(file, "cdn_url", "cdnUrl", "url"),
          Double.isNaN(duration) ? 0 : duration,
          Double.isNaN(width) ? 0 : (int) width,
          Double.isNaN(height) ? 0 : (int) height,
          Double.isNaN(fps) ? null : fps,
          Fields.text(file, "hash")));
    }
    return files;
  }

  /** {@code GET /api/credits/balance/simple}. */
  public Credits credits(TokenSource auth) throws IOException {
    JsonNode data = exchange("credits", auth, token -> request("api/credits/balance/simple", token).get().build());
    double available = Fields.number(data, "available", "balance", "credits");
    double frozen = Fields.number(data, "frozen");
    double total = Fields.number(data, "total");
    if (Double.isNaN(available) && Double.isNaN(total)) {
      throw new NemoException(0, 200, "credits: the answer has no balance");
    }
    available = Double.isNaN(available) ? total - (Double.isNaN(frozen) ? 0 : frozen) : available;
    frozen = Double.isNaN(frozen) ? 0 : frozen;
    return new Credits(available, frozen, Double.isNaN(total) ? available + frozen : total,
        TUNECUT_STUDIO.equals(Fields.text(data, "backend")));
  }

  /** {@code GET /api/state/nemo_agent/me/<sid>/latest}. */
  public SessionState state(TokenSource auth, String sessionId) throws IOException {
    JsonNode data = exchange("state", auth, token ->
        request("api/state/" + AGENT + "/me/" + segment(sessionId) + "/latest", token).get().build());
    JsonNode state = data.get("state");
    if (state != null && state.isTextual()) {
      state = Answers.parse(state.asText());
    }
    if (state == null || !state.isObject()) {
      state = data.has("draft") ? data : JsonNodeFactory.instance.objectNode();
    }
    JsonNode draft = state.get("draft");
    if (draft != null && draft.isTextual()) {
      draft = Answers.parse(draft.asText());
    }
    if (draft == null || !draft.isObject()) {
      draft = JsonNodeFactory.instance.objectNode();
    }
    return new SessionState(draft, state);
  }

  /** {@code POST /api/render/proxy/lambda}; the returned status may be a bare PENDING when the backend said nothing. */
  public RenderStatus startRender(TokenSource auth, String renderId, String sessionId, JsonNode draft) throws IOException {
    ObjectNode body = JsonNodeFactory.instance.objectNode()
        .put("id", renderId)
        .put("sessionId", sessionId);
    body.set("draft", draft == null ? JsonNodeFactory.instance.objectNode() : draft);
    body.putObject("output").put("format", "mp4").put("quality", "high");
    JsonNode data = exchange("export", auth, token -> request("api/render/proxy/lambda", token).post(json(body)).build());
    return RenderStatusReader.read(data, renderId);
  }

  /** {@code GET /api/render/proxy/lambda/<id>}. */
  public RenderStatus renderStatus(TokenSource auth, String renderId) throws IOException {
    JsonNode data = exchange("render status", auth, token ->
        request("api/render/proxy/lambda/" + segment(renderId), token).get().build());
    return RenderStatusReader.read(data, renderId);
  }

  /** {@code POST /api/render/proxy/lambda/<id>/cancel}; a backend without it is not an error. */
  public void cancelRender(TokenSource auth, String renderId) throws IOException {
    try {
      exchange("render cancel", auth, token -> request("api/render/proxy/lambda/" + segment(renderId) + "/cancel", token)
          .post(oneShot(RequestBody.create(new byte[0], null)))
          .build());
    } catch (NemoException e) {
      int status = e.httpStatus();
      if (e.code() == 0 && (status == 404 || status == 405 || status == 501)) {
        log.debug("render cancel: the backend has no cancel call (HTTP {})", status);
        return;
      }
      throw e;
    }
  }

  /**
   * Streams a finished render to {@code target}: from {@code outputUrl} when given and
   * reachable, else from {@code GET /api/render/proxy/<id>/download} with the token.
   * Refuses (and deletes the partial file) past {@code maxBytes}.
   */
  public void downloadRender(TokenSource auth, String renderId, String outputUrl, Path target, long maxBytes) throws IOException {
    HttpUrl direct = outputUrl == null ? null : HttpUrl.parse(outputUrl);
    if (direct != null) {
      boolean ours = direct.host().equalsIgnoreCase(baseUrl.host()) && direct.port() == baseUrl.port();
      try {
        if (ours) {
          exchangeDownload(auth, token -> attributed(new Request.Builder().url(direct), token).get().build(),
              target, maxBytes);
        } else {
          download(attributed(new Request.Builder().url(direct), null).get().build(), null, target, maxBytes);
        }
        return;
      } catch (TooLargeException e) {
        throw e;
      } catch (IOException e) {
        log.info("render download: the output link failed ({}); trying the proxy download", e.getMessage());
      }
    } else if (outputUrl != null) {
      log.info("render download: the output link is not an http(s) URL; trying the proxy download");
    }
    exchangeDownload(auth, token -> request("api/render/proxy/" + segment(renderId) + "/download", token).get().build(),
        target, maxBytes);
  }

  private void exchangeDownload(TokenSource auth, Function<String, Request> request, Path target, long maxBytes)
      throws IOException {
    retrying("render download", auth, token -> {
      download(request.apply(token), token, target, maxBytes);
      return null;
    });
  }

  /**
   * The timeline picture drawn at once ({@code ?at_once=true}): a studio that draws it so says what it
   * is still finding, and the full picture ({@link #fullTimelinePicture}) follows once that is found; a
   * studio that does not know the parameter sends the full picture, with nothing pending.
   *
   * @param language the language the person writes in now ({@code en}, {@code zh}), for the picture's labels
   * @return null when the backend has no such picture (the NemoVideo cloud answers 404)
   */
  public TimelinePicture timelinePictureAtOnce(TokenSource auth, String sessionId, String language, Path target,
      long maxBytes) throws IOException {
    okhttp3.Headers headers = studioFile("timeline picture", auth, sessionId, "timeline.png",
        Map.of("at_once", "true", "lang", language), target, maxBytes);
    return headers == null ? null : TimelinePicture.of(headers.get(TimelinePicture.PENDING), headers.get(TimelinePicture.MARKS));
  }

  /**
   * The tunecut studio's picture of the timeline ({@code GET /api/preview/nemo_agent/me/<sid>/timeline.png})
   * into {@code target}, drawn once the beats and cuts are found, and what it shows; its labels in {@code language}.
   *
   * @return null when the backend has no such picture (the NemoVideo cloud answers 404)
   */
  public TimelinePicture fullTimelinePicture(TokenSource auth, String sessionId, String language, Path target,
      long maxBytes) throws IOException {
    okhttp3.Headers headers = studioFile("timeline picture", auth, sessionId, "timeline.png", Map.of("lang", language),
        target, maxBytes);
    return headers == null ? null : TimelinePicture.of(null, headers.get(TimelinePicture.MARKS));
  }

  /**
   * A quick low-resolution preview of the timeline, rendered now and free
   * ({@code GET /api/preview/nemo_agent/me/<sid>/preview.mp4}), into {@code target}.
   *
   * @return false when the backend makes no previews (the NemoVideo cloud answers 404)
   */
  public boolean preview(TokenSource auth, String sessionId, Path target, long maxBytes) throws IOException {
    return studioFile("preview", auth, sessionId, "preview.mp4", Map.of(), target, maxBytes) != null;
  }

  /** @return the answer's headers; null when the backend has no such file */
  private okhttp3.Headers studioFile(String what, TokenSource auth, String sessionId, String name,
      Map<String, String> query, Path target, long maxBytes) throws IOException {
    try {
      return retrying(what, auth, token -> {
        Request request = request("api/preview/" + AGENT + "/me/" + segment(sessionId) + "/" + name, token).get().build();
        HttpUrl.Builder url = request.url().newBuilder();
        query.forEach(url::addQueryParameter);
        return download(what, request.newBuilder().url(url.build()).build(), token, target, maxBytes);
      });
    } catch (NemoException e) {
      // A lost session is the session's problem, not a backend without pictures.
      if (e.code() != NemoException.SESSION_NOT_FOUND && (e.httpStatus() == 404 || e.httpStatus() == 405)) return null;
      throw e;
    }
  }

  private void download(Request request, String token, Path target, long maxBytes) throws IOException {
    download("render download", request, token, target, maxBytes);
  }

  private okhttp3.Headers download(String what, Request request, String token, Path target, long maxBytes)
      throws IOException {
    Path partial = target.resolveSibling(target.getFileName() + ".part");
    boolean done = false;
    try (Response response = http.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        byte[] bytes = Answers.readCapped(response.body(), what, response.code());
        throw Answers.refusal(response, Answers.parse(bytes), what, token);
      }
      MediaType type = response.body().contentType();
      if (type != null && (type.type().equals("text") || type.subtype().equals("json"))) {
        throw new NemoException(0, response.code(), what + ": the answer is " + type.type() + "/"
            + type.subtype() + ", not a file");
      }
      long length = response.body().contentLength();
      if (length > maxBytes) {
        throw new TooLargeException(what + ": the file is " + length + " bytes, over the limit of "
            + maxBytes + " bytes");
      }
      long written = 0;
      byte[] buffer = new byte[64 * 1024];
      try (InputStream in = response.body().byteStream(); OutputStream out = Files.newOutputStream(partial)) {
        for (int n; (n = in.read(buffer)) != -1; ) {
          written += n;
          if (written > maxBytes) {
            throw new TooLargeException(what + ": the file is over the limit of " + maxBytes + " bytes");
          }
          out.write(buffer, 0, n);
        }
      }
      try {
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (java.nio.file.AtomicMoveNotSupportedException e) {
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
      }
      done = true;
      return response.headers();
    } catch (NemoException e) {
      throw e;
    } catch (IOException e) {
      throw new NemoException(0, 0, what + ": " + Redaction.clean(String.valueOf(e.getMessage()), token), e);
    } finally {
      if (!done) {
        Files.deleteIfExists(partial);
      }
    }
  }

  /** Past the caller's size limit: final, no fallback changes the file's size. */
  private static final class TooLargeException extends NemoException {
    TooLargeException(String message) {
      super(0, 0, message);
    }
  }

  /** Chat turns and calls in flight right now (streams held open included). */
  public int callsInFlight() {
    return http.dispatcher().runningCallsCount();
  }

  @Override
  public String toString() {
    return "NemoClient[" + baseUrl + "]";
  }

  // --- plumbing

  private interface Call<T> {
    T run(String token) throws IOException;
  }

  /** One JSON call with the protocol's retries: 1001 → renew, once; 429 → wait, once. */
  private JsonNode exchange(String what, TokenSource auth, Function<String, Request> request) throws IOException {
    return retrying(what, auth, token -> {
      Request built = request.apply(token);
      try (Response response = http.newCall(built).execute()) {
        log.debug("{}: {} {} → HTTP {}", what, built.method(), built.url().encodedPath(), response.code());
        return Answers.read(response, what, token);
      } catch (NemoException e) {
        throw e;
      } catch (IOException e) {
        throw new NemoException(0, 0, what + ": could not talk to the backend ("
            + Redaction.clean(String.valueOf(e.getMessage()), token) + ")", e);
      }
    });
  }

  /**
   * Runs {@code call} with the protocol's retries. These calls are blocking and the engine makes
   * them on its shared backend pool, so the rate-limit wait is a managed block: the pool lends
   * another thread to everyone else meanwhile. The backend's Retry-After is waited only up to
   * maxRateLimitWait, and a wait ends when the thread is interrupted (the engine closing). A chat
   * turn waits on the scheduler instead.
   */
  private <T> T retrying(String what, TokenSource auth, Call<T> call) throws IOException {
    Retries retries = new Retries(what, auth, rateLimitDelay, maxRateLimitWait,
        failure -> failure instanceof NemoException e && !(failure instanceof TooLargeException) ? e : null);
    try {
      return retries.<T>blockingPolicies().get(attempt -> {
        retries.waitOutRateLimit(attempt);
        return call.run(retries.token(attempt));
      });
    } catch (FailsafeException e) {
      Throwable failure = retries.explain(e);
      if (failure instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting out a rate limit");
      }
      if (failure instanceof IOException io) {
        throw io;
      }
      throw e;
    }
  }

  private Request.Builder request(String path) {
    return attributed(new Request.Builder().url(baseUrl.newBuilder().addEncodedPathSegments(path).build()), null);
  }

  private Request.Builder request(String path, String token) {
    return attributed(new Request.Builder().url(baseUrl.newBuilder().addEncodedPathSegments(path).build()), token);
  }

  private Request.Builder attributed(Request.Builder builder, String token) {
    builder.header("X-Skill-Source", source)
        .header("X-Skill-Version", version)
        .header("X-Skill-Platform", platform);
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private static String segment(String id) {
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException("an id is missing");
    }
    return HttpUrl.parse("http://x/").newBuilder().addPathSegment(id).build().encodedPath().substring(1);
  }

  private static RequestBody json(JsonNode body) {
    try {
      return oneShot(RequestBody.create(Answers.JSON.writeValueAsBytes(body), JSON_TYPE));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** OkHttp never repeats a one-shot body on its own (408, 503, redirects, stale connections). */
  private static RequestBody oneShot(RequestBody delegate) {
    return new RequestBody() {
      @Override
      public MediaType contentType() {
        return delegate.contentType();
      }

      @Override
      public long contentLength() throws IOException {
        return delegate.contentLength();
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        delegate.writeTo(sink);
      }

      @Override
      public boolean isOneShot() {
        return true;
      }
    };
  }

  public static final class Builder {
    private HttpUrl baseUrl = HttpUrl.get("https://mega-api-prod.nemovideo.ai/");
    private String source = "tunecut";
    private String version = defaultVersion();
    private String platform = "unknown";
    private Duration rateLimitDelay = Duration.ofSeconds(30);
    private Duration maxRateLimitWait = Duration.ofSeconds(60);
    private Duration silenceTimeout = Duration.ofMinutes(2);
    private Duration turnLimit = Duration.ofMinutes(15);
    private int maxConcurrentTurns = 1024;

    /** Default: the NemoVideo cloud. */
    public Builder baseUrl(String baseUrl) {
      HttpUrl url = HttpUrl.parse(Objects.requireNonNull(baseUrl, "baseUrl"));
      if (url == null) {
        throw new IllegalArgumentException("not an http(s) URL: " + baseUrl);
      }
      this.baseUrl = url;
      return this;
    }

    /** X-Skill-Source / X-Skill-Version / X-Skill-Platform. */
    public Builder attribution(String source, String version, String platform) {
      this.source = headerValue(source, "source");
      this.version = headerValue(version, "version");
      this.platform = headerValue(platform, "platform");
      return this;
    }

    /** Delay before the one retry of a 429 whose answer names no wait (no Retry-After); default 30 s. */
    public Builder rateLimitDelay(Duration delay) {
      this.rateLimitDelay = nonNegative(delay, "rateLimitDelay");
      return this;
    }

    /**
     * The longest Retry-After of a 429 the client waits before its one retry; default 60 s. A
     * longer one is not waited for: the call fails at once, saying how long the backend asked.
     */
    public Builder maxRateLimitWait(Duration max) {
      this.maxRateLimitWait = nonNegative(max, "maxRateLimitWait");
      return this;
    }

    /** Longest silence in a chat turn before it fails; default 2 min. */
    public Builder silenceTimeout(Duration timeout) {
      this.silenceTimeout = positive(timeout, "silenceTimeout");
      return this;
    }

    /** Longest chat turn; default 15 min. */
    public Builder turnLimit(Duration limit) {
      this.turnLimit = positive(limit, "turnLimit");
      return this;
    }

    /** Concurrent chat turns the client carries; default 1,024. */
    public Builder maxConcurrentTurns(int turns) {
      if (turns < 1) {
        throw new IllegalArgumentException("maxConcurrentTurns must be at least 1");
      }
      this.maxConcurrentTurns = turns;
      return this;
    }

    public NemoClient build() {
      return new NemoClient(this);
    }

    private static String headerValue(String value, String name) {
      if (value == null || value.isBlank() || !value.matches("[\\x20-\\x7e]+")) {
        throw new IllegalArgumentException("the attribution " + name + " must be printable ASCII");
      }
      return value.strip();
    }

    private static Duration nonNegative(Duration value, String name) {
      if (value == null || value.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative");
      }
      return value;
    }

    private static Duration positive(Duration value, String name) {
      if (value == null || value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
      return value;
    }

    private static String defaultVersion() {
      String version = NemoClient.class.getPackage().getImplementationVersion();
      return version == null ? "0.1.0" : version;
    }
  }
}
