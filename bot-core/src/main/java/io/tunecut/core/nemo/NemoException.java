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

  /** What a refused upload was refused for, when the backend says: the file's format, or its content. */
  public enum Problem { FORMAT, UNREADABLE }

  /**
   * What an error answer says beside its code and words, each null when it does not.
   *
   * @param file the file the answer is about
   * @param problem why that file was refused
   * @param backend which server answered ("tunecut-studio" for ours)
   */
  public record Details(String file, Problem problem, String backend) {
    public static final Details NONE = new Details(null, null, null);
  }

  private final int code;
  private final int httpStatus;
  private final Details details;

  public NemoException(int code, int httpStatus, String message) {
    this(code, httpStatus, message, null);
  }

  public NemoException(int code, int httpStatus, String message, Throwable cause) {
    this(code, httpStatus, message, cause, Details.NONE);
  }

  public NemoException(int code, int httpStatus, String message, Throwable cause, Details details) {
    super(message, cause);
    this.code = code;
    this.httpStatus = httpStatus;
    this.details = details == null ? Details.NONE : details;
  }

  public Details details() {
    return details;
  }

  public int code() {
    return code;
  }

  public int httpStatus() {
    return httpStatus;
  }
}
