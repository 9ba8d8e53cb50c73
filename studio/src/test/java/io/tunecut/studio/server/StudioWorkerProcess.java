package io.tunecut.studio.server;

import io.tunecut.studio.server.QueueSettings;
import io.tunecut.studio.server.MediaSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * A render worker in a JVM of its own, as {@code tunecut studio --role worker} runs it, with
 * the studio's real probe and renderer: {@code <data dir> <database url> <heartbeat ms> [<media url>
 * <S3 endpoint> <access key> <secret key>]}.
 */
public final class StudioWorkerProcess {
  private StudioWorkerProcess() {}

  public static void main(String[] args) throws Exception {
    StudioSettings settings = StudioSettings.defaults(Path.of(args[0]))
        .withDatabaseUrl(args[1])
        .withRole(QueueSettings.Role.WORKER)
        .withHeartbeat(Duration.ofMillis(Long.parseLong(args[2])));
    if (args.length > 3) settings = settings.withMedia(new MediaSettings(args[3], args[4], null, args[5], args[6]));
    Studio studio = Studio.start(settings);
    System.out.println("worker ready at " + studio.baseUrl());
    new CountDownLatch(1).await(); // until killed
  }
}
