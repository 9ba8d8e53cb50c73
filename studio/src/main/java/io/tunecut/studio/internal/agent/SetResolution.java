package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.draft.Aspect;
import io.tunecut.studio.internal.draft.Draft;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** "export 1080p MP4", "720p", "full hd", "导出1080p", "高清". */
final class SetResolution implements Instruction {
  private static final Pattern RESOLUTION = Pattern.compile(
      "(?<![\\d.])(1080|720)\\s*p?(?![a-z\\d])|\\b(full\\s*hd|fhd|high quality|best quality)\\b|(?<!full )\\bhd\\b|(超清|高清|蓝光|全高清)|(标清|smaller file|small file)");

  @Override
  public Optional<Edit> apply(Turn turn, Draft draft) {
    Matcher m = turn.match(RESOLUTION);
    if (m == null) return Optional.empty();
    String res = m.group(1) != null ? m.group(1) + "p" : m.group(2) != null || m.group(3) != null ? "1080p"
        : m.group(4) != null ? "720p" : "720p";
    return Optional.of(resolution(draft, res));
  }

  /** @param res "1080p" or "720p" */
  static Edit resolution(Draft draft, String res) {
    var out = draft.output().withResolution(res);
    Aspect aspect = out.aspect() != null ? out.aspect() : Aspect.nearest(out.width(), out.height());
    Aspect.Frame f = aspect.frame(out.shortSide());
    var args = Edit.args().put("resolution", res).put("width", f.width()).put("height", f.height());
    return Edit.done(draft.withOutput(out.withFrame(f.width(), f.height())), "set_resolution", args,
        "The export will be " + res + " MP4 (" + f.width() + "×" + f.height() + ").",
        "导出为 " + res + " MP4（" + f.width() + "×" + f.height() + "）。");
  }
}
