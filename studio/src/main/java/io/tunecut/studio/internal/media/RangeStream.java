package io.tunecut.studio.internal.media;

import java.io.IOException;
import java.io.InputStream;

/**
 * Opens its file at the first read, from where the skips before it led: a Range request
 * answered from S3 fetches only the asked part.
 */
final class RangeStream extends InputStream {
  private final MediaStore.Reader reader;
  private long offset;
  private InputStream in;

  RangeStream(MediaStore.Reader reader) {
    this.reader = reader;
  }

  @Override
  public long skip(long n) throws IOException {
    if (in != null) return in.skip(n);
    if (n <= 0) return 0;
    offset += n;
    return n;
  }

  private InputStream in() throws IOException {
    if (in == null) in = reader.from(offset);
    return in;
  }

  @Override
  public int read() throws IOException {
    return in().read();
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    return in().read(b, off, len);
  }

  @Override
  public void close() throws IOException {
    if (in != null) in.close();
  }
}
