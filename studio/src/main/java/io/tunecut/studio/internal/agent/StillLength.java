package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.draft.Clip;
import io.tunecut.studio.internal.draft.Draft;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a still shows: "show the photo for 5 seconds", "the picture should stay longer",
 * "make the photos shorter", "照片多停留几秒", "图片显示3秒", "the 2nd photo 4 seconds". The
 * photos are named by the references: {@code clip N} for one still, {@code photos} for all,
 * {@code photo} for one of several not said which.
 */
final class StillLength implements Instruction {
  /** "longer" or "shorter" said without a number: a step a person sees, saying what it did. */
  static final long LONGER_STEP = 2000;
  static final long SHORTER_STEP = 1000;
  static final long MIN_MS = 500;
  static final long MAX_MS = 60_000;
  private static final String N = "(\\d+(?:\\.\\d+)?)s";
  private static final Pattern CLIP = Pattern.compile("(?<![a-z])clip (\\d+)(?!\\d)");
  /** "a 30 s video of the photos", "fade the photo in": a length of something else. */
  private static final Pattern OTHER = Pattern.compile("\\b(?:video|montage|edit|reel|film|fade[sd]?|music|song|title|caption|text)\\b|«|视频|短片|淡");
  private static final Pattern ALL = Pattern.compile("\\bphotos\\b");
  private static final Pattern ONE = Pattern.compile("\\bphoto\\b");
  /** "2s longer", "longer by 2s", "2 more seconds", "多停留2秒", "再加2秒", "少1秒". */
  private static final Pattern BY = Pattern.compile(
      N + "\\s+(?:longer|more|extra)|(?:longer|more)\\s+by\\s+" + N + "|(?:an?\\s+)?(?:extra|another)\\s+" + N
          + "|(?:多|再多|加|延长|增加)\\s*(?:停留|停|显示|放|展示|留)?\\s*" + N);
  private static final Pattern LESS_BY = Pattern.compile(
      N + "\\s+(?:shorter|less|fewer)|shorter\\s+by\\s+" + N + "|(?:少|减少|缩短|减)\\s*(?:停留|停|显示|放|展示)?\\s*" + N);
  /** "for 5s", "5s", "显示3秒": the length itself. */
  private static final Pattern TO = Pattern.compile("(?:for|to|at|be|last|lasts|stay|stays|show|shows|显示|停留|停|持续|展示|放|播放|各|每张)?\\s*(?:only\\s+|just\\s+|about\\s+)?" + N);
  /** "how long is the photo on screen", "照片现在显示几秒": asked, not told. */
  private static final Pattern HOW_LONG = Pattern.compile(
      "^(?!.*(?<!clip )\\d)(?!.*[多再加延长].{0,3}(?:几秒|多久))(?:.*\\bhow (?:long|many s)\\b.*|.*(?:显示|停留|放|停)?\\s*(?:几秒|多久|多长时间)\\s*(?:了|呢|啊|呀|吗)?\\s*\\??)$");
  private static final Pattern LONGER = Pattern.compile(
      "\\blonger\\b|\\bmore time\\b|\\blinger\\b|\\bstay (?:up |on (?:the )?screen )?(?:a (?:bit|little) )?longer\\b|\\bslower\\b|\\btoo (?:short|quick|fast)\\b"
          + "|多停留|多停|多显示|多放|多留|久一?点|长一?点|停留久|几秒|太短|太快");
  private static final Pattern SHORTER = Pattern.compile(
      "\\bshorter\\b|\\bquicker\\b|\\bless time\\b|\\bbriefer\\b|\\bfaster\\b|\\btoo (?:long|slow)\\b|短一?点|少停|少显示|缩短|(?<![欢轻明愉痛畅爽])快一?点|太长|太久|太慢");

  @Override
  public Optional<Edit> apply(Turn turn, Draft draft) {
    // "第二段剪掉一半": a share of the clip, which ClipTrim cuts
    if (turn.negated() || turn.has(OTHER) || turn.text().contains("%")) return Optional.empty();
    List<Integer> named = new ArrayList<>();
    for (Matcher m = CLIP.matcher(turn.text()); m.find(); ) named.add(Integer.parseInt(m.group(1)));
    boolean all = turn.has(ALL);
    boolean one = turn.has(ONE);
    List<Integer> stills = stills(draft);
    List<Integer> targets = new ArrayList<>();
    if (all) targets.addAll(stills);
    for (int n : named) {
      if (n < 1 || n > draft.clips().size()) continue;
      if (!draft.clips().get(n - 1).isStill()) return Optional.empty(); // a video clip: trimmed, not shown for a time
      if (!targets.contains(n)) targets.add(n);
    }
    if (!all && !one && targets.isEmpty()) return Optional.empty();
    if (turn.match(HOW_LONG) != null) return Optional.of(howLong(draft, targets.isEmpty() ? stills : targets));
    Long by = null;
    Long to = null;
    Matcher m;
    if ((m = turn.match(BY)) != null) by = Words.ms(first(m));
    else if ((m = turn.match(LESS_BY)) != null) by = -Words.ms(first(m));
    else if ((m = turn.match(TO)) != null) to = Words.ms(m.group(1));
    else if (turn.match(LONGER) != null) {
      by = LONGER_STEP;
      turn.match(Pattern.compile("几秒|a few s\\b|a (?:bit|little|few)\\b")); // "多停留几秒": a few, which the step is
    }
    else if (ClipTooLong.saysHowMuch(turn)) return Optional.empty(); // "太长了 剪掉一半": the other part says how much
    else if (turn.match(SHORTER) != null) by = -SHORTER_STEP;
    else return Optional.empty(); // "the photo is blurry": nothing about its length
    turn.match(ALL);
    turn.match(ONE);
    turn.match(CLIP);
    if (stills.isEmpty()) {
      return Optional.of(Edit.refused(draft, "set_still_length", Edit.args(),
          "There is no photo on the timeline: send one and I'll show it for as long as you like (3 s unless you say).",
          "时间线上还没有照片：发一张来，我可以让它显示你想要的时长（默认 3 秒）。"));
    }
    if (targets.isEmpty()) return Optional.of(which(draft, stills));
    return Optional.of(set(draft, targets, to, by == null ? 0 : by));
  }

  /** Sets the stills at {@code positions} (from 1) to {@code to} ms, or moves them by {@code by}. */
  static Edit set(Draft draft, List<Integer> positions, Long to, long by) {
    List<Clip> clips = new ArrayList<>(draft.clips());
    long before = clips.get(positions.get(0) - 1).durationMs();
    long after = before;
    for (int pos : positions) {
      Clip c = clips.get(pos - 1);
      after = Math.max(MIN_MS, Math.min(MAX_MS, to != null ? to : c.durationMs() + by));
      clips.set(pos - 1, c.withDuration(after));
    }
    Draft next = draft.withClips(clips);
    var args = Edit.args().put("duration_ms", after).put("photos", positions.size());
    boolean several = positions.size() > 1;
    Clip first = draft.clips().get(positions.get(0) - 1);
    String who = several ? "The " + positions.size() + " photos now show" : "The photo (" + first.name() + ") now shows";
    String zhWho = several ? positions.size() + " 张照片现在各显示 " : "照片（" + first.name() + "）现在显示 ";
    String en = who + " for " + Words.secs(after) + (several ? " each" : "");
    String zh = zhWho + Words.zhSecs(after);
    if (to == null) {
      long moved = after - before;
      en += moved == 0 ? "" : " (" + Words.secs(Math.abs(moved)) + (moved > 0 ? " longer" : " shorter") + ")";
      zh += moved == 0 ? "" : "（" + (moved > 0 ? "长了 " : "短了 ") + Words.zhSecs(Math.abs(moved)) + "）";
      if (after == MIN_MS || after == MAX_MS) {
        en += ", as " + (after == MIN_MS ? "short" : "long") + " as a photo can show";
        zh += "，已是" + (after == MIN_MS ? "最短" : "最长");
      }
      en += ". For another length say \"show the photo for " + Math.max(1, (after + 1000) / 1000) + " seconds\".";
      zh += "。想要别的时长，可以说“照片显示" + Math.max(1, (after + 1000) / 1000) + "秒”。";
    } else {
      en += before == after ? "." : " (was " + Words.secs(before) + ").";
      zh += before == after ? "。" : "（原来 " + Words.zhSecs(before) + "）。";
    }
    en += " The video is " + Words.secs(next.durationMs()) + " long.";
    zh += "视频现在长 " + Words.zhSecs(next.durationMs()) + "。";
    return Edit.done(next, "set_still_length", args, en, zh);
  }

  /** "the photo" among several: which one. */
  /** How long each of these photos shows now. */
  private static Edit howLong(Draft draft, List<Integer> positions) {
    if (positions.isEmpty()) return Edit.answer(draft, "There is no photo on the timeline.", "时间线上没有照片。");
    List<String> en = new ArrayList<>();
    List<String> zh = new ArrayList<>();
    for (int n : positions) {
      var c = draft.clips().get(n - 1);
      en.add(c.name() + " shows for " + Words.secs(c.durationMs()));
      zh.add(c.name() + " 显示 " + Words.zhSecs(c.durationMs()));
    }
    return Edit.answer(draft, String.join("; ", en) + ".", String.join("；", zh) + "。");
  }

  private static Edit which(Draft draft, List<Integer> stills) {
    List<String> en = new ArrayList<>();
    List<String> zh = new ArrayList<>();
    for (int i = 0; i < stills.size(); i++) {
      String name = draft.clips().get(stills.get(i) - 1).name();
      en.add(ordinal(i + 1) + " " + name);
      zh.add("第 " + (i + 1) + " 张 " + name);
    }
    return Edit.question(draft, "Which photo? There are " + stills.size() + ": " + String.join(", ", en)
            + ". Say \"the 2nd photo for 5 seconds\" or \"all photos for 5 seconds\".",
        "哪一张照片？一共 " + stills.size() + " 张：" + String.join("、", zh) + "。可以说“第二张照片显示5秒”或“所有照片显示5秒”。");
  }

  /** The positions (from 1) of the stills on the timeline. */
  static List<Integer> stills(Draft draft) {
    List<Integer> at = new ArrayList<>();
    for (int i = 0; i < draft.clips().size(); i++) if (draft.clips().get(i).isStill()) at.add(i + 1);
    return at;
  }

  private static String ordinal(int n) {
    return n + (n % 100 >= 11 && n % 100 <= 13 ? "th" : switch (n % 10) {
      case 1 -> "st";
      case 2 -> "nd";
      case 3 -> "rd";
      default -> "th";
    });
  }

  private static String first(Matcher m) {
    for (int g = 1; g <= m.groupCount(); g++) if (m.group(g) != null) return m.group(g);
    throw new IllegalStateException("no number in " + m.group());
  }
}
