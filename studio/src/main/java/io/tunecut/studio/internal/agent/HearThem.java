package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.draft.Draft;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * "i can barely hear her singing", "听不清她唱歌": said alone, the voices in the clips should come
 * through: the music goes down under them (deeper when it already does), or, with no music, the
 * clips' own sound back to full; the answer says which. Beside a request ("…, music down to 40%")
 * the complaint is only why that was asked.
 */
final class HearThem implements Instruction {
  private static final Pattern HEAR = Pattern.compile(
      "\\b(?:can'?t|cannot|can not|can (?:barely|hardly)|could(?:n'?t| barely| hardly)|barely|hardly|hard to|struggling to|struggle to)\\s+(?:really\\s+|even\\s+)?hear\\s+"
          + "(?:her|him|them|us|me|my \\w+|the (?:kids?|bride|groom|singer|vows|speech|speeches|people|voices?)|what (?:she|he|they|we|i)|people|anyone|everyone|ppl)\\b(?!\\s+(?:music|song))"
          + "|听不(?:清|到|见|太清|太到)(?:楚)?\\s*(?:她|他|他们|我们|人|大家|新娘|新郎|小孩|孩子)(?:在)?(?:唱歌|说话|讲话|唱的|说的|的声音|声音)?");
  @Override
  public Optional<Edit> apply(Turn turn, Draft draft) {
    if (!turn.alone() || turn.negated() || turn.match(HEAR) == null) return Optional.empty();
    boolean zh = turn.chinese();
    var music = draft.music();
    if (music != null) {
      Edit e = DuckMusic.duck(draft, DuckMusic.deeper(draft), null);
      return Optional.of(new Edit(e.draft(), e.step(), "So the voices come through: " + lower(e.english()) + " Say \"music quieter\" to lower it everywhere.",
          "为了听清人声：" + e.chinese() + "想让音乐整体小一点就说“音乐小一点”。", e.kind(), e.created()));
    }
    if (draft.clips().stream().allMatch(c -> c.level() >= 1.0)) {
      return Optional.of(Edit.answer(draft, "There's no music over the voices: the clips play their own sound at 100%, as loud as they were filmed.",
          "没有背景音乐盖住人声：片段原声已经是 100%，和拍摄时一样响。"));
    }
    var clips = draft.clips().stream().map(c -> c.level() < 1.0 ? c.withLevel(1.0) : c).toList();
    return Optional.of(Edit.done(draft.withClips(clips), "set_clip_sound", Edit.args().put("level", 1.0),
        "So the voices come through: the clips' own sound is back up to 100%.", "为了听清人声：片段原声已调回 100%。"));
  }

  private static String lower(String sentence) {
    return Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1);
  }
}
