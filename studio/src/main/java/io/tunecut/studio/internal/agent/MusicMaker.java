package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.media.Media;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Music made for a timeline, for people who sent no track of their own (or ask for music made
 * for them). The agent asks; the maker composes, renders and returns a new media item whose
 * file exists, which the turn reports in {@link AgentReply#created()}.
 */
public interface MusicMaker {
  /**
   * @param draft the timeline the music is for (its length, clips and cuts)
   * @param media the session's media, for cut analysis of the clips
   * @param wish what the person asked for
   * @throws IOException when the music cannot be made here (no soundfont, no disk): the message
   *     says what to do, in English
   */
  Media make(Draft draft, List<Media> media, Wish wish) throws IOException;

  /** The style these words name ("lo-fi", "something epic", "欢快一点"), by its name, or empty. */
  default Optional<String> styleIn(String words) {
    return Optional.empty();
  }

  /** The next calmer style than this one, or the same when none is calmer. */
  default String calmer(String style) {
    return style;
  }

  /** The next livelier style than this one, or the same when none is livelier. */
  default String livelier(String style) {
    return style;
  }

  /**
   * A style's name as people say it in their language ("upbeat pop", "欢快流行"); the name the
   * maker knows it by when it has no other.
   */
  default String styleName(String style, boolean chinese) {
    return style;
  }

  /** What a track this maker made was made from; empty for a track the person sent. */
  default Optional<Wish> wishOf(Media track) {
    return Optional.empty();
  }

  /**
   * @param style a style name the maker knows ("lo-fi", "cinematic"…), or null for the default
   * @param seed the variation; the same seed, style and timeline give the same music
   */
  record Wish(String style, long seed) {
    public static Wish defaults() {
      return new Wish(null, 1);
    }
  }
}
