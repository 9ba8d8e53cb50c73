package io.tunecut.studio.internal.intake;

/** A file went over the size limit; whatever was written of it has been removed. */
public final class UploadTooLargeException extends Exception {
  private final long limitBytes;

  public UploadTooLargeException(long limitBytes) {
    super("file too large: the limit is " + describe(limitBytes) + " per file");
    this.limitBytes = limitBytes;
  }

  public long limitBytes() {
    return limitBytes;
  }

  static String describe(long bytes) {
    if (bytes >= 1024L * 1024 && bytes % (1024L * 1024) == 0) return (bytes / (1024L * 1024)) + " MB";
    if (bytes >= 1024L * 1024) return String.format(java.util.Locale.ROOT, "%.1f MB (%d bytes)", bytes / 1048576.0, bytes);
    if (bytes >= 1024) return String.format(java.util.Locale.ROOT, "%.1f KB (%d bytes)", bytes / 1024.0, bytes);
    return bytes + " bytes";
  }
}
