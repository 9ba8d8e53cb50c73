package io.tunecut.app.bench;

import io.tunecut.core.chat.Chat;
import io.tunecut.core.chat.ChatAction;
import io.tunecut.core.chat.ChatPort;
import io.tunecut.core.chat.ChatUser;
import io.tunecut.core.chat.InboundMessage;
import io.tunecut.core.chat.MessageRef;
import io.tunecut.core.chat.PortLimits;
import io.tunecut.core.chat.Suggestion;
import io.tunecut.core.conversation.ConversationEngine;
import io.tunecut.core.nemo.NemoClient;
import io.tunecut.core.user.UserDirectory;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code bench core}: many users mid-turn at once against a protocol server with slow streams.
 * Measures the time from an inbound message to its first status post, the peak heap and the
 * live threads, under a 256 MB heap. The baseline, in the same run, is one user alone.
 */
public final class CoreBenchmark {
  private static final String CHILD = "tunecut.bench.child";

  private CoreBenchmark() {}

  public static void main(String[] args) throws Exception {
    int users = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int turnSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    if (System.getProperty(CHILD) == null) {
      // The heap target is part of the claim: measure under it, not under the machine's default.
      System.exit(relaunch(args));
    }
    Process server = startServer(turnSeconds, users);
    try {
      int port = Integer.parseInt(new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8)).readLine().trim());
      run("http://127.0.0.1:" + port, users, turnSeconds);
    } finally {
      server.destroyForcibly();
    }
  }

  private static void run(String baseUrl, int users, int turnSeconds) throws Exception {
    Path data = Files.createTempDirectory("tunecut-bench-core");
    NemoClient client = NemoClient.builder().baseUrl(baseUrl).attribution("tunecut", "bench", "bench").build();
    try (UserDirectory directory = UserDirectory.open(data, "bench-secret");
        ConversationEngine engine = ConversationEngine.builder()
            .nemo(client).directory(directory).workDir(data).build()) {
      FirstStatusPort port = new FirstStatusPort();

      // Baseline: one user alone, warmed up once (class loading is not what we measure).
      round(engine, port, "warm", 1);
      double alone = round(engine, port, "alone", 1).get(0);

      resetPeaks();
      int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
      List<CompletableFuture<Void>> turns = new ArrayList<>();
      long start = System.nanoTime();
      for (int i = 0; i < users; i++) {
        turns.add(submit(engine, port, "user" + i));
      }
      port.awaitStatuses("user", users, Duration.ofSeconds(60));
      double[] latencies = port.latencies("user");
      CompletableFuture.allOf(turns.toArray(CompletableFuture[]::new)).get(turnSeconds + 120L, TimeUnit.SECONDS);
      double seconds = (System.nanoTime() - start) / 1e9;

      Arrays.sort(latencies);
      double p50 = percentile(latencies, 0.50);
      double p99 = percentile(latencies, 0.99);
      long peakHeap = peakHeapBytes();
      System.out.printf("bench core: %d users mid-turn at once, each turn streaming %d s of keep-alives%n", users, turnSeconds);
      System.out.printf("  inbound → first status, one user alone (baseline): %.1f ms%n", alone);
      System.out.printf("  inbound → first status, %d users: p50 %.1f ms, p99 %.1f ms (p99 = %.1f× the baseline; target ≤ 250 ms)%n",
          users, p50, p99, p99 / Math.max(alone, 0.001));
      System.out.printf("  peak heap used: %.1f MB of a %d MB heap (target ≤ 256 MB)%n",
          peakHeap / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576);
      System.out.printf("  live threads: %d before, %d at the peak (one stream reader per open turn)%n",
          threadsBefore, ManagementFactory.getThreadMXBean().getPeakThreadCount());
      System.out.printf("  turns answered: %d of %d in %.1f s%n", port.answered("user"), users, seconds);
      System.out.println(p99 <= 250 && peakHeap <= 256L * 1048576 ? "  targets met" : "  TARGETS MISSED");
    }
  }

  private static List<Double> round(ConversationEngine engine, FirstStatusPort port, String prefix, int users) throws Exception {
    List<CompletableFuture<Void>> turns = new ArrayList<>();
    for (int i = 0; i < users; i++) turns.add(submit(engine, port, prefix + i));
    CompletableFuture.allOf(turns.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
    double[] latencies = port.latencies(prefix);
    List<Double> list = new ArrayList<>();
    for (double latency : latencies) list.add(latency);
    return list;
  }

  private static CompletableFuture<Void> submit(ConversationEngine engine, FirstStatusPort port, String user) {
    port.markSent(user);
    return engine.handle(message(user), port);
  }

  private static InboundMessage message(String user) {
    return InboundMessage.text(new ChatUser("bench", user), new Chat("bench", user, false), "add background music and fade it out");
  }

  private static int relaunch(String[] args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx256m", "-Xss512k", "-D" + CHILD + "=1",
        "-cp", System.getProperty("java.class.path"), CoreBenchmark.class.getName()));
    command.addAll(Arrays.asList(args));
    return new ProcessBuilder(command).inheritIO().start().waitFor();
  }

  private static Process startServer(int turnSeconds, int users) throws IOException {
    return new ProcessBuilder(javaBinary(), "-Xss256k", "-cp", System.getProperty("java.class.path"),
        SlowProtocolServer.class.getName(), Integer.toString(turnSeconds), Integer.toString(users + 100))
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : "")).toString();
  }

  private static void resetPeaks() {
    System.gc();
    ManagementFactory.getThreadMXBean().resetPeakThreadCount();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
  }

  private static long peakHeapBytes() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) sum += pool.getPeakUsage().getUsed();
    }
    return sum;
  }

  private static double percentile(double[] sorted, double p) {
    if (sorted.length == 0) return Double.NaN;
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  /** Records when each user's first status appears; everything else goes nowhere. */
  private static final class FirstStatusPort implements ChatPort {
    private static final PortLimits LIMITS = new PortLimits(50L << 20, 4096, Duration.ofSeconds(5));
    private final Map<String, Long> sent = new ConcurrentHashMap<>();
    private final Map<String, Long> firstStatus = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final Set<String> answered = ConcurrentHashMap.newKeySet();

    @Override
    public String platform() {
      return "bench";
    }

    @Override
    public PortLimits limits(Chat chat) {
      return LIMITS;
    }

    @Override
    public MessageRef send(Chat chat, String text, List<Suggestion> suggestions) {
      answered.add(chat.id());
      return ref(chat);
    }

    @Override
    public MessageRef createStatus(Chat chat, String text) {
      firstStatus.putIfAbsent(chat.id(), System.nanoTime());
      return ref(chat);
    }

    @Override
    public void editStatus(MessageRef status, String text) {}

    @Override
    public boolean sendVideo(Chat chat, Path file, String caption) {
      return false;
    }

    @Override
    public boolean sendPhoto(Chat chat, Path file, String caption, List<Suggestion> suggestions) {
      return false;
    }

    @Override
    public void chatAction(Chat chat, ChatAction action) {}

    private MessageRef ref(Chat chat) {
      return new MessageRef(chat, Integer.toString(ids.incrementAndGet()));
    }

    void markSent(String user) {
      sent.put(user, System.nanoTime());
    }

    void awaitStatuses(String prefix, int count, Duration limit) throws InterruptedException {
      long end = System.nanoTime() + limit.toNanos();
      while (firstStatus.keySet().stream().filter(k -> k.startsWith(prefix)).count() < count && System.nanoTime() < end) {
        TimeUnit.MILLISECONDS.sleep(20);
      }
    }

    long answered(String prefix) {
      return answered.stream().filter(id -> id.startsWith(prefix)).count();
    }

    double[] latencies(String prefix) {
      return sent.entrySet().stream()
          .filter(e -> e.getKey().startsWith(prefix) && firstStatus.containsKey(e.getKey()))
          .mapToDouble(e -> (firstStatus.get(e.getKey()) - e.getValue()) / 1e6)
          .toArray();
    }
  }
}
