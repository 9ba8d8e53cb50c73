package io.tunecut.studio.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunecut.studio.analysis.Beats;
import io.tunecut.studio.analysis.CutDetector;
import io.tunecut.studio.analysis.Cuts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan is the truth: a montage cut as planned shows its cuts on the planned frames. */
class MontageRenderTest {
  private static final int FPS = 30;

  @Test
  void cutDetectionOnARenderedMontageFindsEveryCutWithinAFrameOfItsBeat(@TempDir Path dir)
      throws Exception {
    String[] sources = {"testsrc2", "smptebars", "rgbtestsrc"};
    List<Montage.Clip> clips = new ArrayList<>();
    for (int i = 0; i < sources.length; i++) {
      clips.add(new Montage.Clip(i, 6));
    }
    Beats beats = Grid.steady(128, 0.2, 60);
    Montage.Plan plan = Montage.plan(clips, beats, 60, 12, 2, FPS);

    // render the plan with ffmpeg: each shot trimmed from its clip, joined in order
    List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y"));
    for (String source : sources) {
      command.addAll(List.of("-f", "lavfi", "-t", "6", "-i", source + "=size=160x90:rate=" + FPS));
    }
    StringBuilder graph = new StringBuilder();
    int n = 0;
    for (Montage.Shot shot : plan.shots()) {
      // the picture changes colour along each clip, so two parts of one clip differ
      graph.append(String.format(Locale.ROOT,
          "[%d:v]hue=H=2*PI*t/6,trim=start=%.6f:duration=%.6f,setpts=PTS-STARTPTS,format=yuv420p[p%d];",
          shot.clip(), shot.in(), shot.length(), n++));
    }
    for (int i = 0; i < n; i++) {
      graph.append("[p").append(i).append(']');
    }
    graph.append("concat=n=").append(n).append(":v=1:a=0[v]");
    Path out = dir.resolve("montage.mp4");
    command.addAll(List.of("-filter_complex", graph.toString(), "-map", "[v]", "-c:v", "libx264",
        "-preset", "ultrafast", "-crf", "20", out.toString()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();

    Cuts found = new CutDetector().detect(out);

    assertThat(found.cuts()).hasSameSizeAs(plan.cuts());
    for (double planned : plan.cuts()) {
      double beat = CutSync.nearest(beats.beats(), planned + plan.musicIn()) - plan.musicIn();
      assertThat(found.cuts()).anySatisfy(c -> assertThat(Math.abs(c - beat)).isLessThanOrEqualTo(1.0 / FPS + 1e-3));
    }
  }
}
