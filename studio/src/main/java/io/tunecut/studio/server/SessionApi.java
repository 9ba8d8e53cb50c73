package io.tunecut.studio.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.tunecut.studio.internal.agent.Agent;
import io.tunecut.studio.internal.analysis.AnalysisCache;
import io.tunecut.studio.internal.compose.ComposedMusic;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.intake.AcceptedFormats;
import io.tunecut.studio.internal.intake.FileNames;
import io.tunecut.studio.internal.intake.FileRefusedException;
import io.tunecut.studio.internal.intake.Intake;
import io.tunecut.studio.internal.intake.IntakeException;
import io.tunecut.studio.internal.intake.StoredFile;
import io.tunecut.studio.internal.intake.UploadTooLargeException;
import io.tunecut.studio.internal.link.LinkSigner;
import io.tunecut.studio.internal.media.Media;
import io.tunecut.studio.internal.media.MediaKind;
import io.tunecut.studio.internal.media.MediaStore;
import io.tunecut.studio.internal.store.MediaLibrary;
import io.tunecut.studio.internal.store.MediaRecord;
import io.tunecut.studio.internal.store.SessionRecord;
import io.tunecut.studio.internal.store.SessionLeases;
import io.tunecut.studio.internal.store.Sessions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;

/** Sessions, their state, and uploads into them. */
final class SessionApi {
  /** Bytes of an over-limit upload still read (and thrown away) so the client sees the answer. */
  private static final long DRAIN_AFTER_REFUSAL = 64L * 1024 * 1024;

  private final Auth auth;
  private final Sessions sessions;
  private final MediaLibrary library;
  private final Intake intake;
  private final AnalysisCache analysis;
  private final Agent agent;
  private final LinkSigner links;
  private final Consumer<Media> sketch;
  private final SessionLeases leases;
  private final MediaStore store;
  private final Optional<ComposedMusic> music;
  // Idle threads end after a minute: nothing to close.
  private final ExecutorService probes = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "intake");
    t.setDaemon(true);
    return t;
  });

  /**
   * @param sketch told of every file kept, to sketch it at once (thumbnails, waveform)
   * @param music the composer, when the agent composes: clips sent alone get their music made ahead
   */
  SessionApi(Auth auth, Sessions sessions, MediaLibrary library, Intake intake, AnalysisCache analysis, Agent agent,
      LinkSigner links, Consumer<Media> sketch, SessionLeases leases, MediaStore store, Optional<ComposedMusic> music) {
    this.music = music;
    this.leases = leases;
    this.store = store;
    this.auth = auth;
    this.sessions = sessions;
    this.library = library;
    this.intake = intake;
    this.analysis = analysis;
    this.agent = agent;
    this.links = links;
    this.sketch = sketch;
  }

  /** One edit at a time per session, on every studio: uploads and chat turns both rewrite the draft. */
  SessionLeases.Lease lock(String sessionId) {
    try {
      return leases.take(sessionId);
    } catch (SessionLeases.BusyException e) {
      throw new ApiError(ApiError.BAD_REQUEST, 409, e.getMessage());
    }
  }

  SessionRecord owned(String sessionId, String userId) {
    if (sessionId == null) throw ApiError.sessionNotFound();
    return sessions.find(sessionId, userId).orElseThrow(ApiError::sessionNotFound);
  }

  /** The session's media, each on this machine (fetched from the media store when it was kept elsewhere). */
  List<Media> media(SessionRecord s) {
    List<Media> all = library.ofSession(s.id(), s.userId()).stream().map(MediaRecord::media).collect(Collectors.toList());
    try {
      for (Media m : all) store.fetch(m.file());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return all;
  }

  Set<String> mediaIds(SessionRecord s) {
    return library.ofSession(s.id(), s.userId()).stream().map(r -> r.media().id()).collect(Collectors.toSet());
  }

  /** Keeps media a chat turn made (a composed track) with the session's uploads; call under the session's lock. */
  void keep(SessionRecord s, List<Media> created) throws IOException {
    // music was made by the turn: whatever was made ahead is not what will be asked for next
    if (!created.isEmpty()) music.ifPresent(m -> m.dropAhead(s.id()));
    for (Media m : created) {
      store.save(m.file());
      StoredFile stored = StoredFile.of(m.file());
      library.add(new MediaRecord(m, s.id(), s.userId(), stored.sha256(), stored.size()));
      sketch.accept(m);
    }
  }

  /** {@code POST /api/tasks/me/with-session/nemo_agent} */
  void create(Context ctx) {
    String user = auth.user(ctx);
    ObjectNode body = Json.body(ctx);
    String language = Json.text(body, "language");
    language = language == null ? "en" : language.strip().toLowerCase(Locale.ROOT);
    if (!language.matches("[a-z]{2,3}([-_][a-z0-9]{2,8})?")) language = "en";
    SessionRecord s = new SessionRecord(Ids.sessionId(), user, Ids.hex("task_", 8), language,
        agent.emptyDraft().toJson().toString());
    sessions.create(s);
    ObjectNode data = Json.object();
    data.put("session_id", s.id());
    data.put("task_id", s.taskId());
    data.put("user_id", user);
    data.put("language", s.language());
    String name = Json.text(body, "task_name");
    if (name != null) data.put("task_name", name);
    Json.send(ctx, 200, Json.ok(data));
  }

  /** {@code GET /api/state/nemo_agent/me/<session_id>/latest} */
  void state(Context ctx) {
    String user = auth.user(ctx);
    SessionRecord s = owned(ctx.pathParam("session"), user);
    JsonNode draft = parse(s.draft());
    ObjectNode state = Json.object();
    state.set("draft", draft);
    ArrayNode infos = state.putArray("video_infos");
    for (MediaRecord m : library.ofSession(s.id(), s.userId())) infos.add(describe(m.media(), m.hash()));
    ObjectNode canvas = state.putObject("canvas_config");
    JsonNode meta = draft.path("m");
    int width = meta.path("width").asInt(1920);
    int height = meta.path("height").asInt(1080);
    canvas.put("width", width);
    canvas.put("height", height);
    canvas.put("aspect", meta.path("aspect").asText(aspect(width, height)));
    state.putObject("video_analyses");
    state.putArray("generated_media");
    ObjectNode data = Json.object();
    data.put("session_id", s.id());
    data.set("state", state);
    Json.send(ctx, 200, Json.ok(data));
  }

  /** {@code POST /api/upload-video/nemo_agent/me/<session_id>}: multipart files or JSON urls. */
  void upload(Context ctx) throws IOException {
    String user = auth.user(ctx);
    SessionRecord s = owned(ctx.pathParam("session"), user);
    String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
    ObjectNode data = keep(s, (accepted, stored) -> {
      if (type.startsWith("multipart/")) {
        readParts(ctx, user, accepted, stored);
      } else {
        readUrls(ctx, user, accepted);
      }
    });
    Json.send(ctx, 200, Json.ok(data));
  }

  /**
   * Files on this machine's disk taken in as an upload of them would be, without their bytes
   * crossing HTTP: a bot in the same process hands over what it received.
   *
   * @return the upload's {@code data}
   */
  ObjectNode takeFiles(String user, String sessionId, List<Path> files) throws IOException {
    SessionRecord s = owned(sessionId, user);
    return keep(s, (accepted, stored) -> {
      // Each file is probed beside the others: the probes wait on ffprobe, not on each other.
      List<CompletableFuture<Intake.Accepted>> taking = new ArrayList<>();
      for (Path file : files) {
        taking.add(CompletableFuture.supplyAsync(() -> {
          try {
            return intake.fromFile(user, file, stored);
          } catch (UploadTooLargeException e) {
            throw new ApiError(ApiError.TOO_LARGE, 413, e.getMessage());
          } catch (FileRefusedException e) {
            throw refused(e);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }, probes));
      }
      RuntimeException first = null;
      for (CompletableFuture<Intake.Accepted> taken : taking) {
        try {
          analyseSoon(taken.join(), accepted);
        } catch (CompletionException e) {
          // Every file is waited for, so what was taken before a refusal is dropped with the rest.
          if (first == null) first = e.getCause() instanceof RuntimeException r ? r : e;
        }
      }
      if (first instanceof UncheckedIOException e) throw e.getCause();
      if (first != null) throw first;
    });
  }

  /**
   * Reads an upload's files into the list, each stored as it comes; {@code stored} is told of
   * each file as soon as its bytes are in place.
   */
  private interface Reading {
    void read(List<Intake.Accepted> into, Consumer<Path> stored) throws IOException;
  }

  /** The files read, on the session's timeline; none of them kept when any is refused. */
  private ObjectNode keep(SessionRecord s, Reading read) throws IOException {
    List<Intake.Accepted> accepted = new ArrayList<>();
    List<Path> analysing = new CopyOnWriteArrayList<>();
    boolean kept = false;
    try {
      read.read(accepted, file -> {
        analysing.add(file);
        analyseByName(file);
      });
      if (accepted.isEmpty()) throw ApiError.badRequest("the upload has no files: send multipart parts named 'files' or JSON {\"urls\":[…]}");
      ObjectNode data = Json.object();
      ArrayNode files = data.putArray("files");
      // Kept where every studio finds them before any row names them.
      for (Intake.Accepted a : accepted) store.save(a.media().file());
      try (SessionLeases.Lease held = lock(s.id())) {
        SessionRecord fresh = owned(s.id(), s.userId());
        List<Media> added = new ArrayList<>();
        for (Intake.Accepted a : accepted) added.add(a.media());
        List<Media> all = new ArrayList<>(media(fresh));
        all.addAll(added);
        // The draft first: when the agent fails, nothing of this upload is kept.
        Draft draft = agent.afterUpload(Draft.read(parse(fresh.draft())), all, added);
        for (Intake.Accepted a : accepted) {
          library.add(new MediaRecord(a.media(), s.id(), s.userId(), a.sha256(), a.size()));
          files.add(describe(a.media(), a.sha256()));
        }
        kept = true;
        sessions.saveDraft(s.id(), draft.toJson().toString());
        // under the lock, so uploads made one after the other are made ahead for in that order
        makeMusicAhead(s, draft, all);
      }
      accepted.forEach(a -> sketch.accept(a.media()));
      data.put("session_state_applied", true);
      data.put("session_id", s.id());
      return data;
    } finally {
      if (!kept) {
        analysing.forEach(analysis::forget);
        accepted.forEach(intake::discard);
      }
    }
  }

  /**
   * Clips with no track among the session's media: the music the plain request ("add background
   * music") would make is made in the background, after the clips' cuts, so the turn that asks
   * for it finds it made. A track sent drops it: that track is the music.
   */
  private void makeMusicAhead(SessionRecord s, Draft draft, List<Media> all) {
    if (music.isEmpty()) return;
    if (all.stream().anyMatch(m -> m.info().kind() == MediaKind.AUDIO)) music.get().dropAhead(s.id());
    else music.get().makeAhead(s.id(), draft, all);
  }

  /**
   * Each file is analysed from the moment its bytes are in place, while the probe checks it and
   * the rest of the upload still arrives: by the time someone asks to sync, the work is done or
   * under way. What it is, is told by its name until the probe knows (a refused file's analysis
   * is dropped with it).
   */
  private void analyseByName(Path file) {
    String extension = FileNames.extension(file.getFileName().toString());
    if (AcceptedFormats.AUDIO.contains(extension)) analysis.start(file, EnumSet.of(AnalysisCache.Kind.BEATS));
    else if (AcceptedFormats.VIDEO.contains(extension)) {
      analysis.start(file, EnumSet.of(AnalysisCache.Kind.CUTS, AnalysisCache.Kind.SPEECH));
      // a clip may be sent alone: the synthesizer gets ready while its cuts are found
      music.ifPresent(ComposedMusic::warmUp);
    }
  }

  /** Once probed, what the file really is (a track named like a clip) is analysed, each kind once. */
  private void analyseSoon(Intake.Accepted accepted, List<Intake.Accepted> all) {
    all.add(accepted);
    Media m = accepted.media();
    switch (m.info().kind()) {
      case AUDIO -> analysis.start(m.file(), EnumSet.of(AnalysisCache.Kind.BEATS));
      case VIDEO -> analysis.start(m.file(), m.info().hasAudio()
          ? EnumSet.of(AnalysisCache.Kind.CUTS, AnalysisCache.Kind.SPEECH) : EnumSet.of(AnalysisCache.Kind.CUTS));
      default -> { }
    }
  }

  /** Reads the parts named with a file name one by one off the request, each straight to disk. */
  private void readParts(Context ctx, String user, List<Intake.Accepted> accepted, Consumer<Path> stored)
      throws IOException {
    JakartaServletFileUpload<?, ?> upload = new JakartaServletFileUpload<>();
    upload.setHeaderCharset(StandardCharsets.UTF_8);
    try {
      FileItemInputIterator parts = upload.getItemIterator(ctx.req());
      while (parts.hasNext()) {
        FileItemInput part = parts.next();
        // The raw name: the library refuses some (a NUL in it) that FileNames makes safe instead.
        String name = upload.getFileName(part.getHeaders());
        if (part.isFormField() || name == null) continue;
        analyseSoon(intake.fromStream(user, name, part.getInputStream(), stored), accepted);
      }
    } catch (UploadTooLargeException e) {
      drain(ctx.req().getInputStream());
      throw new ApiError(ApiError.TOO_LARGE, 413, e.getMessage());
    } catch (FileRefusedException e) {
      throw refused(e);
    } catch (IOException e) {
      throw ApiError.badRequest("the upload could not be read: " + e.getMessage());
    }
  }

  private void readUrls(Context ctx, String user, List<Intake.Accepted> accepted) throws IOException {
    ObjectNode body = Json.body(ctx);
    JsonNode urls = body.get("urls");
    if (urls == null || !urls.isArray() || urls.isEmpty()) {
      String one = Json.text(body, "url");
      if (one == null) throw ApiError.badRequest("expected multipart files or JSON {\"urls\":[…],\"source_type\":\"url\"}");
      urls = Json.MAPPER.createArrayNode().add(one);
    }
    if (urls.size() > 20) throw ApiError.badRequest("at most 20 URLs per upload");
    for (JsonNode u : urls) {
      String url = u.asText();
      try {
        analyseSoon(intake.fromUrl(user, url), accepted);
      } catch (UploadTooLargeException e) {
        throw new ApiError(ApiError.TOO_LARGE, 413, e.getMessage());
      } catch (FileRefusedException e) {
        throw refused(e);
      } catch (IntakeException e) {
        throw ApiError.badRequest(e.getMessage());
      }
    }
  }

  /** 4001 with the file and the kind of problem beside the words, so a client can say it in its own. */
  private static ApiError refused(FileRefusedException e) {
    ObjectNode details = Json.object()
        .put("file", e.file())
        .put("problem", e.problem() == FileRefusedException.Problem.FORMAT ? "format" : "unreadable");
    return new ApiError(ApiError.UNSUPPORTED, 415,
        "unsupported file: " + e.file() + ": " + e.getMessage() + ". " + AcceptedFormats.describe(), details);
  }

  private static void drain(InputStream in) {
    byte[] skip = new byte[64 * 1024];
    long total = 0;
    try {
      for (int n; total < DRAIN_AFTER_REFUSAL && (n = in.read(skip)) >= 0; ) total += n;
    } catch (IOException ignored) {
      // the client went away: nothing to answer
    }
  }

  /** A file as the protocol describes it (upload answer and state's video_infos). */
  ObjectNode describe(Media m, String hash) {
    ObjectNode f = Json.object();
    f.put("id", m.id());
    f.put("media_id", m.id());
    f.put("filename", m.filename());
    f.put("file_type", m.info().kind().wire());
    f.put("cdn_url", links.link(m.id()));
    f.put("duration", m.info().durationSeconds());
    f.put("width", m.info().width());
    f.put("height", m.info().height());
    f.put("fps", m.info().fps());
    f.put("has_audio", m.info().hasAudio());
    if (hash != null) f.put("hash", hash);
    return f;
  }

  static JsonNode parse(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException("a stored draft is not JSON", e);
    }
  }

  private static String aspect(int w, int h) {
    if (w == h) return "1:1";
    return w > h ? "16:9" : "9:16";
  }
}
