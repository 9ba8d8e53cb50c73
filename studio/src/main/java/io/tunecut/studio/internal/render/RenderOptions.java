package io.tunecut.studio.internal.render;

import java.time.Duration;

/**
 * How the renderer works; {@link #defaults()} is what the studio uses.
 *
 * @param shortSide the frame's short side in pixels when re-encoding, or 0 for the draft's
 *     (1080p or 720p); tests set a small value to stay fast
 * @param segmentThreshold more video segments than this are encoded one by one and joined
 *     without re-encoding (a montage), which keeps memory flat
 * @param timeout the longest one ffmpeg run may take
 * @param videoKbps 0 for the full quality (constant quality); above 0 a quick preview: this
 *     video bitrate, the picture always re-encoded, at most 30 frames a second, lighter sound
 */
public record RenderOptions(int shortSide, int segmentThreshold, Duration timeout, int videoKbps) {
  public static RenderOptions defaults() {
    return new RenderOptions(0, 12, Duration.ofHours(2), 0);
  }

  /** A quick look at {@code shortSide} pixels and {@code videoKbps}: small enough to send anywhere. */
  public static RenderOptions preview(int shortSide, int videoKbps) {
    return new RenderOptions(shortSide, 12, Duration.ofMinutes(10), Math.max(1, videoKbps));
  }

  public boolean isPreview() {
    return videoKbps > 0;
  }

  public RenderOptions withShortSide(int pixels) {
    return new RenderOptions(pixels, segmentThreshold, timeout, videoKbps);
  }

  public RenderOptions withSegmentThreshold(int segments) {
    return new RenderOptions(shortSide, segments, timeout, videoKbps);
  }
}
