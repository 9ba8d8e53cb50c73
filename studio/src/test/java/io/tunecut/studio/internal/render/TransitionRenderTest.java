package io.tunecut.studio.internal.render;

import static io.tunecut.studio.ffmpeg.TestMedia.FFMPEG;
import static io.tunecut.studio.internal.render.FfmpegRendererTest.frames;
import static io.tunecut.studio.internal.render.FfmpegRendererTest.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tunecut.studio.ffmpeg.FfmpegRun;
import io.tunecut.studio.internal.agent.RuleAgent;
import io.tunecut.studio.ffmpeg.TestMedia;
import io.tunecut.studio.internal.draft.Clip;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.draft.Output;
import io.tunecut.studio.internal.draft.Transition;
import io.tunecut.studio.internal.media.FfprobeMediaProbe;
import io.tunecut.studio.internal.media.Media;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crossfades between clips, clips played faster or slower, and stills shown for a set time, as rendered. */
class TransitionRenderTest {
  @TempDir Path dir;
  final Map<String, Media> media = new LinkedHashMap<>();
  /** A clip of one colour with a tone, {@code seconds} long. */
  Clip colour(String name, String colour, int hz, double seconds) throws Exception {
    Path file = TestMedia.make(dir.resolve(name), "-f", "lavfi", "-i", "color=c=" + colour + ":size=320x180:rate=30:duration=" + seconds,
        "-f", "lavfi", "-i", "sine=frequency=" + hz + ":sample_rate=48000:duration=" + seconds, "-shortest", "-pix_fmt", "yuv420p");
    return clip(file, "video", Math.round(seconds * 1000));
  }

  Clip clip(Path file, String kind, long ms) throws Exception {
    String name = file.getFileName().toString();
    Media m = new Media("med_" + (media.size() + 1), name, new FfprobeMediaProbe(FFMPEG).probe(file, name), file);
    media.put(m.id(), m);
    return new Clip("c" + media.size(), m.id(), name, kind, ms, 0, 1.0, null);
  }

  Path render(FfmpegRenderer r, Draft draft) throws Exception {
    Path out = dir.resolve("out-" + System.nanoTime() + ".mp4");
    r.render(draft.withOutput(Output.defaults().withLoudness(null)), media, out, f -> {});
    return out;
  }

  FfmpegRenderer renderer(RenderOptions options) {
    return new FfmpegRenderer(FFMPEG, dir.resolve("work"), options);
  }

  @Test
  void aCrossfadeBlendsTheClipsMidTransitionAndKeepsTheVideosLength() throws Exception {
    Draft draft = Draft.empty().withClips(List.of(colour("red.mp4", "red", 440, 1), colour("blue.mp4", "blue", 880, 1.5)))
        .withTransition(Transition.crossfade(500));
    RenderOptions small = RenderOptions.defaults().withShortSide(180);
    // one graph, each segment alone then joined, and a quick preview in parts: the same picture
    for (FfmpegRenderer r : List.of(renderer(small), renderer(small.withSegmentThreshold(1)), renderer(RenderOptions.preview(180, 400)))) {
      Path out = render(r, draft);
      assertThat(frames(out)).isEqualTo(75); // 2.5 s at 30 fps: the crossfade takes no time away
      var probe = FFMPEG.probe(out, Duration.ofSeconds(30));
      assertThat(Double.parseDouble(stream(probe, "audio").path("duration").asText())).isCloseTo(2.5, within(0.1));
      Color before = colourAt(out, 0.5);
      Color middle = colourAt(out, 1.25); // the crossfade runs from the cut at 1 s to 1.5 s
      Color after = colourAt(out, 2.0);
      assertThat(before.getRed()).isGreaterThan(200);
      assertThat(before.getBlue()).isLessThan(60);
      assertThat(after.getBlue()).isGreaterThan(200);
      assertThat(after.getRed()).isLessThan(60);
      // half way through the crossfade both clips show: red and blue both about half
      assertThat(middle.getRed()).isBetween(80, 180);
      assertThat(middle.getBlue()).isBetween(80, 180);
    }
  }

  @Test
  void aClipEndingWithItsSourceHoldsItsLastFrameIntoTheCrossfadeWithoutSteppingBack() throws Exception {
    // red, then green for its last two frames: a step back shows red again under the fade
    Path file = TestMedia.make(dir.resolve("ends-green.mp4"), "-f", "lavfi", "-i",
        "color=c=red:size=320x180:rate=30:duration=2,drawbox=x=0:y=0:w=iw:h=ih:color=green:t=fill:enable='gte(n\\,58)'",
        "-pix_fmt", "yuv420p");
    Clip whole = clip(file, "video", 2000);
    Draft draft = Draft.empty().withClips(List.of(whole, colour("blue.mp4", "blue", 880, 1.5)))
        .withTransition(Transition.crossfade(500));
    RenderOptions small = RenderOptions.defaults().withShortSide(180);
    for (FfmpegRenderer r : List.of(renderer(small), renderer(RenderOptions.preview(180, 400)))) {
      Path out = render(r, draft);
      assertThat(frames(out)).isEqualTo(105);
      assertThat(colourAt(out, 1.96).getGreen()).as("the clip's own last frames").isGreaterThan(90);
      for (double t : new double[] {2.0, 2.04, 2.1}) {
        Color c = colourAt(out, t);
        assertThat(c.getGreen()).as("at %s s the last frame is held", t).isGreaterThan(c.getRed() + 40);
      }
      assertThat(colourAt(out, 3.0).getBlue()).isGreaterThan(200);
    }
  }

  @Test
  void withoutATransitionTheCutIsHard() throws Exception {
    Draft draft = Draft.empty().withClips(List.of(colour("red.mp4", "red", 440, 1), colour("blue.mp4", "blue", 880, 1)));
    Path out = render(renderer(RenderOptions.defaults().withShortSide(180)), draft);
    assertThat(frames(out)).isEqualTo(60);
    assertThat(colourAt(out, 1.1).getBlue()).isGreaterThan(200);
    assertThat(colourAt(out, 1.1).getRed()).isLessThan(60);
  }

  @Test
  void aClipAtTwiceTheSpeedIsHalfAsLongAndKeepsThePitchOfItsSound() throws Exception {
    Clip tone = colour("tone.mp4", "green", 440, 2);
    Path out = render(renderer(RenderOptions.defaults().withShortSide(180)), Draft.empty().withClips(List.of(tone.withSpeed(2))));
    assertThat(frames(out)).isEqualTo(30);
    assertThat(pitch(out, 0.2, 0.6)).isCloseTo(440, within(15.0)); // not 880: atempo, not a faster tape
    Clip slow = colour("slow.mp4", "green", 440, 1);
    Path out2 = render(renderer(RenderOptions.defaults().withShortSide(180)), Draft.empty().withClips(List.of(slow.withSpeed(0.5))));
    assertThat(frames(out2)).isEqualTo(60);
    assertThat(pitch(out2, 0.5, 1.0)).isCloseTo(440, within(15.0));
  }

  @Test
  void aStillShownForFiveSecondsLastsFiveSeconds() throws Exception {
    Clip still = clip(TestMedia.still(dir, "photo.png", 320, 180), "image", 3000).withDuration(5000);
    Path out = render(renderer(RenderOptions.defaults().withShortSide(180)), Draft.empty().withClips(List.of(still)));
    assertThat(frames(out)).isEqualTo(150);
    assertThat(FFMPEG.probe(out, Duration.ofSeconds(30)).path("format").path("duration").asDouble()).isCloseTo(5.0, within(0.05));
  }

  @Test
  void whatIsSaidIsWhatIsRendered() throws Exception {
    RuleAgent agent = new RuleAgent();
    List<Media> files = new ArrayList<>();
    Draft draft = Draft.empty();
    for (Clip c : List.of(clip(TestMedia.still(dir, "IMG_0001.png", 320, 180), "image", 3000), colour("red.mp4", "red", 440, 2))) {
      Media m = media.get(c.src());
      files.add(m);
      draft = agent.afterUpload(draft, files, List.of(m));
    }
    draft = agent.respond(draft, files, "show the photo for 2 seconds, crossfade the clips and play the red clip at 2x", "en").draft();
    Path out = render(renderer(RenderOptions.defaults().withShortSide(180)), draft);
    assertThat(frames(out)).isEqualTo(90); // the photo 2 s, then 2 s of red at 2x: 1 s
    Color photo = colourAt(out, 1.0);
    assertThat(photo.getRed() < 200 || photo.getBlue() > 60).as("the photo, not red: %s", photo).isTrue();
    assertThat(colourAt(out, 2.7).getRed()).isGreaterThan(200);
  }

  /** The average colour of the frame at {@code seconds}. */
  static Color colourAt(Path video, double seconds) throws Exception {
    BufferedImage frame = Timeline.frame(video, seconds);
    long r = 0;
    long g = 0;
    long b = 0;
    int n = 0;
    for (int y = 0; y < frame.getHeight(); y += 4) {
      for (int x = 0; x < frame.getWidth(); x += 4) {
        int rgb = frame.getRGB(x, y);
        r += (rgb >> 16) & 0xff;
        g += (rgb >> 8) & 0xff;
        b += rgb & 0xff;
        n++;
      }
    }
    return new Color((int) (r / n), (int) (g / n), (int) (b / n));
  }

  /** The sound's frequency from {@code from} for {@code length} seconds, by counting zero crossings. */
  static double pitch(Path video, double from, double length) throws Exception {
    Path raw = video.resolveSibling(video.getFileName() + ".raw");
    FFMPEG.run(FfmpegRun.of(List.of("-ss", String.valueOf(from), "-t", String.valueOf(length), "-i", video.toString(),
        "-map", "0:a:0", "-ac", "1", "-ar", "48000", "-f", "s16le", raw.toString()), Duration.ofSeconds(30)));
    ByteBuffer pcm = ByteBuffer.wrap(Files.readAllBytes(raw)).order(ByteOrder.LITTLE_ENDIAN);
    int samples = pcm.remaining() / 2;
    int crossings = 0;
    short last = pcm.getShort(0);
    for (int i = 1; i < samples; i++) {
      short s = pcm.getShort(i * 2);
      if ((last < 0) != (s < 0)) crossings++;
      last = s;
    }
    return crossings / 2.0 / (samples / 48000.0);
  }
}
