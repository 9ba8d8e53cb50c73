package io.tunecut.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tunecut.core.chat.Chat;
import io.tunecut.core.chat.MessageRef;
import io.tunecut.core.testing.RecordingPort;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StatusLineTest {
  private final Chat chat = new Chat("test", "c1", false);
  private final ExecutorService pool = Executors.newFixedThreadPool(4);
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() {
    pool.shutdownNow();
    scheduler.shutdownNow();
  }

  @Test
  void editsNeverComeCloserThanThePlatformAllowsAndTheLatestTextWins() throws Exception {
    Duration interval = Duration.ofMillis(150);
    RecordingPort port = RecordingPort.builder().minEditInterval(interval).build();
    StatusLine line = StatusLine.post(port, chat, "start", pool, scheduler);
    for (int i = 1; i <= 40; i++) {
      line.show("step " + i);
      int wanted = i / 10;
      if (i % 10 == 0) await().atMost(Duration.ofSeconds(2)).until(() -> port.edits(port.statuses().get(0)).size() >= wanted);
    }
    line.finish("done").get(5, TimeUnit.SECONDS);
    MessageRef ref = port.statuses().get(0);
    List<RecordingPort.Call> edits = port.edits(ref);
    assertThat(edits.size()).isLessThan(40);
    List<RecordingPort.Call> all = port.calls(chat);
    for (int i = 1; i < all.size(); i++) {
      Duration gap = Duration.between(all.get(i - 1).at(), all.get(i).at());
      assertThat(gap).as("gap before %s", all.get(i).text()).isGreaterThanOrEqualTo(interval);
    }
    assertThat(port.statusTexts(ref)).last().isEqualTo("done");
  }

  @Test
  void anUnchangedTextIsNotSentAgain() throws Exception {
    RecordingPort port = RecordingPort.builder().minEditInterval(Duration.ofMillis(20)).build();
    StatusLine line = StatusLine.post(port, chat, "same", pool, scheduler);
    line.created().get(2, TimeUnit.SECONDS);
    line.show("same");
    line.show("other");
    await().atMost(Duration.ofSeconds(2)).until(() -> port.edits(port.statuses().get(0)).size() == 1);
    line.show("other");
    line.finish("other").get(2, TimeUnit.SECONDS);
    assertThat(port.statusTexts(port.statuses().get(0))).containsExactly("same", "other");
  }

  @Test
  void aRefusingPlatformDoesNotStopTheWork() throws Exception {
    RecordingPort port = RecordingPort.builder().build();
    port.failing(true);
    StatusLine line = StatusLine.post(port, chat, "start", pool, scheduler);
    line.show("x");
    line.finish("done").get(2, TimeUnit.SECONDS);
    assertThat(port.statuses()).hasSize(1);
  }
}
