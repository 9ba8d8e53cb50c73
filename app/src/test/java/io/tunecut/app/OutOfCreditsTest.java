package io.tunecut.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunecut.app.config.Settings;
import io.tunecut.app.console.Console;
import io.tunecut.app.console.ConsolePort;
import io.tunecut.core.chat.ChatUser;
import io.tunecut.core.testing.FakeNemoServer;
import io.tunecut.core.testing.FakeNemoServer.Call;
import io.tunecut.core.testing.FakeNemoServer.Failure;
import io.tunecut.core.user.UserDirectory;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Out of credits as the operator set the bot up: no foreign registration page for our own studio. */
class OutOfCreditsTest {
  @TempDir Path data;

  private String chat(Map<String, String> extra, String... lines) throws Exception {
    Map<String, String> env = new HashMap<>(extra);
    env.put("TUNECUT_DATA_DIR", data.toString());
    env.put("HOME", data.toString());
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (Bot bot = Bot.start(Settings.fromEnvironment(env))) {
      ConsolePort port = new ConsolePort(new PrintStream(printed, true, StandardCharsets.UTF_8), data.resolve("exports"));
      new Console(bot.engine(), port, "ann", System.err).run(new BufferedReader(new StringReader(String.join("\n", lines) + "\n")));
    }
    return printed.toString(StandardCharsets.UTF_8);
  }

  @Test
  void onAStandaloneStudioTodaysRenderTimeIsUsedUpAndNoRegistrationPageIsGiven() throws Exception {
    try (FakeNemoServer studio = FakeNemoServer.start()) {
      studio.saysItIsATunecutStudio();
      studio.failNext(Call.CREDITS, Failure.business(2001, "not enough render minutes today"));

      String transcript = chat(Map.of("NEMO_API_URL", studio.baseUrl()), "/credits");

      assertThat(transcript).contains("today's render time on this server").contains("midnight UTC")
          .doesNotContain("nemovideo").doesNotContain("register");
    }
  }

  @Test
  void behindAProxyOfTheCloudTheRegistrationPageIsGivenWithThePersonsBackendId() throws Exception {
    try (FakeNemoServer proxy = FakeNemoServer.start()) {
      proxy.failNext(Call.CREDITS, Failure.business(2001, "insufficient credits"));

      String transcript = chat(Map.of("NEMO_API_URL", proxy.baseUrl()), "/credits");

      assertThat(transcript).contains("https://nemovideo.com/register?bind=" + backendUserId())
          .doesNotContain("render time");
    }
  }

  @Test
  void anOperatorsRegistrationPageIsGivenWithThePersonsBackendId() throws Exception {
    try (FakeNemoServer studio = FakeNemoServer.start()) {
      studio.failNext(Call.CREDITS, Failure.business(2001, "insufficient credits"));

      String transcript = chat(Map.of("NEMO_API_URL", studio.baseUrl(), "TUNECUT_REGISTER_URL", "https://signup.example/join"),
          "/credits");

      assertThat(transcript).contains("https://signup.example/join?bind=" + backendUserId());
    }
  }

  private String backendUserId() throws IOException {
    try (UserDirectory directory = UserDirectory.open(data.resolve("bot"), null)) {
      String id = directory.get(new ChatUser(ConsolePort.PLATFORM, "ann")).backendUserId();
      assertThat(id).startsWith("anon_");
      return id;
    }
  }

  @Test
  void theEmbeddedStudiosDailyQuotaIsExplainedWhenAnExportWouldGoOverIt(@TempDir Path media) throws Exception {
    // 61 s of video is more than a quota of one render minute a day.
    Path clip = media.resolve("long walk.mp4");
    GeneratedMedia.make(clip, "-f", "lavfi", "-i", "testsrc2=size=160x90:rate=10:duration=61", "-c:v", "libx264",
        "-preset", "ultrafast", "-pix_fmt", "yuv420p");

    String transcript = chat(Map.of("TUNECUT_RENDER_MINUTES_PER_DAY", "1"), "/attach \"" + clip + "\"", "export");

    assertThat(transcript).contains("long walk.mp4").contains("today's render time on this server").contains("midnight UTC")
        .doesNotContain("nemovideo").doesNotContain("register");
  }
}
