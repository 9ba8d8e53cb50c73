package io.tunecut.studio.sync;

import io.tunecut.studio.agent.Edit;
import io.tunecut.studio.agent.Instruction;
import io.tunecut.studio.agent.Turn;
import io.tunecut.studio.analysis.AnalysisCache;
import io.tunecut.studio.draft.Draft;
import java.util.Optional;

/**
 * Teaches the agent the edits that need analysis: sync to the cuts, beat montage, ending on a
 * phrase, ducking under speech — and ducking without being asked when the clips have speech,
 * unless the person said not to. Runs after every other instruction, so "add music and sync it
 * to the cuts" syncs the music just added.
 */
public final class BeatInstruction implements Instruction {
  private final BeatEdits edits;

  public BeatInstruction(AnalysisCache cache) {
    this.edits = new BeatEdits(cache);
  }

  @Override
  public Optional<Edit> apply(Turn turn, Draft draft) {
    String language = turn.chinese() ? "zh" : "en";
    var json = draft.toJson();
    Optional<BeatRequest> asked = BeatRequest.read(turn.original());
    Optional<BeatEdits.Edit> edit = asked.map(request -> switch (request.kind()) {
      case SYNC_TO_CUTS -> edits.syncToCuts(json, turn.media(), request.nudge(), language);
      case MONTAGE -> edits.montage(json, turn.media(), request.seconds(), request.beatsPerShot(), language);
      case END_ON_PHRASE -> edits.endOnPhrase(json, turn.media(), language);
      case DUCK -> edits.duck(json, turn.media(), request.db() == 0 ? Ducking.DEFAULT_DB : request.db(), language);
      case NO_DUCK -> edits.noDuck(json, language);
    });
    if (asked.map(request -> request.kind() != BeatRequest.Kind.NO_DUCK).orElse(true)) {
      var current = edit.filter(BeatEdits.Edit::changed).map(BeatEdits.Edit::draft).orElse(json);
      Optional<BeatEdits.Edit> ducked = edits.autoDuck(current, turn.media(), language);
      if (ducked.isPresent()) {
        edit = edit.filter(BeatEdits.Edit::changed).map(done -> combine(done, ducked.get())).or(() -> ducked);
      }
    }
    return edit.map(e -> e.changed()
        ? Edit.done(Draft.read(e.draft()), e.tool(), e.args(), e.result(), e.text(), e.text())
        : Edit.refused(draft, e.tool(), e.args(), e.text(), e.text()));
  }

  /** The asked-for edit, then the automatic ducking on top, told in one breath. */
  private static BeatEdits.Edit combine(BeatEdits.Edit asked, BeatEdits.Edit ducked) {
    return new BeatEdits.Edit(ducked.draft(), asked.text() + " " + ducked.text(), asked.tool(), asked.args(),
        asked.result(), true);
  }
}
