package io.tunecut.studio.sync;

import io.tunecut.studio.agent.Edit;
import io.tunecut.studio.agent.Instruction;
import io.tunecut.studio.agent.Turn;
import io.tunecut.studio.analysis.AnalysisCache;
import io.tunecut.studio.draft.Draft;
import io.tunecut.studio.media.Media;
import java.util.List;
import java.util.Optional;

/**
 * Teaches the agent the edits that need analysis: sync to the cuts, beat montage, ending on a
 * phrase, ducking under speech — and, once the message is read, ducking that follows the
 * timeline as it is now (without being asked when the clips have speech, unless the person
 * said not to). The beat edits still speak JSON:
 * the draft is converted here, at their boundary.
 */
public final class BeatInstruction implements Instruction {
  private final BeatEdits edits;

  public BeatInstruction(AnalysisCache cache) {
    this.edits = new BeatEdits(cache);
  }

  @Override
  public Optional<Edit> apply(Turn turn, Draft draft) {
    String language = turn.chinese() ? "zh" : "en";
    Optional<BeatRequest> asked = BeatRequest.read(turn.whole(), turn.negated());
    if (asked.isEmpty()) return Optional.empty();
    var json = draft.toJson();
    BeatRequest request = asked.get();
    BeatEdits.Edit e = switch (request.kind()) {
      case SYNC_TO_CUTS -> edits.syncToCuts(json, turn.media(), request.nudge(), language);
      case MONTAGE -> edits.montage(json, turn.media(), request.seconds(), request.beatsPerShot(), language);
      case END_ON_PHRASE -> edits.endOnPhrase(json, turn.media(), language);
      case DUCK -> edits.duck(json, turn.media(), request.db() == 0 ? Ducking.DEFAULT_DB : request.db(), language);
      case NO_DUCK -> edits.noDuck(json, language);
    };
    return Optional.of(typed(e, draft));
  }

  @Override
  public Optional<Edit> afterMessage(Draft draft, List<Media> media, boolean chinese) {
    return edits.followTimeline(draft.toJson(), media, chinese ? "zh" : "en").map(e -> typed(e, draft));
  }

  private static Edit typed(BeatEdits.Edit e, Draft before) {
    return e.changed()
        ? Edit.done(Draft.read(e.draft()), e.tool(), e.args(), e.result(), e.text(), e.text())
        : Edit.refused(before, e.tool(), e.args(), e.text(), e.text());
  }
}
