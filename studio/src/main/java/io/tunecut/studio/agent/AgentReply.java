package io.tunecut.studio.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tunecut.studio.media.Media;
import java.util.List;

/**
 * What one chat turn did.
 *
 * @param draft the draft after the turn (the same content when nothing changed)
 * @param text the answer for the user, in their language
 * @param created media the turn made (a composed track), to be kept with the session's uploads
 */
public record AgentReply(ObjectNode draft, List<AgentStep> steps, String text, List<Media> created) {
  public AgentReply {
    steps = List.copyOf(steps);
    created = List.copyOf(created);
  }

  public AgentReply(ObjectNode draft, List<AgentStep> steps, String text) {
    this(draft, steps, text, List.of());
  }
}
