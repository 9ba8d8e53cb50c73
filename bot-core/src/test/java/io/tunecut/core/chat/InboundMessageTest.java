package io.tunecut.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InboundMessageTest {
  @Test
  void aMessageWithOnlyFilesHasEmptyTextNotNull() {
    var message = new InboundMessage(new ChatUser("console", "ann"), new Chat("console", "ann", false), null, null, null);
    assertThat(message.text()).isEmpty();
    assertThat(message.attachments()).isEmpty();
  }
}
