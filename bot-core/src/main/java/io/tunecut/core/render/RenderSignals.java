package io.tunecut.core.render;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the bot hears of its renders without asking the backend over the network: a studio in
 * the same process says at once when a render ends, and where the finished file is on disk.
 * Against a remote backend there is nothing to hear ({@link #NONE}): the bot polls and downloads.
 */
public interface RenderSignals {
  RenderSignals NONE = new RenderSignals() {
    @Override
    public void whenEnded(String renderId, Runnable then) {}

    @Override
    public Optional<Path> file(String renderId) {
      return Optional.empty();
    }
  };

  /**
   * Runs {@code then} once when the render ends (at once when it already has); never when
   * nothing will tell. {@code then} must return quickly.
   */
  void whenEnded(String renderId, Runnable then);

  /** The finished render on this machine's disk, to be read and never changed or deleted. */
  Optional<Path> file(String renderId);
}
