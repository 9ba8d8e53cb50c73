package io.tunecut.studio.intake;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads a multipart/form-data body part by part, straight from the request stream: a part's
 * bytes are handed on as they arrive and never held whole in memory.
 */
public final class MultipartStream {
  private static final int MAX_HEADER_BYTES = 16 * 1024;

  private final InputStream in;
  private final byte[] delimiter;
  private final byte[] buf = new byte[64 * 1024];
  private int pos;
  private int lim;
  private boolean finished;
  private PartBody current;

  /** One part: its form field name, the file name the client gave (maybe null), and its bytes. */
  public record Part(String name, String filename, String contentType, InputStream body) {}

  private MultipartStream(InputStream in, String boundary) {
    this.in = in;
    this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    // The first delimiter has no CRLF before it: pretend it had.
    buf[0] = '\r';
    buf[1] = '\n';
    lim = 2;
  }

  /** @throws IOException when the content type is not multipart with a boundary */
  public static MultipartStream of(InputStream in, String contentType) throws IOException {
    String boundary = parameter(contentType, "boundary");
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")
        || boundary == null || boundary.isEmpty() || boundary.length() > 200) {
      throw new IOException("expected a multipart/form-data body with a boundary");
    }
    MultipartStream m = new MultipartStream(in, boundary);
    m.current = m.new PartBody();
    m.current.drain(); // the preamble
    return m;
  }

  /** The next part, or null after the last. The previous part's unread bytes are skipped. */
  public Part next() throws IOException {
    if (finished) return null;
    if (current != null) current.drain();
    int a = readRaw();
    int b = readRaw();
    if (a == '-' && b == '-') {
      finished = true;
      return null;
    }
    while (a == ' ' || a == '\t') {
      a = b;
      b = readRaw();
    }
    if (a != '\r' || b != '\n') throw new IOException("malformed multipart body");
    String name = null;
    String filename = null;
    String type = null;
    int total = 0;
    for (String line = headerLine(); !line.isEmpty(); line = headerLine()) {
      total += line.length();
      if (total > MAX_HEADER_BYTES) throw new IOException("multipart headers too long");
      int colon = line.indexOf(':');
      if (colon < 0) continue;
      String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).strip();
      if (key.equals("content-disposition")) {
        name = parameter(value, "name");
        filename = parameter(value, "filename");
        String extended = parameter(value, "filename*");
        if (extended != null) {
          int quote = extended.indexOf("''");
          if (quote >= 0) {
            try {
              filename = URLDecoder.decode(extended.substring(quote + 2).replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException ignored) {
              // keep the plain filename
            }
          }
        }
      } else if (key.equals("content-type")) {
        type = value;
      }
    }
    current = new PartBody();
    return new Part(name, filename, type, current);
  }

  private String headerLine() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      int c = readRaw();
      if (c == '\r') {
        int d = readRaw();
        if (d == '\n') break;
        line.write(c);
        line.write(d);
      } else {
        line.write(c);
      }
      if (line.size() > MAX_HEADER_BYTES) throw new IOException("multipart headers too long");
    }
    return line.toString(StandardCharsets.UTF_8);
  }

  private int readRaw() throws IOException {
    if (pos == lim) {
      lim = in.read(buf, 0, buf.length);
      pos = 0;
      if (lim <= 0) {
        lim = 0;
        throw new EOFException("the upload ended before the multipart body was complete");
      }
    }
    return buf[pos++] & 0xff;
  }

  /** A part's bytes up to (not including) the next delimiter. */
  private final class PartBody extends InputStream {
    private int pendingPos;
    private int pendingLen;
    private int unread = -1;
    private boolean done;

    @Override
    public int read() throws IOException {
      if (pendingPos < pendingLen) return delimiter[pendingPos++] & 0xff;
      if (done) return -1;
      int matched = 0;
      while (true) {
        int b;
        if (unread >= 0) {
          b = unread;
          unread = -1;
        } else {
          b = readRaw();
        }
        if (b == (delimiter[matched] & 0xff)) {
          if (++matched == delimiter.length) {
            done = true;
            return -1;
          }
        } else if (matched == 0) {
          return b;
        } else {
          // The delimiter's first byte (CR) occurs nowhere else in it, so the bytes matched so
          // far are plain data and only b can start a new match.
          pendingPos = 1;
          pendingLen = matched;
          unread = b;
          return delimiter[0] & 0xff;
        }
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) return 0;
      int n = 0;
      while (n < len) {
        // Fast path: copy plain bytes straight from the buffer up to the next CR.
        if (pendingPos >= pendingLen && unread < 0 && !done && pos < lim && buf[pos] != '\r') {
          int end = pos;
          int max = Math.min(lim, pos + (len - n));
          while (end < max && buf[end] != '\r') end++;
          System.arraycopy(buf, pos, b, off + n, end - pos);
          n += end - pos;
          pos = end;
          continue;
        }
        int c = read();
        if (c < 0) return n == 0 ? -1 : n;
        b[off + n++] = (byte) c;
        if (pos == lim && n > 0 && pendingPos >= pendingLen && unread < 0) break;
      }
      return n;
    }

    void drain() throws IOException {
      byte[] skip = new byte[8192];
      while (read(skip, 0, skip.length) >= 0) {
        // discard
      }
    }
  }

  /** A parameter of a header value such as {@code form-data; name="files"; filename="a.mp4"}. */
  static String parameter(String header, String name) {
    if (header == null) return null;
    int i = 0;
    int n = header.length();
    while (i < n) {
      int semi = header.indexOf(';', i);
      if (semi < 0) return null;
      i = semi + 1;
      while (i < n && header.charAt(i) == ' ') i++;
      int eq = header.indexOf('=', i);
      if (eq < 0) return null;
      String key = header.substring(i, eq).strip();
      i = eq + 1;
      String value;
      if (i < n && header.charAt(i) == '"') {
        StringBuilder sb = new StringBuilder();
        i++;
        while (i < n && header.charAt(i) != '"') {
          char c = header.charAt(i);
          if (c == '\\' && i + 1 < n) c = header.charAt(++i);
          sb.append(c);
          i++;
        }
        i++;
        value = sb.toString();
      } else {
        int end = header.indexOf(';', i);
        if (end < 0) end = n;
        value = header.substring(i, end).strip();
        i = end;
      }
      if (key.equalsIgnoreCase(name)) return value;
    }
    return null;
  }
}
