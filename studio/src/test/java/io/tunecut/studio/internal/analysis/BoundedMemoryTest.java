package io.tunecut.studio.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tunecut.studio.bench.AnalyzeCommand;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Long media are analysed in a small heap: memory grows with a few numbers per frame, not with
 * decoded pictures or samples. Each analysis runs the {@code analyze} command in a JVM of its
 * own limited to {@value #HEAP}; holding the decoded media whole would need several times that
 * (25 minutes of 64x36 thumbnails alone are 311 MB).
 */
class BoundedMemoryTest {
  private static final String HEAP = "-Xmx64m";

  @TempDir Path dir;

  @Test
  void cutsOfA25MinuteVideoAreFoundIn64Megabytes() throws Exception {
    Path video = dir.resolve("long.mp4");
    SyntheticVideo.run(List.of("ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi",
        "-i", "testsrc=size=64x36:rate=30:duration=1500", "-vf", "drawbox=color=white:t=fill:"
            + "enable='gte(t,600)*lt(t,1200)'", "-c:v", "libx264", "-preset", "ultrafast", "-g", "300",
        video.toString()));

    JsonNode result = analyze("cuts", video);

    // the picture turns white at 10 minutes and comes back at 20
    assertThat(result.get("cuts")).extracting(JsonNode::asDouble).containsExactly(600.0, 1200.0);
  }

  @Test
  void speechIn30MinutesOfSoundIsLookedForIn64Megabytes() throws Exception {
    Path sound = dir.resolve("long.wav");
    SyntheticVideo.run(List.of("ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi",
        "-i", "sine=f=300:r=8000:d=1800", "-c:a", "pcm_u8", sound.toString()));

    JsonNode result = analyze("speech", sound);

    assertThat(result.get("speech")).isEmpty();
  }

  @Test
  void aTrackLongerThanAQuarterOfAnHourHasBeatsForItsFirstQuarterHour() throws Exception {
    Path track = dir.resolve("clicks.wav");
    SyntheticVideo.run(List.of("ffmpeg", "-nostdin", "-v", "error", "-y", "-f", "lavfi",
        "-i", "aevalsrc=0.8*sin(2*PI*1000*t)*lt(mod(t\\,0.5)\\,0.02):s=8000:d=1200",
        "-c:a", "pcm_u8", track.toString()));

    JsonNode result = analyze("beats", track);

    assertThat(result.get("tempo").asDouble()).isBetween(118.0, 122.0);
    JsonNode beats = result.get("beats");
    assertThat(beats.get(beats.size() - 1).asDouble()).isBetween(890.0, 900.0);
  }

  private JsonNode analyze(String what, Path file) throws Exception {
    JavaFork.Result run = JavaFork.run(dir, List.of(HEAP), Map.of(), AnalyzeCommand.class,
        "analyze", what, file.toString());
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    return new ObjectMapper().readTree(run.stdout());
  }
}
