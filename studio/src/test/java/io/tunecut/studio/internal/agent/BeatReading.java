package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.agent.beat.BeatRequest;
import java.util.Optional;

/**
 * The beat edits as read, without their analysis: the corpus checks what was understood
 * ("duck -18", "montage 30s 2"), which the real {@code BeatInstruction} then carries out.
 */
final class BeatReading implements Instruction {
  @Override
  public Optional<Edit> apply(Turn turn, Draft draft) {
    return BeatRequest.read(turn.whole(), turn.negated()).map(r -> {
      if (r.kind() == BeatRequest.Kind.NOT_NOW) return Edit.answer(draft, "OK, no beat edit.", "好的，不做节拍剪辑。");
      String what = switch (r.kind()) {
        case SYNC_TO_CUTS -> "sync" + (r.nudge() ? " nudge" : "");
        case MONTAGE -> "montage " + DraftChange.secs(Math.round(r.seconds() * 1000)) + " " + r.beatsPerShot();
        case END_ON_PHRASE -> "phrase";
        case DUCK -> "duck " + r.db();
        case NO_DUCK -> "noduck";
        case NOT_NOW -> "";
      };
      var extra = draft.extra().deepCopy();
      extra.put("beat", what);
      Draft next = new Draft(draft.output(), draft.clips(), draft.music(), draft.captions(), draft.otherTracks(), extra);
      return Edit.done(next, "beat", Edit.args(), "Beat: " + what + ".", "节拍：" + what + "。");
    });
  }
}
