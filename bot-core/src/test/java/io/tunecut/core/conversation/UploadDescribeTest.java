package io.tunecut.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunecut.core.language.Language;
import io.tunecut.core.language.Messages;
import io.tunecut.core.nemo.UploadedFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The list of files just added names each file's kind in the reply's language. */
class UploadDescribeTest {
  final List<UploadedFile> sent = List.of(new UploadedFile("beach.mp4", "video", null, 12, 1920, 1080, 30.0, null),
      new UploadedFile("cake.jpg", "image", null, 0, 1080, 1080, null, null), new UploadedFile("song.mp3", "audio", null, 60, 0, 0, null, null));

  @Test
  void inChineseTheKindsAreChinese() {
    String said = Messages.of(Language.ZH).uploaded(Upload.describe(sent, Messages.of(Language.ZH)));
    assertThat(said).contains("beach.mp4 (视频", "cake.jpg (图片", "song.mp3 (音频").doesNotContain("video", "image", "audio");
  }

  @Test
  void inEnglishTheyStayEnglish() {
    assertThat(Upload.describe(sent, Messages.of(Language.EN))).containsExactly("beach.mp4 (video, 12 s, 1920×1080)",
        "cake.jpg (image, 1080×1080)", "song.mp3 (audio, 60 s)");
  }
}
