package io.tunecut.studio.internal.store;

/**
 * One export: its draft, where it stands, and what it costs against the quota.
 *
 * @param error why it failed, else null
 * @param progress 0..100
 * @param output the MP4, relative to the data directory, once completed
 * @param minutes output length, counted against the owner's daily quota
 * @param day the UTC day (yyyy-MM-dd) the quota is charged to
 * @param attempts how many times a worker started it (more than one when a worker died or stopped)
 */
public record RenderRecord(
    String id, String userId, String sessionId, String draft, RenderStatus status, double progress,
    String error, String output, double minutes, String day, int attempts) {

  /** A render not started yet. */
  public RenderRecord(String id, String userId, String sessionId, String draft, RenderStatus status, double progress,
      String error, String output, double minutes, String day) {
    this(id, userId, sessionId, draft, status, progress, error, output, minutes, day, 0);
  }

  public RenderRecord withProgress(double progress) {
    return new RenderRecord(id, userId, sessionId, draft, status, progress, error, output, minutes, day, attempts);
  }

  public boolean finished() {
    return status.finished();
  }
}
