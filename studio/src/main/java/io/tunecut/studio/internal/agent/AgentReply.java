package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.media.Media;
import java.util.List;

/**
 * What one chat turn did.
 *
 * @param draft the draft after the turn (the same content when nothing changed)
 * @param text the answer for the user, in their language
 * @param created media the turn made (a composed track), to be kept with the session's uploads
 * @param history the session's drafts to undo and redo to, after this turn
 * @param said what the next turn may lean on, kept with the session beside the draft
 */
public record AgentReply(Draft draft, List<AgentStep> steps, String text, List<Media> created, History history, Said said) {
  public AgentReply {
    steps = List.copyOf(steps);
    created = List.copyOf(created);
    history = history == null ? History.none() : history;
    said = said == null ? Said.NOTHING : said;
  }

  /** A turn that leaves nothing for the next to lean on. */
  public AgentReply(Draft draft, List<AgentStep> steps, String text, List<Media> created, History history) {
    this(draft, steps, text, created, history, Said.NOTHING);
  }

  public AgentReply(Draft draft, List<AgentStep> steps, String text, List<Media> created) {
    this(draft, steps, text, created, History.none());
  }

  public AgentReply(Draft draft, List<AgentStep> steps, String text) {
    this(draft, steps, text, List.of(), History.none());
  }
}
