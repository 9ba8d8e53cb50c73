package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.draft.Clip;
import io.tunecut.studio.internal.draft.Draft;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A part said to be too long, or asked shorter without a length: "make the intro a bit shorter",
 * "the second clip is too long", "第二段太长了", "结尾有点长". The intro loses its start, any other
 * clip its end: a fifth of it for "a bit", a third otherwise. The answer says by how much and how
 * to ask for an exact length.
 */
final class ClipTooLong implements Instruction {
  private static final Pattern SHORTER = Pattern.compile(
      "\\b(?:shorter|shorten|too long|(?:a bit|a little|kinda|kind of|way|so|pretty|really)(?: too)? long|drags?(?: on)?)\\b"
          + "|太长|有点长|长了|短一?点|短些|缩短|剪短");
  private static final Pattern INTRO = Pattern.compile("\\b(?:intro|opening|beginning|start)\\b|片头|开头|开场");
  private static final Pattern OUTRO = Pattern.compile("\\b(?:outro|ending|end)\\b|片尾|结尾");
  private static final Pattern CLIP = Pattern.compile("clip (\\d+)");
  /** "clip 3 is too long, cut half of it": another part of the message says how much. */
  static final Pattern HOW_MUCH = Pattern.compile("\\b(?:cut|trim|shorten|chop)\\b[^.?!,]{0,20}\\d|(?:剪掉|剪到|剪成|缩短)[^。？！，,]{0,8}\\d");
  private static final Pattern A_BIT = Pattern.compile("\\b(?:a bit|a little|slightly|a tad|a touch|little)\\b|有点|一点|一些|短些|稍微");

  static boolean saysHowMuch(Turn turn) {
    return HOW_MUCH.matcher(CLIP.matcher(turn.message()).replaceAll("")).find();
  }

  @Override
  public Optional<Edit> apply(Turn turn, Draft draft) {
    String text = turn.text();
    if (!turn.has(SHORTER) || CLIP.matcher(text).replaceAll("").matches(".*\\d.*") || draft.clips().isEmpty()
        || saysHowMuch(turn)) return Optional.empty();
    var clip = CLIP.matcher(text);
    boolean named = clip.find();
    boolean intro = !named && turn.has(INTRO);
    boolean outro = !named && !intro && turn.has(OUTRO);
    if (!named && !intro && !outro) return Optional.empty();
    turn.match(SHORTER);
    if (intro) turn.match(INTRO);
    if (outro) turn.match(OUTRO);
    if (named) turn.match(CLIP);
    int pos = named ? Integer.parseInt(clip.group(1)) : intro ? 1 : draft.clips().size();
    if (pos < 1 || pos > draft.clips().size()) return Optional.of(ClipOrder.noSuchClip(draft, pos));
    Clip c = draft.clips().get(pos - 1);
    boolean bit = turn.has(A_BIT);
    long cut = Math.round(c.durationMs() / (bit ? 5.0 : 3.0) / 10) * 10;
    Edit trimmed = ClipTrim.cut(draft, pos, cut, intro);
    // a montage shot loses whole beats, and its answer says that rather than the fifth or third asked
    if (trimmed.kind() != Edit.Kind.DONE || draft.isShot(pos - 1)) return Optional.of(trimmed);
    String part = intro ? "the start" : "the end";
    return Optional.of(new Edit(trimmed.draft(), trimmed.step(),
        "Cut " + Words.secs(cut) + " off " + part + " of clip " + pos + " (" + c.name() + "): it now plays "
            + Words.secs(c.durationMs() - cut) + " instead of " + Words.secs(c.durationMs()) + ". For an exact length say e.g. \"clip " + pos + " to 3s\".",
        "第 " + pos + " 个片段（" + c.name() + "）" + (intro ? "开头" : "结尾") + "剪掉了 " + Words.zhSecs(cut) + "，现在 "
            + Words.zhSecs(c.durationMs() - cut) + "（原来 " + Words.zhSecs(c.durationMs()) + "）。要精确长度可以说“第" + pos + "段剪到3秒”。",
        trimmed.kind(), trimmed.created()));
  }
}
