package io.tunecut.studio.internal.media;

import java.io.IOException;
import java.nio.file.Path;

/** Probes an uploaded file with ffprobe and decides whether we can use it. */
public interface MediaProbe {
  /**
   * @param filename the name as uploaded (its extension is a hint, never trusted alone)
   * @throws MediaRejectedException not media, truncated, no streams, absurd dimensions or duration
   * @throws IOException ffprobe itself could not run
   */
  MediaInfo probe(Path file, String filename) throws MediaRejectedException, IOException;
}
