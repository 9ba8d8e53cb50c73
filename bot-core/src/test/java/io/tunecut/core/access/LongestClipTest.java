package io.tunecut.core.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunecut.core.chat.Attachment;
import io.tunecut.core.chat.Chat;
import io.tunecut.core.chat.ChatUser;
import io.tunecut.core.chat.InboundMessage;
import io.tunecut.core.testing.FakeNemoServer;
import io.tunecut.core.testing.FakeNemoServer.Call;
import io.tunecut.core.testing.RecordingPort;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The longest clip a person's render may hold: said when the clip arrives, and held at the export. */
class LongestClipTest {
  private static final ChatUser ANN = new ChatUser("telegram", "1");
  private static final Chat CHAT = new Chat("telegram", "1", false);

  @TempDir Path tmp;
  private final RecordingPort port = RecordingPort.builder().platform("telegram").build();
  private RuledBot bot;

  @BeforeEach
  void setUp() throws Exception {
    bot = new RuledBot(tmp, FakeNemoServer.start(), null, AccessRules.open().withBudget(new Budget(Budget.NO_LIMIT, Budget.NO_LIMIT, 8, Budget.NO_LIMIT)), Clock.systemUTC());
  }

  @AfterEach
  void tearDown() throws Exception {
    bot.close();
  }

  @Test
  void aClipLongerThanTheBudgetIsNamedAtOnceAndNotRendered() throws Exception {
    Attachment beach = new Attachment("beach.mp4", 1000, "video/mp4", () -> new ByteArrayInputStream(new byte[1000]));
    bot.engine.handle(new InboundMessage(ANN, CHAT, "", List.of(beach), null), port).join();
    assertThat(port.sentTexts(CHAT)).contains("“beach.mp4” is 10 s on the timeline; the longest clip this bot renders is 8 s."
        + " Trim it (for example “only keep the first 8 seconds”) and export again.");

    bot.nemo.draft(bot.directory.get(ANN).sessionId(), FakeNemoServer.EXAMPLE_DRAFT);
    bot.engine.handle(InboundMessage.text(ANN, CHAT, "/export"), port).join();
    assertThat(port.sentTexts(CHAT)).last().asString().startsWith("“city.mp4” is 10 s on the timeline");
    assertThat(bot.nemo.count(Call.RENDER_START)).isZero();
  }
}
