package io.tunecut.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunecut.core.chat.Attachment;
import io.tunecut.core.testing.FakeNemoServer.Call;
import io.tunecut.core.testing.FakeNemoServer.Failure;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files people send: the bot stops only what cannot be media; the backend decides the rest, and its reasons reach the person. */
class FilesTest {
  @TempDir Path tmp;
  Harness h;

  @BeforeEach
  void start() throws Exception {
    h = new Harness(tmp);
  }

  @AfterEach
  void stop() throws Exception {
    h.close();
  }

  private static Attachment file(String name, String type) {
    return new Attachment(name, 1000, type, () -> new ByteArrayInputStream(new byte[1000]));
  }

  private String uploadedBodies() {
    StringBuilder all = new StringBuilder();
    h.server.requests(Call.UPLOAD).forEach(r -> all.append(r.getBody().string(StandardCharsets.UTF_8)));
    return all.toString();
  }

  @Test
  void tracksInOggFlacOrOpusAndVoiceNotesGoToTheBackend() throws Exception {
    h.run(h.files("ann", "", file("voice_12.ogg", "audio/ogg")));
    h.run(h.files("ann", "", file("song.flac", "audio/flac")));
    h.run(h.files("ann", "", file("memo.opus", "audio/opus")));

    assertThat(h.sentTo("ann")).anyMatch(t -> t.startsWith("Added voice_12.ogg"))
        .anyMatch(t -> t.startsWith("Added song.flac")).anyMatch(t -> t.startsWith("Added memo.opus"))
        .noneMatch(t -> t.contains("not supported") || t.contains("isn't a video"));
  }

  @Test
  void aDocumentIsStoppedByTheBotInThePersonsLanguageAndNothingIsUploaded() throws Exception {
    h.run(h.files("ann", "", file("notes.pdf", "application/pdf")));
    h.run(new io.tunecut.core.chat.InboundMessage(Harness.user("bo"), Harness.chat("bo"), "",
        java.util.List.of(file("报告.docx", null)), Locale.CHINA));

    assertThat(h.lastSentTo("ann")).contains("I can't use “notes.pdf”: it isn't a video, audio or image file");
    assertThat(h.lastSentTo("bo")).contains("无法使用“报告.docx”：它不是视频、音频或图片文件");
    assertThat(h.server.count(Call.UPLOAD)).isZero();
  }

  @Test
  void aFileOfAnUnknownKindIsLeftToTheBackend() throws Exception {
    h.run(h.files("ann", "", file("take1.braw", "application/octet-stream")));

    assertThat(uploadedBodies()).contains("filename=\"take1.braw\"");
    assertThat(h.lastSentTo("ann")).contains("doesn't take").doesNotContain("isn't a video");
  }

  @Test
  void aFileWithoutAnExtensionIsUploadedUnderTheNameItsTypeImplies() throws Exception {
    h.run(h.files("ann", "", file("audio_7", "audio/mpeg")));

    assertThat(uploadedBodies()).contains("filename=\"audio_7.mp3\"");
    assertThat(h.sentTo("ann")).anyMatch(t -> t.startsWith("Added audio_7.mp3"));
  }

  @Test
  void aDamagedFileIsNamedWithTheReason() throws Exception {
    h.server.failNext(Call.UPLOAD, Failure.refusedFile("clip.mp4", "unreadable"));
    h.run(h.files("ann", "", file("clip.mp4", "video/mp4")));

    assertThat(h.lastSentTo("ann")).startsWith("I can't read clip.mp4: it looks damaged, or it isn't a video")
        .doesNotContain("Supported formats");
    assertThat(h.workDirEmpty()).isTrue();
  }

  @Test
  void aFormatTheBackendRefusesIsNamedAndInChineseForChineseSpeakers() throws Exception {
    h.server.failNext(Call.UPLOAD, Failure.refusedFile("scene.xyz", "format"));
    h.run(new io.tunecut.core.chat.InboundMessage(Harness.user("bo"), Harness.chat("bo"), "",
        java.util.List.of(file("scene.xyz", null)), Locale.CHINA));

    assertThat(h.lastSentTo("bo")).contains("视频服务不接受“scene.xyz”这类文件");
  }
}
