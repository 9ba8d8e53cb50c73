package io.tunecut.studio.internal.llm;

import io.tunecut.studio.server.LlmSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LlmSettingsTest {
  static final String KEY = "sk-live-abcdef123456";

  @Test
  void withoutAUrlThereIsNoModel() {
    assertThat(LlmSettings.fromEnvironment(Map.of())).isEmpty();
    assertThat(LlmSettings.fromEnvironment(Map.of("TUNECUT_LLM_URL", " ", "TUNECUT_LLM_MODEL", "qwen"))).isEmpty();
  }

  @Test
  void theEnvironmentNamesTheModelAndItsKeyAndTheTimeDefaultsToTenSeconds() {
    LlmSettings settings = LlmSettings.fromEnvironment(Map.of("TUNECUT_LLM_URL", "https://api.openai.com/v1",
        "TUNECUT_LLM_MODEL", "gpt-4o-mini", "TUNECUT_LLM_KEY", KEY)).orElseThrow();

    assertThat(settings).isEqualTo(new LlmSettings(URI.create("https://api.openai.com/v1"), "gpt-4o-mini", KEY,
        Duration.ofSeconds(10), false));
  }

  @Test
  void aLocalModelNeedsNoKeyAndMayStreamWithinItsOwnTime() {
    LlmSettings settings = LlmSettings.fromEnvironment(Map.of("TUNECUT_LLM_URL", "http://localhost:11434",
        "TUNECUT_LLM_MODEL", "qwen2.5:3b", "TUNECUT_LLM_TIMEOUT", "2.5", "TUNECUT_LLM_STREAM", "true"))
        .orElseThrow();

    assertThat(settings.apiKey()).isEmpty();
    assertThat(settings.timeout()).isEqualTo(Duration.ofMillis(2500));
    assertThat(settings.stream()).isTrue();
  }

  @Test
  void aUrlWithoutAModelOrThatIsNotHttpIsAClearMistake() {
    assertThatThrownBy(() -> LlmSettings.fromEnvironment(Map.of("TUNECUT_LLM_URL", "http://localhost:11434")))
        .hasMessage("TUNECUT_LLM_MODEL is required with TUNECUT_LLM_URL");
    assertThatThrownBy(() -> LlmSettings.fromEnvironment(Map.of("TUNECUT_LLM_URL", "ftp://models.example",
        "TUNECUT_LLM_MODEL", "m"))).hasMessage("the language model's URL must be an http or https URL with a host");
    assertThatThrownBy(() -> LlmSettings.fromEnvironment(Map.of("TUNECUT_LLM_URL", "http://localhost:11434",
        "TUNECUT_LLM_MODEL", "m", "TUNECUT_LLM_TIMEOUT", "soon"))).hasMessageContaining("seconds");
  }

  @ParameterizedTest
  @CsvSource({
      "http://localhost:11434,                     http://localhost:11434/v1/chat/completions",
      "http://localhost:11434/,                    http://localhost:11434/v1/chat/completions",
      "http://vllm:8000/v1,                        http://vllm:8000/v1/chat/completions",
      "https://api.openai.com/v1/,                 https://api.openai.com/v1/chat/completions",
      "https://gateway.example/openai/v1beta,      https://gateway.example/openai/v1beta/chat/completions",
      "http://llama:8080/v1/chat/completions,      http://llama:8080/v1/chat/completions",
  })
  void theEndpointIsFoundFromTheUrlWithOrWithoutV1(String url, String endpoint) {
    assertThat(new LlmSettings(URI.create(url), "m", "", null, false).endpoint()).hasToString(endpoint);
  }

  @Test
  void theKeyIsNeverShown() {
    LlmSettings settings = new LlmSettings(URI.create("https://someone:hunter2@api.example/v1"), "m", KEY, null, false);

    assertThat(settings.toString()).doesNotContain(KEY).doesNotContain("hunter2").contains("apiKey=set")
        .contains("https://api.example/v1");
    assertThat(settings.host()).isEqualTo("https://api.example");
  }
}
