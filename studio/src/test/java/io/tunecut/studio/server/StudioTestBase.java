package io.tunecut.studio.server;

import io.tunecut.studio.ffmpeg.TestMedia;
import io.tunecut.studio.internal.media.FfprobeMediaProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** Starts real studios on loopback over a temporary data directory, and closes them after. */
abstract class StudioTestBase {
  @TempDir Path dataDir;
  final FakeAgent agent = new FakeAgent();
  final List<Studio> started = new ArrayList<>();

  Studio start(ScriptedRenderer renderer, UnaryOperator<StudioSettings> settings) {
    try {
      Studio s = Studio.start(settings.apply(StudioSettings.defaults(dataDir)), new FfprobeMediaProbe(TestMedia.FFMPEG),
          agent, renderer, Duration.ofMillis(200));
      started.add(s);
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  StudioHttp http(Studio s) {
    return new StudioHttp(s.baseUrl());
  }

  @AfterEach
  void closeStudios() {
    for (Studio s : started) s.close();
  }
}
