package io.tunecut.studio.agent;

import io.tunecut.studio.draft.Draft;
import java.util.Optional;
import java.util.regex.Pattern;

/** "remove the music", "no music", "去掉音乐". */
final class RemoveMusic implements Instruction {
  private static final Pattern REMOVE = Pattern.compile(
      "\\b(remove|delete|drop|no|without|take out|get rid of|lose)\\b[^.;!?]{0,20}(music|song|track|bgm)|(删除|去掉|移除|不要|关掉).{0,4}(音乐|配乐)");

  @Override
  public Optional<Edit> apply(Turn turn, Draft draft) {
    if (!turn.has(REMOVE)) return Optional.empty();
    if (draft.music() == null) {
      return Optional.of(Edit.done(draft, "remove_music", Edit.args(), "There is no background music to remove.",
          "现在没有背景音乐。"));
    }
    var args = Edit.args().put("track", draft.music().name());
    return Optional.of(Edit.done(draft.withMusic(null), "remove_music", args,
        "Removed the background music '" + draft.music().name() + "'.",
        "已删除背景音乐「" + draft.music().name() + "」。"));
  }
}
