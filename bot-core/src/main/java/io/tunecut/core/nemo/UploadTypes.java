package io.tunecut.core.nemo;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import okhttp3.MediaType;

/** The content type of an upload part, from the file's extension. */
final class UploadTypes {
  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("mp4", "video/mp4"), Map.entry("mov", "video/quicktime"), Map.entry("avi", "video/x-msvideo"),
      Map.entry("webm", "video/webm"), Map.entry("mkv", "video/x-matroska"), Map.entry("m4v", "video/x-m4v"),
      Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("png", "image/png"),
      Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("mp3", "audio/mpeg"),
      Map.entry("wav", "audio/wav"), Map.entry("m4a", "audio/mp4"), Map.entry("aac", "audio/aac"),
      Map.entry("ogg", "audio/ogg"), Map.entry("flac", "audio/flac"));

  private UploadTypes() {}

  static MediaType of(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    return MediaType.get(TYPES.getOrDefault(ext, "application/octet-stream"));
  }
}
