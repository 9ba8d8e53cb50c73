package io.tunecut.core.media;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one place the bot knows file formats. The backend decides what it takes; the bot only
 * stops what cannot be a picture or a sound at all (documents, archives, programs), so every
 * platform refuses the same files, in the person's language.
 */
public final class MediaFormats {
  /** Formats known to be media, with the content type an upload part carries. */
  private static final Map<String, String> MEDIA = Map.ofEntries(
      Map.entry("mp4", "video/mp4"), Map.entry("m4v", "video/x-m4v"), Map.entry("mov", "video/quicktime"),
      Map.entry("avi", "video/x-msvideo"), Map.entry("webm", "video/webm"), Map.entry("mkv", "video/x-matroska"),
      Map.entry("3gp", "video/3gpp"), Map.entry("mpg", "video/mpeg"), Map.entry("mpeg", "video/mpeg"),
      Map.entry("gif", "image/gif"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
      Map.entry("png", "image/png"), Map.entry("webp", "image/webp"),
      Map.entry("mp3", "audio/mpeg"), Map.entry("wav", "audio/wav"), Map.entry("m4a", "audio/mp4"),
      Map.entry("aac", "audio/aac"), Map.entry("ogg", "audio/ogg"), Map.entry("oga", "audio/ogg"),
      Map.entry("opus", "audio/opus"), Map.entry("flac", "audio/flac"));

  /** Content types whose extension is not their subtype. */
  private static final Map<String, String> EXTENSION_OF_TYPE = Map.ofEntries(
      Map.entry("video/quicktime", "mov"), Map.entry("video/x-matroska", "mkv"), Map.entry("video/x-msvideo", "avi"),
      Map.entry("video/3gpp", "3gp"), Map.entry("image/jpeg", "jpg"), Map.entry("audio/mpeg", "mp3"),
      Map.entry("audio/mp3", "mp3"), Map.entry("audio/mp4", "m4a"), Map.entry("audio/x-m4a", "m4a"),
      Map.entry("audio/mp4a-latm", "m4a"), Map.entry("audio/x-wav", "wav"), Map.entry("audio/wave", "wav"),
      Map.entry("audio/x-flac", "flac"));

  /** Never a picture or a sound, whatever the backend. */
  private static final Set<String> NOT_MEDIA = Set.of(
      "pdf", "txt", "rtf", "doc", "docx", "odt", "xls", "xlsx", "ods", "csv", "ppt", "pptx", "odp", "md",
      "html", "htm", "xml", "json", "zip", "rar", "7z", "tar", "gz", "tgz", "bz2", "xz", "exe", "msi", "apk",
      "dmg", "iso", "bin", "jar", "py", "js", "java", "sh", "bat");

  /** Named when people are told what to send. */
  public static final List<String> EXAMPLES = List.of("mp4", "mov", "webm", "jpg", "png", "mp3", "m4a", "wav", "ogg", "flac");

  private MediaFormats() {}

  /** False only for what cannot be media at all; the backend has the last word on the rest. */
  public static boolean couldBeMedia(String fileName, String contentType) {
    String type = baseType(contentType);
    if (type.startsWith("video/") || type.startsWith("audio/") || type.startsWith("image/")) return true;
    if (type.startsWith("text/") || type.equals("application/pdf") || type.equals("application/zip")) return false;
    return !NOT_MEDIA.contains(extension(fileName));
  }

  /** The name a file is uploaded under: the person's, with the extension its content type implies when it has none. */
  public static String uploadName(String fileName, String contentType) {
    if (!extension(fileName).isEmpty()) return fileName;
    String implied = impliedExtension(contentType);
    return implied.isEmpty() ? fileName : fileName + "." + implied;
  }

  /** The content type of an upload part. */
  public static String contentType(String fileName) {
    return MEDIA.getOrDefault(extension(fileName), "application/octet-stream");
  }

  /** Lower-case, without the dot; empty when the name has none. */
  public static String extension(String fileName) {
    if (fileName == null) return "";
    int dot = fileName.lastIndexOf('.');
    if (dot < 0 || dot == fileName.length() - 1 || fileName.indexOf('/', dot) >= 0) return "";
    return fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static String impliedExtension(String contentType) {
    String type = baseType(contentType);
    String known = EXTENSION_OF_TYPE.get(type);
    if (known != null) return known;
    String sub = type.substring(type.indexOf('/') + 1);
    return MEDIA.containsKey(sub) ? sub : "";
  }

  private static String baseType(String contentType) {
    return contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
  }
}
