package io.tunecut.studio.internal.media;

import java.io.IOException;

/** The media store cannot be used; the message tells the operator what to change. */
public final class MediaStoreException extends IOException {
  public MediaStoreException(String message) {
    super(message);
  }
}
