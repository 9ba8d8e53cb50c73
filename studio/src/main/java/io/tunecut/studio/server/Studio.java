package io.tunecut.studio.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.tunecut.studio.internal.account.Quota;
import io.tunecut.studio.internal.account.Tokens;
import io.tunecut.studio.ffmpeg.Ffmpeg;
import io.tunecut.studio.internal.agent.Agent;
import io.tunecut.studio.internal.analysis.AnalysisCache;
import io.tunecut.studio.internal.compose.ComposedMusic;
import io.tunecut.studio.internal.intake.Intake;
import io.tunecut.studio.internal.intake.UrlFetcher;
import io.tunecut.studio.internal.job.CleanUp;
import io.tunecut.studio.internal.job.RenderEnded;
import io.tunecut.studio.internal.job.RenderQueue;
import io.tunecut.studio.internal.link.LinkSigner;
import io.tunecut.studio.internal.media.MediaProbe;
import io.tunecut.studio.internal.media.MediaStore;
import io.tunecut.studio.internal.preview.QuickPreview;
import io.tunecut.studio.internal.preview.Sketches;
import io.tunecut.studio.internal.preview.TimelinePictures;
import io.tunecut.studio.internal.render.Renderer;
import io.tunecut.studio.internal.account.Accounts;
import io.tunecut.studio.internal.store.Database;
import io.tunecut.studio.internal.store.LinkKey;
import io.tunecut.studio.internal.store.MediaLibrary;
import io.tunecut.studio.internal.store.RenderJobs;
import io.tunecut.studio.internal.store.SessionLeases;
import io.tunecut.studio.internal.store.Sessions;
import io.tunecut.studio.internal.agent.beat.SpeechDucking;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The studio: the NemoVideo protocol served over HTTP (Javalin on Jetty), with its data under
 * one directory. Start it, hand {@link #baseUrl()} to a client, close it when done.
 */
public final class Studio implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Studio.class);
  static final Duration KEEP_ALIVE = Duration.ofSeconds(5);
  /** How long a session stays held by a studio that died while editing it. */
  private static final Duration SESSION_LEASE = Duration.ofSeconds(30);
  /** How long an edit waits for the one before it (a model's turn can take this long). */
  private static final Duration SESSION_PATIENCE = Duration.ofMinutes(3);

  private final Javalin app;
  private final Database db;
  private final RenderQueue renders;
  private final ExecutorService turns;
  private final AnalysisCache analysis;
  private final Sketches sketches;
  private final URI baseUrl;
  private final Operations ops;
  private final Auth auth;
  private final SessionApi sessionApi;
  private final MediaStore store;
  private final SessionLeases leases;
  private final Optional<ComposedMusic> music;

  private Studio(Javalin app, Database db, RenderQueue renders, ExecutorService turns, AnalysisCache analysis,
      Sketches sketches, URI baseUrl, Operations ops, Auth auth, SessionApi sessionApi, MediaStore store,
      SessionLeases leases, Optional<ComposedMusic> music) {
    this.music = music;
    this.ops = ops;
    this.auth = auth;
    this.sessionApi = sessionApi;
    this.store = store;
    this.leases = leases;
    this.app = app;
    this.db = db;
    this.renders = renders;
    this.turns = turns;
    this.analysis = analysis;
    this.sketches = sketches;
    this.baseUrl = baseUrl;
  }

  /**
   * Starts with the studio module's own parts: {@code media.FfprobeMediaProbe} and
   * {@code render.FfmpegRenderer} on the settings' ffprobe/ffmpeg (the renderer works in
   * {@code <dataDir>/work}), and {@code agent.RuleAgent}.
   *
   * @throws IOException when the data directory cannot be used or the port cannot be bound
   */
  public static Studio start(StudioSettings settings) throws IOException {
    // One analysis cache for the agent and the render queue: both read the same clips.
    AnalysisCache analysis = DefaultParts.analysis(settings);
    // The composer hands the sketches the sound it makes: a composed track's waveform is not decoded again.
    Sketches sketches = DefaultParts.sketches(settings);
    ComposedMusic music = DefaultParts.music(settings, analysis, sketches);
    // The agent (phrases, composer, soundfont) loads on another core while the store opens.
    CompletableFuture<Agent> agent = CompletableFuture.supplyAsync(() -> DefaultParts.agent(settings, analysis, music),
        Studio::inBackground);
    return start(settings, DefaultParts.probe(settings), agent, DefaultParts.renderer(settings), KEEP_ALIVE, analysis,
        sketches, Optional.of(music));
  }

  public static Studio start(StudioSettings settings, MediaProbe probe, Agent agent, Renderer renderer)
      throws IOException {
    return start(settings, probe, agent, renderer, KEEP_ALIVE);
  }

  static Studio start(StudioSettings settings, MediaProbe probe, Agent agent, Renderer renderer, Duration keepAlive)
      throws IOException {
    return start(settings, probe, CompletableFuture.completedFuture(agent), renderer, keepAlive,
        DefaultParts.analysis(settings), DefaultParts.sketches(settings), Optional.empty());
  }

  private static <T> T ready(CompletableFuture<T> part) {
    try {
      return part.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  private static void inBackground(Runnable r) {
    Thread t = new Thread(r, "studio-start");
    t.setDaemon(true);
    t.start();
  }

  /** @param music the agent's composer, to make the music a clip alone will be asked for ahead; empty for another agent */
  private static Studio start(StudioSettings settings, MediaProbe probe, CompletableFuture<Agent> agentLoading,
      Renderer renderer, Duration keepAlive, AnalysisCache analysis, Sketches sketches, Optional<ComposedMusic> music)
      throws IOException {
    Path dataDir = settings.dataDir().toAbsolutePath().normalize();
    Files.createDirectories(dataDir.resolve("media"));
    Files.createDirectories(dataDir.resolve("renders"));
    // Its HTTP client (TLS, trust store) is made on another core too: only links need it.
    CompletableFuture<UrlFetcher> fetching = CompletableFuture.supplyAsync(() ->
        new UrlFetcher(settings.allowPrivateUrls(), Duration.ofSeconds(10), Duration.ofMinutes(15)), Studio::inBackground);
    MediaStore store = MediaStore.open(settings.media(), dataDir);
    Database db;
    try {
      store.check(); // bad keys or a missing bucket: said at start, in the operator's words
      db = Database.open(settings.databaseUrl(), dataDir);
    } catch (IOException | RuntimeException e) {
      store.close();
      sketches.close();
      throw e;
    }
    Operations ops = new Operations(db, store);
    SessionLeases leases = new SessionLeases(db, SESSION_LEASE, SESSION_PATIENCE);
    RenderQueue queue = null;
    ExecutorService turns = null;
    try {
      Clock clock = Clock.systemUTC();
      Accounts accounts = new Accounts(db);
      accounts.forgetExpiredTokens(clock.instant());
      RenderJobs jobs = new RenderJobs(db);
      MediaLibrary library = new MediaLibrary(db, dataDir);
      Quota quota = new Quota(jobs, settings.renderMinutesPerDay(), clock);
      Tokens tokens = new Tokens(accounts, clock);
      Optional<byte[]> earlierKey = LinkSigner.keptIn(dataDir.resolve("link.key"));
      byte[] key = new LinkKey(db).getOrCreate(() -> earlierKey.orElseGet(LinkSigner::newKey));
      SpeechDucking ducking = new SpeechDucking(analysis);
      queue = new RenderQueue(db, jobs, library, store, renderer, ducking::refresh, dataDir, settings.queue(),
          ops.registry());
      Ffmpeg ffmpeg = Ffmpeg.of(settings.ffmpeg(), settings.ffprobe());
      Pictures pictures = new Pictures(sketches, new TimelinePictures(sketches, analysis::beats, analysis::cuts),
          new QuickPreview(ffmpeg, dataDir.resolve("work")), ducking::refresh, dataDir.resolve("work"));
      // The first picture after an upload is drawn while someone waits: fonts and coders load now, aside.
      if (settings.role().serves()) pictures.timeline().warmUp();
      AtomicInteger n = new AtomicInteger();
      turns = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "chat-turn-" + n.incrementAndGet());
        t.setDaemon(true);
        return t;
      });

      // The port is known only once bound, and links need it: the signer reads the base lazily.
      String[] base = {settings.publicUrl()};
      LinkSigner links = new LinkSigner(key, () -> base[0], settings.linkTtl(), clock);
      Auth auth = new Auth(tokens, quota);
      Intake intake = new Intake(dataDir, probe, ready(fetching), settings.maxUploadBytes());
      Agent agent = ready(agentLoading);
      Sessions sessions = new Sessions(db);
      SessionApi sessionApi = new SessionApi(auth, sessions, library, intake, analysis, agent, links,
          pictures.timeline()::prepare, leases, store, music.filter(m -> settings.role().serves()));
      Javalin app = build(settings, ops, auth, sessions, sessionApi, library, agent, queue, quota, links, turns,
          keepAlive, pictures, store);
      app.start(settings.host(), settings.port());
      URI url = URI.create("http://" + hostForUrl(settings.host()) + ":" + app.port());
      if (base[0] == null) base[0] = url.toString();
      queue.resume();
      // Each studio's own disk: its copies of media and videos kept elsewhere go once nothing names them.
      store.cleanCopies(() -> CleanUp.named(library, jobs, dataDir));
      log.info("studio ({}) listening on {} (data in {}, store on {})", settings.role().name().toLowerCase(),
          url, dataDir.getFileName(), db.dialect().name().toLowerCase());
      return new Studio(app, db, queue, turns, analysis, sketches, url, ops, auth, sessionApi, store, leases, music);
    } catch (IOException | RuntimeException e) {
      music.ifPresent(ComposedMusic::close);
      if (queue != null) queue.close();
      sketches.close();
      if (turns != null) turns.shutdownNow();
      leases.close();
      ops.close();
      db.close();
      store.close();
      throw e;
    }
  }

  private static Javalin build(StudioSettings settings, Operations ops, Auth auth, Sessions sessions,
      SessionApi sessionApi, MediaLibrary library, Agent agent, RenderQueue queue, Quota quota, LinkSigner links,
      ExecutorService turns, Duration keepAlive, Pictures pictures, MediaStore store) {
    PreviewApi previews = pictures.api(auth, sessionApi);
    ChatApi chat = new ChatApi(auth, sessionApi, sessions, agent, turns, keepAlive);
    RenderApi render = new RenderApi(auth, sessionApi, queue, quota, links, store);
    SignedFiles files = new SignedFiles(links, queue, library, store);
    return Javalin.create(config -> {
      config.routes.exception(ApiError.class, (e, ctx) -> Json.send(ctx, e.httpStatus, e.body()));
      config.routes.exception(Exception.class, (e, ctx) -> {
        log.warn("{} {} failed: {}", ctx.method(), ctx.path(), e.toString());
        Json.send(ctx, 500, Json.error(ApiError.INTERNAL, "the studio could not handle this request ("
            + e.getClass().getSimpleName() + ")"));
      });
      config.routes.error(404, ctx -> unanswered(ctx, 404, "no such endpoint: " + ctx.method() + " " + ctx.path()));
      config.routes.error(405, ctx -> unanswered(ctx, 405, "method not allowed: " + ctx.method() + " " + ctx.path()));
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.http.maxRequestSize = 32L * 1024 * 1024;
      config.routes.get("/livez", ops::live);
      config.routes.get("/readyz", ops::ready);
      config.routes.get("/metrics", ops::metrics);
      // A worker answers only its health and metrics: the API is served elsewhere.
      if (!settings.role().serves()) return;
      config.routes.post("/api/auth/anonymous-token", auth::anonymousToken);
      config.routes.post("/api/tasks/me/with-session/{agent}", sessionApi::create);
      config.routes.get("/api/state/{agent}/me/{session}/latest", sessionApi::state);
      config.routes.post("/api/upload-video/{agent}/me/{session}", sessionApi::upload);
      config.routes.post("/run_sse", ctx -> ops.stream(() -> chat.runSse(ctx)));
      config.routes.get("/api/credits/balance/simple", render::credits);
      config.routes.post("/api/render/proxy/lambda", render::submit);
      config.routes.get("/api/render/proxy/lambda/{id}", render::poll);
      config.routes.post("/api/render/proxy/lambda/{id}/cancel", render::cancel);
      config.routes.get("/api/render/proxy/{id}/download", render::download);
      config.routes.get("/files/{id}", files::signed);
      config.routes.get("/api/preview/{agent}/me/{session}/timeline.png", previews::timeline);
      config.routes.get("/api/preview/{agent}/me/{session}/preview.mp4", previews::preview);
    });
  }

  private static void unanswered(Context ctx, int status, String message) {
    if (ctx.attribute(Json.ANSWERED) != null) return;
    Json.send(ctx, status, Json.error(ApiError.NOT_FOUND, message));
  }

  private static String hostForUrl(String host) {
    if (host.equals("0.0.0.0") || host.isBlank()) return "127.0.0.1";
    if (host.equals("::")) return "[::1]";
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  public URI baseUrl() {
    return baseUrl;
  }

  /** Tells {@code listener} of every render that ends from now on: a bot in this process hears it at once. */
  public void onRenderEnded(RenderEnded listener) {
    renders.onEnded(listener);
  }

  /**
   * Files on this machine's disk onto a session's timeline, as an upload of them would be (same
   * checks, same answer), linked into the media directory instead of sent over HTTP: for a bot in
   * the same process. The caller keeps its files.
   *
   * @param token the bearer token the upload would carry
   * @return the upload answer's {@code data}
   * @throws ApiError the refusal the upload would get (its code, HTTP status and details)
   */
  public ObjectNode takeFiles(String token, String sessionId, List<Path> files) throws IOException {
    return sessionApi.takeFiles(auth.userOf(token), sessionId, files);
  }

  /** The finished render's file on this machine (fetched from the media store when made elsewhere), when it has completed. */
  public Optional<Path> renderFile(String renderId) {
    return renders.find(renderId).flatMap(renders::output).filter(file -> {
      try {
        return store.fetch(file);
      } catch (IOException e) {
        log.warn("could not fetch render {}: {}", renderId, e.getMessage());
        return false;
      }
    });
  }

  /** Whether the music a clip alone will be asked for is made ahead for the session and waits (for tests). */
  boolean musicMadeAhead(String sessionId) {
    return music.map(m -> m.madeAhead(sessionId)).orElse(false);
  }

  /** Whether music is made, or being made, ahead for the session (for tests). */
  boolean makingMusicAhead(String sessionId) {
    return music.map(m -> m.makingAhead(sessionId)).orElse(false);
  }

  /** Stops serving and stops the renders; unfinished renders run again at the next start. */
  @Override
  public void close() {
    try {
      app.stop();
    } finally {
      music.ifPresent(ComposedMusic::close);
      renders.close();
      sketches.close();
      turns.shutdownNow();
      leases.close();
      ops.close();
      analysis.close();
      db.close();
      store.close();
    }
  }
}
