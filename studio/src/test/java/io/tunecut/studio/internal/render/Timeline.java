package io.tunecut.studio.internal.render;

import static io.tunecut.studio.ffmpeg.TestMedia.FFMPEG;

import io.tunecut.studio.internal.draft.Caption;
import io.tunecut.studio.internal.draft.Clip;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.draft.Output;
import io.tunecut.studio.ffmpeg.FfmpegRun;
import io.tunecut.studio.internal.media.FfprobeMediaProbe;
import io.tunecut.studio.internal.media.Media;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/** A typed draft built straight from uploaded files, rendered, and frames of the result as pictures. */
final class Timeline {
  private final Path dir;
  private final List<Media> media = new ArrayList<>();
  private final List<Clip> clips = new ArrayList<>();
  private final List<Caption> captions = new ArrayList<>();
  private Output output = Output.defaults().withLoudness(null);

  Timeline(Path dir) {
    this.dir = dir;
  }

  Timeline clip(Path file) throws Exception {
    String name = file.getFileName().toString();
    Media m = new Media("med_" + (media.size() + 1), name, new FfprobeMediaProbe(FFMPEG).probe(file, name), file);
    media.add(m);
    long ms = Math.round(m.info().durationSeconds() * 1000);
    clips.add(new Clip("c" + clips.size(), m.id(), name, "video", ms, 0, 1.0, null));
    return this;
  }

  Timeline caption(String text, String position, double size, String color) {
    captions.add(new Caption("x" + captions.size(), text, 0, 60_000, position, size, color, null));
    return this;
  }

  Timeline output(Output o) {
    output = o;
    return this;
  }

  Output output() {
    return output;
  }

  Path render(FfmpegRenderer renderer) throws Exception {
    Draft draft = Draft.empty().withClips(clips).withCaptions(captions).withOutput(output);
    Map<String, Media> byId = new LinkedHashMap<>();
    media.forEach(m -> byId.put(m.id(), m));
    Path out = dir.resolve("out-" + System.nanoTime() + ".mp4");
    renderer.render(draft, byId, out, f -> {});
    return out;
  }

  /** The frame shown at {@code seconds}, as a person would see it. */
  static BufferedImage frame(Path video, double seconds) throws Exception {
    Path png = video.resolveSibling(video.getFileName() + "-" + seconds + ".png");
    FFMPEG.run(FfmpegRun.of(List.of("-ss", String.valueOf(seconds), "-i", video.toString(), "-frames:v", "1",
        png.toString()), Duration.ofSeconds(30)));
    return ImageIO.read(png.toFile());
  }
}
