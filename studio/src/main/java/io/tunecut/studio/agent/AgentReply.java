package io.tunecut.studio.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What one chat turn did.
 *
 * @param draft the draft after the turn (the same content when nothing changed)
 * @param text the answer for the user, in their language
 */
public record AgentReply(ObjectNode draft, List<AgentStep> steps, String text) {
  public AgentReply {
    steps = List.copyOf(steps);
  }
}
