package io.tunecut.studio.internal.compose;

import io.tunecut.studio.server.Soundfont;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunecut.studio.internal.agent.MusicMaker.Wish;
import io.tunecut.studio.internal.analysis.AnalysisCache;
import io.tunecut.studio.internal.draft.Clip;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.ffmpeg.TestMedia;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without a playable soundfont the person is told how to get one, instead of hearing noise. */
class SoundfontTest {
  @TempDir Path dir;

  @Test
  void withoutASoundfontThePersonIsToldHowToGetOne() {
    ComposedMusic music = new ComposedMusic(dir, TestMedia.FFMPEG, new AnalysisCache(dir.resolve("analysis"), TestMedia.FFMPEG),
        new Soundfont(dir.resolve("missing.sf2")));
    Draft draft = Draft.empty().withClips(List.of(new Clip("c1", "med_1", "a.mp4", "image", 8000, 0, 1, null)));

    assertThatThrownBy(() -> music.make(draft, List.of(), Wish.defaults()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("fluid-soundfont-gm").hasMessageContaining("TUNECUT_SOUNDFONT")
        .hasMessageContaining("Music you send keeps working");
  }

  @Test
  void anSf3SoundfontIsRefusedBecauseJavaWouldPlayItAsNoise() throws Exception {
    Path sf3 = Files.write(dir.resolve("MuseScore_General.sf3"), header(3));

    assertThatThrownBy(() -> new Soundfont(sf3).bank())
        .isInstanceOf(IOException.class).hasMessageContaining("SF3").hasMessageContaining("noise");
  }

  @Test
  void aFileThatIsNoSoundfontIsRefused() throws Exception {
    Path text = Files.writeString(dir.resolve("FluidR3_GM.sf2"), "not a soundfont at all, just some text here");
    Path truncated = Files.write(dir.resolve("truncated.sf2"), header(2));

    assertThatThrownBy(() -> new Soundfont(text).bank()).isInstanceOf(IOException.class).hasMessageContaining("not an SF2");
    assertThatThrownBy(() -> new Soundfont(truncated).bank()).isInstanceOf(IOException.class).hasMessageContaining("damaged");
  }

  /** The start of a RIFF sfbk file whose ifil chunk says version {@code major}.1, and nothing after it. */
  private static byte[] header(int major) {
    ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(56).put("sfbk".getBytes(StandardCharsets.US_ASCII));
    b.put("LIST".getBytes(StandardCharsets.US_ASCII)).putInt(44).put("INFO".getBytes(StandardCharsets.US_ASCII));
    b.put("ifil".getBytes(StandardCharsets.US_ASCII)).putInt(4).putShort((short) major).putShort((short) 1);
    return b.array();
  }
}
