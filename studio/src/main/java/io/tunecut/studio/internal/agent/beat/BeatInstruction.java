package io.tunecut.studio.internal.agent.beat;

import io.tunecut.studio.internal.agent.DuckMusic;
import io.tunecut.studio.internal.agent.Edit;
import io.tunecut.studio.internal.agent.Instruction;
import io.tunecut.studio.internal.agent.Turn;
import io.tunecut.studio.internal.analysis.AnalysisCache;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.media.Media;
import java.util.List;
import java.util.Optional;

/**
 * Teaches the agent the edits that need analysis: sync to the cuts, beat montage, ending on a
 * phrase, ducking under speech — and, once the message is read, ducking that follows the
 * timeline as it is now (without being asked when the clips have speech, unless the person
 * said not to). Ducking is changed by {@link DuckMusic}, as a language model's call changes it.
 */
public final class BeatInstruction implements Instruction {
  private final BeatEdits edits;

  public BeatInstruction(AnalysisCache cache) {
    this(new BeatEdits(cache));
  }

  BeatInstruction(BeatEdits edits) {
    this.edits = edits;
  }

  @Override
  public Optional<Edit> apply(Turn turn, Draft draft) {
    Optional<BeatRequest> asked = BeatRequest.read(turn.whole(), turn.negated());
    return asked.map(request -> make(request, draft, turn.media(), turn.chinese()));
  }

  /** The edit {@code request} asks for, as the rules make it; a language model's beat tools come here too. */
  public Edit make(BeatRequest request, Draft draft, List<Media> media, boolean chinese) {
    String language = chinese ? "zh" : "en";
    return switch (request.kind()) {
      case SYNC_TO_CUTS -> typed(edits.syncToCuts(draft, media, request.nudge(), language), draft);
      case MONTAGE -> typed(edits.montage(draft, media, request.seconds(), request.beatsPerShot(), language), draft);
      case END_ON_PHRASE -> typed(edits.endOnPhrase(draft, media, language), draft);
      case DUCK -> DuckMusic.duck(draft, request.db() != 0 ? request.db() : DuckMusic.deeper(draft),
          draft.music() == null ? List.of() : edits.heard(draft, media));
      case NO_DUCK -> DuckMusic.keepLevel(draft);
      case NOT_NOW -> Edit.answer(draft, "OK — the cuts and the music stay as they are.", "好的，剪辑和音乐保持不变。");
      case ASK -> Edit.answer(draft, edits.onBeatNow(draft, media, "en"), edits.onBeatNow(draft, media, "zh"));
    };
  }

  @Override
  public boolean cutsMontages() {
    return true;
  }

  @Override
  public Optional<Edit> afterMessage(Draft draft, List<Media> media, boolean chinese) {
    return edits.followTimeline(draft, media, chinese ? "zh" : "en").map(e -> typed(e, draft));
  }

  private static Edit typed(BeatEdits.Edit e, Draft before) {
    return e.changed()
        ? Edit.done(e.draft(), e.tool(), e.args(), e.result(), e.text(), e.text())
        : Edit.refused(before, e.tool(), e.args(), e.text(), e.text());
  }
}
