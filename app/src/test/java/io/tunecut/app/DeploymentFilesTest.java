package io.tunecut.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The lint of {@code docker-compose.yml} and the {@code Dockerfile}, without a Docker engine:
 * what an operator would find broken only after {@code docker compose up}.
 */
class DeploymentFilesTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> services() throws IOException {
    Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
    return (Map<String, Map<String, Object>>) compose.get("services");
  }

  @SuppressWarnings("unchecked")
  private static List<String> command(Map<String, Object> service) {
    return (List<String>) service.getOrDefault("command", List.of());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> environment(Map<String, Object> service) {
    return (Map<String, Object>) service.getOrDefault("environment", Map.of());
  }

  private static String option(List<String> command, String name) {
    int i = command.indexOf(name);
    return i < 0 || i + 1 == command.size() ? null : command.get(i + 1);
  }

  @Test
  void theComposeFileRunsPostgresTwoBotsAStudioApiAndTwoWorkers() throws IOException {
    Map<String, Map<String, Object>> services = services();
    List<String> roles = new ArrayList<>();
    int bots = 0;
    for (var entry : services.entrySet()) {
      Map<String, Object> s = entry.getValue();
      assertThat(s.containsKey("build") || s.containsKey("image")).as(entry.getKey() + " has an image or a build")
          .isTrue();
      List<String> command = command(s);
      if (!command.isEmpty() && command.get(0).equals("studio")) {
        String role = option(command, "--role");
        assertThatCode(() -> StudioLauncher.role(role)).as(entry.getKey() + "'s role").doesNotThrowAnyException();
        roles.add(role);
        assertThat(environment(s)).as(entry.getKey() + " shares the store").containsKey("TUNECUT_DATABASE_URL");
        assertThat(s.toString()).as(entry.getKey() + " is checked for readiness on its own port")
            .contains("http://127.0.0.1:" + option(command, "--port") + "/readyz");
      }
      if (command.equals(List.of("telegram"))) {
        bots++;
        assertThat(environment(s)).containsKeys("NEMO_API_URL", "TELEGRAM_WEBHOOK_URL", "TELEGRAM_WEBHOOK_SECRET");
      }
    }
    assertThat(services).containsKey("postgres");
    assertThat(roles).containsExactlyInAnyOrder("api", "worker", "worker");
    assertThat(bots).isEqualTo(2);
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyDependencyExistsAndNoHostPortIsTakenTwice() throws IOException {
    Map<String, Map<String, Object>> services = services();
    Set<String> hostPorts = new HashSet<>();
    for (var entry : services.entrySet()) {
      Object depends = entry.getValue().getOrDefault("depends_on", Map.of());
      Iterable<String> names = depends instanceof Map ? ((Map<String, Object>) depends).keySet() : (List<String>) depends;
      for (String name : names) assertThat(services).as(entry.getKey() + " depends on " + name).containsKey(name);
      for (Object port : (List<Object>) entry.getValue().getOrDefault("ports", List.of())) {
        String host = port.toString().split(":")[0];
        assertThat(hostPorts.add(host)).as("host port " + host + " used once").isTrue();
      }
    }
    // The bots reach the studio API by its service name and port.
    String api = environment(services.get("bot-1")).get("NEMO_API_URL").toString();
    assertThat(api).isEqualTo("http://studio-api:" + option(command(services.get("studio-api")), "--port"));
  }

  @Test
  void everyVariableIsOneTheReadmeExplains() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
    for (var service : services().values()) {
      for (String name : environment(service).keySet()) {
        if (name.startsWith("POSTGRES_")) continue; // the postgres image's own
        assertThat(readme).as(name + " in the README's configuration").contains("`" + name + "`");
      }
    }
    // What the operator must put in .env is in the README's step 1.
    Matcher required = Pattern.compile("\\$\\{([A-Z_]+):\\?").matcher(compose);
    while (required.find()) assertThat(readme).as(required.group(1) + " in the .env step").contains(required.group(1) + "=");
  }

  @Test
  void theImageHasJava17FfmpegTheFontsTheSoundfontAndTheJarTheBuildMakes() throws IOException {
    String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
    String appPom = Files.readString(ROOT.resolve("app/pom.xml"));
    assertThat(dockerfile).contains("FROM eclipse-temurin:17-jre", "ffmpeg", "fonts-noto-cjk", "fonts-symbola",
        "fluid-soundfont-gm", "curl"); // curl: the compose health checks
    assertThat(appPom).contains("<outputFile>${project.build.directory}/tunecut.jar</outputFile>");
    assertThat(dockerfile).contains("COPY --from=build /src/app/target/tunecut.jar");
    assertThat(dockerfile).contains("EXPOSE 8750").contains("TUNECUT_STUDIO_PORT=8750");
  }
}
