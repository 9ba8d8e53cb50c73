package io.tunecut.studio.server;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an operator's language model is and how to ask it.
 *
 * <p>{@code url} is an OpenAI-compatible API: a URL without a path gets {@code /v1}, as Ollama,
 * vLLM and llama.cpp serve it ({@code http://localhost:11434}); a URL with a path is taken as
 * the API's base ({@code https://api.openai.com/v1}); either way {@code /chat/completions} is
 * added, unless the URL already ends with it. {@code apiKey} may be empty; it is sent as a
 * bearer token and never shown. {@code timeout} bounds the whole exchange.
 */
public record LlmSettings(URI url, String model, String apiKey, Duration timeout, boolean stream) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  public LlmSettings {
    Objects.requireNonNull(url, "url");
    if (!"http".equalsIgnoreCase(url.getScheme()) && !"https".equalsIgnoreCase(url.getScheme())
        || url.getHost() == null) {
      throw new IllegalArgumentException("the language model's URL must be an http or https URL with a host");
    }
    if (model == null || model.isBlank()) throw new IllegalArgumentException("the language model needs a model name");
    apiKey = apiKey == null ? "" : apiKey.strip();
    if (timeout == null || timeout.isNegative() || timeout.isZero()) timeout = DEFAULT_TIMEOUT;
  }

  /**
   * Settings from {@code TUNECUT_LLM_URL}, {@code TUNECUT_LLM_MODEL}, {@code TUNECUT_LLM_KEY},
   * and optionally {@code TUNECUT_LLM_TIMEOUT} (seconds) and {@code TUNECUT_LLM_STREAM}
   * ({@code true} asks for a streamed answer); empty when no URL is set.
   *
   * @throws IllegalArgumentException when a URL is set but the rest does not make sense
   */
  public static Optional<LlmSettings> fromEnvironment(Map<String, String> env) {
    String url = env.getOrDefault("TUNECUT_LLM_URL", "").strip();
    if (url.isEmpty()) return Optional.empty();
    String model = env.getOrDefault("TUNECUT_LLM_MODEL", "").strip();
    if (model.isEmpty()) throw new IllegalArgumentException("TUNECUT_LLM_MODEL is required with TUNECUT_LLM_URL");
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("TUNECUT_LLM_URL is not a URL"); // the value may hold credentials
    }
    Duration timeout = DEFAULT_TIMEOUT;
    String seconds = env.getOrDefault("TUNECUT_LLM_TIMEOUT", "").strip();
    if (!seconds.isEmpty()) {
      try {
        timeout = Duration.ofMillis(Math.round(Double.parseDouble(seconds) * 1000));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("TUNECUT_LLM_TIMEOUT is a number of seconds, not \"" + seconds + "\"");
      }
    }
    boolean stream = Boolean.parseBoolean(env.getOrDefault("TUNECUT_LLM_STREAM", "false").strip());
    return Optional.of(new LlmSettings(uri, model, env.get("TUNECUT_LLM_KEY"), timeout, stream));
  }

  /** The chat-completions endpoint the URL stands for (see the class comment). */
  public URI endpoint() {
    String path = url.getRawPath() == null ? "" : url.getRawPath().replaceAll("/+$", "");
    if (path.endsWith("/chat/completions")) return withPath(path);
    return withPath((path.isEmpty() ? "/v1" : path) + "/chat/completions");
  }

  /** Scheme, host and port only: enough to say which model answered, nothing private. */
  public String host() {
    return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
  }

  @Override
  public String toString() {
    return "LlmSettings[url=" + host() + url.getRawPath() + ", model=" + model + ", apiKey="
        + (apiKey.isEmpty() ? "none" : "set") + ", timeout=" + timeout + ", stream=" + stream + "]";
  }

  private URI withPath(String path) {
    return URI.create(url.getScheme() + "://" + url.getRawAuthority() + path
        + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery()));
  }
}
