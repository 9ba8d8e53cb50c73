package io.tunecut.app.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A NemoVideo protocol server whose chat turns are slow: each stream sends a keep-alive every
 * second for a while, then one line of text. Runs as its own process during {@code bench core}
 * so the bot's heap and threads are measured alone. Prints its port on the first line.
 */
public final class SlowProtocolServer {
  private static final AtomicLong sessions = new AtomicLong(1_000_000_000_000_000_000L);

  private SlowProtocolServer() {}

  public static void main(String[] args) throws IOException {
    Duration turn = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 20);
    int streams = args.length > 1 ? Integer.parseInt(args[1]) : 1100;
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 2048);
    ExecutorService workers = Executors.newFixedThreadPool(streams + 16);
    server.setExecutor(workers);
    server.createContext("/api/auth/anonymous-token", exchange -> json(exchange,
        "{\"code\":0,\"data\":{\"token\":\"nmv_usr_" + UUID.randomUUID() + "\",\"credits\":100,\"user_id\":\"anon_bench\"}}"));
    server.createContext("/api/tasks/me/with-session/nemo_agent", exchange -> json(exchange,
        "{\"code\":0,\"data\":{\"session_id\":\"" + sessions.incrementAndGet() + "\",\"task_id\":\"t1\"}}"));
    server.createContext("/api/state/", exchange -> json(exchange,
        "{\"code\":0,\"data\":{\"state\":{\"draft\":{\"t\":[]},\"video_infos\":[]}}}"));
    server.createContext("/api/credits/balance/simple", exchange -> json(exchange,
        "{\"code\":0,\"data\":{\"available\":100,\"frozen\":0,\"total\":100}}"));
    server.createContext("/run_sse", exchange -> slowTurn(exchange, turn));
    server.start();
    System.out.println(server.getAddress().getPort());
    System.out.flush();
  }

  private static void slowTurn(HttpExchange exchange, Duration turn) throws IOException {
    exchange.getRequestBody().readAllBytes();
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream body = exchange.getResponseBody()) {
      long end = System.nanoTime() + turn.toNanos();
      while (System.nanoTime() < end) {
        body.write(": ping\n\n".getBytes(StandardCharsets.UTF_8));
        body.flush();
        Thread.sleep(1000);
      }
      body.write(("data: {\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"Done: music added.\"}]},"
          + "\"author\":\"nemo_agent\",\"partial\":false}\n\n").getBytes(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void json(HttpExchange exchange, String body) throws IOException {
    exchange.getRequestBody().readAllBytes();
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
