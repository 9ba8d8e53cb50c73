package io.tunecut.studio.server;

import io.tunecut.studio.agent.Agent;
import io.tunecut.studio.agent.RuleAgent;
import io.tunecut.studio.ffmpeg.Ffmpeg;
import io.tunecut.studio.media.FfprobeMediaProbe;
import io.tunecut.studio.media.MediaProbe;
import io.tunecut.studio.render.Renderer;

/** The studio module's own probe, agent and renderer, for {@link Studio#start(StudioSettings)}. */
final class DefaultParts {
  private DefaultParts() {}

  static MediaProbe probe(StudioSettings settings) {
    return new FfprobeMediaProbe(Ffmpeg.of(settings.ffmpeg(), settings.ffprobe()));
  }

  static Agent agent(StudioSettings settings) {
    return new RuleAgent();
  }

  static Renderer renderer(StudioSettings settings) {
    throw new UnsupportedOperationException("the default renderer is not built in yet: use Studio.start(settings, probe, agent, renderer)");
  }
}
