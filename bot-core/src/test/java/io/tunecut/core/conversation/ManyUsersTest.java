package io.tunecut.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tunecut.core.chat.MessageRef;
import io.tunecut.core.testing.FakeNemoServer.Call;
import io.tunecut.core.testing.RecordingPort;
import io.tunecut.core.testing.Turn;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many people mid-turn at once: every one gets a status message at once, and every one gets
 * their own answer. Prints the figures (inbound → first status post, heap, threads).
 */
class ManyUsersTest {
  private static final int USERS = Integer.getInteger("tunecut.bench.users", 300);

  @TempDir Path tmp;

  @Test
  void manyPeopleMidTurnEachGetAStatusAtOnceAndTheirOwnAnswer() throws Exception {
    Map<String, Instant> inbound = new ConcurrentHashMap<>();
    RecordingPort port = RecordingPort.builder().minEditInterval(Duration.ofSeconds(1)).build();
    try (Harness h = new Harness(tmp, port, b -> b.progressTick(Duration.ofSeconds(1)).chatActionInterval(Duration.ofMillis(4500)))) {
      CountDownLatch release = new CountDownLatch(1);
      // Held until all have asked, pinging as a working backend does: on a busy machine that takes
      // longer than the harness's 3 s of silence a turn is allowed.
      h.server.defaultTurn(Turn.builder().tool("add_music").keepAlive().holdAlive(release, Duration.ofSeconds(1))
          .text("Your answer.").build());
      // Everyone has a token and a session already: the figure is about the turn, not sign-up.
      List<CompletableFuture<Void>> warm = new ArrayList<>();
      for (int i = 0; i < USERS; i++) warm.add(h.engine.handle(h.message("u" + i, "/credits"), port));
      CompletableFuture.allOf(warm.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
      port.clear();

      List<CompletableFuture<Void>> turns = new ArrayList<>();
      for (int i = 0; i < USERS; i++) {
        String who = "u" + i;
        inbound.put("chat-" + who, Instant.now());
        turns.add(h.engine.handle(h.message(who, "add music " + who), port));
      }
      await().atMost(Duration.ofSeconds(60)).until(() -> h.server.count(Call.TURN) == USERS);
      long heap = usedHeap();
      int threads = ManagementFactory.getThreadMXBean().getThreadCount();
      release.countDown();
      CompletableFuture.allOf(turns.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);

      List<Long> latencies = new ArrayList<>();
      for (RecordingPort.Call c : port.calls(RecordingPort.Kind.CREATE_STATUS)) {
        latencies.add(Duration.between(inbound.get(c.chat().id()), c.at()).toMillis());
      }
      Collections.sort(latencies);
      assertThat(latencies).hasSize(USERS);
      long p50 = latencies.get(latencies.size() / 2);
      long p99 = latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1);
      System.out.printf("FIGURES users=%d inbound->status p50=%d ms p99=%d ms heap=%d MB threads=%d%n",
          USERS, p50, p99, heap >> 20, threads);
      for (int i = 0; i < USERS; i++) {
        assertThat(h.sentTo("u" + i)).containsExactly("Your answer.");
      }
      for (MessageRef status : port.statuses()) {
        assertThat(port.statusTexts(status)).last().asString().startsWith("✓");
      }
    }
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }
}
