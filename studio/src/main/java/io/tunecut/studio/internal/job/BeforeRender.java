package io.tunecut.studio.internal.job;

import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.media.Media;
import java.util.Collection;

/**
 * What a draft's render needs worked out again from its media, just before it renders: a
 * client may have edited the timeline without knowing what depends on it (ducking under
 * speech). Keeps the renderer a pure function of the draft.
 */
@FunctionalInterface
public interface BeforeRender {
  BeforeRender NOTHING = (draft, media) -> draft;

  Draft prepare(Draft draft, Collection<Media> media);
}
