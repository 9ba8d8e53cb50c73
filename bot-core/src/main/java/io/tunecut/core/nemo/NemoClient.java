package io.tunecut.core.nemo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import okhttp3.OkHttpClient;

/**
 * A client of the NemoVideo protocol (docs: nemo-protocol.md), for the cloud or our studio
 * alike. Thread-safe; one instance serves every user. Every call sends the attribution
 * headers; every call but {@link #anonymousToken} sends the bearer token from the given
 * {@link TokenSource}, renewing it once on 1001. A 429 is retried once after
 * {@link Builder#rateLimitDelay}. Nothing else is retried: above all, a chat message is never
 * sent twice.
 */
public final class NemoClient {

  // Skeleton: the protocol-client work fills this in without changing the signatures below.

  public static Builder builder() {
    return new Builder();
  }

  /** {@code POST /api/auth/anonymous-token} with {@code X-Client-Id}. */
  public AnonymousToken anonymousToken(String clientId) throws IOException {
    throw new UnsupportedOperationException();
  }

  /** {@code POST /api/tasks/me/with-session/nemo_agent}. */
  public NemoSession createSession(TokenSource auth, String language) throws IOException {
    throw new UnsupportedOperationException();
  }

  /**
   * {@code POST /run_sse}: sends {@code text} once and streams the answer to {@code listener}.
   * The future completes when the server closes the stream, or exceptionally with a
   * {@link NemoException} (an error event, a silence longer than the silence timeout, the turn
   * limit, a dropped stream — then the message may or may not have been applied and must not
   * be re-sent). Cancelling the future cancels the stream.
   */
  public CompletableFuture<TurnResult> runTurn(TokenSource auth, String sessionId, String text, TurnListener listener) {
    throw new UnsupportedOperationException();
  }

  /** Multipart upload of local files, one part named {@code files} each. */
  public List<UploadedFile> upload(TokenSource auth, String sessionId, List<Path> files) throws IOException {
    throw new UnsupportedOperationException();
  }

  /** Upload by URL: {@code {"urls":[…],"source_type":"url"}}. */
  public List<UploadedFile> uploadUrls(TokenSource auth, String sessionId, List<URI> urls) throws IOException {
    throw new UnsupportedOperationException();
  }

  /** {@code GET /api/credits/balance/simple}. */
  public Credits credits(TokenSource auth) throws IOException {
    throw new UnsupportedOperationException();
  }

  /** {@code GET /api/state/nemo_agent/me/<sid>/latest}. */
  public SessionState state(TokenSource auth, String sessionId) throws IOException {
    throw new UnsupportedOperationException();
  }

  /** {@code POST /api/render/proxy/lambda}; the returned status may be a bare PENDING when the backend said nothing. */
  public RenderStatus startRender(TokenSource auth, String renderId, String sessionId, JsonNode draft) throws IOException {
    throw new UnsupportedOperationException();
  }

  /** {@code GET /api/render/proxy/lambda/<id>}. */
  public RenderStatus renderStatus(TokenSource auth, String renderId) throws IOException {
    throw new UnsupportedOperationException();
  }

  /** {@code POST /api/render/proxy/lambda/<id>/cancel}; a backend without it is not an error. */
  public void cancelRender(TokenSource auth, String renderId) throws IOException {
    throw new UnsupportedOperationException();
  }

  /**
   * Streams a finished render to {@code target}: from {@code outputUrl} when given and
   * reachable, else from {@code GET /api/render/proxy/<id>/download} with the token.
   * Refuses (and deletes the partial file) past {@code maxBytes}.
   */
  public void downloadRender(TokenSource auth, String renderId, String outputUrl, Path target, long maxBytes) throws IOException {
    throw new UnsupportedOperationException();
  }

  public static final class Builder {
    /** Default: the NemoVideo cloud. */
    public Builder baseUrl(String baseUrl) { return this; }
    /** A shared client (its connection pool and dispatcher are reused). */
    public Builder okHttpClient(OkHttpClient client) { return this; }
    /** X-Skill-Source / X-Skill-Version / X-Skill-Platform. */
    public Builder attribution(String source, String version, String platform) { return this; }
    /** Delay before the one retry of a 429; default 30 s. */
    public Builder rateLimitDelay(Duration delay) { return this; }
    /** Longest silence in a chat turn before it fails; default 2 min. */
    public Builder silenceTimeout(Duration timeout) { return this; }
    /** Longest chat turn; default 15 min. */
    public Builder turnLimit(Duration limit) { return this; }
    /** Concurrent chat turns the client carries; default 1,024. */
    public Builder maxConcurrentTurns(int turns) { return this; }

    public NemoClient build() {
      return new NemoClient();
    }
  }
}
