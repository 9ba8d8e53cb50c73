package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.media.Media;
import java.util.List;
import java.util.Optional;

/**
 * One kind of instruction the agent understands ("music at 35%", "make it vertical"). Each
 * reads one clause at a time; the agent tries every kind on each clause, in the order of
 * {@link Instructions#standard()}, each seeing only the words earlier kinds left unclaimed.
 */
public interface Instruction {
  /**
   * @param draft the draft as edited by the instructions before this one in the same turn
   * @return the edit, or empty when the clause does not ask for this
   */
  Optional<Edit> apply(Turn turn, Draft draft);

  /**
   * Whether this instruction cuts a montage to the beat ("a 20 s montage"): the montage's length
   * is then its own, and the clips are not first fitted to it.
   */
  default boolean cutsMontages() {
    return false;
  }

  /** Once per message, after every clause: edits that follow from the others (ducking under speech). */
  default Optional<Edit> afterMessage(Draft draft, List<Media> media, boolean chinese) {
    return Optional.empty();
  }
}
