package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.draft.Draft;
import java.util.Optional;
import java.util.regex.Pattern;

/** "add my video clips", "use my clips", "添加视频": the clips join the timeline on upload; say so. */
final class ShowClips implements Instruction {
  private static final Pattern CLIPS = Pattern.compile(
      "(?:add|use|put|include|upload)\\s+(?:my|the|these|all|both)?\\s*(?:video\\s+)?(?:clips|videos|footage|shots)|(?:添加|加上|用)(?:我的)?(?:视频|片段|素材)$");

  @Override
  public Optional<Edit> apply(Turn turn, Draft draft) {
    if (turn.match(CLIPS) == null) return Optional.empty();
    int n = draft.clips().size();
    var args = Edit.args().put("clips", n);
    if (n == 0) {
      return Optional.of(Edit.refused(draft, "add_clips", args,
          "Send your clips (mp4, mov, webm, mkv, avi, gif) or photos (jpg, png, webp): they go on the timeline in the order you send them.",
          "请发送视频片段（mp4、mov、webm、mkv、avi、gif）或照片（jpg、png、webp），它们会按发送顺序放到时间线上。"));
    }
    return Optional.of(Edit.done(draft, "add_clips", args,
        "Your " + n + (n == 1 ? " clip is" : " clips are") + " on the timeline (" + Words.secs(draft.durationMs()) + ").",
        "你的 " + n + " 个片段已在时间线上（" + Words.zhSecs(draft.durationMs()) + "）。"));
  }
}
