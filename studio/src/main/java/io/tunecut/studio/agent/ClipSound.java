package io.tunecut.studio.agent;

import io.tunecut.studio.draft.Clip;
import io.tunecut.studio.draft.Draft;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The clips' own sound: "mute the clips", "keep the original sound", "lower the original audio to 20%", "静音原声". */
final class ClipSound implements Instruction {
  private static final String SOUND = "(?:clips?|original|video'?s?|own|ambient|camera|recorded)'?s?\\s+(?:sound|audio|voices?)";
  private static final Pattern MUTE = Pattern.compile(
      "(mute|silence|remove|drop|no|without|turn off)\\s+(?:the\\s+)?(?:" + SOUND + "|clips?\\b|video\\b)|静音|去掉原声|不要原声|关闭原声");
  private static final Pattern KEEP = Pattern.compile("(keep|restore|unmute)\\s+(?:the\\s+)?" + SOUND + "|保留原声|恢复原声");
  private static final Pattern LOWER = Pattern.compile(
      "(lower|reduce|quieter|soften|turn down|duck)\\s+(?:the\\s+)?" + SOUND + "|" + SOUND + "\\s+(?:quieter|lower|down)|降低原声|原声小一点|原声调低");
  private static final Pattern LEVEL = Pattern.compile(SOUND + "[^.;!?]{0,12}?(\\d{1,3})\\s*%|原声\\s*(\\d{1,3})\\s*%");
  static final double LOWERED = 0.3;

  @Override
  public Optional<Edit> apply(Turn turn, Draft draft) {
    Matcher level = turn.match(LEVEL);
    Double v = null;
    String en = null;
    String zh = null;
    if (level != null) {
      v = Double.parseDouble(level.group(1) != null ? level.group(1) : level.group(2)) / 100.0;
    } else if (turn.has(MUTE)) {
      v = 0.0;
    } else if (turn.has(KEEP)) {
      v = 1.0;
    } else if (turn.has(LOWER)) {
      v = LOWERED;
    }
    if (v == null) return Optional.empty();
    double lv = Math.max(0, Math.min(2.0, v));
    if (draft.clips().isEmpty()) {
      return Optional.of(Edit.refused(draft, "set_clip_sound", Edit.args(),
          "There are no clips yet: send your video clips first.", "还没有视频片段：请先发送视频。"));
    }
    en = lv == 0 ? "Muted the clips' own sound." : lv == 1.0 ? "The clips keep their own sound as recorded."
        : "The clips' own sound is at " + Words.percent(lv) + ".";
    zh = lv == 0 ? "已静音视频原声。" : lv == 1.0 ? "保留视频原声。" : "视频原声已设为 " + Words.percent(lv) + "。";
    var args = Edit.args().put("level", lv);
    return Optional.of(Edit.done(draft.withClips(draft.clips().stream().map((Clip c) -> c.withLevel(lv)).toList()),
        "set_clip_sound", args, en, zh));
  }
}
