package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.draft.Output;
import java.util.Optional;
import java.util.regex.Pattern;

/** "normalize the loudness", "no loudness normalization", "响度标准化", "关闭响度标准化". */
final class Loudness implements Instruction {
  private static final Pattern ON = Pattern.compile("normali[sz]\\w*|loudness|\\blufs\\b|响度");

  @Override
  public Optional<Edit> apply(Turn turn, Draft draft) {
    if (turn.match(ON) == null) return Optional.empty();
    return Optional.of(set(draft, !turn.negated()));
  }

  /** Normalises the mix to {@link Output#DEFAULT_LOUDNESS}, or leaves its level as it is when {@code on} is false. */
  static Edit set(Draft draft, boolean on) {
    boolean off = !on;
    Double lufs = off ? null : Output.DEFAULT_LOUDNESS;
    var args = Edit.args();
    if (lufs == null) args.putNull("lufs");
    else args.put("lufs", lufs);
    return Edit.done(draft.withOutput(draft.output().withLoudness(lufs)), "set_loudness", args,
        off ? "Loudness normalisation is off: the mix keeps its own level."
            : "The mix will be normalised to −14 LUFS with peaks at most −1 dBTP.",
        off ? "已关闭响度标准化。" : "混音将标准化到 −14 LUFS，真峰值不超过 −1 dBTP。");
  }
}
