package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.draft.Clip;
import io.tunecut.studio.internal.draft.Draft;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The clips' own sound: "mute the clips", "keep the original sound", "original audio at 20%", "去掉原声", "静音". */
final class ClipSound implements Instruction {
  private static final Pattern LEVEL = Pattern.compile("original sound\\D{0,14}?(\\d+(?:\\.\\d+)?)(?:%|(?![\\d.s]))|(\\d+(?:\\.\\d+)?)%\\s*(?:for\\s+)?(?:the\\s+)?original sound");
  private static final Pattern MUTE = Pattern.compile(
      "\\b(?:mute|silence)\\b(?:\\s+(?:all\\s+)?(?:the\\s+|my\\s+)?(?:original sound|clips?|videos?|clip \\d+|footage|it|everything))?|静音|消音");
  private static final Pattern ORIGINAL = Pattern.compile("original sound");
  /** "no music, just the original sound", "只要原声": the no is to the music; the clips' sound stays. */
  static final Pattern ONLY_ORIGINAL = Pattern.compile("\\b(?:just|only)\\s+(?:the\\s+|their\\s+|its\\s+)?original sound|只(?:要|留|用|保留)?\\s*original sound");
  /** "just the music", "只留音乐": the music alone, so the clips' own sound goes. */
  private static final Pattern ONLY_MUSIC = Pattern.compile(
      "^(?:(?:and|i want|keep|leave|play)\\s+)?(?:just|only)\\s+(?:the\\s+)?(?:background\\s+)?(?:music|song)(?:\\s+(?:please|pls|then|on it))?\\s*$"
          + "|^(?:就|那就)?只(?:要|留|用|保留|听)\\s*(?:music|song)\\s*(?:吧|就行|就好)?$");
  private static final Pattern KEEP = Pattern.compile("\\b(?:keep|restore|unmute|bring back|with)\\b|保留|恢复|留着|要");
  private static final Pattern LOWER = Pattern.compile(
      "\\b(?:lower|reduce|quieter|soften|turn down|down|less)\\b|too loud|太响|小一?点|调低|降低|小声|太吵|太大");
  private static final Pattern ONE_CLIP = Pattern.compile("(?<![a-z])clip (\\d+)(?!\\d)");
  private static final Pattern RAISE = Pattern.compile("\\b(?:louder|raise|increase|boost|up)\\b|大一?点|调大|调高|大声");
  static final double LOWERED = 0.3;
  /** How loud, said of a clip: "quieter", "louder", 小声, 大声. */
  private static final Pattern LOUDNESS = Pattern.compile("\\b(?:quieter|softer|louder|less loud|turn (?:it )?(?:down|up))\\b|小声|大声|声音(?:小|大)");

  /** Louder than {@code was}: half as loud again, up to twice the original; a muted clip back to its own level. */
  private static double raised(double was) {
    return was == 0 ? 1.0 : Math.min(2.0, was * 1.5);
  }

  @Override
  public Optional<Edit> apply(Turn turn, Draft draft) {
    if (turn.has(ONLY_MUSIC) && !turn.negated()) {
      turn.match(ONLY_MUSIC);
      return Optional.of(turn.earlier("set_clip_sound") ? Edit.understood(draft) : level(draft, 0, 0));
    }
    if (turn.has(Pattern.compile("\\b(?:music|song)\\b")) && !turn.has(ORIGINAL)) return Optional.empty();
    Matcher level = turn.match(LEVEL);
    Double v = null;
    if (level != null) {
      v = Double.parseDouble(level.group(1) != null ? level.group(1) : level.group(2)) / 100.0;
    } else if (turn.match(MUTE) != null) {
      // "no need to mute the clips": never mutes; brings the sound back only where it was muted
      boolean muted = draft.clips().stream().anyMatch(c -> c.level() == 0);
      if (turn.negated() && !muted) return Optional.of(Edit.answer(draft, "OK — the clips keep their own sound.", "好的，保留视频原声。"));
      v = turn.negated() ? 1.0 : 0.0;
    } else if (turn.match(ORIGINAL) != null) {
      if (turn.has(ONLY_ORIGINAL)) v = 1.0;
      else if (turn.negated()) v = 0.0;
      else if (turn.has(LOWER)) v = LOWERED;
      else if (turn.has(RAISE)) v = raised(draft.clips().isEmpty() ? 0 : draft.clips().get(0).level());
      else if (turn.has(KEEP)) v = 1.0;
    } else if (turn.has(ONE_CLIP) && turn.match(LOUDNESS) != null) {
      // "make the cat clip quieter": a clip louder or quieter is its own sound
      Matcher one = ONE_CLIP.matcher(turn.whole());
      int at = one.find() ? Integer.parseInt(one.group(1)) : 0;
      double was = at >= 1 && at <= draft.clips().size() ? draft.clips().get(at - 1).level() : 1.0;
      v = turn.has(RAISE) ? raised(was) : LOWERED;
    }
    if (v == null) return Optional.empty();
    List<Integer> named = new ArrayList<>();
    for (Matcher one = ONE_CLIP.matcher(turn.whole()); one.find(); ) {
      if (!named.contains(Integer.parseInt(one.group(1)))) named.add(Integer.parseInt(one.group(1)));
    }
    return Optional.of(named.size() > 1 ? levels(draft, v, named) : level(draft, v, named.isEmpty() ? 0 : named.get(0)));
  }

  /** "mute beach, times square and sunset": each clip named, one sentence. */
  private static Edit levels(Draft draft, double level, List<Integer> positions) {
    Draft d = draft;
    for (int pos : positions) {
      Edit e = level(d, level, pos);
      if (e.kind() != Edit.Kind.DONE) return e;
      d = e.draft();
    }
    String list = String.join(", ", positions.stream().map(String::valueOf).toList());
    String lv = Words.percent(Math.max(0, Math.min(2.0, level)));
    return Edit.done(d, "set_clip_sound", Edit.args().put("level", level).put("clips", list),
        "Clips " + list + " play their own sound at " + lv + ".", "第 " + list.replace(", ", "、") + " 个片段的原声设为 " + lv + "。");
  }

  /** @param only the clip (from 1) whose sound to set, or 0 for every clip */
  static Edit level(Draft draft, double level, int only) {
    double lv = Math.max(0, Math.min(2.0, level));
    if (only > draft.clips().size() || only < 0) return ClipOrder.noSuchClip(draft, only);
    if (draft.clips().isEmpty()) {
      return Edit.refused(draft, "set_clip_sound", Edit.args(),
          "There are no clips yet: send your video clips first.", "还没有视频片段：请先发送视频。");
    }
    if (only > 0) {
      List<Clip> clips = new ArrayList<>(draft.clips());
      Clip c = clips.get(only - 1);
      clips.set(only - 1, c.withLevel(lv));
      return Edit.done(draft.withClips(clips), "set_clip_sound", Edit.args().put("level", lv).put("clip", c.name()),
          "Clip " + only + " (" + c.name() + ") plays its own sound at " + Words.percent(lv) + ".",
          "第 " + only + " 个片段（" + c.name() + "）的原声设为 " + Words.percent(lv) + "。");
    }
    if (lv == 0 && draft.clips().stream().allMatch(c -> c.level() == 0)) {
      return Edit.answer(draft, "The clips' own sound is off already.", "视频原声已经是静音的。");
    }
    String en = lv == 0 ? "Muted the clips' own sound." : lv == 1.0 ? "The clips keep their own sound as recorded."
        : "The clips' own sound is at " + Words.percent(lv) + ".";
    String zh = lv == 0 ? "已静音视频原声。" : lv == 1.0 ? "保留视频原声。" : "视频原声已设为 " + Words.percent(lv) + "。";
    return Edit.done(draft.withClips(draft.clips().stream().map((Clip c) -> c.withLevel(lv)).toList()),
        "set_clip_sound", Edit.args().put("level", lv), en, zh);
  }
}
