package io.tunecut.studio.internal.intake;

/** An upload we refuse for a reason the user can act on (bad URL, unreachable, not allowed). */
public final class IntakeException extends Exception {
  public IntakeException(String message) {
    super(message);
  }

  public IntakeException(String message, Throwable cause) {
    super(message, cause);
  }
}
