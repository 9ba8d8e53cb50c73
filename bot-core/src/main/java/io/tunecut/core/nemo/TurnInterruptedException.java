package io.tunecut.core.nemo;

/**
 * A chat turn ended without the server closing the stream normally, after the message may
 * have reached the backend: it may or may not have been applied, and must not be re-sent.
 * Read the state instead.
 */
public final class TurnInterruptedException extends NemoException {

  public enum Reason {
    /** The connection or stream broke. */
    DROPPED,
    /** Nothing arrived for longer than the silence timeout. */
    SILENT,
    /** The turn ran past the turn limit. */
    TOO_LONG
  }

  private final Reason reason;

  public TurnInterruptedException(Reason reason, String message, Throwable cause) {
    super(0, 0, message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
