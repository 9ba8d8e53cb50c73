package io.tunecut.studio.internal.preview;

import static io.tunecut.studio.ffmpeg.TestMedia.FFMPEG;

import io.tunecut.studio.internal.analysis.AnalysisCache;
import io.tunecut.studio.internal.draft.Caption;
import io.tunecut.studio.internal.draft.Clip;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.draft.Music;
import io.tunecut.studio.ffmpeg.TestMedia;
import io.tunecut.studio.internal.media.FfprobeMediaProbe;
import io.tunecut.studio.internal.media.Media;
import java.nio.file.Path;
import java.util.List;

/**
 * A small real timeline: a test-pattern clip, then a plain blue one, a click track at 120 BPM
 * faded in and out and ducked under speech from 4 to 6 s, a Chinese title and a caption.
 */
final class Sample {
  final Path dir;
  final Media pattern;
  final Media blue;
  final Media track;
  final AnalysisCache analysis;

  Sample(Path dir) throws Exception {
    this.dir = dir;
    pattern = media("med_pattern", TestMedia.clip(dir, "beach.mp4", 6, 640, 360));
    blue = media("med_blue", TestMedia.make(dir.resolve("sky.mp4"), "-f", "lavfi", "-i",
        "color=c=0x2060ff:size=640x360:rate=30:duration=4", "-pix_fmt", "yuv420p"));
    track = media("med_track", TestMedia.make(dir.resolve("lofi.mp3"), "-f", "lavfi", "-i",
        "aevalsrc=0.8*sin(2*PI*220*t)*exp(-12*mod(t\\,0.5)):s=44100:d=14", "-ac", "2"));
    analysis = new AnalysisCache(dir.resolve("analysis"), FFMPEG);
  }

  private static Media media(String id, Path file) throws Exception {
    String name = file.getFileName().toString();
    return new Media(id, name, new FfprobeMediaProbe(FFMPEG).probe(file, name), file);
  }

  List<Media> media() {
    return List.of(pattern, blue, track);
  }

  Draft draft(String title) {
    Music music = new Music("m", track.id(), "lofi.mp3", 0, 10_000, 0, 0.6, 2000, 2000, false, null, null)
        .ducked(-12, List.of(new Music.Range(4000, 6000)));
    return Draft.empty()
        .withClips(List.of(new Clip("c1", pattern.id(), "beach.mp4", "video", 6000, 0, 1.0, null),
            new Clip("c2", blue.id(), "sky.mp4", "video", 4000, 0, 1.0, null)))
        .withMusic(music)
        .withCaptions(List.of(Caption.of("t1", title, 0, 3000, "center"),
            new Caption("t2", "best day ever", 5000, 4000, "bottom", 0.08, "#ffd400", null)));
  }

  TimelinePictures pictures() {
    return new TimelinePictures(new Sketches(dir.resolve("pictures"), FFMPEG), analysis::beats, analysis::cuts);
  }
}
