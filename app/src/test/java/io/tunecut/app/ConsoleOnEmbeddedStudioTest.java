package io.tunecut.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunecut.app.config.Settings;
import io.tunecut.app.console.Console;
import io.tunecut.app.console.ConsolePort;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The product as `./tunecut` runs it: the console on the embedded studio, real ffmpeg. */
class ConsoleOnEmbeddedStudioTest {
  @TempDir static Path media;
  static Path clip;
  static Path track;

  @BeforeAll
  static void generateMedia() throws Exception {
    clip = media.resolve("beach.mp4");
    track = media.resolve("lofi song.mp3");
    GeneratedMedia.make(clip, "-f", "lavfi", "-i", "testsrc2=size=320x180:rate=30:duration=4", "-f", "lavfi", "-i",
        "sine=frequency=300:duration=4", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac",
        "-shortest");
    GeneratedMedia.make(track, "-f", "lavfi", "-i", "sine=frequency=660:duration=9", "-c:a", "libmp3lame");
  }

  @Test
  void attachAnInstructionAndAnExportEndWithALinkToAPlayableVideo(@TempDir Path data) throws Exception {
    Settings settings = Settings.fromEnvironment(Map.of("TUNECUT_DATA_DIR", data.toString(), "HOME", data.toString()));
    String script = String.join("\n",
        "/attach " + clip + " \"" + track + "\"",
        "add background music at 35% and fade it out at the end",
        "/status",
        "preview",
        "export",
        "");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (Bot bot = Bot.start(settings)) {
      ConsolePort port = new ConsolePort(new PrintStream(printed, true, StandardCharsets.UTF_8), data.resolve("exports"));
      new Console(bot.engine(), port, "ann", System.err).run(new BufferedReader(new StringReader(script)));

      String transcript = printed.toString(StandardCharsets.UTF_8);
      assertThat(transcript.lines()).allMatch(line -> line.startsWith("bot> ") || line.startsWith("bot~ "));
      assertThat(transcript).contains("lofi song.mp3").contains("35%");
      // The edit's reply and /status word the timeline the same way.
      List<String> timelines = transcript.lines().map(l -> l.substring(5)).filter(l -> l.startsWith("Timeline: ")).toList();
      assertThat(timelines).as("timeline lines in:%n%s", transcript).hasSizeGreaterThanOrEqualTo(2);
      assertThat(timelines.stream().distinct()).as("timeline lines in:%n%s", transcript).hasSize(1);

      // The timeline's picture, after the edit and on /status: a real PNG beside the exports.
      List<String> photos = transcript.lines().filter(l -> l.startsWith("bot> photo: ")).toList();
      assertThat(photos).as("pictures in:%n%s", transcript).hasSizeGreaterThanOrEqualTo(2);
      Path picture = Path.of(photos.get(photos.size() - 1).substring("bot> photo: ".length()).strip());
      assertThat(picture).exists();
      assertThat(ImageIO.read(picture.toFile()).getWidth()).isEqualTo(1280);
      assertThat(transcript).contains("bot> Quick preview (360p");

      Matcher link = Pattern.compile("https?://\\S+").matcher(transcript);
      String last = null;
      while (link.find()) last = link.group();
      assertThat(last).as("a link in:%n%s", transcript).isNotNull();

      HttpResponse<Path> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(last)).build(),
          HttpResponse.BodyHandlers.ofFile(data.resolve("downloaded.mp4")));
      assertThat(download.statusCode()).isEqualTo(200);
      String streams = probe(download.body());
      assertThat(streams).contains("codec_name=h264").contains("codec_name=aac");
      // Beside the video: the timeline's picture and the quick preview.
      List<Path> exported = Files.list(data.resolve("exports"))
          .filter(f -> f.getFileName().toString().startsWith("render_")).toList();
      assertThat(exported).as("the video delivered as a file").hasSize(1);
      Path rendered = data.resolve("studio/renders").resolve(exported.get(0).getFileName());
      assertThat(Files.isSameFile(exported.get(0), rendered)).as("delivered from where the studio wrote it, not copied").isTrue();
      assertThat(transcript.lines().reduce((a, b) -> b).orElseThrow()).as("the last status shows before the console ends")
          .startsWith("bot~ ✓");
    }
  }

  private static String probe(Path file) throws IOException, InterruptedException {
    Process process = new ProcessBuilder("ffprobe", "-v", "error", "-show_entries", "stream=codec_name", "-of", "default=nw=1", file.toString())
        .redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    return out;
  }
}
