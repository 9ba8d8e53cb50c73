package io.tunecut.studio.internal.render;

/** The draft could not be rendered; the message says why in words a user can act on. */
public final class RenderFailedException extends Exception {
  public RenderFailedException(String message) {
    super(message);
  }

  public RenderFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
