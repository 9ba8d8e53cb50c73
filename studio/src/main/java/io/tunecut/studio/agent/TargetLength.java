package io.tunecut.studio.agent;

import io.tunecut.studio.draft.Clip;
import io.tunecut.studio.draft.Draft;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "60-second travel montage", "make it 30 seconds", "keep it under 15 s", "做一个60秒的视频":
 * every clip is shortened by the same share so each still shows.
 */
final class TargetLength implements Instruction {
  private static final Pattern LENGTH = Pattern.compile(
      "(\\d{1,4})[- ]?(?:second|sec|s)\\b[^.;!?]{0,30}?\\b(video|montage|edit|cut|reel|short|clip|version)"
          + "|(?:make|keep|cut|trim)\\s+(?:it|the video|everything)\\s+(?:to\\s+|under\\s+|at most\\s+)?" + Words.SECONDS
          + "|(\\d{1,4})\\s*秒(?:的|以内)?(?:视频|短片|混剪|剪辑)");
  private static final long MIN_CLIP = 500;

  @Override
  public Optional<Edit> apply(Turn turn, Draft draft) {
    Matcher m = turn.match(LENGTH);
    if (m == null) return Optional.empty();
    String value = m.group(1) != null ? m.group(1) : m.group(3) != null ? m.group(3) : m.group(4);
    long target = Words.ms(value);
    if (target <= 0) return Optional.empty();
    var args = Edit.args().put("target_ms", target);
    long total = draft.durationMs();
    if (draft.clips().isEmpty()) {
      return Optional.of(Edit.refused(draft, "set_length", args,
          "Send your clips and I'll fit them into " + Words.secs(target) + ".",
          "请发送视频片段，我会把它们剪成 " + Words.zhSecs(target) + "。"));
    }
    if (total <= target) {
      return Optional.of(Edit.done(draft, "set_length", args,
          "Your clips run " + Words.secs(total) + ", within " + Words.secs(target) + ": nothing to cut.",
          "片段总长 " + Words.zhSecs(total) + "，不超过 " + Words.zhSecs(target) + "，无需剪短。"));
    }
    double share = (double) target / total;
    List<Clip> clips = new ArrayList<>();
    long sum = 0;
    for (int i = 0; i < draft.clips().size(); i++) {
      Clip c = draft.clips().get(i);
      long d = i == draft.clips().size() - 1 ? target - sum : Math.max(MIN_CLIP, Math.round(c.durationMs() * share));
      d = Math.max(MIN_CLIP, Math.min(d, c.durationMs()));
      clips.add(c.withDuration(d));
      sum += d;
    }
    Draft next = draft.withClips(clips);
    return Optional.of(Edit.done(next, "set_length", args,
        "Shortened the " + clips.size() + (clips.size() == 1 ? " clip" : " clips") + " to " + Words.secs(next.durationMs()) + " in total.",
        "已把 " + clips.size() + " 个片段剪到共 " + Words.zhSecs(next.durationMs()) + "。"));
  }
}
