package io.tunecut.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {
  @Test
  void withNothingConfiguredTheBotRunsOnTheEmbeddedStudioInTheHomeFolder() {
    Settings settings = Settings.fromEnvironment(Map.of("HOME", "/home/ann"));

    assertThat(settings.embeddedStudio()).isTrue();
    assertThat(settings.dataDir()).isEqualTo(Path.of("/home/ann", ".tunecut"));
    assertThat(settings.maxFileBytes()).isEqualTo(500L * 1024 * 1024);
    assertThat(settings.studioHost()).isEqualTo("127.0.0.1");
    assertThat(settings.nemoToken()).isNull();
  }

  @Test
  void aBackendUrlReplacesTheEmbeddedStudio() {
    Settings settings = Settings.fromEnvironment(Map.of("NEMO_API_URL", " https://backend.example ", "HOME", "/h"));

    assertThat(settings.embeddedStudio()).isFalse();
    assertThat(settings.nemoApiUrl()).isEqualTo("https://backend.example");
  }

  @Test
  void blankValuesCountAsUnset() {
    Settings settings = Settings.fromEnvironment(Map.of("NEMO_API_URL", "  ", "NEMO_TOKEN", "", "HOME", "/h"));

    assertThat(settings.embeddedStudio()).isTrue();
    assertThat(settings.nemoToken()).isNull();
  }

  @Test
  void aNumberThatIsNotOneNamesTheVariable() {
    assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("TUNECUT_MAX_FILE_MB", "lots", "HOME", "/h")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TUNECUT_MAX_FILE_MB")
        .hasMessageContaining("lots");
  }

  @Test
  void theCloudsRegistrationPageIsTheDefaultWhateverTheBackendsAddress() {
    // Whether people register is the backend's word (a tunecut studio says it is one), not its address's.
    for (String url : new String[] {"http://proxy.example:8750", "https://mega-api-prod.nemovideo.ai"}) {
      assertThat(Settings.fromEnvironment(Map.of("NEMO_API_URL", url, "HOME", "/h")).registerPage())
          .isEqualTo(Settings.NEMO_CLOUD_REGISTER_PAGE);
    }
    assertThat(Settings.fromEnvironment(Map.of("HOME", "/h")).registerPage()).isEqualTo(Settings.NEMO_CLOUD_REGISTER_PAGE);
  }

  @Test
  void anOperatorsRegistrationPageWinsOnAnyBackend() {
    Map<String, String> studio = Map.of("TUNECUT_REGISTER_URL", " https://signup.example/join ", "HOME", "/h");
    Map<String, String> cloud = Map.of("TUNECUT_REGISTER_URL", "https://signup.example/join",
        "NEMO_API_URL", "https://mega-api-prod.nemovideo.ai", "HOME", "/h");

    assertThat(Settings.fromEnvironment(studio).registerPage()).hasToString("https://signup.example/join");
    assertThat(Settings.fromEnvironment(cloud).registerPage()).hasToString("https://signup.example/join");
  }

  @Test
  void aRegistrationPageThatIsNoWebAddressNamesTheVariable() {
    assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("TUNECUT_REGISTER_URL", "signup page", "HOME", "/h")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("TUNECUT_REGISTER_URL")
        .hasMessageContaining("signup page");
    assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("TUNECUT_REGISTER_URL", "ftp://signup.example", "HOME", "/h")))
        .hasMessageContaining("TUNECUT_REGISTER_URL");
  }
}
