package io.tunecut.studio.server;

/** A refusal with the protocol's business code, the HTTP status, and a message for the user. */
final class ApiError extends RuntimeException {
  static final int TOKEN = 1001;
  static final int SESSION = 1002;
  static final int CREDITS = 2001;
  static final int UNSUPPORTED = 4001;
  static final int TOO_LARGE = 4002;
  static final int BAD_REQUEST = 4000;
  static final int NOT_FOUND = 4004;
  static final int INTERNAL = 5000;

  final int code;
  final int httpStatus;

  ApiError(int code, int httpStatus, String message) {
    super(message, null, false, false);
    this.code = code;
    this.httpStatus = httpStatus;
  }

  static ApiError badRequest(String message) {
    return new ApiError(BAD_REQUEST, 400, message);
  }

  static ApiError sessionNotFound() {
    return new ApiError(SESSION, 404, "session not found");
  }
}
