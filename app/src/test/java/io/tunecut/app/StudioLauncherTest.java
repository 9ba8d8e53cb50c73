package io.tunecut.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunecut.app.config.Settings;
import io.tunecut.studio.server.Soundfont;
import io.tunecut.studio.server.QueueSettings;
import io.tunecut.studio.server.StudioSettings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The embedded studio gets what the operator configured from the app: it reads no environment itself. */
class StudioLauncherTest {
  @Test
  void theStudioIsHandedTheProgramsTheSoundfontAndTheLanguageModelTheOperatorSet() {
    Settings settings = Settings.fromEnvironment(Map.of("HOME", "/home/ann",
        "TUNECUT_PUBLIC_URL", "https://cuts.example.org/",
        "TUNECUT_FFMPEG", "/opt/ff/ffmpeg",
        "TUNECUT_SOUNDFONT", "/opt/sounds/gm.sf2",
        "TUNECUT_LLM_URL", "http://localhost:11434", "TUNECUT_LLM_MODEL", "qwen2.5"));

    StudioSettings studio = StudioLauncher.studioSettings(settings, "127.0.0.1", 0, QueueSettings.Role.ALL);

    assertThat(studio.publicUrl()).isEqualTo("https://cuts.example.org");
    assertThat(studio.ffmpeg()).isEqualTo("/opt/ff/ffmpeg");
    assertThat(studio.ffprobe()).isEqualTo("ffprobe");
    assertThat(studio.soundfont()).isEqualTo(Path.of("/opt/sounds/gm.sf2"));
    assertThat(studio.llm().model()).isEqualTo("qwen2.5");
    assertThat(studio.dataDir()).isEqualTo(Path.of("/home/ann", ".tunecut", "studio"));
  }

  @Test
  void withNothingSetTheStudioUsesDebiansSoundfontAndTheRulesAlone() {
    StudioSettings studio = StudioLauncher.studioSettings(Settings.fromEnvironment(Map.of("HOME", "/h")),
        "127.0.0.1", 0, QueueSettings.Role.ALL);

    assertThat(studio.soundfont()).isEqualTo(Soundfont.DEBIAN);
    assertThat(studio.llm()).isNull();
  }
}
