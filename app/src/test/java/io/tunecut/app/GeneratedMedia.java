package io.tunecut.app;

import io.tunecut.studio.ffmpeg.Ffmpeg;
import io.tunecut.studio.ffmpeg.FfmpegRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Small media made by the configured ffmpeg, for tests of the whole product. */
final class GeneratedMedia {
  private GeneratedMedia() {}

  /** Runs ffmpeg with {@code args} writing {@code out}; returns {@code out}. */
  static Path make(Path out, String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(args));
    all.add(out.toString());
    Ffmpeg.fromEnvironment(System.getenv()).run(FfmpegRun.of(all, Duration.ofSeconds(120)));
    return out;
  }
}
