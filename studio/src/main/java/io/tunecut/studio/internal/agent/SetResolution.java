package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.draft.Aspect;
import io.tunecut.studio.internal.draft.Draft;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** "export 1080p MP4", "720p", "full hd", "导出1080p", "高清"; "4k" is more than the studio makes. */
final class SetResolution implements Instruction {
  private static final Pattern RESOLUTION = Pattern.compile(
      "(?<![\\d.])(1080|720)\\s*p?(?![a-z\\d])|\\b(full\\s*hd|fhd|high quality|best quality)\\b|(?<!full )\\bhd\\b|(超清|高清|蓝光|全高清)|(标清|smaller file|small file)");

  /** "make it 4k", "导出2k": sharper than the studio exports. */
  private static final Pattern SHARPER = Pattern.compile("(?<![\\d.])(?:4|2)\\s*k\\b|\\b(?:2160|1440)\\s*p?\\b|\\buhd\\b|\\bultra\\s*hd\\b|超高清");

  @Override
  public Optional<Edit> apply(Turn turn, Draft draft) {
    if (turn.match(SHARPER) != null) {
      var out = draft.output();
      return Optional.of(Edit.refused(draft, "set_resolution", Edit.args().put("resolution", "4k"),
          "I export up to 1080p, so it stays " + out.width() + "×" + out.height() + ": the sharpest I make.",
          "我最高导出 1080p，所以保持 " + out.width() + "×" + out.height() + "，这是最清晰的。"));
    }
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
