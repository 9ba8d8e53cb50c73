package io.tunecut.studio.internal.media;

/** A file we cannot use; the message is for the user and says why ("no video or audio stream"). */
public final class MediaRejectedException extends Exception {
  public MediaRejectedException(String reason) {
    super(reason);
  }
}
