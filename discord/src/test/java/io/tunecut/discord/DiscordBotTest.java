package io.tunecut.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tunecut.core.chat.Attachment;
import io.tunecut.core.chat.ChatPort;
import io.tunecut.core.chat.InboundMessage;
import io.tunecut.core.chat.MessageRef;
import io.tunecut.core.chat.Suggestion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscordBotTest {
  private FakeDiscord discord;
  private DiscordBot bot;
  private final List<InboundMessage> received = new CopyOnWriteArrayList<>();
  @TempDir Path tmp;

  @BeforeEach
  void setUp() throws IOException {
    discord = new FakeDiscord();
  }

  @AfterEach
  void tearDown() {
    if (bot != null) bot.close();
    discord.close();
  }

  @Test
  void slashCommandWithClipAndTrackReachesTheCoreAndItsRepliesEditTheDeferredResponse() throws Exception {
    Path video = Files.write(tmp.resolve("out.mp4"), new byte[2048]);
    bot = DiscordBot.start(discord.settings(), (message, port) -> {
      received.add(message);
      return CompletableFuture.runAsync(() -> {
        try {
          MessageRef status = port.createStatus(message.chat(), "Uploading 2 files…");
          for (Attachment a : message.attachments()) {
            try (InputStream in = a.source().open()) {
              in.readAllBytes();
            }
          }
          port.editStatus(status, "Rendering 50%");
          port.sendVideo(message.chat(), video, "Urban Dreams");
          port.send(message.chat(), "Download: https://example.invalid/v.mp4", List.of(new Suggestion("Export", "/export")));
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
    });

    assertThat(discord.calls(c -> c.is("PUT", "/applications/" + FakeDiscord.APP + "/commands"))).singleElement()
        .satisfies(c -> assertThat(c.body()).contains("\"music\"", "\"clip\"", "\"track\"", "\"instruction\"", "\"export\"", "\"cancel\""));

    discord.slashCommand("900000000000000001", "music", FakeDiscord.options(
        FakeDiscord.Option.file("clip", "city.mp4", "video/mp4", "clip-bytes".getBytes(StandardCharsets.UTF_8)),
        FakeDiscord.Option.file("track", "lofi.mp3", "audio/mpeg", "track-bytes".getBytes(StandardCharsets.UTF_8)),
        FakeDiscord.Option.text("instruction", "sync it to the cuts")));

    await().atMost(Duration.ofSeconds(10)).until(() -> discord.calls(c -> c.is("POST", "/webhooks/") && c.body().contains("Download")).size() == 1);
    InboundMessage message = received.get(0);
    assertThat(message.text()).isEqualTo("sync it to the cuts");
    assertThat(message.user().id()).isEqualTo("900000000000000001");
    assertThat(message.chat().id()).isEqualTo(FakeDiscord.CHANNEL);
    assertThat(message.attachments()).extracting(Attachment::name).containsExactly("city.mp4", "lofi.mp3");

    List<FakeDiscord.Call> calls = discord.calls();
    assertThat(calls).filteredOn(c -> c.is("POST", "/callback")).hasSize(1);
    assertThat(calls).filteredOn(c -> c.is("PATCH", "/messages/@original")).extracting(FakeDiscord.Call::body)
        .anySatisfy(b -> assertThat(b).contains("Uploading 2 files"))
        .anySatisfy(b -> assertThat(b).contains("Rendering 50%"));
    assertThat(calls).filteredOn(c -> c.is("POST", "/webhooks/") && c.body().contains("Urban Dreams"))
        .singleElement().satisfies(c -> assertThat(c.body()).contains("filename=\"out.mp4\""));
    assertThat(calls).filteredOn(c -> c.body().contains("Download"))
        .singleElement().satisfies(c -> assertThat(c.body()).contains("/export"));
    assertThat(calls).noneMatch(c -> c.body().contains(FakeDiscord.TOKEN));
  }
}
