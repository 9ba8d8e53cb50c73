package io.tunecut.core.nemo;

import java.io.IOException;

/**
 * The backend said no, or could not be understood. {@link #code()} is the business code
 * (1001, 1002, 2001, 4001, 4002…) or 0 when there was none; {@link #httpStatus()} is the HTTP
 * status or 0 when the failure was not an HTTP answer (connection, stream, timeout).
 * The message never contains a token.
 */
public class NemoException extends IOException {
  public static final int TOKEN_INVALID = 1001;
  public static final int SESSION_NOT_FOUND = 1002;
  public static final int NO_CREDITS = 2001;
  public static final int UNSUPPORTED_FILE = 4001;
  public static final int FILE_TOO_LARGE = 4002;

  private final int code;
  private final int httpStatus;

  public NemoException(int code, int httpStatus, String message) {
    this(code, httpStatus, message, null);
  }

  public NemoException(int code, int httpStatus, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.httpStatus = httpStatus;
  }

  public int code() {
    return code;
  }

  public int httpStatus() {
    return httpStatus;
  }
}
