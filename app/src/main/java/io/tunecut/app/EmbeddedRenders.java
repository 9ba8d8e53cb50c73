package io.tunecut.app;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tunecut.core.render.RenderSignals;
import io.tunecut.studio.server.Studio;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The embedded studio's renders as the bot hears them: the end of a render reaches the export
 * waiting for it at once, and the finished file is read where the studio wrote it (same disk).
 */
final class EmbeddedRenders implements RenderSignals {
  private final Studio studio;
  // Ends are remembered a while: an export may start waiting just after its render ended.
  private final Cache<String, Boolean> ended = Caffeine.newBuilder().expireAfterWrite(Duration.ofHours(1)).build();
  private final Cache<String, List<Runnable>> waiting = Caffeine.newBuilder().expireAfterWrite(Duration.ofDays(1)).build();

  EmbeddedRenders(Studio studio) {
    this.studio = studio;
    studio.onRenderEnded((id, status) -> {
      ended.put(id, true);
      List<Runnable> then = waiting.asMap().remove(id);
      if (then != null) then.forEach(Runnable::run);
    });
  }

  @Override
  public void whenEnded(String renderId, Runnable then) {
    waiting.asMap().computeIfAbsent(renderId, k -> new CopyOnWriteArrayList<>()).add(then);
    // Ended before we started waiting (or while we did): told now, once.
    if (ended.getIfPresent(renderId) != null) {
      List<Runnable> now = waiting.asMap().remove(renderId);
      if (now != null) now.forEach(Runnable::run);
    }
  }

  @Override
  public Optional<Path> file(String renderId) {
    return studio.renderFile(renderId);
  }
}
