package io.tunecut.discord;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.utils.ConcurrentSessionController;

/**
 * Connects to the configured gateway (a proxy, or a fake in tests) instead of Discord's. Like
 * JDA's default controller, shards log in as many at a time as Discord's max_concurrency allows.
 */
final class GatewayAddress extends ConcurrentSessionController {
  private final String url;

  GatewayAddress(String url) {
    this.url = url;
  }

  @Override
  public String getGateway() {
    return url;
  }

  @Override
  public ShardedGateway getShardedGateway(JDA api) {
    // Discord's answer also names its own gateway; keep its shard count and concurrency only.
    ShardedGateway discord = super.getShardedGateway(api);
    return new ShardedGateway(url, discord.getShardTotal(), discord.getConcurrency());
  }
}
