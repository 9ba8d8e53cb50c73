package io.tunecut.studio.server;

import io.tunecut.studio.ffmpeg.TestMedia;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small generated media, made once per test run. */
final class Samples {
  private static Path dir;

  private Samples() {}

  private static synchronized Path dir() {
    if (dir == null) {
      try {
        dir = Files.createTempDirectory("tunecut-samples");
        dir.toFile().deleteOnExit();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return dir;
  }

  private static Path clip;
  private static Path track;

  static synchronized Path clip() {
    if (clip == null) clip = TestMedia.clip(dir(), "city.mp4", 2, 160, 120);
    return clip;
  }

  static synchronized Path track() {
    if (track == null) track = TestMedia.track(dir(), "lofi.mp3", 3);
    return track;
  }
}
