package io.tunecut.core.chat;

import java.io.IOException;

/** The platform will not hand the bot this file: it is over what the platform lets a bot download. */
public final class AttachmentTooLargeException extends IOException {
  private final long sizeBytes;
  private final long limitBytes;

  /** @param sizeBytes the file's size, or -1 when unknown */
  public AttachmentTooLargeException(String name, long sizeBytes, long limitBytes) {
    super(name + " is over the " + limitBytes + " bytes the platform lets a bot download");
    this.sizeBytes = sizeBytes;
    this.limitBytes = limitBytes;
  }

  public long sizeBytes() {
    return sizeBytes;
  }

  public long limitBytes() {
    return limitBytes;
  }
}
