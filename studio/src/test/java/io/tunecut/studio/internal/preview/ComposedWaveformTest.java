package io.tunecut.studio.internal.preview;

import static io.tunecut.studio.ffmpeg.TestMedia.FFMPEG;
import static org.assertj.core.api.Assertions.assertThat;

import io.tunecut.studio.ffmpeg.TestMedia;
import io.tunecut.studio.internal.agent.MusicMaker.Wish;
import io.tunecut.studio.internal.analysis.AnalysisCache;
import io.tunecut.studio.internal.compose.ComposedMusic;
import io.tunecut.studio.internal.draft.Clip;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.draft.Music;
import io.tunecut.studio.internal.media.FfprobeMediaProbe;
import io.tunecut.studio.internal.media.Media;
import io.tunecut.studio.server.Soundfont;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Music composed for a clip: its waveform is drawn from the sound the composer made, as decoding its file would draw it. */
class ComposedWaveformTest {
  @TempDir Path dir;

  @Test
  void theComposedTracksWaveformIsAtHandAtOnceAndDrawnAsItsDecodedFileWouldBe() throws Exception {
    Path file = TestMedia.clip(dir, "walk.mp4", 8, 320, 180);
    Media clip = new Media("med_walk", "walk.mp4", new FfprobeMediaProbe(FFMPEG).probe(file, "walk.mp4"), file);
    Draft draft = Draft.empty().withClips(List.of(new Clip("c1", clip.id(), clip.filename(), "video", 8000, 0, 1, null)));
    AnalysisCache analysis = new AnalysisCache(dir.resolve("analysis"), FFMPEG);
    Sketches handed = new Sketches(dir.resolve("handed"), FFMPEG);
    ComposedMusic maker = new ComposedMusic(dir, FFMPEG, analysis, Soundfont.fromEnvironment(System.getenv()), handed::heard);

    Media track = maker.make(draft, List.of(clip), new Wish(null, 1));

    assertThat(handed.waveformMade(track)).as("made when the track is, before anything is asked of its file").isTrue();
    assertThat(new Sketches(dir.resolve("handed"), FFMPEG).waveformMade(track)).as("kept on disk, for the next start").isTrue();
    byte[] fromSamples = handed.waveform(track).orElseThrow().peaks();
    byte[] decoded = new Sketches(dir.resolve("decoded"), FFMPEG).waveform(track).orElseThrow().peaks();
    assertThat(fromSamples).hasSameSizeAs(decoded);
    int loud = 0;
    int differ = 0;
    for (int i = 0; i < decoded.length; i++) {
      int a = fromSamples[i] & 0xff;
      int b = decoded[i] & 0xff;
      assertThat(Math.abs(a - b)).as("peak %d of %d", i, decoded.length).isLessThanOrEqualTo(1);
      if (a != b) differ++;
      if (b > 25) loud++;
    }
    assertThat(loud).as("music, not silence").isGreaterThan(decoded.length / 2);
    assertThat(differ).as("peaks a step apart (rounding)").isLessThanOrEqualTo(decoded.length / 50);

    Music music = new Music("m", track.id(), track.filename(), 0, 8000, 0, 0.8, 0, 1500, false, null, null);
    List<Media> media = List.of(clip, track);
    BufferedImage mine = new TimelinePictures(handed, analysis::beats, analysis::cuts).draw(draft.withMusic(music), media);
    BufferedImage theirs = new TimelinePictures(new Sketches(dir.resolve("decoded"), FFMPEG), analysis::beats, analysis::cuts)
        .draw(draft.withMusic(music), media);
    Files.createDirectories(Path.of("target"));
    ImageIO.write(mine, "png", Path.of("target", "composed-waveform.png").toFile());
    int pixels = 0;
    for (int y = 0; y < mine.getHeight(); y++) {
      for (int x = 0; x < mine.getWidth(); x++) if (mine.getRGB(x, y) != theirs.getRGB(x, y)) pixels++;
    }
    assertThat(pixels).as("pixels apart in a %dx%d picture", mine.getWidth(), mine.getHeight())
        .isLessThanOrEqualTo(8); // a peak a rounding step apart moves a bar's end by a pixel at most
  }
}
