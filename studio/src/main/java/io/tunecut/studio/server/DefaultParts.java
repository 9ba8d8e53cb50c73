package io.tunecut.studio.server;

import io.tunecut.studio.agent.Agent;
import io.tunecut.studio.agent.RuleAgent;
import io.tunecut.studio.ffmpeg.Ffmpeg;
import io.tunecut.studio.media.FfprobeMediaProbe;
import io.tunecut.studio.media.MediaProbe;
import io.tunecut.studio.render.FfmpegRenderer;
import io.tunecut.studio.render.Renderer;
import java.nio.file.Files;
import java.nio.file.Path;

/** The studio module's own probe, agent and renderer, for {@link Studio#start(StudioSettings)}. */
final class DefaultParts {
  private DefaultParts() {}

  static MediaProbe probe(StudioSettings settings) {
    return new FfprobeMediaProbe(Ffmpeg.of(settings.ffmpeg(), settings.ffprobe()));
  }

  static Agent agent(StudioSettings settings) {
    return new RuleAgent();
  }

  /**
   * {@code io.tunecut.studio.render.FfmpegRenderer(Ffmpeg, Path workDir)}, working under
   * {@code <dataDir>/work}. Looked up by name only while that class is being written on
   * another branch; a direct reference replaces this once both are merged.
   */
  static Renderer renderer(StudioSettings settings) throws java.io.IOException {
    Path work = settings.dataDir().toAbsolutePath().normalize().resolve("work");
    Files.createDirectories(work);
    try {
      Class<?> type = Class.forName("io.tunecut.studio.render.FfmpegRenderer");
      return (Renderer) type.getConstructor(Ffmpeg.class, Path.class)
          .newInstance(Ffmpeg.of(settings.ffmpeg(), settings.ffprobe()), work);
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new UnsupportedOperationException(
          "this build has no default renderer: use Studio.start(settings, probe, agent, renderer)", e);
    }
  }
}
