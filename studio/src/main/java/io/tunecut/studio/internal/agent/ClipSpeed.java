package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.draft.Clip;
import io.tunecut.studio.internal.draft.Draft;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How fast a clip plays: "speed up the first clip", "slow motion on clip 2", "make the 2nd clip
 * 2x faster", "clip 1 at half speed", "第一段加速", "第二个片段慢放", "第一段2倍速", "normal speed".
 * A clip keeps what it shows of its source, so its screen time changes with its speed.
 * "faster" alone names nothing: with music made here it is the music's (see {@link ComposeMusic}),
 * otherwise the person is asked what should be faster.
 */
final class ClipSpeed implements Instruction {
  static final double FASTER = 2;
  static final double SLOW_MOTION = 0.5;
  private static final Pattern UP = Pattern.compile(
      "\\bspeed(?:s|ed|ing)?\\s+(?:\\S+\\s+){0,3}?up\\b|\\bspeed-?up\\b|\\bfaster\\b|\\bquicker\\b|\\bfast[- ]?forward\\b|\\btime-?lapse\\b"
          + "|加速|快进|快放|(?<![欢轻明愉痛畅爽])快一?点|加快|播快|\\btoo slow\\b|太慢");
  private static final Pattern DOWN = Pattern.compile(
      "\\bslow(?:er|ed)?[- ]?mo(?:tion)?\\b|\\bslowmo\\b|\\bslow\\s+(?:\\S+\\s+){0,3}?down\\b|\\bslower\\b|\\bslow\\s+(?:it|clip \\d+|them|the clips?)\\b"
          + "|慢放|慢动作|慢镜头|减速|慢一?点|放慢|播慢|\\btoo fast\\b|太快");
  /** "a bit slower", "the clips are too fast": a step of a quarter, not half or double speed. */
  private static final Pattern GENTLE = Pattern.compile(
      "\\b(?:a (?:little )?bit|a little|slightly|a tad|somewhat|too (?:fast|slow))\\b|稍微|稍稍|一点点|太快|太慢");
  static final double GENTLY = 1.25;
  private static final Pattern NORMAL = Pattern.compile(
      "\\b(?:normal|original|regular|real[- ]?time|its own|their own|1x)\\s+speed\\b|\\bspeed\\s+(?:back\\s+)?to\\s+normal\\b|\\bnormal speed\\b"
          + "|恢复(?:正常|原)(?:速度|速)?|正常速度|原速|正常播放");
  /** "2x", "2 times", "2倍速", "50% speed", "speed 1.5", "twice as fast". */
  private static final Pattern FACTOR = Pattern.compile(
      "(\\d+(?:\\.\\d+)?)\\s*(?:x|×|times)(?![a-z\\d])|(\\d+(?:\\.\\d+)?)\\s*倍速?|\\b(twice|double)\\b|(\\d+(?:\\.\\d+)?)%\\s*(?:speed|速度|速|faster|slower)"
          + "|\\bspeed\\s*(?:of|at|to)?\\s*(\\d+(?:\\.\\d+)?)(?![\\d.%s])");
  private static final Pattern SPEED = Pattern.compile("\\bspeed\\b|倍速|速度");
  private static final Pattern PLAY = Pattern.compile("\\bplay(?:s|ing)?\\b|播放");
  private static final Pattern ONE_CLIP = Pattern.compile("(?<![a-z])clip (\\d+)(?!\\d)");
  private static final Pattern ALL = Pattern.compile(
      "\\bthem\\b|它们|\\b(?:all|every|each)\\s+(?:the\\s+)?clips?\\b|\\b(?:the\\s+)?(?:clips|videos|whole (?:video|thing)|entire video|video|footage|everything)\\b|所有|全部|整个|整体|视频|每段");
  /** About the music, the cuts or a photo: another instruction's. */
  private static final Pattern OTHER = Pattern.compile(
      "\\b(?:music|song|beat|beats|tempo|bpm|track|cuts?|cutting|montage|photos?|fade[sd]?|title|caption|text)\\b|«|节奏|节拍|卡点|剪辑|切换|淡");

  @Override
  public Optional<Edit> apply(Turn turn, Draft draft) {
    if (turn.has(OTHER)) return Optional.empty();
    boolean normal = turn.has(NORMAL);
    boolean up = !normal && turn.has(UP);
    boolean down = !normal && !up && turn.has(DOWN);
    Matcher factor = FACTOR.matcher(turn.text());
    boolean hasFactor = factor.find();
    List<Integer> named = new ArrayList<>();
    for (Matcher m = ONE_CLIP.matcher(turn.whole()); m.find(); ) {
      int n = Integer.parseInt(m.group(1));
      if (!named.contains(n)) named.add(n);
    }
    // "play the city clip at 1.5x", "make everything 1.5x": a multiple of clips, with no other thing to grow
    boolean times = hasFactor && factor.group(1) != null && !factor.group().contains("times") && (!named.isEmpty() || turn.has(PLAY) || turn.has(ALL))
        && !turn.has(Pattern.compile("\\b(?:longer|shorter|bigger|smaller|louder|quieter|larger)\\b"));
    if (!normal && !up && !down && !(hasFactor && turn.has(SPEED)) && !times) return Optional.empty();
    boolean all = named.isEmpty() && turn.has(ALL);
    turn.match(normal ? NORMAL : up ? UP : down ? DOWN : turn.has(SPEED) ? SPEED : PLAY);
    if (hasFactor) turn.match(FACTOR);
    turn.match(ALL);
    List<Clip> clips = draft.clips();
    if (clips.isEmpty()) {
      return Optional.of(Edit.refused(draft, "set_clip_speed", Edit.args(), "There are no clips yet: send your video clips first.",
          "还没有视频片段：请先发送视频。"));
    }
    List<Integer> videos = new ArrayList<>();
    for (int i = 0; i < clips.size(); i++) if (!clips.get(i).isStill()) videos.add(i + 1);
    List<Integer> targets = new ArrayList<>();
    if (!named.isEmpty()) {
      for (int n : named) {
        if (n < 1 || n > clips.size()) return Optional.of(ClipOrder.noSuchClip(draft, n));
        if (!clips.get(n - 1).isStill()) targets.add(n);
      }
      if (targets.isEmpty()) {
        return Optional.of(Edit.refused(draft, "set_clip_speed", Edit.args(),
            "Clip " + named.get(0) + " is a photo: it has no speed. Say \"show the photo for 5 seconds\" to change how long it shows.",
            "第 " + named.get(0) + " 个是照片，没有播放速度。可以说“照片显示5秒”来改它显示的时长。"));
      }
    } else if (normal || turn.negated()) {
      // "remove the slow motion": the clips that are not at their own speed, or say there are none
      for (int pos : videos) if (clips.get(pos - 1).speed() != 1) targets.add(pos);
      if (targets.isEmpty()) {
        return Optional.of(Edit.answer(draft, "Every clip plays at its own speed already: none is sped up or slowed down.",
            "所有片段本来就是原速播放，没有加速或慢放。"));
      }
    } else if (all || videos.size() == 1) {
      targets.addAll(videos);
    } else {
      return Optional.of(which(draft, up || !down));
    }
    if (targets.isEmpty()) {
      return Optional.of(Edit.refused(draft, "set_clip_speed", Edit.args(), "Photos have no speed: say how long they should show instead.",
          "照片没有播放速度：可以告诉我照片显示多久。"));
    }
    List<Clip> next = new ArrayList<>(clips);
    double asked = 1;
    for (int pos : targets) {
      Clip c = clips.get(pos - 1);
      asked = speed(c.speed(), normal, up, down, hasFactor ? factor : null, turn.negated(), turn.has(GENTLE));
      next.set(pos - 1, c.withSpeed(asked));
    }
    return Optional.of(said(draft, draft.withClips(next), targets, asked));
  }

  /** Video clips at {@code positions} (from 1; none for every video clip) at {@code speed}. */
  static Edit set(Draft draft, List<Integer> positions, double speed) {
    List<Integer> targets = new ArrayList<>();
    for (int n : positions) {
      if (n < 1 || n > draft.clips().size()) return ClipOrder.noSuchClip(draft, n);
      if (!draft.clips().get(n - 1).isStill() && !targets.contains(n)) targets.add(n);
    }
    if (positions.isEmpty()) {
      for (int i = 0; i < draft.clips().size(); i++) if (!draft.clips().get(i).isStill()) targets.add(i + 1);
    }
    if (targets.isEmpty()) {
      return Edit.refused(draft, "set_clip_speed", Edit.args(), "There is no video clip to play faster or slower (photos have no speed).",
          "没有可以变速的视频片段（照片没有播放速度）。");
    }
    List<Clip> next = new ArrayList<>(draft.clips());
    for (int pos : targets) next.set(pos - 1, next.get(pos - 1).withSpeed(speed));
    return said(draft, draft.withClips(next), targets, speed);
  }

  /** The new speed of a clip at {@code now}. */
  private static double speed(double now, boolean normal, boolean up, boolean down, Matcher factor, boolean negated, boolean gentle) {
    if (normal || negated) return 1; // "no slow motion", "不要加速": back to its own speed
    Double f = null;
    boolean share = false;
    if (factor != null) {
      if (factor.group(1) != null) f = Double.parseDouble(factor.group(1));
      else if (factor.group(2) != null) f = Double.parseDouble(factor.group(2));
      else if (factor.group(3) != null) f = 2.0;
      else if (factor.group(4) != null) {
        f = Double.parseDouble(factor.group(4)) / 100;
        share = factor.group().matches(".*(?:faster|slower)");
      } else f = Double.parseDouble(factor.group(5));
    }
    if (f == null || f <= 0) {
      if (gentle) return up ? now * GENTLY : now / GENTLY;
      if (up) return now * FASTER;
      return down && now > SLOW_MOTION ? SLOW_MOTION : now / FASTER;
    }
    if (share) return up ? now * (1 + f) : now / (1 + f); // "50% faster"
    if (up) return f < 1 ? f : now * f; // "2x faster"; "0.5x" said with faster is a speed
    if (down) return f > 1 ? now / f : f; // "2 times slower"; "0.5x slow motion"
    return f; // "at 2x", "2倍速", "50% speed"
  }

  private static Edit said(Draft before, Draft after, List<Integer> targets, double asked) {
    Clip first = after.clips().get(targets.get(0) - 1);
    double speed = first.speed();
    String x = times(speed);
    String kind = speed == 1 ? " at its own speed" : speed < 1 ? " at " + x + " (slow motion)" : " at " + x + " speed";
    String zhKind = speed == 1 ? "恢复原速" : speed < 1 ? "以 " + x + " 慢放" : "以 " + x.replace("×", "") + " 倍速播放";
    var args = Edit.args().put("speed", speed).put("clips", targets.size());
    String en;
    String zh;
    if (targets.size() == 1) {
      Clip was = before.clips().get(targets.get(0) - 1);
      en = "Clip " + targets.get(0) + " (" + first.name() + ") now plays" + (speed == 1 ? " at its own speed" : kind) + ": "
          + Words.secs(first.durationMs()) + " on screen (was " + Words.secs(was.durationMs()) + ").";
      zh = "第 " + targets.get(0) + " 个片段（" + first.name() + "）" + (speed == 1 ? "恢复原速" : "现在" + zhKind) + "：画面 "
          + Words.zhSecs(first.durationMs()) + "（原来 " + Words.zhSecs(was.durationMs()) + "）。";
    } else {
      en = (targets.size() == before.clips().size() ? "All clips" : "Clips " + join(targets)) + " now play" + (speed == 1 ? " at their own speed" : kind) + ".";
      zh = (targets.size() == before.clips().size() ? "所有片段" : "第 " + join(targets).replace(", ", "、") + " 个片段") + (speed == 1 ? "恢复原速" : "现在" + zhKind) + "。";
    }
    if (Math.abs(asked - speed) > 1e-9 || speed == Clip.MAX_SPEED || speed == Clip.MIN_SPEED) {
      en += " (A clip plays at " + times(Clip.MIN_SPEED) + " to " + times(Clip.MAX_SPEED) + ".)";
      zh += "（速度范围是 " + times(Clip.MIN_SPEED) + " 到 " + times(Clip.MAX_SPEED) + "。）";
    }
    en += " The video is " + Words.secs(after.durationMs()) + " long" + (after.music() != null ? ", the music follows it" : "") + ".";
    zh += "视频现在长 " + Words.zhSecs(after.durationMs()) + "。";
    return Edit.done(after, "set_clip_speed", args, en, zh);
  }

  /** "faster" with several clips and nothing named: ask which. */
  private static Edit which(Draft draft, boolean faster) {
    // with music made here, "faster" alone went to the music already (ComposeMusic)
    String en = faster
        ? "What should be faster? Say \"speed up clip 1\" (or its name), \"speed up all clips\", or \"clip 2 at 1.5x\"."
        : "Which clip should play slower? Say \"slow motion on clip 2\" (or its name), or \"slow down all clips\".";
    String zh = faster ? "要让什么更快？可以说“第一段加速”、“所有片段加速”或“第二段1.5倍速”。"
        : "要让哪一段慢放？可以说“第二段慢放”或“所有片段慢放”。";
    return Edit.question(draft, en, zh);
  }

  static String times(double speed) {
    return (speed == Math.rint(speed) ? String.valueOf((long) speed) : String.format(Locale.ROOT, "%.2f", speed).replaceAll("0+$", "")) + "×";
  }

  private static String join(List<Integer> positions) {
    return String.join(", ", positions.stream().map(String::valueOf).toList());
  }
}
