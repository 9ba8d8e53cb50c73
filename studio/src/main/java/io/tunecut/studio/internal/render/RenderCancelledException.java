package io.tunecut.studio.internal.render;

/** The render was cancelled (its thread interrupted); ffmpeg was stopped and partial output removed. */
public final class RenderCancelledException extends Exception {
  public RenderCancelledException() {
    super("render cancelled");
  }
}
