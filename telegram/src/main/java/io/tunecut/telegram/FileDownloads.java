package io.tunecut.telegram;

import io.tunecut.core.chat.AttachmentTooLargeException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.objects.File;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Fetches a file a person sent, streaming. The library's own download buffers the whole
 * file, ignores the HTTP status and always goes to the cloud; a local Bot API server answers
 * getFile with a path on this machine, read directly.
 *
 * <p>The download limit is learnt from Telegram's answer: once getFile says "file is too big",
 * the server has the cloud's limit (a proxy of the cloud has it too, whatever its address),
 * and larger files are refused without asking again.
 */
final class FileDownloads {
  /** What the cloud Bot API lets a bot download. */
  static final long CLOUD_DOWNLOAD_LIMIT = 20L * 1024 * 1024;

  private final TelegramClient client;
  private final TelegramPort port;
  private final OkHttpClient http;
  private final HttpUrl base;
  private final String token;
  private final boolean localServer;
  private volatile long limit = Long.MAX_VALUE;

  FileDownloads(TelegramClient client, TelegramPort port, OkHttpClient http, HttpUrl base, String token, boolean localServer) {
    this.client = client;
    this.port = port;
    this.http = http;
    this.base = base;
    this.token = token;
    this.localServer = localServer;
  }

  /** @param size as the update reported it, or -1 */
  InputStream open(String fileId, String name, long size) throws IOException {
    if (size > limit) throw new AttachmentTooLargeException(name, size, limit);
    File file;
    try {
      file = port.call("getFile", () -> client.execute(new GetFile(fileId)));
    } catch (BotApiException e) {
      if (!e.tooLarge()) throw e;
      limit = CLOUD_DOWNLOAD_LIMIT;
      throw new AttachmentTooLargeException(name, size, limit);
    }
    String path = file.getFilePath();
    if (path == null || path.isBlank()) throw new IOException("Telegram gave no path for the file");
    if (localServer && path.startsWith("/")) {
      Path local = Path.of(path);
      if (Files.isReadable(local)) return Files.newInputStream(local);
    }
    HttpUrl url = base.newBuilder()
        .addPathSegment("file")
        .addPathSegment("bot" + token)
        .addPathSegments(path.startsWith("/") ? path.substring(1) : path)
        .build();
    Response response;
    try {
      response = http.newCall(new Request.Builder().url(url).build()).execute();
    } catch (IOException e) {
      // OkHttp's messages may name the URL, and the URL holds the token.
      throw new IOException("downloading a file from Telegram failed: " + e.getClass().getSimpleName());
    }
    if (!response.isSuccessful()) {
      int code = response.code();
      response.close();
      throw new IOException("downloading a file from Telegram failed: HTTP " + code);
    }
    Response open = response;
    return new FilterInputStream(response.body().byteStream()) {
      @Override
      public void close() throws IOException {
        try {
          super.close();
        } finally {
          open.close();
        }
      }
    };
  }
}
