package io.tunecut.studio.internal.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Fetches a file for a URL upload: http and https only, at most five redirects, the body
 * streamed to disk under the size cap, connect and total time bounded. Unless allowed, every
 * address the fetch would connect to must be public: each name is resolved and all its
 * addresses checked, literal addresses are checked, and so is every redirect, before any
 * connection is made.
 */
public final class UrlFetcher {
  private static final int MAX_REDIRECTS = 5;

  private final OkHttpClient client;
  private final Predicate<InetAddress> allowed;

  /** What was fetched: the name the URL suggests and the content type the server gave. */
  public record Fetched(String filename, String contentType, StoredFile file) {}

  public UrlFetcher(boolean allowPrivate, Duration connectTimeout, Duration totalTimeout) {
    this(allowPrivate ? a -> true : UrlFetcher::isPublic, connectTimeout, totalTimeout);
  }

  /** @param allowed which addresses may be connected to */
  public UrlFetcher(Predicate<InetAddress> allowed, Duration connectTimeout, Duration totalTimeout) {
    this.allowed = allowed;
    this.client = new OkHttpClient.Builder()
        .connectTimeout(connectTimeout)
        .readTimeout(connectTimeout.multipliedBy(3))
        .callTimeout(totalTimeout)
        .followRedirects(false)
        .followSslRedirects(false)
        .retryOnConnectionFailure(false)
        .dns(this::lookup)
        .addNetworkInterceptor(chain -> {
          // A last guard: the address actually connected to.
          Socket socket = chain.connection() == null ? null : chain.connection().socket();
          if (socket != null && !allowed.test(socket.getInetAddress())) {
            throw new RefusedAddressException(chain.request().url().host());
          }
          return chain.proceed(chain.request());
        })
        .build();
  }

  public Fetched fetch(String url, Path target, long maxBytes) throws IntakeException, UploadTooLargeException {
    HttpUrl current = parse(url);
    HttpUrl first = current;
    try {
      for (int hop = 0; ; hop++) {
        checkLiteral(current);
        Request request = new Request.Builder().url(current).header("User-Agent", "tunecut-studio").build();
        try (Response response = client.newCall(request).execute()) {
          if (response.isRedirect()) {
            String location = response.header("Location");
            HttpUrl next = location == null ? null : current.resolve(location);
            if (next == null) throw new IntakeException("could not fetch " + redact(first) + ": a redirect without a target");
            if (!next.scheme().equals("http") && !next.scheme().equals("https")) {
              throw new IntakeException("only http and https URLs can be uploaded");
            }
            if (hop >= MAX_REDIRECTS) throw new IntakeException("could not fetch " + redact(first) + ": too many redirects");
            current = next;
            continue;
          }
          if (!response.isSuccessful()) {
            throw new IntakeException("could not fetch " + redact(first) + ": the server answered HTTP " + response.code());
          }
          long declared = response.body().contentLength();
          if (declared > maxBytes) throw new UploadTooLargeException(maxBytes);
          StoredFile stored;
          try (InputStream in = response.body().byteStream()) {
            stored = StoredFile.write(in, target, maxBytes);
          }
          List<String> segments = current.pathSegments();
          String name = segments.isEmpty() ? "" : segments.get(segments.size() - 1);
          return new Fetched(name, response.header("Content-Type"), stored);
        }
      }
    } catch (RefusedAddressException e) {
      throw refused(e.host);
    } catch (InterruptedIOException e) {
      throw new IntakeException("fetching " + redact(first) + " took too long");
    } catch (IOException e) {
      throw new IntakeException("could not fetch " + redact(first) + ": " + e.getMessage());
    }
  }

  private void checkLiteral(HttpUrl url) throws IntakeException {
    String host = url.host();
    if (!looksLikeIp(host)) return;
    try {
      if (!allowed.test(InetAddress.getByName(host))) throw refused(host);
    } catch (UnknownHostException e) {
      throw new IntakeException("cannot resolve " + host);
    }
  }

  private static HttpUrl parse(String url) throws IntakeException {
    if (url == null || url.isBlank()) throw new IntakeException("an empty URL");
    String u = url.strip();
    int colon = u.indexOf(':');
    String scheme = colon < 0 ? "" : u.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IntakeException("only http and https URLs can be uploaded");
    }
    HttpUrl parsed = HttpUrl.parse(u);
    if (parsed == null) throw new IntakeException("not a valid URL");
    return parsed;
  }

  private List<InetAddress> lookup(String host) throws UnknownHostException {
    List<InetAddress> all = Dns.SYSTEM.lookup(host);
    for (InetAddress a : all) {
      if (!allowed.test(a)) throw new RefusedAddressException(host);
    }
    return all;
  }

  /** True for an address on the public internet. */
  public static boolean isPublic(InetAddress a) {
    if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
        || a.isMulticastAddress()) {
      return false;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet6Address) {
      if ((b[0] & 0xfe) == 0xfc) return false; // unique local fc00::/7
      boolean mapped = true;
      for (int i = 0; i < 10; i++) mapped &= b[i] == 0;
      if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
        try {
          return isPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
        } catch (UnknownHostException e) {
          return false;
        }
      }
      return true;
    }
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    if (first == 0 || first == 127 || first >= 240) return false;
    if (first == 100 && second >= 64 && second < 128) return false; // carrier-grade NAT
    if (first == 169 && second == 254) return false;
    if (first == 192 && second == 0 && (b[2] & 0xff) == 0) return false;
    if (first == 198 && (second == 18 || second == 19)) return false;
    return true;
  }

  private static boolean looksLikeIp(String host) {
    return host.contains(":") || host.matches("[0-9.]+");
  }

  private static IntakeException refused(String host) {
    return new IntakeException("URL uploads from " + host
        + " are not allowed: it is a loopback, private or link-local address");
  }

  /** The URL without its query, which may carry someone's credentials. */
  private static String redact(HttpUrl url) {
    return url.scheme() + "://" + url.host() + url.encodedPath();
  }

  private static final class RefusedAddressException extends UnknownHostException {
    final String host;

    RefusedAddressException(String host) {
      super("refused address for " + host);
      this.host = host;
    }
  }
}
