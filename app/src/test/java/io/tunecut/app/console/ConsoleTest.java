package io.tunecut.app.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tunecut.app.Bot;
import io.tunecut.app.config.Settings;
import io.tunecut.core.testing.FakeNemoServer;
import io.tunecut.core.testing.Turn;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console end to end, against a scripted NemoVideo backend. */
class ConsoleTest {
  @TempDir Path data;
  private FakeNemoServer backend;
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final ByteArrayOutputStream errors = new ByteArrayOutputStream();

  @BeforeEach
  void startBackend() throws Exception {
    backend = FakeNemoServer.start();
  }

  @AfterEach
  void stopBackend() throws Exception {
    backend.close();
  }

  private String chat(String user, String... lines) throws Exception {
    Settings settings = Settings.fromEnvironment(Map.of(
        "NEMO_API_URL", backend.baseUrl(), "TUNECUT_DATA_DIR", data.toString(), "HOME", data.toString()));
    try (Bot bot = Bot.start(settings)) {
      ConsolePort port = new ConsolePort(new PrintStream(printed, true, StandardCharsets.UTF_8), data.resolve("exports"));
      String script = String.join("\n", lines) + "\n";
      new Console(bot.engine(), port, user, new PrintStream(errors, true, StandardCharsets.UTF_8))
          .run(new BufferedReader(new StringReader(script)));
    }
    return printed.toString(StandardCharsets.UTF_8);
  }

  @Test
  void eachLineIsAnsweredBeforeTheNextIsRead() throws Exception {
    Path clip = Files.write(data.resolve("clip.mp4"), new byte[2048]);
    backend.onMessage("music", Turn.builder().tool("add_music").delay(Duration.ofMillis(200))
        .text("Added background music at 35%.").build());

    String transcript = chat("ann", "/attach " + clip, "add background music at 35%", "export");

    assertThat(transcript.lines()).isNotEmpty().allMatch(line -> line.startsWith("bot> ") || line.startsWith("bot~ "));
    assertThat(transcript).contains("Added background music at 35%.");
    // The export's render finished and was delivered before the input ended: the file and the whole link.
    String link = backend.baseUrl().replaceAll("/$", "") + "/files/" + backend.renderIds().get(0) + ".mp4";
    assertThat(transcript).contains(link);
    assertThat(Files.list(data.resolve("exports")).toList()).hasSize(1);
    assertThat(backend.count(FakeNemoServer.Call.UPLOAD)).isEqualTo(1);
    assertThat(backend.allMessages()).containsExactly("add background music at 35%");
  }

  @Test
  void inAScriptEachLinesPicturesComeBeforeTheNextLinesAnswer() throws Exception {
    Path clip = Files.write(data.resolve("clip.mp4"), new byte[2048]);
    // Pictures are drawn slower than the next line is answered: read as they came, they would land late.
    backend.drawsPictures().delay(FakeNemoServer.Call.TIMELINE_PICTURE, Duration.ofMillis(1500));
    backend.onMessage("music", Turn.builder().tool("add_music").draft(FakeNemoServer.EXAMPLE_DRAFT)
        .text("Added background music at 35%.").build());

    List<String> transcript = chat("ann", "/attach " + clip, "add background music at 35%", "/help").lines().toList();

    String in = String.join("\n", transcript);
    int music = transcript.indexOf("bot> Added background music at 35%.");
    int help = indexOfFirst(transcript, "bot> ", music + 1, line -> !line.startsWith("bot> photo: ")
        && !line.startsWith("bot> [") && !line.startsWith("bot> ⏳"));
    List<Integer> photos = indexesOf(transcript, line -> line.startsWith("bot> photo: "));
    assertThat(music).as("in:%n%s", in).isPositive();
    assertThat(photos).as("the upload's picture, then the edit's, in:%n%s", in).hasSize(2);
    assertThat(photos.get(0)).as("the upload's picture before the next line's answer, in:%n%s", in).isLessThan(music);
    assertThat(photos.get(1)).as("the edit's picture before the next line's answer, in:%n%s", in).isBetween(music, help);
    assertThat(Path.of(transcript.get(photos.get(1)).substring("bot> photo: ".length()))).isRegularFile();
  }

  @Test
  void theUploadsFirstPictureAndThenItsFullOnePrintBeforeTheNextLinesAnswer() throws Exception {
    Path clip = Files.write(data.resolve("clip.mp4"), new byte[2048]);
    // The studio draws at once while it still works out the beats and cuts; the full picture shows the beats.
    backend.drawsPictures().drawsAtOnceWhileFinding("beats, cuts", "beats");
    backend.onMessage("music", Turn.builder().tool("add_music").text("Added background music.").build());

    List<String> lines = chat("ann", "/attach " + clip, "add background music").lines().toList();

    // The full picture replaces the first, printed as an edit.
    List<Integer> photos = indexesOf(lines, line -> line.startsWith("bot> photo: ") || line.startsWith("bot~ photo: "));
    assertThat(photos).as("the first picture, then the full one, in:%n%s", String.join("\n", lines)).hasSize(2);
    assertThat(lines.get(photos.get(0))).startsWith("bot> photo: ");
    assertThat(lines.get(photos.get(1))).startsWith("bot~ photo: ");
    assertThat(photos.get(0)).isGreaterThan(indexOfFirst(lines, "bot> Added clip.mp4", 0, line -> true));
    assertThat(photos.get(1)).isLessThan(lines.indexOf("bot> Added background music."));
    assertThat(Path.of(lines.get(photos.get(1)).substring("bot~ photo: ".length()))).isRegularFile()
        .isNotEqualTo(Path.of(lines.get(photos.get(0)).substring("bot> photo: ".length())));
  }

  @Test
  void inAScriptTheNextLineRunsWhileThePictureIsDrawnAndPrintsAfterIt() throws Exception {
    Path clip = Files.write(data.resolve("clip.mp4"), new byte[2048]);
    backend.drawsPictures().delay(FakeNemoServer.Call.TIMELINE_PICTURE, Duration.ofSeconds(4));
    backend.onMessage("music", Turn.builder().tool("add_music").text("Added background music.").build());
    PipedWriter script = new PipedWriter();
    CompletableFuture<Void> done = console(script, Console.Pace.IN_ORDER);

    script.write("/attach " + clip + "\nadd background music\n");
    script.close();
    await().atMost(Duration.ofSeconds(30)).until(() -> backend.allMessages().contains("add background music"));
    assertThat(transcript()).as("the upload's picture is still being drawn").doesNotContain("photo: ")
        .doesNotContain("Added background music.");

    done.get(60, TimeUnit.SECONDS);
    List<String> lines = transcript().lines().toList();
    int photo = indexesOf(lines, line -> line.startsWith("bot> photo: ")).get(0);
    assertThat(photo).as("in:%n%s", transcript()).isLessThan(lines.indexOf("bot> Added background music."));
  }

  private static int indexOfFirst(List<String> lines, String prefix, int from, java.util.function.Predicate<String> which) {
    for (int i = from; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix) && which.test(lines.get(i))) return i;
    }
    return -1;
  }

  private static List<Integer> indexesOf(List<String> lines, java.util.function.Predicate<String> which) {
    return java.util.stream.IntStream.range(0, lines.size()).filter(i -> which.test(lines.get(i))).boxed().toList();
  }

  /** A console reading what is written to the returned pipe, as a terminal or a slow script would feed it. */
  private CompletableFuture<Void> console(PipedWriter input, Console.Pace pace) throws Exception {
    Settings settings = Settings.fromEnvironment(Map.of(
        "NEMO_API_URL", backend.baseUrl(), "TUNECUT_DATA_DIR", data.toString(), "HOME", data.toString()));
    BufferedReader in = new BufferedReader(new PipedReader(input));
    return CompletableFuture.runAsync(() -> {
      try (Bot bot = Bot.start(settings)) {
        ConsolePort port = new ConsolePort(new PrintStream(printed, true, StandardCharsets.UTF_8), data.resolve("exports"));
        new Console(bot.engine(), port, "ann", new PrintStream(errors, true, StandardCharsets.UTF_8)).run(in, pace);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private String transcript() {
    return printed.toString(StandardCharsets.UTF_8);
  }

  @Test
  void inAScriptCancelStopsTheRenderThatIsRunning() throws Exception {
    Path clip = Files.write(data.resolve("clip.mp4"), new byte[2048]);
    backend.holdRenders(true);
    PipedWriter script = new PipedWriter();
    CompletableFuture<Void> done = console(script, Console.Pace.IN_ORDER);

    script.write("/attach " + clip + "\nexport\n");
    script.flush();
    await().atMost(Duration.ofSeconds(30)).until(() -> backend.count(FakeNemoServer.Call.RENDER_STATUS) > 0);
    script.write("/cancel\n");
    script.close();

    done.get(30, TimeUnit.SECONDS);
    assertThat(backend.renderCancelled(backend.renderIds().get(0))).isTrue();
    assertThat(transcript()).contains("Cancelled the export.");
  }

  @Test
  void typedAtATerminalALineIsHandledAsItComes() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    backend.onMessage("music", Turn.builder().tool("add_music").hold(release).text("Added background music.").build());
    PipedWriter terminal = new PipedWriter();
    CompletableFuture<Void> done = console(terminal, Console.Pace.AS_TYPED);

    terminal.write("add background music\n");
    terminal.flush();
    await().atMost(Duration.ofSeconds(30)).until(() -> backend.allMessages().contains("add background music"));
    terminal.write("make it vertical\n");
    terminal.flush();

    await().atMost(Duration.ofSeconds(30)).until(() -> transcript().contains("I'm still working on your last request"));
    release.countDown();
    terminal.close();
    done.get(30, TimeUnit.SECONDS);
    assertThat(transcript()).contains("Added background music.");
  }

  @Test
  void aFileThatCannotBeReadIsReportedAndNothingIsSent() throws Exception {
    String transcript = chat("ann", "/attach " + data.resolve("missing.mp4"), "/status");

    assertThat(errors.toString(StandardCharsets.UTF_8)).contains("cannot read").contains("missing.mp4");
    assertThat(backend.count(FakeNemoServer.Call.UPLOAD)).isZero();
    assertThat(transcript).startsWith("bot> ");
  }

  @Test
  void eachConsoleUserHasTheirOwnSession() throws Exception {
    chat("ann", "hello");
    chat("bob", "hello");

    assertThat(backend.sessionIds()).hasSize(2);
  }

  @Test
  void theTokenNeverReachesTheTranscript() throws Exception {
    String transcript = chat("ann", "add music", "/credits", "/status");

    List<String> tokens = backend.issuedTokens();
    assertThat(tokens).isNotEmpty();
    tokens.forEach(token -> assertThat(transcript).doesNotContain(token));
  }
}
