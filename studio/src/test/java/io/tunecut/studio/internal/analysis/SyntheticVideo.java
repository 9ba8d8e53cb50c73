package io.tunecut.studio.internal.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Small videos with shot boundaries at known times, made by ffmpeg's lavfi sources. */
final class SyntheticVideo {
  static final int FPS = 30;

  private SyntheticVideo() {}

  /** One shot: a lavfi source (without size/rate/duration) and filters applied to it. */
  record Shot(String source, String filters, double seconds) {}

  /**
   * Shots joined by hard cuts, then {@code extra} applied to the whole (flashes), encoded
   * small. Returns the cut times.
   */
  static List<Double> hardCuts(Path out, String size, List<Shot> shots, String extra)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-v", "error", "-y"));
    StringBuilder graph = new StringBuilder();
    List<Double> cuts = new ArrayList<>();
    double at = 0;
    for (int i = 0; i < shots.size(); i++) {
      Shot shot = shots.get(i);
      command.addAll(List.of("-f", "lavfi", "-t", Double.toString(shot.seconds()), "-i",
          shot.source() + (shot.source().contains("=") ? ":" : "=") + "size=" + size + ":rate=" + FPS));
      graph.append('[').append(i).append(":v]")
          .append(shot.filters().isEmpty() ? "" : shot.filters() + ",")
          .append("format=yuv420p,setsar=1[s").append(i).append("];");
      if (i > 0) {
        cuts.add(at);
      }
      at += Math.round(shot.seconds() * FPS) / (double) FPS;
    }
    for (int i = 0; i < shots.size(); i++) {
      graph.append("[s").append(i).append(']');
    }
    graph.append("concat=n=").append(shots.size()).append(":v=1:a=0");
    graph.append(extra.isEmpty() ? "" : "," + extra).append("[v]");
    command.addAll(List.of("-filter_complex", graph.toString(), "-map", "[v]",
        "-c:v", "libx264", "-preset", "ultrafast", "-crf", "20", "-g", "250", out.toString()));
    run(command);
    return cuts;
  }

  static void run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("ffmpeg failed: " + command);
    }
  }
}
