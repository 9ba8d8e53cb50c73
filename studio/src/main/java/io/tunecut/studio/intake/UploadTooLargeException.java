package io.tunecut.studio.intake;

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
    if (bytes >= 1024 && bytes % 1024 == 0) return (bytes / 1024) + " KB";
    return bytes + " bytes";
  }
}
