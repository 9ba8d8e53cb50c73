package io.tunecut.studio.internal.compose;

import static io.tunecut.studio.ffmpeg.TestMedia.FFMPEG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tunecut.studio.ffmpeg.FfmpegRun;
import io.tunecut.studio.ffmpeg.SoundLevels;
import io.tunecut.studio.server.Soundfont;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Music got ready before the clip's cuts are known and written while it is still being played
 * sounds exactly as music played and written in turn: the whole video's length, ending where it
 * should, as loud.
 */
class PlayedAheadTest {
  private static final int RATE = Performer.SAMPLE_RATE;
  @TempDir Path dir;

  @Test
  void synthesizersOpenedWhileTheCutsAreFoundPlayEverySampleAsOnesOpenedForThePiece() throws Exception {
    Score score = new Composer(Styles.standard(), 2).compose(ComposerTest.TRAVEL);
    Performer fresh = new Performer(Soundfont.fromEnvironment(System.getenv()));
    Performer ready = new Performer(Soundfont.fromEnvironment(System.getenv()));
    ready.prepare(Styles.named("lo-fi"), 30); // another style's, closed for the one asked for next
    ready.prepare(Styles.standard(), 30);

    assertThat(ready.starts(score)).as("passages").hasSizeGreaterThan(1);
    assertThat(pcm(ready.play(score))).as("every sample").isEqualTo(pcm(fresh.play(score)));
    assertThat(pcm(ready.play(score))).as("the next piece, its synthesizers opened then").isEqualTo(pcm(fresh.play(score)));
  }

  @Test
  void aTrackWrittenWhileItsLastPassagesPlayHoldsTheWholePieceAsPlayedEndingInSilence() throws Exception {
    Score score = new Composer(Styles.standard(), 3).compose(ComposerTest.TRAVEL);
    Performer performer = new Performer(Soundfont.fromEnvironment(System.getenv()), 7.5);
    Path streamed = dir.resolve("streamed.m4a");
    List<Integer> early = new ArrayList<>();
    Recording sound;
    try (Encoding encoding = Encoding.start(FFMPEG.ffmpegProgram(), RATE, streamed, Duration.ofMinutes(1))) {
      sound = performer.play(score, (sofar, frames) -> {
        early.add(frames);
        encoding.write(sofar, frames);
      });
      encoding.finish(sound);
    }
    Path inTurn = dir.resolve("in-turn.m4a");
    try (Encoding encoding = Encoding.start(FFMPEG.ffmpegProgram(), RATE, inTurn, Duration.ofMinutes(1))) {
      encoding.finish(sound);
    }

    assertThat(early).as("frames written while later passages were still played").isNotEmpty()
        .allSatisfy(frames -> assertThat(frames).isBetween(1, 29 * RATE));
    byte[] heard = decoded(streamed);
    assertThat(heard.length / 4).as("frames: the whole 30 s video").isEqualTo(30 * RATE);
    assertThat(heard).as("every sample as played").isEqualTo(pcm(sound));
    double[] levels = SoundLevels.ebur128(streamed);
    double[] before = SoundLevels.ebur128(inTurn);
    assertThat(levels[0]).as("integrated loudness, LUFS").isCloseTo(before[0], within(0.05));
    assertThat(levels[1]).as("true peak, dBTP").isCloseTo(before[1], within(0.05));
    assertThat(SoundLevels.meanVolume(streamed, 29.7, 0.3)).as("the last 0.3 s, dB: it has died away")
        .isLessThan(SoundLevels.meanVolume(streamed, 10, 10) - 20);
  }

  @Test
  void musicLoweredAtTheEndAfterItsStartWasWrittenIsWrittenAnewAllAsLow() throws Exception {
    int frames = 4 * RATE;
    float[] left = new float[frames];
    float[] right = new float[frames];
    for (int i = 0; i < frames; i++) {
      // a 440 Hz tone that swells too loud in its last second
      float level = i < 3 * RATE ? 0.5f : 1.5f;
      left[i] = right[i] = (float) (level * Math.sin(2 * Math.PI * 440 * i / RATE));
    }
    Recording sound = new Recording(left, right, RATE, 1);
    Path track = dir.resolve("lowered.m4a");
    try (Encoding encoding = Encoding.start(FFMPEG.ffmpegProgram(), RATE, track, Duration.ofMinutes(1))) {
      encoding.write(sound, 2 * RATE);
      sound.limit();
      encoding.finish(sound);
    }

    assertThat(sound.lowered()).isTrue();
    assertThat(decoded(track)).as("every sample as lowered").isEqualTo(pcm(sound));
    assertThat(SoundLevels.meanVolume(track, 0.5, 1)).as("the start, dB, lowered as the rest")
        .isCloseTo(20 * Math.log10(0.5 * Recording.CEILING / 1.5 / Math.sqrt(2)), within(0.2));
  }

  private static byte[] pcm(Recording sound) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    sound.writePcm(out);
    return out.toByteArray();
  }

  private byte[] decoded(Path track) throws Exception {
    Path raw = dir.resolve(track.getFileName() + ".s16");
    FFMPEG.run(FfmpegRun.of(List.of("-i", track.toString(), "-f", "s16le", "-c:a", "pcm_s16le", raw.toString()),
        Duration.ofSeconds(60)));
    return Files.readAllBytes(raw);
  }
}
