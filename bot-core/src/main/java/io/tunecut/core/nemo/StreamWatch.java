package io.tunecut.core.nemo;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;

/**
 * Sees every byte of a chat stream as it is read: keep-alive comments count as signs of life
 * (okhttp-sse drops them silently), and a stream past its size cap fails instead of filling
 * the heap. Attached to a request as its tag.
 */
interface StreamWatch {
  /** A chat stream larger than this is broken, not chatty. */
  long MAX_STREAM_BYTES = 32L * 1024 * 1024;

  void received(long bytes);

  /** Wraps the body of responses whose request carries a {@link StreamWatch} tag. */
  Interceptor INTERCEPTOR = chain -> {
    Response response = chain.proceed(chain.request());
    StreamWatch watch = chain.request().tag(StreamWatch.class);
    if (watch == null) {
      return response;
    }
    return response.newBuilder().body(new WatchedBody(response.body(), watch)).build();
  };

  final class WatchedBody extends ResponseBody {
    private final ResponseBody delegate;
    private final BufferedSource source;

    WatchedBody(ResponseBody delegate, StreamWatch watch) {
      this.delegate = delegate;
      this.source = Okio.buffer(new ForwardingSource(delegate.source()) {
        private long total;

        @Override
        public long read(Buffer sink, long byteCount) throws IOException {
          long read = super.read(sink, byteCount);
          if (read > 0) {
            total += read;
            if (total > MAX_STREAM_BYTES) {
              throw new IOException("the chat stream passed " + (MAX_STREAM_BYTES >> 20) + " MB");
            }
            watch.received(read);
          }
          return read;
        }
      });
    }

    @Override
    public MediaType contentType() {
      return delegate.contentType();
    }

    @Override
    public long contentLength() {
      return delegate.contentLength();
    }

    @Override
    public BufferedSource source() {
      return source;
    }
  }
}
