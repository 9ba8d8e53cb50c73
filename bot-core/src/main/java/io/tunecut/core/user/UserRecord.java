package io.tunecut.core.user;

import io.tunecut.core.chat.ChatUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything kept about one person. Immutable: change it through {@link UserDirectory#update}.
 *
 * @param clientId made once per user (a UUID), sent as X-Client-Id
 * @param token null until obtained; never logged ({@link #toString()} redacts it)
 * @param backendUserId the backend's anonymous user id, for the registration link
 * @param language "en" or "zh", or null until known
 */
public record UserRecord(
    ChatUser user,
    String clientId,
    String token,
    Instant tokenExpiresAt,
    String backendUserId,
    String sessionId,
    String taskId,
    String language,
    List<PendingRender> renders) {

  public UserRecord {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(clientId, "clientId");
    renders = List.copyOf(renders == null ? List.of() : renders);
  }

  public UserRecord withToken(String token, Instant expiresAt, String backendUserId) {
    return new UserRecord(user, clientId, token, expiresAt, backendUserId, sessionId, taskId, language, renders);
  }

  public UserRecord withSession(String sessionId, String taskId) {
    return new UserRecord(user, clientId, token, tokenExpiresAt, backendUserId, sessionId, taskId, language, renders);
  }

  public UserRecord withLanguage(String language) {
    return new UserRecord(user, clientId, token, tokenExpiresAt, backendUserId, sessionId, taskId, language, renders);
  }

  public UserRecord withRenders(List<PendingRender> renders) {
    return new UserRecord(user, clientId, token, tokenExpiresAt, backendUserId, sessionId, taskId, language, renders);
  }

  /** The same record with {@code render} added after the others. */
  public UserRecord withRenderAdded(PendingRender render) {
    var more = new ArrayList<>(renders);
    more.add(Objects.requireNonNull(render, "render"));
    return withRenders(more);
  }

  /** The same record without the render of that id (unchanged when there is none). */
  public UserRecord withRenderRemoved(String renderId) {
    return withRenders(renders.stream().filter(r -> !r.renderId().equals(renderId)).toList());
  }

  @Override
  public String toString() {
    return "UserRecord[user=" + user + ", clientId=" + clientId + ", token=" + (token == null ? "null" : "<redacted>")
        + ", tokenExpiresAt=" + tokenExpiresAt + ", backendUserId=" + backendUserId + ", sessionId=" + sessionId
        + ", taskId=" + taskId + ", language=" + language + ", renders=" + renders + "]";
  }
}
