package io.tunecut.core.nemo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/** A call told to slow down (429) waits without holding a thread that other people's calls need. */
class RateLimitWaitTest {
  private static final Credits CREDITS = new Credits(80, 20, 100, false);

  @Test
  void anotherPersonsCallGoesAheadWhileTheFirstWaitsOutTheRateLimit() throws Exception {
    AtomicBoolean annSlowedDown = new AtomicBoolean();
    List<String> answered = new CopyOnWriteArrayList<>();
    // One thread shared by everyone, as the engine's backend pool is shared (it is a fork-join pool too).
    ForkJoinPool shared = new ForkJoinPool(1);
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          boolean ann = "Bearer ann".equals(request.getHeaders().get("Authorization"));
          if (ann && annSlowedDown.compareAndSet(false, true)) return json(429, "{\"message\":\"slow down\"}");
          return json(200, "{\"code\":0,\"data\":{\"available\":80,\"frozen\":20,\"total\":100}}");
        }
      });
      server.start();
      NemoClient client = NemoClient.builder()
          .baseUrl(server.url("/").toString())
          .attribution("tunecut", "9.9.9", "console")
          .rateLimitDelay(Duration.ofSeconds(5))
          .build();

      CompletableFuture<Credits> ann = CompletableFuture.supplyAsync(() -> credits(client, "ann", answered), shared);
      await().atMost(Duration.ofSeconds(20)).untilTrue(annSlowedDown);
      CompletableFuture<Credits> bob = CompletableFuture.supplyAsync(() -> credits(client, "bob", answered), shared);

      assertThat(bob.get(20, TimeUnit.SECONDS)).isEqualTo(CREDITS);
      assertThat(ann).as("Ann still waits out her rate limit").isNotDone();
      assertThat(ann.get(20, TimeUnit.SECONDS)).as("and then gets her answer").isEqualTo(CREDITS);
      assertThat(answered).containsExactly("bob", "ann");
      assertThat(server.getRequestCount()).isEqualTo(3);
    } finally {
      shared.shutdownNow();
    }
  }

  @Test
  void theCallWaitsWhatTheBackendsRetryAfterAsksNotTheDefaultDelay() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(json(429, "{\"message\":\"slow down\"}").newBuilder().setHeader("Retry-After", "1").build());
      server.enqueue(json(200, "{\"code\":0,\"data\":{\"available\":80,\"frozen\":20,\"total\":100}}"));
      server.start();
      // Without the header the call would wait 30 s.
      NemoClient client = client(server, Duration.ofSeconds(30));

      long start = System.nanoTime();
      CompletableFuture<Credits> ann = CompletableFuture.supplyAsync(() -> credits(client, "ann", new CopyOnWriteArrayList<>()));

      assertThat(ann.get(15, TimeUnit.SECONDS)).isEqualTo(CREDITS);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
      assertThat(server.getRequestCount()).isEqualTo(2);
    }
  }

  @Test
  void aRetryAfterOfHoursOrYearsIsNotWaitedForAndTheFailureSaysHowLongWasAsked() throws Exception {
    for (String absurd : List.of("86400", "99999999999999999999999", "Tue, 31 Dec 2999 23:59:59 GMT")) {
      try (MockWebServer server = new MockWebServer()) {
        server.setDispatcher(new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return json(429, "{\"message\":\"slow down\"}").newBuilder().setHeader("Retry-After", absurd).build();
          }
        });
        server.start();
        NemoClient client = client(server, Duration.ofSeconds(5));

        long start = System.nanoTime();
        CompletableFuture<Credits> ann = CompletableFuture.supplyAsync(() -> credits(client, "ann", new CopyOnWriteArrayList<>()));

        Throwable failure = catchThrowable(() -> ann.get(15, TimeUnit.SECONDS)).getCause().getCause();
        assertThat(failure).as(absurd).isInstanceOfSatisfying(NemoException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(429);
          assertThat(e.getMessage()).contains("the backend asks to wait").contains("not retried");
        });
        // Neither the backend's wait nor the default delay: it fails at once, after one request.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as(absurd).isLessThan(Duration.ofSeconds(4));
        assertThat(server.getRequestCount()).as(absurd).isEqualTo(1);
      }
    }
  }

  private static NemoClient client(MockWebServer server, Duration rateLimitDelay) {
    return NemoClient.builder()
        .baseUrl(server.url("/").toString())
        .attribution("tunecut", "9.9.9", "console")
        .rateLimitDelay(rateLimitDelay)
        .build();
  }

  private static Credits credits(NemoClient client, String person, List<String> answered) {
    try {
      Credits credits = client.credits(new TokenSource() {
        @Override
        public String token() {
          return person;
        }

        @Override
        public String renew() {
          throw new AssertionError("no token is refused here");
        }
      });
      answered.add(person);
      return credits;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
  }
}
