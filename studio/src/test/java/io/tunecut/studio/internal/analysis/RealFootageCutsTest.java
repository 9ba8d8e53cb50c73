package io.tunecut.studio.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunecut.studio.internal.analysis.RealFootage.Video;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** The cut detector on the real-footage videos kept in the repository (resources/cuts). */
class RealFootageCutsTest {
  private final CutDetector detector = new CutDetector();

  @Test
  void hardCutsInRealFootageWithFastMotionAndSimilarColoursAreFound() throws Exception {
    CutScores all = new CutScores(0, 0, 0);
    for (Video video : RealFootage.videos()) {
      var kept = RealFootageCutsTest.class.getResource("/cuts/" + video.id() + ".mp4");
      if (kept == null) {
        continue;
      }
      Cuts found = detector.detect(Path.of(Objects.requireNonNull(kept).toURI()));
      all = all.plus(CutScores.of(video.cutTimes(), found.cuts(), RealFootageBench.ONE_FRAME));
    }
    assertThat(all.truth()).as("true cuts in the kept videos").isGreaterThanOrEqualTo(20);
    assertThat(all.precision()).as("precision").isGreaterThanOrEqualTo(0.95);
    assertThat(all.f1()).as("F1 at ±1 frame").isGreaterThanOrEqualTo(0.9);
  }
}
