package io.tunecut.studio.agent;

import io.tunecut.studio.draft.Draft;
import java.util.Optional;

/**
 * One kind of instruction the agent understands ("music at 35%", "make it vertical"). Each
 * kind reads the whole message and, when the message asks for it, returns its edit. The
 * agent applies every kind that matches, in the order of {@link Instructions#standard()}.
 */
public interface Instruction {
  /**
   * @param draft the draft as edited by the instructions before this one in the same turn
   * @return the edit, or empty when the message does not ask for this
   */
  Optional<Edit> apply(Turn turn, Draft draft);
}
