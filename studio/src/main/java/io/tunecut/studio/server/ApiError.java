package io.tunecut.studio.server;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A refusal with the protocol's business code, the HTTP status, and a message for the user:
 * answered over HTTP, or thrown to a caller in the same process ({@link Studio#takeFiles}).
 */
public final class ApiError extends RuntimeException {
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
  /** Fields the answer carries beside code and message, or null. */
  final ObjectNode details;

  ApiError(int code, int httpStatus, String message) {
    this(code, httpStatus, message, null);
  }

  ApiError(int code, int httpStatus, String message, ObjectNode details) {
    super(message, null, false, false);
    this.code = code;
    this.httpStatus = httpStatus;
    this.details = details;
  }

  public int code() {
    return code;
  }

  public int httpStatus() {
    return httpStatus;
  }

  /** What the answer says beside code and message (the refused file and why), or null. */
  public ObjectNode details() {
    return details;
  }

  /** The answer's body: the protocol's error envelope and the details. */
  ObjectNode body() {
    ObjectNode body = Json.error(code, getMessage());
    if (details != null) body.setAll(details);
    return body;
  }

  static ApiError badRequest(String message) {
    return new ApiError(BAD_REQUEST, 400, message);
  }

  static ApiError sessionNotFound() {
    return new ApiError(SESSION, 404, "session not found");
  }
}
