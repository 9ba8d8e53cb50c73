package io.tunecut.studio.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.awaitility.Awaitility;
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

  @Test
  void aFileStartedAtUploadIsAnalysedOnceAndATurnWaitsOnlyForWhatStillRuns() throws Exception {
    Path track = Files.writeString(dir.resolve("song.mp3"), "pretend audio");
    CountDownLatch release = new CountDownLatch(1);
    AnalysisCache cache = new AnalysisCache(dir.resolve("cache"), file -> {
      analyses.incrementAndGet();
      await(release);
      return new Beats(120, List.of(0.5), List.of(0.5));
    }, f -> new Cuts(List.of(), List.of()), f -> List.of());

    cache.start(track, EnumSet.of(AnalysisCache.Kind.BEATS));
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> analyses.get() == 1);
    CompletableFuture<Beats> turn = CompletableFuture.supplyAsync(() -> cache.beats(track));
    assertThat(turn).as("the turn waits for the running analysis").isNotDone();
    release.countDown();

    assertThat(turn.get(5, TimeUnit.SECONDS).tempo()).isEqualTo(120);
    assertThat(analyses).as("analysed once, in the background").hasValue(1);
    cache.close();
  }

  @Test
  void aFileThatGoesAwayBeforeItsTurnIsNotAnalysed() throws Exception {
    Path busy = Files.writeString(dir.resolve("busy.mp3"), "first");
    Path gone = Files.writeString(dir.resolve("gone.mp3"), "second");
    CountDownLatch release = new CountDownLatch(1);
    List<Path> analysed = new CopyOnWriteArrayList<>();
    AnalysisCache cache = new AnalysisCache(dir.resolve("cache"), f -> new Beats(120, List.of(), List.of()),
        file -> {
          analysed.add(file);
          await(release);
          return new Cuts(List.of(), List.of());
        }, f -> List.of());

    // Two clips keep both background workers busy, so the third waits in line.
    Path other = Files.writeString(dir.resolve("other.mp4"), "third");
    cache.start(busy, EnumSet.of(AnalysisCache.Kind.CUTS));
    cache.start(other, EnumSet.of(AnalysisCache.Kind.CUTS));
    cache.start(gone, EnumSet.of(AnalysisCache.Kind.CUTS));
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> analysed.size() == 2);
    cache.forget(gone);
    release.countDown();
    // The line is first come, first served: once a later file is analysed, the dropped one had its turn.
    Path later = Files.writeString(dir.resolve("later.mp4"), "fourth");
    cache.start(later, EnumSet.of(AnalysisCache.Kind.CUTS));
    Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> analysed.contains(later));

    cache.close();
    assertThat(analysed).containsExactlyInAnyOrder(busy, other, later);
  }

  @Test
  void aFileStartedAgainIsAnalysedOnceAndTheOtherThreadGoesOnToTheNextFile() throws Exception {
    Path clip = Files.writeString(dir.resolve("clip.mp4"), "pretend video");
    Path track = Files.writeString(dir.resolve("song.mp3"), "pretend audio");
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger cutAnalyses = new AtomicInteger();
    AnalysisCache cache = new AnalysisCache(dir.resolve("cache"), countingTracker, file -> {
      cutAnalyses.incrementAndGet();
      await(release);
      return new Cuts(List.of(), List.of());
    }, f -> List.of());

    // Started by its name as it lands, then again once the probe has said what it is.
    cache.start(clip, EnumSet.of(AnalysisCache.Kind.CUTS));
    cache.start(clip, EnumSet.of(AnalysisCache.Kind.CUTS));
    cache.start(track, EnumSet.of(AnalysisCache.Kind.BEATS));

    Awaitility.await("the track analysed while the clip's cuts still run").atMost(Duration.ofSeconds(5))
        .until(() -> analyses.get() == 1);
    release.countDown();
    assertThat(cache.cuts(clip).cuts()).isEmpty();
    assertThat(cutAnalyses).hasValue(1);
    cache.close();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
