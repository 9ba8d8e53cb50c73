package io.tunecut.studio.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tunecut.studio.internal.analysis.SyntheticVideo.Shot;
import io.tunecut.studio.bench.AnalyzeCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return AnalyzeCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void analyzeBeatsPrintsTempoBeatsAndDownbeats(@TempDir Path dir) throws Exception {
    Path wav = SyntheticTrack.of(SyntheticTrack.Style.DRUMS, 120).seconds(12).build()
        .writeWav(dir.resolve("drums.wav"));

    assertThat(run("analyze", "beats", wav.toString())).isZero();

    String printed = out.toString(StandardCharsets.UTF_8).trim();
    assertThat(printed).startsWith("{\"tempo\": ").contains("\"beats\": [").contains("\"downbeats\": [");
    JsonNode json = new ObjectMapper().readTree(printed);
    assertThat(json.get("tempo").asDouble()).isBetween(115.0, 125.0);
    assertThat(json.get("beats").size()).isGreaterThan(15);
    assertThat(json.get("beats_per_bar").asInt()).as("drums in four").isEqualTo(4);
  }

  @Test
  void analyzeCutsPrintsTheCuts(@TempDir Path dir) throws Exception {
    Path video = dir.resolve("two.mp4");
    SyntheticVideo.hardCuts(video, "160x90",
        List.of(new Shot("testsrc2", "", 1.5), new Shot("smptebars", "", 1.5)), "");

    assertThat(run("cuts", video.toString())).isZero();

    assertThat(out.toString(StandardCharsets.UTF_8).trim()).isEqualTo("{\"cuts\": [1.5]}");
  }

  @Test
  void aMissingFileOrWrongWordExplainsItself(@TempDir Path dir) {
    assertThat(run("analyze", "beats", dir.resolve("nope.mp3").toString())).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such file");
    assertThat(run("analyze", "colours", "x")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: analyze beats|cuts");
  }
}
