package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.draft.Draft;
import java.util.Optional;
import java.util.regex.Pattern;

/** "remove the music", "no music", "without music", "去掉音乐", "no music just the original sound". */
final class RemoveMusic implements Instruction {
  private static final Pattern MUSIC = Pattern.compile("\\b(?:music|song)\\b");
  private static final Pattern OTHER = Pattern.compile(
      "like|love|hate|喜欢|fad|\\d+db|loop|repeat|duck|%|\\d+s|volume|louder|quieter|淡|循环|重复|闪避|音量|小|大|sync|beat|卡点|title|caption|text|«"
          + "|drum|phrase|\\bbar\\b|abrupt|sudden|鼓|乐句|小节|半截|中间|结尾|突然|生硬");

  @Override
  public Optional<Edit> apply(Turn turn, Draft draft) {
    // "only the original sound please": the music goes; its words stay for the clips' sound to read
    if (!turn.negated() && draft.music() != null && turn.has(ClipSound.ONLY_ORIGINAL) && !turn.has(OTHER)) return Optional.of(remove(draft));
    boolean sound = turn.text().contains("original sound") && !turn.has(ClipSound.ONLY_ORIGINAL);
    if (!turn.negated() || turn.has(OTHER) || sound || turn.match(MUSIC) == null) {
      return Optional.empty();
    }
    return Optional.of(remove(draft));
  }

  static Edit remove(Draft draft) {
    if (draft.music() == null) {
      return Edit.done(draft, "remove_music", Edit.args(), "There is no background music to remove.", "现在没有背景音乐。");
    }
    var args = Edit.args().put("track", draft.music().name());
    return Edit.done(draft.withMusic(null), "remove_music", args,
        "Removed the background music '" + draft.music().name() + "'.", "已删除背景音乐「" + draft.music().name() + "」。");
  }
}
