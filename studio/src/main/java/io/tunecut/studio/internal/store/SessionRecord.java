package io.tunecut.studio.internal.store;

/**
 * One editing session: its owner, language and current draft (JSON text).
 *
 * @param talk what the last chat turn left for the next to lean on (JSON text), or null; kept beside
 *     the draft, never in it, so undoing, rendering or exporting the draft never meets it
 */
public record SessionRecord(String id, String userId, String taskId, String language, String draft, String talk) {
  /** A new session: nothing said yet. */
  public SessionRecord(String id, String userId, String taskId, String language, String draft) {
    this(id, userId, taskId, language, draft, null);
  }
}
