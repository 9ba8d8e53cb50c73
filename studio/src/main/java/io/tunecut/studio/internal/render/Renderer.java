package io.tunecut.studio.internal.render;

import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.media.Media;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.DoubleConsumer;

/** Turns a draft into an MP4. */
public interface Renderer {
  /**
   * Blocks until {@code output} is complete. Interrupting the calling thread stops ffmpeg
   * and throws {@link RenderCancelledException}.
   *
   * @param media the session's files by id (the draft's {@code src})
   * @param progress fractions 0..1, from ffmpeg's own progress
   */
  void render(Draft draft, Map<String, Media> media, Path output, DoubleConsumer progress)
      throws RenderFailedException, RenderCancelledException;
}
