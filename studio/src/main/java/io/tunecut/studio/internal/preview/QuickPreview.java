package io.tunecut.studio.internal.preview;

import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.ffmpeg.Ffmpeg;
import io.tunecut.studio.internal.media.Media;
import io.tunecut.studio.internal.render.FfmpegRenderer;
import io.tunecut.studio.internal.render.RenderCancelledException;
import io.tunecut.studio.internal.render.RenderFailedException;
import io.tunecut.studio.internal.render.RenderOptions;
import java.nio.file.Path;
import java.util.Map;

/**
 * A quick look at the timeline before the real render: the same renderer at 360p and a low
 * bitrate, sized to go through every platform (Discord's smallest upload limit is 10 MiB).
 * Costs no render minutes.
 */
public final class QuickPreview {
  public static final int SHORT_SIDE = 360;
  /** Under Discord's 10 MiB without boosts, with room for the container. */
  static final long MOST_BYTES = 8_000_000;
  private static final int MOST_KBPS = 700;
  private static final int LEAST_KBPS = 60;
  private static final int AUDIO_KBPS = 64;

  /** Kept from one preview to the next: its fonts, looked up and loaded once, draw every preview's captions. */
  private final FfmpegRenderer renderer;

  public QuickPreview(Ffmpeg ffmpeg, Path workDir) {
    this.renderer = new FfmpegRenderer(ffmpeg, workDir, RenderOptions.preview(SHORT_SIDE, MOST_KBPS));
  }

  /** Renders {@code draft} as a preview MP4 into {@code output}. */
  public void render(Draft draft, Map<String, Media> media, Path output)
      throws RenderFailedException, RenderCancelledException {
    RenderOptions options = RenderOptions.preview(SHORT_SIDE, videoKbps(draft.durationMs() / 1000.0));
    renderer.with(options).render(draft, media, output, p -> {});
  }

  /** The video bitrate that keeps a preview of this length under {@link #MOST_BYTES}. */
  static int videoKbps(double seconds) {
    double budget = MOST_BYTES * 8 * 0.9 / Math.max(1, seconds) / 1000 - AUDIO_KBPS;
    return (int) Math.max(LEAST_KBPS, Math.min(MOST_KBPS, budget));
  }
}
