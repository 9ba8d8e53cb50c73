package io.tunecut.core.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunecut.core.chat.Attachment;
import io.tunecut.core.chat.Chat;
import io.tunecut.core.chat.ChatAction;
import io.tunecut.core.chat.ChatPort;
import io.tunecut.core.chat.ChatUser;
import io.tunecut.core.chat.InboundMessage;
import io.tunecut.core.chat.MessageHandler;
import io.tunecut.core.chat.MessageRef;
import io.tunecut.core.chat.Suggestion;
import io.tunecut.core.export.PollSchedule;
import io.tunecut.core.language.Language;
import io.tunecut.core.language.Messages;
import io.tunecut.core.nemo.NemoClient;
import io.tunecut.core.nemo.NemoException;
import io.tunecut.core.nemo.NemoSession;
import io.tunecut.core.nemo.RenderStatus;
import io.tunecut.core.nemo.SessionState;
import io.tunecut.core.nemo.TokenSource;
import io.tunecut.core.nemo.TurnInterruptedException;
import io.tunecut.core.nemo.TurnListener;
import io.tunecut.core.nemo.TurnResult;
import io.tunecut.core.nemo.UploadedFile;
import io.tunecut.core.timeline.TimelineSummary;
import io.tunecut.core.user.PendingRender;
import io.tunecut.core.user.UserDirectory;
import io.tunecut.core.user.UserRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conversation: routes each message (files, links, commands, keywords in English and
 * Chinese, anything else to a chat turn), runs one piece of work per person at a time, shows
 * progress in one status message, turns every failure into words, and delivers exports.
 *
 * <p>Nothing waits on a thread per person: chat turns are the client's async streams, timers
 * run on one shared scheduler, blocking backend calls and port calls each on a bounded pool.
 */
public final class ConversationEngine implements MessageHandler, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ConversationEngine.class);

  private final NemoClient nemo;
  private final UserDirectory directory;
  private final String operatorToken;
  private final Path workDir;
  private final long maxFileBytes;
  private final Duration renderTimeout;
  private final PollSchedule pollSchedule;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final boolean ownScheduler;
  private final ExecutorService portPool;
  private final ExecutorService backendPool;
  private final Duration dropCheckDelay;
  private final Duration dropCheckInterval;
  private final int dropChecks;
  private final Duration silenceNotice;
  private final Duration chatActionInterval;
  private final Duration tick;
  private final Map<ChatUser, Work> running = new ConcurrentHashMap<>();
  private final Map<ChatUser, DirectoryTokens> tokens = new ConcurrentHashMap<>();

  private ConversationEngine(Builder b) {
    this.nemo = Objects.requireNonNull(b.nemo, "nemo");
    this.directory = Objects.requireNonNull(b.directory, "directory");
    this.operatorToken = b.operatorTokenSet ? blankToNull(b.operatorToken) : blankToNull(System.getenv("NEMO_TOKEN"));
    this.maxFileBytes = b.maxFileBytes;
    this.renderTimeout = b.renderTimeout;
    this.pollSchedule = b.pollSchedule;
    this.clock = b.clock;
    this.dropCheckDelay = b.dropCheckDelay;
    this.dropCheckInterval = b.dropCheckInterval;
    this.dropChecks = b.dropChecks;
    this.silenceNotice = b.silenceNotice;
    this.chatActionInterval = b.chatActionInterval;
    this.tick = b.tick;
    try {
      this.workDir = b.workDir != null ? b.workDir : Files.createTempDirectory("tunecut-work");
      Files.createDirectories(workDir);
    } catch (IOException e) {
      throw new IllegalStateException("cannot create the work directory: " + e.getMessage(), e);
    }
    if (b.scheduler != null) {
      this.scheduler = b.scheduler;
      this.ownScheduler = false;
    } else {
      ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, threads("tunecut-timer"));
      s.setRemoveOnCancelPolicy(true);
      this.scheduler = s;
      this.ownScheduler = true;
    }
    this.portPool = pool("tunecut-port", b.portThreads);
    this.backendPool = pool("tunecut-backend", b.backendThreads);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public CompletableFuture<Void> handle(InboundMessage message, ChatPort port) {
    try {
      return dispatch(message, port);
    } catch (RuntimeException e) {
      log.error("could not handle a message of {}", message.user(), e);
      return CompletableFuture.completedFuture(null);
    }
  }

  private CompletableFuture<Void> dispatch(InboundMessage message, ChatPort port) {
    Route route = Route.of(message);
    Messages first = Messages.of(Language.detect(message.text(), message.locale(), null));
    ChatUser user = message.user();
    Chat chat = message.chat();
    switch (route.kind()) {
      case HELP:
        return background(() -> reply(port, chat, say(message).help(), List.of()));
      case CANCEL:
        return background(() -> cancel(message, port));
      case CREDITS:
        return background(() -> credits(message, port));
      case STATUS:
        return background(() -> status(message, port));
      default:
        break;
    }
    // A placeholder claims the person's lane before anything slow happens.
    Work work = new Work(user, chat, port, first, null);
    Work other = running.putIfAbsent(user, work);
    if (other != null) {
      return background(() -> reply(port, chat, say(message).busy(), List.of()));
    }
    StatusLine status = StatusLine.post(port, chat, "⏳ " + first.working(), portPool, scheduler);
    Work real = new Work(user, chat, port, first, status);
    running.replace(user, work, real);
    startTicker(real);
    CompletableFuture.runAsync(() -> real.say = say(message), backendPool)
        .thenCompose(v -> switch (route.kind()) {
          case NEW -> call(real, () -> newSession(real)).thenCompose(x -> finishStatus(real, real.say.done()));
          case EXPORT -> export(real);
          case UPLOAD -> upload(real, message.attachments(), route.text());
          case UPLOAD_URL -> call(real, () -> uploadUrl(real, route.text())).thenCompose(x -> finishStatus(real, real.say.done()));
          default -> chat(real, route.text());
        })
        .handle((v, t) -> t == null ? CompletableFuture.<Void>completedFuture(null) : fail(real, t))
        .thenCompose(f -> f)
        .whenComplete((v, t) -> end(real));
    return real.done;
  }

  /**
   * After a restart: picks up every render of {@code port}'s platform that was started and not
   * delivered, reports to the same status message and delivers. Completes when all are done.
   */
  public CompletableFuture<Void> resume(ChatPort port) {
    List<UserRecord> pending;
    try {
      pending = directory.withPendingRenders();
    } catch (IOException e) {
      log.error("cannot read pending renders: {}", e.toString());
      return CompletableFuture.completedFuture(null);
    }
    List<CompletableFuture<Void>> all = new ArrayList<>();
    for (UserRecord record : pending) {
      if (!record.user().platform().equals(port.platform())) continue;
      for (PendingRender render : record.renders()) {
        if (render.status() == null) continue;
        Messages say = Messages.of(Language.ofCode(record.language()));
        StatusLine status = StatusLine.existing(port, render.status(), portPool, scheduler);
        Work work = new Work(record.user(), render.status().chat(), port, say, status);
        if (running.putIfAbsent(record.user(), work) != null) continue;
        work.renderId = render.renderId();
        startTicker(work);
        log.info("resuming render {} of {}", render.renderId(), record.user());
        CompletableFuture<Void> polled = new CompletableFuture<>();
        long deadline = System.nanoTime() + renderTimeout.toNanos();
        schedulePoll(work, null, render.renderId(), 1, 0, deadline, polled);
        polled.handle((v, t) -> t == null ? CompletableFuture.<Void>completedFuture(null) : fail(work, t))
            .thenCompose(f -> f)
            .whenComplete((v, t) -> end(work));
        all.add(work.done);
      }
    }
    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
  }

  @Override
  public void close() {
    for (Work w : running.values()) {
      if (w.ticker != null) w.ticker.cancel(false);
    }
    if (ownScheduler) scheduler.shutdownNow();
    portPool.shutdown();
    backendPool.shutdownNow();
  }

  // Immediate answers.

  private void cancel(InboundMessage message, ChatPort port) {
    Messages say = say(message);
    Work work = running.get(message.user());
    if (work == null || work.status == null || !work.cancelled.compareAndSet(false, true)) {
      reply(port, message.chat(), say.nothingToCancel(), List.of());
      return;
    }
    List<String> what = new ArrayList<>();
    CompletableFuture<?> turn = work.turn;
    if (turn != null && !turn.isDone()) {
      turn.cancel(true);
      what.add(say.cancelledTurn());
    }
    String renderId = work.renderId;
    if (renderId != null) {
      try {
        nemo.cancelRender(auth(work.user), renderId);
      } catch (IOException e) {
        log.info("cancel of render {} not confirmed: {}", renderId, e.toString());
      }
      forgetRender(work.user, renderId);
      what.add(say.cancelledRender());
    }
    if (work.uploading) what.add(say.cancelledUpload());
    if (what.isEmpty()) what.add(say.cancelledTurn());
    reply(port, message.chat(), String.join(" ", what), List.of());
  }

  private void credits(InboundMessage message, ChatPort port) {
    Messages say = say(message);
    try {
      var c = nemo.credits(auth(message.user()));
      reply(port, message.chat(), say.credits(c.available(), c.frozen()), suggestions(say));
    } catch (Exception e) {
      reply(port, message.chat(), replyFor(message.user(), e, say), List.of());
    }
  }

  private void status(InboundMessage message, ChatPort port) {
    Messages say = say(message);
    try {
      JsonNode draft = state(message.user(), say).draft();
      TimelineSummary summary = TimelineSummary.of(draft, say.language());
      reply(port, message.chat(), summary.empty() ? say.emptyTimeline() : say.timeline(summary.toString()), suggestions(say));
    } catch (Exception e) {
      if (ErrorReplies.sessionLost(e)) {
        resetSession(message.user(), say);
        reply(port, message.chat(), say.sessionLost(), List.of());
      } else {
        reply(port, message.chat(), replyFor(message.user(), e, say), List.of());
      }
    }
  }

  // Work in a person's lane.

  private CompletableFuture<Void> chat(Work work, String text) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        TokenSource auth = auth(work.user);
        String sessionId = session(work.user, work.say);
        SessionState before = null;
        try {
          before = nemo.state(auth, sessionId);
        } catch (IOException e) {
          if (ErrorReplies.sessionLost(e)) throw e;
          log.info("state before the turn of {} unavailable: {}", work.user, e.toString());
        }
        work.activity = work.say.thinking();
        return new TurnStart(auth, sessionId, before);
      } catch (IOException e) {
        throw new java.util.concurrent.CompletionException(e);
      }
    }, backendPool).thenCompose(start -> {
      if (work.cancelled.get()) throw new CancellationException();
      CompletableFuture<TurnResult> turn = nemo.runTurn(start.auth, start.sessionId, text, listener(work));
      work.turn = turn;
      return turn.handleAsync((result, failure) -> {
        if (failure == null) return afterTurn(work, start, result);
        if (ErrorReplies.cancelled(failure) || work.cancelled.get()) throw new CancellationException();
        Throwable t = ErrorReplies.unwrap(failure);
        if (start.before != null && t instanceof TurnInterruptedException) {
          return droppedStream(work, start);
        }
        throw new java.util.concurrent.CompletionException(t);
      }, backendPool).thenCompose(f -> f);
    });
  }

  private record TurnStart(TokenSource auth, String sessionId, SessionState before) {}

  private TurnListener listener(Work work) {
    return new TurnListener() {
      @Override
      public void onText(String text) {
        work.alive();
        work.activity = work.say.writing();
      }

      @Override
      public void onActivity(String toolName, String activity) {
        work.alive();
        if (activity != null && !activity.isBlank()) work.activity = work.say.activity(activity);
      }

      @Override
      public void onAlive() {
        work.alive();
      }
    };
  }

  private CompletableFuture<Void> afterTurn(Work work, TurnStart start, TurnResult result) {
    Messages say = work.say;
    if (!result.silent()) {
      GuiWords.Translation translated = GuiWords.translate(result.text().strip(), say);
      reply(work.port, work.chat, translated.text(), suggestions(say));
      if (translated.runExport()) {
        reply(work.port, work.chat, say.exportingForYou(), List.of());
        return export(work);
      }
      return finishStatus(work, say.done());
    }
    // A silent turn: tell what changed.
    try {
      SessionState after = nemo.state(start.auth, start.sessionId);
      String diff = start.before == null ? "" : TimelineSummary.of(start.before.draft(), say.language())
          .diff(TimelineSummary.of(after.draft(), say.language()));
      TimelineSummary now = TimelineSummary.of(after.draft(), say.language());
      if (!diff.isEmpty()) reply(work.port, work.chat, say.changed(diff), suggestions(say));
      else if (start.before == null && !now.empty()) reply(work.port, work.chat, say.timeline(now.toString()), suggestions(say));
      else reply(work.port, work.chat, say.unchanged(), suggestions(say));
    } catch (IOException e) {
      reply(work.port, work.chat, replyFor(work.user, e, say), List.of());
    }
    return finishStatus(work, say.done());
  }

  /** The stream broke: the message may have been applied. Never re-send; watch the state instead. */
  private CompletableFuture<Void> droppedStream(Work work, TurnStart start) {
    log.info("turn stream of {} dropped; watching the state", work.user);
    work.activity = work.say.dropped();
    CompletableFuture<Void> watched = new CompletableFuture<>();
    TimelineSummary before = TimelineSummary.of(start.before.draft(), work.say.language());
    scheduleDropCheck(work, start, before, 1, dropCheckDelay, watched);
    return watched;
  }

  private void scheduleDropCheck(Work work, TurnStart start, TimelineSummary before, int check, Duration delay,
      CompletableFuture<Void> watched) {
    scheduler.schedule(() -> backendPool.execute(() -> {
      if (work.cancelled.get()) {
        watched.completeExceptionally(new CancellationException());
        return;
      }
      Messages say = work.say;
      try {
        SessionState now = nemo.state(start.auth, start.sessionId);
        String diff = before.diff(TimelineSummary.of(now.draft(), say.language()));
        if (!diff.isEmpty()) {
          reply(work.port, work.chat, say.droppedChanged(diff), suggestions(say));
          finishStatus(work, say.done()).whenComplete((v, t) -> watched.complete(null));
          return;
        }
      } catch (IOException e) {
        log.info("state check {} for {} failed: {}", check, work.user, e.toString());
      }
      if (check >= dropChecks) {
        reply(work.port, work.chat, say.droppedUnchanged(), List.of());
        finishStatus(work, say.failedStatus()).whenComplete((v, t) -> watched.complete(null));
      } else {
        scheduleDropCheck(work, start, before, check + 1, dropCheckInterval, watched);
      }
    }), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private CompletableFuture<Void> upload(Work work, List<Attachment> attachments, String caption) {
    return CompletableFuture.supplyAsync(() -> {
      Messages say = work.say;
      List<Attachment> accepted = new ArrayList<>();
      for (Attachment a : attachments) {
        String ext = extension(a.name(), a.mimeType());
        if (!ErrorReplies.FORMATS.contains(ext)) reply(work.port, work.chat, say.refusedFormat(a.name(), ErrorReplies.FORMATS), List.of());
        else if (a.size() > maxFileBytes) reply(work.port, work.chat, say.refusedSize(a.name(), maxFileBytes), List.of());
        else accepted.add(a);
      }
      if (accepted.isEmpty()) return false;
      List<Path> files = new ArrayList<>();
      work.uploading = true;
      try {
        for (Attachment a : accepted) {
          if (work.cancelled.get()) throw new CancellationException();
          work.activity = say.receiving(a.name());
          Path file = download(a, files);
          if (file == null) {
            reply(work.port, work.chat, say.refusedSize(a.name(), maxFileBytes), List.of());
          }
        }
        if (files.isEmpty()) return false;
        if (work.cancelled.get()) throw new CancellationException();
        work.activity = say.uploading();
        List<UploadedFile> uploaded = withSession(work, sid -> nemo.upload(auth(work.user), sid, files));
        reply(work.port, work.chat, say.uploaded(describe(uploaded, say)), suggestions(say));
        return true;
      } catch (IOException e) {
        throw new java.util.concurrent.CompletionException(e);
      } finally {
        work.uploading = false;
        for (Path f : files) deleteQuietly(f);
      }
    }, backendPool).thenCompose(ok -> {
      if (ok && caption != null && !caption.isBlank() && !work.cancelled.get()) return chat(work, caption);
      return finishStatus(work, ok ? work.say.done() : work.say.failedStatus());
    });
  }

  /** Streams an attachment into the work directory; null (and nothing kept) when it is over the limit. */
  private Path download(Attachment a, List<Path> files) throws IOException {
    // A directory of its own keeps the person's file name, which the backend shows back.
    Path dir = Files.createDirectories(workDir.resolve("in-" + UUID.randomUUID()));
    Path file = dir.resolve(safeName(a.name()));
    files.add(file);
    try (InputStream in = a.source().open(); OutputStream out = Files.newOutputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      int n;
      while ((n = in.read(buffer)) >= 0) {
        total += n;
        if (total > maxFileBytes) {
          out.close();
          files.remove(file);
          deleteQuietly(file);
          return null;
        }
        out.write(buffer, 0, n);
      }
    }
    return file;
  }

  private void uploadUrl(Work work, String url) throws IOException {
    Messages say = work.say;
    work.activity = say.uploading();
    List<UploadedFile> uploaded = withSession(work, sid -> nemo.uploadUrls(auth(work.user), sid, List.of(URI.create(url.strip()))));
    reply(work.port, work.chat, say.uploaded(describe(uploaded, say)), suggestions(say));
  }

  private void newSession(Work work) throws IOException {
    NemoSession session = nemo.createSession(auth(work.user), work.say.language().code());
    directory.update(work.user, r -> r.withSession(session.sessionId(), session.taskId()));
    reply(work.port, work.chat, work.say.newSession(), List.of());
  }

  // Export.

  private CompletableFuture<Void> export(Work work) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        work.activity = work.say.exportStarting();
        JsonNode draft = state(work.user, work.say).draft();
        if (!TimelineSummary.exportable(draft)) {
          reply(work.port, work.chat, work.say.nothingToExport(), List.of());
          return null;
        }
        return draft;
      } catch (IOException e) {
        throw new java.util.concurrent.CompletionException(e);
      }
    }, backendPool).thenCompose(draft -> {
      if (draft == null) return finishStatus(work, work.say.failedStatus());
      CompletableFuture<Void> rendered = new CompletableFuture<>();
      startRender(work, draft, 1, System.nanoTime() + renderTimeout.toNanos(), rendered);
      return rendered;
    });
  }

  private void startRender(Work work, JsonNode draft, int attempt, long deadline, CompletableFuture<Void> rendered) {
    backendPool.execute(() -> {
      try {
        if (work.cancelled.get()) throw new CancellationException();
        JsonNode body = draft != null ? draft : state(work.user, work.say).draft();
        String renderId = "render_" + UUID.randomUUID().toString().replace("-", "");
        MessageRef statusRef = work.status.created().join();
        directory.update(work.user, r -> r.withRenders(with(r.renders(), new PendingRender(renderId, statusRef, clock.instant()))));
        work.renderId = renderId;
        String sessionId = session(work.user, work.say);
        RenderStatus started;
        try {
          started = nemo.startRender(auth(work.user), renderId, sessionId, body);
        } catch (IOException | RuntimeException e) {
          forgetRender(work.user, renderId);
          work.renderId = null;
          throw e;
        }
        if (started != null && started.phase() == RenderStatus.Phase.FAILED) {
          renderFailed(work, body, renderId, attempt, deadline, started.error(), rendered);
          return;
        }
        work.activity = work.say.rendering(started == null ? 0 : started.progress());
        schedulePoll(work, body, renderId, attempt, 0, deadline, rendered);
      } catch (Throwable t) {
        rendered.completeExceptionally(t);
      }
    });
  }

  private void schedulePoll(Work work, JsonNode draft, String renderId, int attempt, int poll, long deadline,
      CompletableFuture<Void> rendered) {
    Duration delay = pollSchedule.delay(poll);
    scheduler.schedule(() -> backendPool.execute(() -> {
      try {
        if (work.cancelled.get()) throw new CancellationException();
        RenderStatus st;
        try {
          st = nemo.renderStatus(auth(work.user), renderId);
        } catch (NemoException e) {
          if (e.httpStatus() == 0 && e.code() == 0 && System.nanoTime() < deadline) {
            // A blip on the way to the backend: the render goes on; ask again later.
            schedulePoll(work, draft, renderId, attempt, poll + 1, deadline, rendered);
            return;
          }
          throw e;
        }
        switch (st.phase()) {
          case COMPLETED -> deliver(work, renderId, st).whenComplete((v, t) -> rendered.complete(null));
          case FAILED -> renderFailed(work, draft, renderId, attempt, deadline, st.error(), rendered);
          default -> {
            if (System.nanoTime() >= deadline) {
              try {
                nemo.cancelRender(auth(work.user), renderId);
              } catch (IOException e) {
                log.info("cancel of timed-out render {} failed: {}", renderId, e.toString());
              }
              forgetRender(work.user, renderId);
              reply(work.port, work.chat, work.say.renderTimedOut(Math.max(1, renderTimeout.toMinutes())), List.of());
              finishStatus(work, work.say.failedStatus()).whenComplete((v, t) -> rendered.complete(null));
              return;
            }
            work.activity = work.say.rendering(st.progress());
            schedulePoll(work, draft, renderId, attempt, poll + 1, deadline, rendered);
          }
        }
      } catch (Throwable t) {
        rendered.completeExceptionally(t);
      }
    }), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void renderFailed(Work work, JsonNode draft, String renderId, int attempt, long deadline, String why,
      CompletableFuture<Void> rendered) {
    forgetRender(work.user, renderId);
    log.info("render {} of {} failed (attempt {}): {}", renderId, work.user, attempt, why);
    if (attempt < 2) {
      work.activity = work.say.renderRetry();
      startRender(work, draft, attempt + 1, deadline, rendered);
      return;
    }
    reply(work.port, work.chat, work.say.renderFailed(why), List.of());
    finishStatus(work, work.say.failedStatus()).whenComplete((v, t) -> rendered.complete(null));
  }

  /** The file through the port when it fits, and the link always. */
  private CompletableFuture<Void> deliver(Work work, String renderId, RenderStatus st) {
    Messages say = work.say;
    long limit = work.port.limits(work.chat).maxUploadBytes();
    boolean sent = false;
    if (limit > 0) {
      work.activity = say.sendingVideo();
      action(work, ChatAction.UPLOADING_VIDEO);
      Path file = workDir.resolve(renderId + ".mp4");
      try {
        nemo.downloadRender(auth(work.user), renderId, st.outputUrl(), file, limit);
        if (Files.exists(file) && Files.size(file) <= limit) {
          sent = portCall(() -> work.port.sendVideo(work.chat, file, say.videoCaption()), false);
        }
      } catch (IOException e) {
        log.info("render {} goes out as a link only: {}", renderId, e.toString());
      } finally {
        deleteQuietly(file);
      }
    }
    if (st.outputUrl() != null) reply(work.port, work.chat, sent ? say.videoLink(st.outputUrl()) : say.videoLinkTooLarge(st.outputUrl()), suggestions(say));
    else if (!sent) reply(work.port, work.chat, say.noLink(), List.of());
    forgetRender(work.user, renderId);
    work.renderId = null;
    return finishStatus(work, say.renderReady());
  }

  // Progress.

  private void startTicker(Work work) {
    work.ticker = scheduler.scheduleAtFixedRate(() -> {
      try {
        if (work.status == null || work.done.isDone()) return;
        long now = System.nanoTime();
        Messages say = work.say;
        String activity = work.activity;
        if (activity == null) activity = say.working();
        if (now - work.lastSignNanos > silenceNotice.toNanos() && work.turn != null && !work.turn.isDone()) activity = say.stillWorking();
        work.status.show("⏳ " + activity + " · " + say.elapsed(work.elapsedSeconds()));
        if (now - work.lastActionNanos >= chatActionInterval.toNanos()) {
          work.lastActionNanos = now;
          action(work, work.renderId != null ? ChatAction.UPLOADING_VIDEO : ChatAction.TYPING);
        }
      } catch (Throwable e) {
        log.warn("progress of {} not shown", work.user, e);
      }
    }, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void action(Work work, ChatAction action) {
    portPool.execute(() -> {
      try {
        work.port.chatAction(work.chat, action);
      } catch (Exception e) {
        log.debug("chat action refused: {}", e.toString());
      }
    });
  }

  private CompletableFuture<Void> finishStatus(Work work, String text) {
    if (work.ticker != null) work.ticker.cancel(false);
    // The work is over: the person may go on while the last edit waits for its slot in the budget.
    running.remove(work.user, work);
    return work.status == null ? CompletableFuture.completedFuture(null)
        : work.status.finish(text + " · " + work.say.elapsed(work.elapsedSeconds()));
  }

  private CompletableFuture<Void> fail(Work work, Throwable failure) {
    Messages say = work.say;
    if (ErrorReplies.cancelled(failure) || work.cancelled.get()) {
      return finishStatus(work, say.cancelledStatus());
    }
    if (ErrorReplies.sessionLost(failure)) {
      resetSession(work.user, say);
      reply(work.port, work.chat, say.sessionLost(), List.of());
    } else {
      reply(work.port, work.chat, replyFor(work.user, failure, say), List.of());
    }
    return finishStatus(work, say.failedStatus());
  }

  private void end(Work work) {
    if (work.ticker != null) work.ticker.cancel(false);
    running.remove(work.user, work);
    work.done.complete(null);
  }

  // The person and their backend account.

  private Messages say(InboundMessage message) {
    Language remembered = null;
    try {
      remembered = Language.ofCode(directory.get(message.user()).language());
    } catch (IOException e) {
      log.warn("directory unavailable for {}: {}", message.user(), e.toString());
    }
    Language lang = Language.detect(message.text(), message.locale(), remembered);
    if (lang != remembered) {
      try {
        directory.update(message.user(), r -> r.withLanguage(lang.code()));
      } catch (IOException e) {
        log.warn("language of {} not kept: {}", message.user(), e.toString());
      }
    }
    return Messages.of(lang);
  }

  private TokenSource auth(ChatUser user) {
    return tokens.computeIfAbsent(user, u -> new DirectoryTokens(directory, nemo, u, operatorToken, clock));
  }

  private String session(ChatUser user, Messages say) throws IOException {
    UserRecord record = directory.get(user);
    if (record.sessionId() != null) return record.sessionId();
    NemoSession session = nemo.createSession(auth(user), say.language().code());
    directory.update(user, r -> r.withSession(session.sessionId(), session.taskId()));
    return session.sessionId();
  }

  private void resetSession(ChatUser user, Messages say) {
    try {
      NemoSession session = nemo.createSession(auth(user), say.language().code());
      directory.update(user, r -> r.withSession(session.sessionId(), session.taskId()));
    } catch (IOException e) {
      log.info("new session for {} not created now: {}", user, e.toString());
      try {
        directory.update(user, r -> r.withSession(null, null));
      } catch (IOException ignored) {
        // the next message tries again
      }
    }
  }

  private SessionState state(ChatUser user, Messages say) throws IOException {
    return nemo.state(auth(user), session(user, say));
  }

  private interface SessionCall<T> {
    T call(String sessionId) throws IOException;
  }

  private <T> T withSession(Work work, SessionCall<T> call) throws IOException {
    return call.call(session(work.user, work.say));
  }

  private void forgetRender(ChatUser user, String renderId) {
    try {
      directory.update(user, r -> r.withRenders(r.renders().stream().filter(p -> !p.renderId().equals(renderId)).toList()));
    } catch (IOException e) {
      log.warn("render {} of {} not removed from the directory: {}", renderId, user, e.toString());
    }
  }

  private String replyFor(ChatUser user, Throwable failure, Messages say) {
    UserRecord record = null;
    try {
      record = directory.get(user);
    } catch (IOException ignored) {
      // the reply goes out without the registration id
    }
    return ErrorReplies.reply(failure, say, record, operatorToken != null, maxFileBytes);
  }

  // Talking back.

  private void reply(ChatPort port, Chat chat, String text, List<Suggestion> suggestions) {
    int max = port.limits(chat).maxTextLength();
    List<String> parts = split(text, max);
    for (int i = 0; i < parts.size(); i++) {
      String part = parts.get(i);
      List<Suggestion> s = i == parts.size() - 1 ? suggestions : List.of();
      portCall(() -> port.send(chat, part, s), null);
    }
  }

  private interface PortCall<T> {
    T call() throws IOException;
  }

  /** Runs a port call on the port pool and waits for it; a refusal is logged, never thrown. */
  private <T> T portCall(PortCall<T> call, T otherwise) {
    try {
      return CompletableFuture.supplyAsync(() -> {
        try {
          return call.call();
        } catch (IOException e) {
          throw new java.util.concurrent.CompletionException(e);
        }
      }, portPool).join();
    } catch (RuntimeException e) {
      log.warn("platform refused a message: {}", ErrorReplies.unwrap(e).toString());
      return otherwise;
    }
  }

  static List<String> split(String text, int max) {
    List<String> parts = new ArrayList<>();
    String rest = text;
    while (rest.length() > max) {
      int cut = rest.lastIndexOf('\n', max);
      if (cut < max / 2) cut = rest.lastIndexOf(' ', max);
      if (cut < max / 2) cut = max;
      parts.add(rest.substring(0, cut));
      rest = rest.substring(cut).stripLeading();
    }
    if (!rest.isEmpty() || parts.isEmpty()) parts.add(rest);
    return parts;
  }

  private static List<Suggestion> suggestions(Messages say) {
    return List.of(new Suggestion(say.labelExport(), "/export"), new Suggestion(say.labelStatus(), "/status"),
        new Suggestion(say.labelCredits(), "/credits"));
  }

  private CompletableFuture<Void> background(Runnable r) {
    return CompletableFuture.runAsync(() -> {
      try {
        r.run();
      } catch (RuntimeException e) {
        log.error("unexpected failure", e);
      }
    }, backendPool);
  }

  private interface Step {
    void run() throws IOException;
  }

  private CompletableFuture<Void> call(Work work, Step step) {
    return CompletableFuture.runAsync(() -> {
      try {
        step.run();
      } catch (IOException e) {
        throw new java.util.concurrent.CompletionException(e);
      }
    }, backendPool);
  }

  // Small things.

  private static List<String> describe(List<UploadedFile> files, Messages say) {
    List<String> out = new ArrayList<>();
    for (UploadedFile f : files) {
      StringBuilder s = new StringBuilder(f.filename() == null ? "?" : f.filename());
      List<String> facts = new ArrayList<>();
      if (f.fileType() != null) facts.add(f.fileType());
      if (f.duration() > 0) facts.add(say.elapsed(Math.round(f.duration())));
      if (f.width() > 0 && f.height() > 0) facts.add(f.width() + "×" + f.height());
      if (!facts.isEmpty()) s.append(" (").append(String.join(", ", facts)).append(')');
      out.add(s.toString());
    }
    return out;
  }

  static String extension(String name, String mimeType) {
    int dot = name.lastIndexOf('.');
    if (dot >= 0 && dot < name.length() - 1) return name.substring(dot + 1).toLowerCase(Locale.ROOT);
    if (mimeType != null) {
      String sub = mimeType.substring(mimeType.indexOf('/') + 1).toLowerCase(Locale.ROOT);
      return switch (sub) {
        case "quicktime" -> "mov";
        case "mpeg" -> "mp3";
        case "jpeg" -> "jpg";
        case "x-matroska" -> "mkv";
        case "x-msvideo" -> "avi";
        case "mp4a-latm", "x-m4a" -> "m4a";
        default -> sub;
      };
    }
    return "";
  }

  private static String safeName(String name) {
    String base = Path.of(name.replace('\\', '/')).getFileName() == null ? "file" : Path.of(name.replace('\\', '/')).getFileName().toString();
    return base.replaceAll("[^\\p{L}\\p{N}._ -]", "_");
  }

  private static <T> List<T> with(List<T> list, T item) {
    List<T> out = new ArrayList<>(list);
    out.add(item);
    return out;
  }

  private void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
      Path dir = file.getParent();
      if (dir != null && !dir.equals(workDir) && dir.getFileName().toString().startsWith("in-")) Files.deleteIfExists(dir);
    } catch (IOException e) {
      log.warn("temporary file not deleted: {}", e.toString());
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static ExecutorService pool(String name, int threads) {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads(name));
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  private static ThreadFactory threads(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Everything but the backend and the directory has a default. */
  public static final class Builder {
    private NemoClient nemo;
    private UserDirectory directory;
    private String operatorToken;
    private boolean operatorTokenSet;
    private Path workDir;
    private long maxFileBytes = 500L * 1024 * 1024;
    private Duration renderTimeout = Duration.ofMinutes(20);
    private PollSchedule pollSchedule = PollSchedule.DEFAULT;
    private Clock clock = Clock.systemUTC();
    private ScheduledExecutorService scheduler;
    private int portThreads = 16;
    private int backendThreads = 32;
    private Duration dropCheckDelay = Duration.ofSeconds(30);
    private Duration dropCheckInterval = Duration.ofSeconds(60);
    private int dropChecks = 5;
    private Duration silenceNotice = Duration.ofSeconds(20);
    private Duration chatActionInterval = Duration.ofMillis(4500);
    private Duration tick = Duration.ofSeconds(1);

    private Builder() {}

    public Builder nemo(NemoClient nemo) { this.nemo = nemo; return this; }
    public Builder directory(UserDirectory directory) { this.directory = directory; return this; }
    /** Shared by everyone (each still gets their own session); null for none. Not called: {@code NEMO_TOKEN}. */
    public Builder operatorToken(String token) { this.operatorToken = token; this.operatorTokenSet = true; return this; }
    /** Where downloads wait for upload or delivery; a temporary directory by default. */
    public Builder workDir(Path dir) { this.workDir = dir; return this; }
    /** Largest file accepted from a person; default 500 MB. */
    public Builder maxFileBytes(long bytes) { this.maxFileBytes = bytes; return this; }
    /** Longest wait for a render; default 20 minutes. */
    public Builder renderTimeout(Duration timeout) { this.renderTimeout = timeout; return this; }
    /** Render polls: 2 s growing to 15 s by default. */
    public Builder renderPollSchedule(PollSchedule schedule) { this.pollSchedule = schedule; return this; }
    public Builder clock(Clock clock) { this.clock = clock; return this; }
    /** A shared scheduler for timers (not shut down by {@link #close()}); one of its own by default. */
    public Builder scheduler(ScheduledExecutorService scheduler) { this.scheduler = scheduler; return this; }
    /** Threads for platform calls; default 16. */
    public Builder portThreads(int threads) { this.portThreads = threads; return this; }
    /** Threads for blocking backend calls (a chat turn's stream holds none); default 32. */
    public Builder backendThreads(int threads) { this.backendThreads = threads; return this; }
    /** After a dropped stream: first state check after {@code first} (30 s), then every {@code every} (60 s), {@code checks} times (5). */
    public Builder dropChecks(Duration first, Duration every, int checks) {
      this.dropCheckDelay = first; this.dropCheckInterval = every; this.dropChecks = checks; return this;
    }
    /** Backend silence after which the status says "still working"; default 20 s. */
    public Builder silenceNotice(Duration silence) { this.silenceNotice = silence; return this; }
    /** How often the chat action is repeated; default 4.5 s. */
    public Builder chatActionInterval(Duration interval) { this.chatActionInterval = interval; return this; }
    /** How often progress is refreshed (elapsed time); default 1 s. */
    public Builder progressTick(Duration tick) { this.tick = tick; return this; }

    public ConversationEngine build() {
      return new ConversationEngine(this);
    }
  }
}
