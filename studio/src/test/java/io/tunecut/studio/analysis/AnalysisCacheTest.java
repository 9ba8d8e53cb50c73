package io.tunecut.studio.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalysisCacheTest {
  @TempDir Path dir;
  private final AtomicInteger analyses = new AtomicInteger();
  private final Function<Path, Beats> countingTracker = file -> {
    analyses.incrementAndGet();
    return new Beats(120, List.of(0.5, 1.0, 1.5), List.of(0.5));
  };

  private AnalysisCache cache(Path store) {
    return new AnalysisCache(store, countingTracker, f -> new Cuts(List.of(1.0),
        List.of(new Transition(2, 3, Transition.Kind.FADE))), f -> List.of(new TimeRange(1, 2)));
  }

  @Test
  void aSecondTurnReusesTheFirstAnalysis() throws Exception {
    Path track = Files.writeString(dir.resolve("song.mp3"), "pretend audio");
    AnalysisCache cache = cache(dir.resolve("cache"));

    Beats first = cache.beats(track);
    Beats second = cache.beats(track);

    assertThat(second).isEqualTo(first);
    assertThat(analyses).hasValue(1);
  }

  @Test
  void resultsSurviveARestart() throws Exception {
    Path track = Files.writeString(dir.resolve("song.mp3"), "pretend audio");
    Beats before = cache(dir.resolve("cache")).beats(track);
    AnalysisCache afterRestart = cache(dir.resolve("cache"));

    assertThat(afterRestart.beats(track)).isEqualTo(before);
    assertThat(afterRestart.cuts(track).gradual()).hasSize(1);
    assertThat(afterRestart.speech(track)).containsExactly(new TimeRange(1, 2));
    assertThat(analyses).hasValue(1);
  }

  @Test
  void theSameContentUnderAnotherNameIsNotAnalysedAgainButChangedContentIs() throws Exception {
    Path a = Files.writeString(dir.resolve("a.mp3"), "same bytes");
    Path b = Files.writeString(dir.resolve("b.mp3"), "same bytes");
    Path c = Files.writeString(dir.resolve("c.mp3"), "other bytes");
    AnalysisCache cache = cache(dir.resolve("cache"));

    cache.beats(a);
    cache.beats(b);
    assertThat(analyses).hasValue(1);
    cache.beats(c);
    assertThat(analyses).hasValue(2);
  }

  @Test
  void aDamagedEntryOnDiskIsAnalysedAgain() throws Exception {
    Path track = Files.writeString(dir.resolve("song.mp3"), "pretend audio");
    Path store = dir.resolve("cache");
    cache(store).beats(track);
    try (var files = Files.list(store)) {
      for (Path p : files.toList()) {
        Files.writeString(p, "{not json");
      }
    }
    assertThat(cache(store).beats(track).tempo()).isEqualTo(120);
    assertThat(analyses).hasValue(2);
  }
}
