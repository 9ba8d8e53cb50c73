package io.tunecut.core.nemo;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;

/**
 * One chat turn over SSE. The message is sent once; the only second attempt is after the
 * backend refused it before any stream opened (1001 after renewing the token, or 429 after
 * the delay: {@link Retries}), which is the protocol's own retry and cannot apply the message
 * twice. The wait runs on the client's scheduler, never on a sleeping thread.
 */
final class TurnCall {
  private final EventSource.Factory factory;
  private final Function<String, Request> request;
  private final TurnListener listener;
  private final ScheduledExecutorService scheduler;
  private final Duration silenceTimeout;
  private final Duration turnLimit;
  final CompletableFuture<TurnResult> future = new CompletableFuture<>();
  private final AtomicReference<EventSource> current = new AtomicReference<>();
  private final Retries retries;
  private volatile ScheduledFuture<?> limit;
  private volatile CompletableFuture<TurnResult> attempts;

  TurnCall(EventSource.Factory factory, Function<String, Request> request, TokenSource auth, TurnListener listener,
      ScheduledExecutorService scheduler, Duration rateLimitDelay, Duration maxRateLimitWait, Duration silenceTimeout,
      Duration turnLimit) {
    this.factory = factory;
    this.request = request;
    this.listener = listener == null ? new TurnListener() {} : listener;
    this.scheduler = scheduler;
    this.silenceTimeout = silenceTimeout;
    this.turnLimit = turnLimit;
    this.retries = new Retries("chat turn", auth, rateLimitDelay, maxRateLimitWait,
        failure -> failure instanceof Refused r ? r.refusal : null).onWait(this.listener::onRateLimited);
    future.whenComplete((result, failure) -> stop());
  }

  CompletableFuture<TurnResult> start() {
    try {
      retries.fetchToken();
    } catch (IOException | RuntimeException e) {
      future.completeExceptionally(e);
      return future;
    }
    limit = scheduler.schedule(() -> future.completeExceptionally(new TurnInterruptedException(
        TurnInterruptedException.Reason.TOO_LONG,
        "the chat turn ran past the turn limit of " + describe(turnLimit)
            + "; the message may have been applied: read the state, do not re-send it", null)),
        turnLimit.toMillis(), TimeUnit.MILLISECONDS);
    attempts = retries.<TurnResult>policies().with(scheduler).getStageAsync(attempt -> connect(retries.token(attempt)));
    attempts.whenComplete((result, failure) -> {
      if (failure == null) {
        future.complete(result);
      } else {
        future.completeExceptionally(retries.explain(failure));
      }
    });
    if (future.isDone()) {
      attempts.cancel(false);
    }
    return future;
  }

  /** Sends the message once; the stage fails with {@link Refused} when the backend refused it unread. */
  private CompletableFuture<TurnResult> connect(String token) {
    Attempt attempt = new Attempt(new TurnReader(listener, token), token);
    if (future.isDone()) {
      return attempt.result;
    }
    Request built = request.apply(token).newBuilder().tag(StreamWatch.class, attempt).build();
    EventSource source = factory.newEventSource(built, attempt);
    current.set(source);
    if (future.isDone()) {
      source.cancel();
    }
    return attempt.result;
  }

  /** A refusal before any stream opened: the message was not taken, so the protocol may send it again. */
  private static final class Refused extends RuntimeException {
    final NemoException refusal;

    Refused(NemoException refusal) {
      super(refusal.getMessage(), refusal, false, false);
      this.refusal = refusal;
    }
  }

  private void stop() {
    EventSource source = current.get();
    if (source != null) {
      source.cancel();
    }
    ScheduledFuture<?> l = limit;
    if (l != null) {
      l.cancel(false);
    }
    CompletableFuture<TurnResult> a = attempts;
    if (a != null) {
      a.cancel(false);
    }
  }

  private static String describe(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds >= 60 && seconds % 60 == 0) {
      return (seconds / 60) + " min";
    }
    return seconds >= 1 ? seconds + " s" : duration.toMillis() + " ms";
  }

  /** One request of the turn; its events, its failure. */
  private final class Attempt extends EventSourceListener implements StreamWatch {
    private final TurnReader reader;
    private final String token;
    final CompletableFuture<TurnResult> result = new CompletableFuture<>();
    private volatile boolean opened;

    Attempt(TurnReader reader, String token) {
      this.reader = reader;
      this.token = token;
    }

    @Override
    public void received(long bytes) {
      if (opened && !future.isDone()) {
        reader.alive();
      }
    }

    @Override
    public void onOpen(EventSource source, Response response) {
      opened = true;
    }

    @Override
    public void onEvent(EventSource source, String id, String type, String data) {
      if (future.isDone()) {
        return;
      }
      try {
        reader.accept(data);
      } catch (NemoException e) {
        result.completeExceptionally(e);
      }
    }

    @Override
    public void onClosed(EventSource source) {
      result.complete(reader.result());
    }

    @Override
    public void onFailure(EventSource source, Throwable t, Response response) {
      if (future.isDone()) {
        return;
      }
      if (!opened && response != null) {
        refused(response);
        return;
      }
      result.completeExceptionally(interrupted(t));
    }

    /** The backend answered without opening a stream: the message was refused, or answered whole. */
    private void refused(Response response) {
      NemoException failure;
      try {
        byte[] bytes = Answers.readCapped(response.body(), "chat turn", response.code());
        if (response.isSuccessful()) {
          if (answerWhole(new String(bytes, StandardCharsets.UTF_8), response.code())) {
            return;
          }
          failure = new NemoException(0, response.code(), "chat turn: the backend answered with neither an event"
              + " stream nor JSON (" + response.header("Content-Type", "no content type") + ")");
        } else {
          failure = Answers.refusal(response, Answers.parse(bytes), "chat turn", token);
        }
      } catch (NemoException e) {
        failure = e;
      } catch (IOException e) {
        failure = new NemoException(0, response.code(), "chat turn: the backend's answer broke off: " + e, e);
      }
      result.completeExceptionally(new Refused(failure));
    }

    /** Tolerates a plain JSON answer or an event stream sent with another content type. */
    private boolean answerWhole(String body, int status) throws NemoException {
      String trimmed = body.stripLeading();
      if (trimmed.startsWith("data:") || trimmed.startsWith(":") || trimmed.startsWith("event:")) {
        // A stream after all: whatever it says, the message was taken, so no retry from here.
        try {
          for (String line : body.split("\r?\n")) {
            if (line.startsWith("data:")) {
              reader.accept(line.substring(5).stripLeading());
            }
          }
          result.complete(reader.result());
        } catch (NemoException e) {
          result.completeExceptionally(e);
        }
        return true;
      }
      var json = Answers.parse(body);
      if (json == null) {
        return false;
      }
      reader.accept(Answers.unwrap(json, status, "chat turn", token).toString());
      result.complete(reader.result());
      return true;
    }

    private NemoException interrupted(Throwable t) {
      if (!opened && (t instanceof ConnectException || t instanceof UnknownHostException)) {
        return new NemoException(0, 0, "chat turn: could not reach the backend (" + t.getMessage()
            + "); the message was not sent", t);
      }
      if (t instanceof SocketTimeoutException
          || (t instanceof InterruptedIOException && "timeout".equals(t.getMessage()))) {
        return new TurnInterruptedException(TurnInterruptedException.Reason.SILENT,
            "chat turn: no word from the backend for " + describe(silenceTimeout)
                + "; the message may have been applied: read the state, do not re-send it", t);
      }
      String why = t == null ? "no reason given" : Redaction.clean(String.valueOf(t.getMessage()), token);
      return new TurnInterruptedException(TurnInterruptedException.Reason.DROPPED,
          "chat turn: the stream " + (opened ? "dropped mid-turn" : "broke before it opened") + " (" + why
              + "); the message may have been applied: read the state, do not re-send it", t);
    }
  }

  static EventSource.Factory factory(okhttp3.OkHttpClient client) {
    return EventSources.createFactory(client);
  }
}
