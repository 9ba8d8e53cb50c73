package io.tunecut.discord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RepliesTest {
  @Test
  void aStatusTooLongForDiscordIsCutWithAnEllipsisAndNeverInsideAnEmoji() {
    String text = "a".repeat(Replies.MAX_TEXT - 2) + "🎵🎵🎵";

    String trimmed = Replies.trim(text);

    assertThat(trimmed.length()).isLessThanOrEqualTo(Replies.MAX_TEXT);
    assertThat(trimmed).endsWith("…");
    assertThat(Character.isHighSurrogate(trimmed.charAt(trimmed.length() - 2))).isFalse();
    assertThat(Replies.trim("fits")).isEqualTo("fits");
  }
}
