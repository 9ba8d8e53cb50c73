package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.draft.BeatGrid;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.agent.beat.BeatRequest;
import java.util.Optional;
import java.util.stream.LongStream;

/**
 * The beat edits as read, without their analysis: the corpus checks what was understood
 * ("duck -18", "montage 30s 2"), which the real {@code BeatInstruction} then carries out.
 */
final class BeatReading implements Instruction {
  @Override
  public Optional<Edit> apply(Turn turn, Draft draft) {
    return BeatRequest.read(turn.whole(), turn.negated()).map(r -> {
      if (r.kind() == BeatRequest.Kind.NOT_NOW) return Edit.answer(draft, "OK, no beat edit.", "好的，不做节拍剪辑。");
      // the real one answers with the BPM it hears and the cuts on a beat
      if (r.kind() == BeatRequest.Kind.ASK) return Edit.answer(draft, "Beat question: the BPM heard and the cuts on a beat.", "节拍问题：听出的 BPM 和卡在节拍上的剪辑点。");
      if (withoutMusic(r, draft, turn)) {
        // as the real one says: there is nothing to hear beats in
        return Edit.refused(draft, "beat", Edit.args(), "There is no music yet. Send a track first, or say \"add background music\".",
            "还没有背景音乐。先发一首曲子，或者说“加背景音乐”。");
      }
      String what = switch (r.kind()) {
        case SYNC_TO_CUTS -> "sync" + (r.nudge() ? " nudge" : "");
        case MONTAGE -> "montage " + DraftChange.secs(Math.round(r.seconds() * 1000)) + " " + r.beatsPerShot();
        case END_ON_PHRASE -> "phrase";
        case DUCK -> "duck " + r.db();
        case NO_DUCK -> "noduck";
        case NOT_NOW, ASK -> "";
      };
      var extra = draft.extra().deepCopy();
      extra.put("beat", what);
      Draft next = draft.withExtra(extra);
      if (r.kind() == BeatRequest.Kind.MONTAGE && draft.music() != null) {
        // laid on the music's beats as the real one's shots are, so later turns know it is a montage
        next = next.withGrid(new BeatGrid(draft.music().src(), LongStream.range(0, 240).map(i -> i * 500).boxed().toList()));
      }
      return Edit.done(next, r.kind() == BeatRequest.Kind.MONTAGE ? "beat_montage" : "beat", Edit.args(), "Beat: " + what + ".", "节拍：" + what + "。");
    });
  }

  @Override
  public boolean cutsMontages() {
    return true;
  }

  /** A beat edit needs music; a montage may take the track just sent. */
  private static boolean withoutMusic(BeatRequest r, Draft draft, Turn turn) {
    boolean needs = r.kind() == BeatRequest.Kind.SYNC_TO_CUTS || r.kind() == BeatRequest.Kind.MONTAGE || r.kind() == BeatRequest.Kind.END_ON_PHRASE;
    return needs && draft.music() == null && (r.kind() != BeatRequest.Kind.MONTAGE || turn.tracks().isEmpty());
  }
}
