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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One chat turn over SSE. The message is sent once; the only second attempt is after the
 * backend refused it before any stream opened (1001 after renewing the token, or 429 after
 * the delay), which is the protocol's own retry and cannot apply the message twice.
 */
final class TurnCall {
  private static final Logger log = LoggerFactory.getLogger(TurnCall.class);

  private final EventSource.Factory factory;
  private final Function<String, Request> request;
  private final TokenSource auth;
  private final TurnListener listener;
  private final ScheduledExecutorService scheduler;
  private final Duration rateLimitDelay;
  private final Duration silenceTimeout;
  private final Duration turnLimit;
  final CompletableFuture<TurnResult> future = new CompletableFuture<>();
  private final AtomicReference<EventSource> current = new AtomicReference<>();
  private volatile ScheduledFuture<?> limit;
  private volatile ScheduledFuture<?> retry;
  private volatile String token;
  private boolean renewed;
  private boolean waited;

  TurnCall(EventSource.Factory factory, Function<String, Request> request, TokenSource auth, TurnListener listener,
      ScheduledExecutorService scheduler, Duration rateLimitDelay, Duration silenceTimeout, Duration turnLimit) {
    this.factory = factory;
    this.request = request;
    this.auth = auth;
    this.listener = listener == null ? new TurnListener() {} : listener;
    this.scheduler = scheduler;
    this.rateLimitDelay = rateLimitDelay;
    this.silenceTimeout = silenceTimeout;
    this.turnLimit = turnLimit;
    future.whenComplete((result, failure) -> stop());
  }

  CompletableFuture<TurnResult> start() {
    try {
      token = auth.token();
    } catch (IOException | RuntimeException e) {
      future.completeExceptionally(e);
      return future;
    }
    limit = scheduler.schedule(() -> future.completeExceptionally(new TurnInterruptedException(
        TurnInterruptedException.Reason.TOO_LONG,
        "the chat turn ran past the turn limit of " + describe(turnLimit)
            + "; the message may have been applied: read the state, do not re-send it", null)),
        turnLimit.toMillis(), TimeUnit.MILLISECONDS);
    connect();
    return future;
  }

  private void connect() {
    if (future.isDone()) {
      return;
    }
    Attempt attempt = new Attempt(new TurnReader(listener, token));
    Request built = request.apply(token).newBuilder().tag(StreamWatch.class, attempt).build();
    EventSource source = factory.newEventSource(built, attempt);
    current.set(source);
    if (future.isDone()) {
      source.cancel();
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
    ScheduledFuture<?> r = retry;
    if (r != null) {
      r.cancel(false);
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
    private volatile boolean opened;

    Attempt(TurnReader reader) {
      this.reader = reader;
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
        future.completeExceptionally(e);
      }
    }

    @Override
    public void onClosed(EventSource source) {
      future.complete(reader.result());
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
      future.completeExceptionally(interrupted(t));
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
          failure = Answers.failure(Answers.parse(bytes), response.code(), "chat turn", token);
        }
      } catch (NemoException e) {
        failure = e;
      } catch (IOException e) {
        failure = new NemoException(0, response.code(), "chat turn: the backend's answer broke off: " + e, e);
      }
      retryOrFail(failure);
    }

    /** Tolerates a plain JSON answer or an event stream sent with another content type. */
    private boolean answerWhole(String body, int status) throws NemoException {
      String trimmed = body.stripLeading();
      if (trimmed.startsWith("data:") || trimmed.startsWith(":") || trimmed.startsWith("event:")) {
        for (String line : body.split("\r?\n")) {
          if (line.startsWith("data:")) {
            reader.accept(line.substring(5).stripLeading());
          }
        }
        future.complete(reader.result());
        return true;
      }
      var json = Answers.parse(body);
      if (json == null) {
        return false;
      }
      reader.accept(Answers.unwrap(json, status, "chat turn", token).toString());
      future.complete(reader.result());
      return true;
    }

    private void retryOrFail(NemoException failure) {
      if (failure.code() == NemoException.TOKEN_INVALID && !renewed) {
        renewed = true;
        log.info("chat turn: the token was refused before the stream opened; renewing it and sending once more");
        try {
          token = auth.renew();
        } catch (IOException | RuntimeException e) {
          future.completeExceptionally(e);
          return;
        }
        connect();
        return;
      }
      if (failure.httpStatus() == 429 && !waited) {
        waited = true;
        log.info("chat turn: rate-limited before the stream opened; sending once more in {}", describe(rateLimitDelay));
        retry = scheduler.schedule(TurnCall.this::connect, rateLimitDelay.toMillis(), TimeUnit.MILLISECONDS);
        if (future.isDone()) {
          retry.cancel(false);
        }
        return;
      }
      if (failure.code() == NemoException.TOKEN_INVALID && renewed) {
        failure = new NemoException(failure.code(), failure.httpStatus(),
            failure.getMessage() + "; refused again with a renewed token");
      } else if (failure.httpStatus() == 429 && waited) {
        failure = new NemoException(failure.code(), 429,
            failure.getMessage() + "; still rate-limited after waiting " + describe(rateLimitDelay));
      }
      future.completeExceptionally(failure);
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
