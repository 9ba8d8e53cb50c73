package io.tunecut.studio.render;

import java.time.Duration;

/**
 * How the renderer works; {@link #defaults()} is what the studio uses.
 *
 * @param shortSide the frame's short side in pixels when re-encoding, or 0 for the draft's
 *     (1080p or 720p); tests set a small value to stay fast
 * @param segmentThreshold more video segments than this are encoded one by one and joined
 *     without re-encoding (a montage), which keeps memory flat
 * @param timeout the longest one ffmpeg run may take
 */
public record RenderOptions(int shortSide, int segmentThreshold, Duration timeout) {
  public static RenderOptions defaults() {
    return new RenderOptions(0, 12, Duration.ofHours(2));
  }

  public RenderOptions withShortSide(int pixels) {
    return new RenderOptions(pixels, segmentThreshold, timeout);
  }

  public RenderOptions withSegmentThreshold(int segments) {
    return new RenderOptions(shortSide, segments, timeout);
  }
}
