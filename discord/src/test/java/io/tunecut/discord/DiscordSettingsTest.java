package io.tunecut.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a process is told which shards are its own. */
class DiscordSettingsTest {
  @Test
  void aShardRangeIsReadWithTheTotal() {
    DiscordSettings s = DiscordSettings.fromEnvironment(Map.of(
        "DISCORD_BOT_TOKEN", "t", "DISCORD_SHARDS", "8", "DISCORD_SHARD_RANGE", " 4-7 "));
    assertThat(s.shards()).isEqualTo(8);
    assertThat(s.shardRange()).isEqualTo(new DiscordSettings.ShardRange(4, 7));
    assertThat(DiscordSettings.fromEnvironment(Map.of("DISCORD_BOT_TOKEN", "t")).shardRange()).isNull();
  }

  @Test
  void aRangeOutsideTheTotalOrWithoutOneIsSaidAtStart() {
    assertThatThrownBy(() -> DiscordSettings.fromEnvironment(Map.of("DISCORD_BOT_TOKEN", "t", "DISCORD_SHARD_RANGE", "0-1")))
        .hasMessageContaining("DISCORD_SHARDS");
    assertThatThrownBy(() -> DiscordSettings.fromEnvironment(Map.of(
        "DISCORD_BOT_TOKEN", "t", "DISCORD_SHARDS", "4", "DISCORD_SHARD_RANGE", "2-4"))).hasMessageContaining("0-3");
    assertThatThrownBy(() -> DiscordSettings.fromEnvironment(Map.of(
        "DISCORD_BOT_TOKEN", "t", "DISCORD_SHARDS", "4", "DISCORD_SHARD_RANGE", "three"))).hasMessageContaining("DISCORD_SHARD_RANGE");
    assertThatThrownBy(() -> DiscordSettings.fromEnvironment(Map.of(
        "DISCORD_BOT_TOKEN", "t", "DISCORD_SHARDS", "4", "DISCORD_SHARD_RANGE", "3-1"))).hasMessageContaining("DISCORD_SHARD_RANGE");
  }
}
