package io.tunecut.studio.server;

import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.media.Media;
import io.tunecut.studio.internal.render.RenderCancelledException;
import io.tunecut.studio.internal.render.RenderFailedException;
import io.tunecut.studio.internal.render.Renderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.function.DoubleConsumer;

/**
 * Stands in for ffmpeg where the test is about the queue: reports 40 % progress, then (when
 * holding) waits for a permit, then writes {@link #OUTPUT_BYTES} bytes.
 */
final class ScriptedRenderer implements Renderer {
  static final int OUTPUT_BYTES = 200_000;

  final boolean holding;
  final Semaphore permits = new Semaphore(0);
  final BlockingQueue<String> started = new LinkedBlockingQueue<>();
  final BlockingQueue<String> cancelled = new LinkedBlockingQueue<>();
  volatile String failWith;

  ScriptedRenderer(boolean holding) {
    this.holding = holding;
  }

  @Override
  public void render(Draft draft, Map<String, Media> media, Path output, DoubleConsumer progress)
      throws RenderFailedException, RenderCancelledException {
    String name = output.getFileName().toString();
    started.add(name);
    progress.accept(0.4);
    if (holding) {
      try {
        permits.acquire();
      } catch (InterruptedException e) {
        cancelled.add(name);
        throw new RenderCancelledException();
      }
    }
    if (failWith != null) throw new RenderFailedException(failWith);
    byte[] bytes = new byte[OUTPUT_BYTES];
    for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) (i * 31 + 7);
    try {
      Files.write(output, bytes);
    } catch (IOException e) {
      throw new RenderFailedException("cannot write", e);
    }
    progress.accept(1.0);
  }
}
