package io.tunecut.studio.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import okhttp3.Call;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Fetches a file for a URL upload: http and https only, redirects followed (at most five),
 * the body streamed to disk under the size cap, connect and total time bounded. Unless
 * allowed, every address the fetch would connect to (each name resolved, each redirect) must
 * be public: loopback, private, link-local, multicast and unspecified addresses are refused.
 */
public final class UrlFetcher {
  private final OkHttpClient client;
  private final boolean allowPrivate;

  /** What was fetched: the name the URL suggests and the content type the server gave. */
  public record Fetched(String filename, String contentType, StoredFile file) {}

  public UrlFetcher(boolean allowPrivate, Duration connectTimeout, Duration totalTimeout) {
    this.allowPrivate = allowPrivate;
    this.client = new OkHttpClient.Builder()
        .connectTimeout(connectTimeout)
        .readTimeout(connectTimeout.multipliedBy(3))
        .callTimeout(totalTimeout)
        .followRedirects(true)
        .followSslRedirects(true)
        .retryOnConnectionFailure(false)
        .dns(this::lookup)
        .addNetworkInterceptor(chain -> {
          // Literal IP hosts skip the DNS hook: check the address actually connected to.
          Socket socket = chain.connection() == null ? null : chain.connection().socket();
          if (socket != null && !allowPrivate && !isPublic(socket.getInetAddress())) {
            throw new RefusedAddressException(chain.request().url().host());
          }
          HttpUrl url = chain.request().url();
          if (!url.scheme().equals("http") && !url.scheme().equals("https")) {
            throw new RefusedAddressException(url.host());
          }
          return chain.proceed(chain.request());
        })
        .build();
  }

  public Fetched fetch(String url, Path target, long maxBytes)
      throws IntakeException, UploadTooLargeException {
    HttpUrl parsed = parse(url);
    if (!allowPrivate) {
      // Refuse literal private addresses before any connection is made.
      String host = parsed.host();
      if (looksLikeIp(host)) {
        try {
          if (!isPublic(InetAddress.getByName(host))) throw refused(host);
        } catch (UnknownHostException e) {
          throw new IntakeException("cannot resolve " + host);
        }
      }
    }
    Call call = client.newCall(new Request.Builder().url(parsed).header("User-Agent", "tunecut-studio").build());
    try (Response response = call.execute()) {
      if (!response.isSuccessful()) {
        throw new IntakeException("could not fetch " + redact(parsed) + ": the server answered HTTP " + response.code());
      }
      long declared = response.body().contentLength();
      if (declared > maxBytes) throw new UploadTooLargeException(maxBytes);
      StoredFile stored;
      try (InputStream in = response.body().byteStream()) {
        stored = StoredFile.write(in, target, maxBytes);
      }
      HttpUrl last = response.request().url();
      List<String> segments = last.pathSegments();
      String name = segments.isEmpty() ? "" : segments.get(segments.size() - 1);
      return new Fetched(name, response.header("Content-Type"), stored);
    } catch (RefusedAddressException e) {
      throw refused(e.host);
    } catch (InterruptedIOException e) {
      throw new IntakeException("fetching " + redact(parsed) + " took too long");
    } catch (IOException e) {
      throw new IntakeException("could not fetch " + redact(parsed) + ": " + e.getMessage());
    }
  }

  private static HttpUrl parse(String url) throws IntakeException {
    if (url == null || url.isBlank()) throw new IntakeException("an empty URL");
    URI uri;
    try {
      uri = URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      throw new IntakeException("not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IntakeException("only http and https URLs can be uploaded");
    }
    HttpUrl parsed = HttpUrl.parse(url.strip());
    if (parsed == null) throw new IntakeException("not a valid URL");
    return parsed;
  }

  private List<InetAddress> lookup(String host) throws UnknownHostException {
    List<InetAddress> all = Dns.SYSTEM.lookup(host);
    if (!allowPrivate) {
      for (InetAddress a : all) {
        if (!isPublic(a)) throw new RefusedAddressException(host);
      }
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
