package io.tunecut.core.nemo;

/**
 * One answer of the render calls, whichever envelope it came in.
 *
 * @param progress 0–100
 * @param outputUrl first of {@code outputUrl}, {@code output.url}, {@code url}; null until completed
 * @param error the backend's words on failure, else null
 * @param retryable false when the backend says a failure would repeat with the same timeline
 */
public record RenderStatus(String id, Phase phase, int progress, String outputUrl, String error, boolean retryable) {

  public enum Phase {
    PENDING,
    PROCESSING,
    COMPLETED,
    FAILED;

    public boolean finished() {
      return this == COMPLETED || this == FAILED;
    }
  }
}
