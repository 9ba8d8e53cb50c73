package io.tunecut.studio.server;

import io.javalin.http.Context;
import io.tunecut.studio.internal.job.RenderQueue;
import io.tunecut.studio.internal.link.LinkSigner;
import io.tunecut.studio.internal.media.MediaStore;
import io.tunecut.studio.internal.store.MediaLibrary;
import io.tunecut.studio.internal.store.MediaRecord;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** {@code GET /files/<id>?exp=…&sig=…}: outputs and media behind signed, expiring links. */
final class SignedFiles {
  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("mp4", "video/mp4"), Map.entry("mov", "video/quicktime"), Map.entry("avi", "video/x-msvideo"),
      Map.entry("webm", "video/webm"), Map.entry("mkv", "video/x-matroska"), Map.entry("gif", "image/gif"),
      Map.entry("mp3", "audio/mpeg"), Map.entry("wav", "audio/wav"), Map.entry("m4a", "audio/mp4"),
      Map.entry("aac", "audio/aac"), Map.entry("ogg", "audio/ogg"), Map.entry("flac", "audio/flac"),
      Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("png", "image/png"),
      Map.entry("webp", "image/webp"));

  private final LinkSigner links;
  private final RenderQueue renders;
  private final MediaLibrary library;
  private final MediaStore store;

  SignedFiles(LinkSigner links, RenderQueue renders, MediaLibrary library, MediaStore store) {
    this.links = links;
    this.renders = renders;
    this.library = library;
    this.store = store;
  }

  void signed(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    switch (links.verify(id, ctx.queryParam("exp"), ctx.queryParam("sig"))) {
      case TAMPERED:
        plain(ctx, 403, "forbidden");
        return;
      case EXPIRED:
        plain(ctx, 410, "gone");
        return;
      default:
        break;
    }
    Optional<Path> output = renders.find(id).flatMap(renders::output);
    if (output.isPresent() && serve(ctx, store, output.get(), "video/mp4", id + ".mp4")) return;
    Optional<MediaRecord> media = library.byId(id);
    if (media.isPresent()) {
      String name = media.get().media().filename();
      String ext = io.tunecut.studio.internal.intake.FileNames.extension(name);
      if (serve(ctx, store, media.get().media().file(), TYPES.getOrDefault(ext, "application/octet-stream"), name)) {
        return;
      }
    }
    plain(ctx, 404, "not found");
  }

  /**
   * Streams a file from this machine or the media store (the studio signs the links, so they
   * work wherever the store is reachable only by the studios); Range requests get 206 and the
   * asked part. @return false when neither has it
   */
  static boolean serve(Context ctx, MediaStore store, Path file, String type, String name) throws IOException {
    Optional<MediaStore.Kept> kept = store.find(file);
    if (kept.isEmpty()) return false;
    ctx.header("Content-Disposition", "inline; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
    ctx.header("Accept-Ranges", "bytes");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.writeSeekableStream(kept.get().stream(), type, kept.get().size());
    return true;
  }

  private static void plain(Context ctx, int status, String word) {
    ctx.attribute(Json.ANSWERED, true);
    ctx.status(status);
    ctx.contentType("text/plain; charset=utf-8");
    ctx.result(word);
  }
}
