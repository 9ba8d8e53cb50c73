package io.tunecut.studio.internal.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {
  @Test
  void pathsControlCharactersAndDotsAreRemovedAndTheNameStaysReadable() {
    assertThat(FileNames.sanitise("../../etc/passwd")).isEqualTo("passwd");
    assertThat(FileNames.sanitise("C:\\Users\\me\\clip.MP4")).isEqualTo("clip.MP4");
    assertThat(FileNames.sanitise("/abs/path/video.mov")).isEqualTo("video.mov");
    assertThat(FileNames.sanitise("a\u0000b\u001f.mp4")).isEqualTo("ab.mp4");
    assertThat(FileNames.sanitise("my..clip...mp4")).isEqualTo("my.clip.mp4");
    assertThat(FileNames.sanitise("..")).isEqualTo("file");
    assertThat(FileNames.sanitise("")).isEqualTo("file");
    assertThat(FileNames.sanitise(null)).isEqualTo("file");
    assertThat(FileNames.sanitise("旅行 vlog 🎬.mp4")).isEqualTo("旅行 vlog 🎬.mp4");
    assertThat(FileNames.sanitise("what?<is>this|.mp3")).isEqualTo("what__is_this_.mp3");
  }

  @Test
  void longNamesAreCutKeepingTheExtension() {
    String cut = FileNames.sanitise("a".repeat(500) + ".webm");
    assertThat(cut).hasSize(FileNames.MAX_LENGTH).endsWith(".webm");
    assertThat(FileNames.extension(cut)).isEqualTo("webm");
  }
}
