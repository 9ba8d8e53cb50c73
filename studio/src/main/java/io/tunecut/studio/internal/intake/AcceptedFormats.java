package io.tunecut.studio.internal.intake;

import java.util.List;
import java.util.Map;

/** The file types the studio edits, by extension, and how to say so. */
public final class AcceptedFormats {
  public static final List<String> VIDEO = List.of("mp4", "mov", "avi", "webm", "mkv", "gif");
  public static final List<String> AUDIO = List.of("mp3", "wav", "m4a", "aac", "ogg", "oga", "opus", "flac");
  public static final List<String> IMAGE = List.of("jpg", "jpeg", "png", "webp");

  private static final Map<String, String> BY_CONTENT_TYPE = Map.ofEntries(
      Map.entry("video/mp4", "mp4"), Map.entry("video/quicktime", "mov"), Map.entry("video/x-msvideo", "avi"),
      Map.entry("video/webm", "webm"), Map.entry("video/x-matroska", "mkv"), Map.entry("image/gif", "gif"),
      Map.entry("audio/mpeg", "mp3"), Map.entry("audio/mp3", "mp3"), Map.entry("audio/wav", "wav"),
      Map.entry("audio/x-wav", "wav"), Map.entry("audio/wave", "wav"), Map.entry("audio/mp4", "m4a"),
      Map.entry("audio/x-m4a", "m4a"), Map.entry("audio/aac", "aac"), Map.entry("audio/ogg", "ogg"), Map.entry("audio/opus", "opus"),
      Map.entry("audio/flac", "flac"), Map.entry("audio/x-flac", "flac"), Map.entry("image/jpeg", "jpg"),
      Map.entry("image/png", "png"), Map.entry("image/webp", "webp"));

  private AcceptedFormats() {}

  public static boolean accepts(String extension) {
    return VIDEO.contains(extension) || AUDIO.contains(extension) || IMAGE.contains(extension);
  }

  /** The extension a content type implies, or "" when it is not one we accept. */
  public static String extensionFor(String contentType) {
    if (contentType == null) return "";
    String base = contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
    return BY_CONTENT_TYPE.getOrDefault(base, "");
  }

  public static String describe() {
    return "Accepted formats: video (mp4, mov, avi, webm, mkv, gif), audio (mp3, wav, m4a, aac, ogg, opus, flac),"
        + " images (jpg, png, webp).";
  }
}
