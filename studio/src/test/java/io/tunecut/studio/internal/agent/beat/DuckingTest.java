package io.tunecut.studio.internal.agent.beat;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunecut.studio.internal.analysis.TimeRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class DuckingTest {
  @Test
  void speechInTheClipsBecomesPaddedTimelineRanges() {
    List<Ducking.Segment> segments = List.of(
        new Ducking.Segment(0, 5, 0, 1.0, List.of(new TimeRange(1.0, 2.0))),
        // the second clip is played from 10 s of its own time, starting at 5 s on the timeline
        new Ducking.Segment(5, 5, 10, 1.0, List.of(new TimeRange(2.0, 3.0), new TimeRange(11.0, 12.0))));

    List<long[]> ranges = Ducking.ranges(segments, 10);

    assertThat(ranges).hasSize(2);
    assertThat(ranges.get(0)).containsExactly(850, 2250);
    assertThat(ranges.get(1)).containsExactly(5850, 7250);
  }

  @Test
  void shortPausesDoNotLetTheMusicPumpBackUp() {
    List<Ducking.Segment> segments = List.of(new Ducking.Segment(0, 10, 0, 1.0,
        List.of(new TimeRange(1.0, 2.0), new TimeRange(2.5, 3.5))));
    assertThat(Ducking.ranges(segments, 10)).hasSize(1);
  }

  @Test
  void mutedClipsAndSpeechOutsideTheUsedPartAreIgnored() {
    List<Ducking.Segment> segments = List.of(
        new Ducking.Segment(0, 4, 0, 0.0, List.of(new TimeRange(1.0, 2.0))),
        new Ducking.Segment(4, 4, 0, 1.0, List.of(new TimeRange(6.0, 7.0))));
    assertThat(Ducking.ranges(segments, 8)).isEmpty();
  }

  @Test
  void speechInAFasterClipIsHeardSooner() {
    // at 2x, speech 4–6 s into the clip plays 2–3 s into it on screen
    List<Ducking.Segment> segments = List.of(new Ducking.Segment(0, 5, 0, 1.0, List.of(new TimeRange(4.0, 6.0)), 2));
    assertThat(Ducking.ranges(segments, 5).get(0)).containsExactly(1850, 3250);
  }
}
