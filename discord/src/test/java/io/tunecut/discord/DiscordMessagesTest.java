package io.tunecut.discord;

import static io.tunecut.discord.DiscordFlowTest.ANN;
import static io.tunecut.discord.DiscordFlowTest.BOB;
import static io.tunecut.discord.DiscordFlowTest.WAIT;
import static io.tunecut.discord.FakeDiscord.Option.file;
import static io.tunecut.discord.FakeDiscord.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tunecut.core.testing.FakeNemoServer.Call;
import io.tunecut.core.testing.Turn;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plain messages rather than slash commands: direct messages, mentions, and shards. */
class DiscordMessagesTest {
  @TempDir Path tmp;
  Stack stack;
  FakeDiscord discord;

  @BeforeEach
  void setUp() throws Exception {
    stack = new Stack(tmp);
    discord = stack.discord;
    stack.nemo.onMessage("add background music", Turn.builder().tool("add_music").text("Music added at 35%.").build());
  }

  @AfterEach
  void tearDown() throws Exception {
    stack.close();
  }

  private List<FakeDiscord.Call> postedIn(String channel, String text) {
    return discord.calls(c -> c.is("POST", "/channels/" + channel + "/messages") && c.body().contains(text));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aDirectMessageWithAClipAndATrackIsAnsweredInTheDirectMessage() throws Exception {
    stack.start();

    discord.message(ANN, "add background music", true, options(
        file("clip", "city.mp4", "video/mp4", bytes("clip")), file("track", "lofi.mp3", "audio/mpeg", bytes("track"))));

    await().atMost(WAIT).until(() -> !postedIn(FakeDiscord.DM_CHANNEL, "Music added at 35%").isEmpty());
    assertThat(stack.nemo.requests(Call.UPLOAD)).extracting(r -> r.getBody().utf8())
        .anySatisfy(b -> assertThat(b).contains("filename=\"city.mp4\""))
        .anySatisfy(b -> assertThat(b).contains("filename=\"lofi.mp3\""));
    assertThat(discord.calls(c -> c.path().startsWith("/channels/" + FakeDiscord.CHANNEL + "/messages"))).isEmpty();
  }

  @Test
  void inAGuildChannelTheBotAnswersMentionsAndLeavesOtherTalkAlone() throws Exception {
    stack.start();

    discord.message(BOB, "add background music to my holiday video, someone?", false, List.of());
    discord.message(ANN, "<@" + FakeDiscord.APP + "> add background music", false, options(
        file("clip", "city.mp4", "video/mp4", bytes("clip"))));

    await().atMost(WAIT).until(() -> !postedIn(FakeDiscord.CHANNEL, "Music added at 35%").isEmpty());
    assertThat(stack.nemo.requests(Call.TURN)).singleElement()
        .satisfies(r -> assertThat(r.getBody().utf8()).contains("add background music").doesNotContain("<@").doesNotContain("holiday"));
  }

  @Test
  void withShardsEveryShardConnectsAndTheGuildsShardServesIt() throws Exception {
    discord.shards(2);
    stack.start(discord.settings().withShards(2));

    await().atMost(WAIT).until(() -> discord.connectedShards() == 2);
    String music = discord.slashCommand(ANN, "music", options(
        file("clip", "city.mp4", "video/mp4", bytes("clip")), FakeDiscord.Option.text("instruction", "add background music")));
    await().atMost(WAIT).until(() -> discord.calls(c -> c.path().contains(music)).stream()
        .anyMatch(c -> c.body().contains("Music added at 35%")));
  }

  @Test
  void aProcessWithAShardRangeConnectsOnlyThoseShardsAndServesTheirGuilds() throws Exception {
    discord.shards(4);
    int ours = discord.guildShard();
    stack.start(discord.settings().withShards(4).withShardRange(ours, ours));

    await().atMost(WAIT).until(() -> discord.connectedShards() == 1);
    assertThat(discord.connectedShardIds()).containsExactly(ours);
    String music = discord.slashCommand(ANN, "music", options(
        file("clip", "city.mp4", "video/mp4", bytes("clip")), FakeDiscord.Option.text("instruction", "add background music")));
    await().atMost(WAIT).until(() -> discord.calls(c -> c.path().contains(music)).stream()
        .anyMatch(c -> c.body().contains("Music added at 35%")));
  }
}
