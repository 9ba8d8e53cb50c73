package io.tunecut.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunecut.core.chat.Attachment;
import io.tunecut.core.chat.Chat;
import io.tunecut.core.chat.ChatUser;
import io.tunecut.core.chat.InboundMessage;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteTest {
  private static final ChatUser USER = new ChatUser("test", "u1");
  private static final Chat CHAT = new Chat("test", "c1", false);

  @ParameterizedTest
  @CsvSource({
      "/help, HELP", "/start, HELP", "/start@tunecut_bot, HELP", "help, HELP", "帮助, HELP",
      "/new, NEW", "/cancel, CANCEL", "cancel, CANCEL", "取消, CANCEL",
      "/credits, CREDITS", "credits, CREDITS", "Balance, CREDITS", "积分, CREDITS", "余额, CREDITS",
      "/status, STATUS", "status, STATUS", "show tracks, STATUS", "状态, STATUS",
      "/export, EXPORT", "export, EXPORT", "Export!, EXPORT", "download, EXPORT", "send me the video, EXPORT", "导出, EXPORT",
      "/preview, PREVIEW", "preview, PREVIEW", "Preview!, PREVIEW", "预览, PREVIEW", "快速预览。, PREVIEW",
      "https://example.com/clip.mp4, UPLOAD_URL",
      "add background music and sync it to the cuts, CHAT", "export it in vertical please, CHAT", "加背景音乐, CHAT",
      "can i see a preview?, PREVIEW", "make me a quick preview pls, PREVIEW", "let me see it first, PREVIEW",
      "show me how it looks, PREVIEW", "preview it, PREVIEW", "预览一下, PREVIEW", "先预览看看, PREVIEW", "给我看看效果, PREVIEW",
      "/unknown, CHAT", "preview it in vertical, CHAT", "no preview please, CHAT", "what is a preview?, CHAT",
      "let me see the clips, CHAT", "看看音乐, CHAT", "show me the timeline, CHAT"})
  void routes(String text, Route.Kind kind) {
    assertThat(Route.of(InboundMessage.text(USER, CHAT, text)).kind()).isEqualTo(kind);
  }

  @Test
  void filesGoToUploadEvenWithACaption() {
    Attachment clip = new Attachment("city.mp4", 10, "video/mp4", () -> new ByteArrayInputStream(new byte[10]));
    InboundMessage m = new InboundMessage(USER, CHAT, "add music", List.of(clip), null);
    assertThat(Route.of(m)).isEqualTo(new Route(Route.Kind.UPLOAD, "add music"));
  }
}
