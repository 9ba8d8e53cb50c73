package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.agent.language.Message;
import io.tunecut.studio.internal.draft.Draft;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * "Don't change the music", "leave the clips as they are", "don't remove the title", "不要改音乐",
 * "别去掉原声", "别动": the words name
 * something only to keep it, so no other reading may take them as a request to remove it.
 */
final class LeaveAlone implements Instruction {
  private static final Pattern KEEP = Pattern.compile(
      "\\b(?:don't|do not|never|no need to|please don't) (?:change|touch|edit|alter|mess with|modify|redo)\\b"
          + "|\\b(?:leave|keep) (?:[\\w']+ ){0,3}(?:alone|as (?:it is|is|they are|it was|they were)|the way (?:it is|they are)|unchanged|untouched|the same|as before)\\b"
          + "|(?:不要|别|不用|不必)\\s*(?:再)?\\s*(?:改|动|换)(?![成为到])|保持(?:原样|不变)|维持原样"
          + "|^(?:please )?keep (?:the |my |all )?(?:title|caption|text|music|song)(?: too| as well)?$");
  /** The words it keeps run to "but" ("leave the music but make it vertical"). */
  private static final Pattern CLAIMED = Pattern.compile("^.*?(?=\\bbut\\b|但是?|不过|$)");

  @Override
  public Optional<Edit> apply(Turn turn, Draft draft) {
    if (!turn.has(KEEP) && !Message.keeps(turn.text())) return Optional.empty();
    turn.match(CLAIMED);
    return Optional.of(Edit.answer(draft, "OK — I'll leave that as it is.", "好的，这部分保持不变。"));
  }
}
