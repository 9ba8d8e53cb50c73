package io.tunecut.studio.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.tunecut.studio.internal.account.Quota;
import io.tunecut.studio.internal.account.Tokens;

/** The anonymous-token call and the bearer check every other call goes through. */
final class Auth {
  private final Tokens tokens;
  private final Quota quota;

  Auth(Tokens tokens, Quota quota) {
    this.tokens = tokens;
    this.quota = quota;
  }

  /** {@code POST /api/auth/anonymous-token} with {@code X-Client-Id}. */
  void anonymousToken(Context ctx) {
    String clientId = ctx.header("X-Client-Id");
    if (clientId == null || clientId.isBlank()) {
      Json.send(ctx, 400, Json.error(400, "the X-Client-Id header is required"));
      return;
    }
    if (clientId.length() > 64 || !clientId.chars().allMatch(c -> c > 32 && c < 127)) {
      Json.send(ctx, 400, Json.error(400, "X-Client-Id must be at most 64 printable characters"));
      return;
    }
    Tokens.Issued issued = tokens.issue(clientId);
    ObjectNode data = Json.object();
    data.put("token", issued.token());
    data.put("user_id", issued.userId());
    data.put("expires_at", issued.expiresAt().toString());
    data.put("credits", quota.balance(issued.userId()).available());
    Json.send(ctx, 200, Json.ok(data));
  }

  /** The user behind the request's bearer token; 1001 otherwise. */
  String user(Context ctx) {
    String header = ctx.header("Authorization");
    boolean bearer = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    return userOf(bearer ? header.substring(7).strip() : null);
  }

  /** The user behind a bearer token; 1001 otherwise. */
  String userOf(String token) {
    return tokens.userOf(token).orElseThrow(() ->
        new ApiError(ApiError.TOKEN, 401, token != null ? "the token is invalid or expired" : "a bearer token is required"));
  }
}
