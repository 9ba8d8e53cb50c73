package io.tunecut.studio.internal.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tunecut.studio.internal.agent.beat.BeatRequest;
import io.tunecut.studio.internal.draft.Clip;
import io.tunecut.studio.internal.draft.Draft;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole video's length: cut its head or tail ("cut the first 3 seconds", "cut off the last
 * 2 seconds", "把视频前3秒剪掉"), keep a part ("only keep the first 10 seconds"), or fit it to a
 * length ("make it 30 seconds", "make it 50% shorter", "60-second montage": every clip
 * shortened by the same share).
 */
final class VideoLength implements Instruction {
  private static final String N = "(\\d+(?:\\.\\d+)?)s";
  private static final Pattern HEAD = Pattern.compile(
      "(?:cut|trim|remove|drop|skip|lose|chop|get rid of|delete|take)\\s+(?:off\\s+|out\\s+|away\\s+)?(?:the\\s+)?(?:first|opening|beginning|start|initial)\\s+" + N + "(?!\\s+(?:of|from|off|in)\\s+clip)"
          + "|(?:cut|trim|remove|skip|drop)\\s+" + N + "\\s+(?:off\\s+|from\\s+)?(?:of\\s+)?(?:the\\s+)?(?:start|beginning|front|head)"
          + "|(?:start|begin)\\s+(?:the\\s+)?video\\s+(?:at|from)\\s+" + N
          + "|(?:video|视频)?\\s*(?:的)?\\s*(?:前|开头)\\s*" + N + "\\s*(?:剪掉|去掉|删掉|不要|裁掉|删除|切掉)"
          + "|(?:剪掉|去掉|删掉|删除|裁掉|切掉)\\s*(?:video|视频)?\\s*(?:的)?\\s*(?:前|开头)\\s*" + N
          + "|(?:video|视频)?\\s*(?:的)?\\s*(?:开头|前面)\\s*(?:剪掉|去掉|删掉|裁掉|切掉)\\s*" + N);
  private static final Pattern TAIL = Pattern.compile(
      "(?:cut|trim|remove|drop|lose|chop|get rid of|delete|take)\\s+(?:off\\s+|out\\s+|away\\s+)?(?:the\\s+)?(?:last|final|ending|closing)\\s+" + N + "(?!\\s+(?:of|from|off|in)\\s+clip)"
          + "|(?:cut|trim|remove|drop)\\s+" + N + "\\s+(?:off\\s+|from\\s+)?(?:of\\s+)?(?:the\\s+)?(?:end|tail|back)"
          + "|(?:video|视频)?\\s*(?:的)?\\s*(?:后|最后|结尾)\\s*" + N + "\\s*(?:剪掉|去掉|删掉|不要|裁掉|删除|切掉)"
          + "|(?:剪掉|去掉|删掉|删除|裁掉|切掉)\\s*(?:video|视频)?\\s*(?:的)?\\s*(?:后|最后|结尾)\\s*" + N
          + "|(?:video|视频)?\\s*(?:的)?\\s*(?:结尾|最后|末尾)\\s*(?:剪掉|去掉|删掉|裁掉|切掉)\\s*" + N);
  private static final Pattern KEEP_FIRST = Pattern.compile(
      "(?:keep|use|want)\\s+(?:only\\s+|just\\s+)?(?:the\\s+)?first\\s+" + N + "|only\\s+(?:the\\s+)?first\\s+" + N + "|just\\s+the\\s+first\\s+" + N
          + "|只?(?:保留|要|留|用)\\s*(?:video|视频)?\\s*(?:的)?\\s*前\\s*" + N);
  private static final Pattern KEEP_LAST = Pattern.compile(
      "(?:keep|use|want)\\s+(?:only\\s+|just\\s+)?(?:the\\s+)?last\\s+" + N + "|only\\s+(?:the\\s+)?last\\s+" + N
          + "|只(?:保留|要|留|用)\\s*(?:video|视频)?\\s*(?:的)?\\s*(?:后|最后)\\s*" + N);
  private static final Pattern KEEP_RANGE = Pattern.compile(
      "(?:keep|use|only|just)\\s+(?:only\\s+)?(?:the\\s+)?(?:part\\s+)?(?:from\\s+|between\\s+)?" + N + "\\s*(?:to|-|until|till|and|through)\\s*" + N
          + "|只(?:保留|要|留|用)\\s*" + N + "\\s*(?:到|-|至)\\s*" + N);
  private static final Pattern TARGET = Pattern.compile(
      "(?:make|keep|cut|trim|shorten|get)\\s+(?:it|the video|everything|video|the whole thing|the edit|this)\\s+(?:(?:a bit |a little |way )?(?:shorter|down)\\s+(?:like|to|about|around|maybe|so it'?s|at)?\\s*)?(?:to\\s+|under\\s+|at most\\s+|down to\\s+|into\\s+|below\\s+)?(?:a\\s+)?(?:max(?:imum)?\\s+of\\s+)?" + N + "(?!\\s+into)"
          + "|" + N + "\\s*(?:-\\s*)?(?:long\\s+)?(?:(?!into\\b|of\\b|in\\b|at\\b)[a-z]+\\s+){0,2}?(?:video|montage|edit|reel|short|version|clip|cut|highlight|recap)\\b"
          + "|(?:total|overall)\\s+(?:length\\s+)?(?:of\\s+)?" + N + "|(?:under|max|at most|no longer than|no more than)\\s+" + N + "(?:\\s+(?:long|total))?$"
          + "|(?:剪成|剪到|缩短到|控制在|做成|做一个|变成|压缩到)\\s*" + N + "|" + N + "\\s*(?:的|以内)?\\s*(?:视频|短片|混剪|片子)");
  /** "15s", "vertical for tiktok and 15s", "15 sec for reels", "竖屏 然后 15秒": a length said on its own is the video's. */
  private static final Pattern ALONE = Pattern.compile(
      "(?:^|\\band\\s+|(?<=\\p{IsHan})\\s*)(?:(?:just|only|about|like|around|max)\\s+)?" + N
          + "(?=\\s*(?:(?:long|total|max|tops|please|pls|plz)\\b\\s*)*$|\\s+(?:(?:for|on)\\s+)?(?:tiktok|reels?|shorts|youtube|insta(?:gram)?|ig|stories|story)\\b"
          + "|\\s*(?:竖屏|横屏|方形|正方形|抖音|快手|小红书|b站))");
  private static final Pattern SHORTER = Pattern.compile(
      "(\\d+(?:\\.\\d+)?)%\\s+shorter|shorten\\s+(?:it|the video)?\\s*by\\s+(\\d+(?:\\.\\d+)?)%|cut\\s+(?:it|the video)\\s+(?:in|by)\\s+(\\d+(?:\\.\\d+)?)%"
          + "|(?:video|视频)?\\s*(?:剪掉|减少|缩短|剪短|短)\\s*(\\d+(?:\\.\\d+)?)%");
  private static final Pattern AS_LONG = Pattern.compile(
      "(\\d+(?:\\.\\d+)?)%\\s+(?:as long|the length|of the length|of its length)|(?:缩短|剪)到\\s*(?:原来的)?\\s*(\\d+(?:\\.\\d+)?)%");
  private static final Pattern CUT_UNSURE = Pattern.compile("^(?:cut|trim|remove|剪掉|去掉)\\s+" + N + "$|^" + N + "\\s*(?:剪掉|去掉)$");
  private static final Pattern VAGUE = Pattern.compile(
      "^(?:(?:can you |could you |please )?(?:make (?:it|the video)|i want it|i'd like it)\\s+(?:a bit |a little |much )?(?:shorter|longer)"
          // "can it be a bit shorter", "could the video be shorter"
          + "|(?:can|could|should) (?:it|the video|this) (?:be|get) (?:a bit |a little |much |way )?(?:shorter|longer)"
          + "|(?:it'?s|it is|the video is|video is|way) too long|(?:shorten|trim) (?:it|the video)(?: a bit| a little)?)\\s*(?:please|pls)?$"
          + "|^(?:视频)?(?:太长了?|短一点|剪短一点|再短一点|长一点)$");
  private static final Pattern MORE = Pattern.compile("^(?:the\\s+)?(first|last)\\s+" + N + "$");
  /** "loop the clips", "play the video twice", "片段循环播放": the clips again after themselves. */
  private static final Pattern LOOP_CLIPS = Pattern.compile(
      "\\b(?:loop|repeat)\\s+(?:all\\s+)?(?:the\\s+|my\\s+)?(?:clips?|videos?|footage)\\b|\\bplay\\s+(?:the\\s+)?(?:clips|them|the video|it)\\s+(?:again|twice)\\b"
          + "|(?:片段|视频|clips?|video)\\s*(?:都)?\\s*(?:循环|重复)(?:播放|一遍)?|循环播放\\s*(?:片段|视频|clips?|video)|(?:片段|视频|clips?|video)\\s*再(?:播|放)一遍");
  /** "loop it so it plays forever", "无限循环": playing on and on is the player's; a file plays once. */
  private static final Pattern FOREVER = Pattern.compile(
      "\\b(?:forever|endless(?:ly)?|infinite(?:ly)?|non-?stop|on repeat|over and over|seamless(?:ly)?)\\b|无限循环|一直循环|循环播放不停|无缝循环");
  private static final long MIN_CLIP = 500;
  /** A loop of the clips stops at ten minutes. */
  private static final long MAX_LOOPED = 600_000;

  @Override
  public Optional<Edit> apply(Turn turn, Draft draft) {
    if (turn.has(Pattern.compile("music|song|title|caption|\\btext\\b|«|fade|淡"))) return Optional.empty();
    if (turn.montages() && isMontage(turn)) return Optional.empty(); // "a 20 s montage" is cut to its length on the beat
    long total = draft.durationMs();
    Matcher m;
    if (turn.has(FOREVER) && turn.has(Pattern.compile("\\bloop|\\brepeat|\\bplays?\\b|循环|播放"))) {
      turn.match(FOREVER);
      return Optional.of(Edit.question(draft,
          "A video file plays once and stops: looping it forever is up to the player (most apps loop short videos on their own)."
              + " I can play the clips again after themselves: say \"loop the clips\" (twice as long) or \"loop the clips to 60 s\".",
          "视频文件播放一遍就停，无限循环要看播放器（很多 App 会自动循环短视频）。我可以让片段再播一遍：说“片段循环播放”（变成两倍长）或“片段循环到60秒”。"));
    }
    if (turn.match(LOOP_CLIPS) != null) {
      Matcher to = turn.match(Pattern.compile(N));
      return Optional.of(loop(draft, to == null ? 0 : Words.ms(to.group(1))));
    }
    if (turn.earlier("trim_video") && (m = turn.match(MORE)) != null) { // "cut the first 2 secs and the last 2 secs"
      return Optional.of(cut(draft, Words.ms(m.group(2)), m.group(1).equals("first")));
    }
    if ((m = turn.match(HEAD)) != null) return Optional.of(cut(draft, Words.ms(first(m)), true));
    if ((m = turn.match(TAIL)) != null) return Optional.of(cut(draft, Words.ms(first(m)), false));
    if ((m = turn.match(KEEP_FIRST)) != null) return Optional.of(cut(draft, Math.max(0, total - Words.ms(first(m))), false));
    if ((m = turn.match(KEEP_LAST)) != null) return Optional.of(cut(draft, Math.max(0, total - Words.ms(first(m))), true));
    if ((m = turn.match(KEEP_RANGE)) != null) {
      List<String> g = all(m);
      return Optional.of(keep(draft, Words.ms(g.get(0)), Words.ms(g.get(1))));
    }
    if (turn.has(CUT_UNSURE)) {
      turn.match(CUT_UNSURE);
      return Optional.of(Edit.question(draft, "Cut it from the start or from the end?", "从开头剪还是从结尾剪？"));
    }
    if (turn.match(VAGUE) != null) {
      // "视频太长了 剪成12秒": the length is said beside the complaint
      if (turn.earlier("set_length") || turn.earlier("trim_video") || turn.earlier("trim_clip")) return Optional.of(Edit.understood(draft));
      return Optional.of(Edit.question(draft, "How long should it be? Say e.g. \"make it 15 seconds\" or \"cut the first 3 seconds\".",
          "要剪到多长？比如“剪成15秒”或“把前3秒剪掉”。"));
    }
    if ((m = turn.match(SHORTER)) != null) return Optional.of(fit(draft, Math.round(total * (1 - Double.parseDouble(first(m)) / 100))));
    if ((m = turn.match(AS_LONG)) != null) return Optional.of(fit(draft, Math.round(total * Double.parseDouble(first(m)) / 100)));
    if ((m = turn.match(TARGET)) != null) return Optional.of(fit(draft, Words.ms(first(m))));
    if ((m = turn.match(ALONE)) != null) return Optional.of(fit(draft, Words.ms(first(m))));
    return Optional.empty();
  }

  private static boolean isMontage(Turn turn) {
    return BeatRequest.read(turn.whole(), turn.negated()).filter(r -> r.kind() == BeatRequest.Kind.MONTAGE).isPresent();
  }

  /** Keeps the part from {@code from} to {@code to} on the timeline. */
  static Edit keep(Draft draft, long from, long to) {
    long total = draft.durationMs();
    to = Math.min(total, to);
    Edit head = cut(draft, from, true);
    if (head.kind() != Edit.Kind.DONE) return head;
    Draft kept = cut(head.draft(), Math.max(0, total - to), false).draft();
    return Edit.done(kept, "trim_video", Edit.args().put("keep_from_ms", from).put("keep_to_ms", to),
        "Kept " + Words.secs(from) + "–" + Words.secs(to) + ": the video is now " + Words.secs(kept.durationMs()) + ".",
        "保留了 " + Words.zhSecs(from) + "–" + Words.zhSecs(to) + "，视频现在 " + Words.zhSecs(kept.durationMs()) + "。");
  }

  /** Cuts {@code ms} off the start or the end, across as many clips as it takes. */
  static Edit cut(Draft draft, long ms, boolean head) {
    var args = Edit.args().put(head ? "cut_start_ms" : "cut_end_ms", ms);
    if (draft.clips().isEmpty()) return noClips(draft, args);
    if (ms >= draft.durationMs() - 100) {
      return Edit.refused(draft, "trim_video", args,
          "The video is only " + Words.secs(draft.durationMs()) + " long: cutting " + Words.secs(ms) + " would leave nothing.",
          "视频只有 " + Words.zhSecs(draft.durationMs()) + "，剪不了 " + Words.zhSecs(ms) + "。");
    }
    List<Clip> clips = new ArrayList<>(draft.clips());
    if (!head) Collections.reverse(clips);
    long left = ms;
    List<Clip> kept = new ArrayList<>();
    for (Clip c : clips) {
      if (left >= c.durationMs()) {
        left -= c.durationMs();
        continue;
      }
      kept.add(left == 0 ? c : head ? c.withoutHead(left) : c.withDuration(c.durationMs() - left));
      left = 0;
    }
    if (!head) Collections.reverse(kept);
    Draft next = draft.withClips(kept);
    return Edit.done(next, "trim_video", args,
        "Cut " + Words.secs(ms) + " off the " + (head ? "start" : "end") + ": the video is now " + Words.secs(next.durationMs()) + ".",
        "已剪掉" + (head ? "开头" : "结尾") + " " + Words.zhSecs(ms) + "，视频现在 " + Words.zhSecs(next.durationMs()) + "。");
  }

  /** Every clip shortened by the same share, so each still shows. */
  static Edit fit(Draft draft, long target) {
    var args = Edit.args().put("target_ms", target);
    if (draft.clips().isEmpty()) return noClips(draft, args);
    long total = draft.durationMs();
    if (total == target) {
      return Edit.done(draft, "set_length", args, "The video is " + Words.secs(total) + " already.", "视频已经是 " + Words.zhSecs(total) + "。");
    }
    if (total < target) return lengthen(draft, target, args);
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
    return Edit.done(next, "set_length", args,
        "Shortened the " + clips.size() + (clips.size() == 1 ? " clip" : " clips") + " to " + Words.secs(next.durationMs()) + " in total.",
        "已把 " + clips.size() + " 个片段剪到共 " + Words.zhSecs(next.durationMs()) + "。");
  }

  /**
   * Longer than the clips: photos are held longer (each by the same share of what is missing, up
   * to a minute); video clips cannot grow, so the answer says what can (slow motion, a loop).
   */
  private static Edit lengthen(Draft draft, long target, ObjectNode args) {
    long total = draft.durationMs();
    List<Integer> stills = new ArrayList<>();
    for (int i = 0; i < draft.clips().size(); i++) if (draft.clips().get(i).isStill()) stills.add(i);
    if (stills.isEmpty()) {
      return Edit.refused(draft, "set_length", args,
          "Your clips run " + Words.secs(total) + " in all, and I can't make the video longer than its clips. To fill "
              + Words.secs(target) + ", say \"slow motion on all clips\" (twice as long) or \"loop the clips\" (they play again), or send more clips.",
          "片段总长只有 " + Words.zhSecs(total) + "，视频不能比片段更长。想要 " + Words.zhSecs(target)
              + "，可以说“所有片段慢放”（变成两倍长）或“片段循环播放”（再播一遍），或者再发些片段。");
    }
    List<Clip> clips = new ArrayList<>(draft.clips());
    long missing = target - total;
    for (int k = 0; k < stills.size(); k++) {
      int i = stills.get(k);
      long share = missing / stills.size() + (k < missing % stills.size() ? 1 : 0);
      clips.set(i, clips.get(i).withDuration(Math.min(StillLength.MAX_MS, clips.get(i).durationMs() + share)));
    }
    Draft next = draft.withClips(clips);
    long held = clips.get(stills.get(0)).durationMs();
    String en = stills.size() == 1
        ? "The photo now shows for " + Words.secs(held) + ", so the video runs " + Words.secs(next.durationMs()) + "."
        : "The " + stills.size() + " photos now show longer, so the video runs " + Words.secs(next.durationMs()) + ".";
    String zh = stills.size() == 1
        ? "照片现在显示 " + Words.zhSecs(held) + "，视频长 " + Words.zhSecs(next.durationMs()) + "。"
        : stills.size() + " 张照片都显示得更久了，视频长 " + Words.zhSecs(next.durationMs()) + "。";
    if (next.durationMs() < target) {
      en += " A photo shows for a minute at most: for " + Words.secs(target) + ", send more clips.";
      zh += "每张照片最多显示 1 分钟；想要 " + Words.zhSecs(target) + "，请再发些片段。";
    } else if (stills.size() < clips.size()) {
      en += " Video clips keep their length.";
      zh += "视频片段的长度不变。";
    }
    return Edit.done(next, "set_length", args, en, zh);
  }

  /** The clips played again after themselves: to {@code target} (the last pass cut short), or once more when 0. */
  static Edit loop(Draft draft, long target) {
    var args = Edit.args().put("target_ms", target);
    if (draft.clips().isEmpty()) return noClips(draft, args);
    long total = draft.durationMs();
    long until = Math.min(MAX_LOOPED, target > 0 ? target : 2 * total);
    if (until <= total) {
      return Edit.done(draft, "loop_clips", args, "Your clips run " + Words.secs(total) + " already: no need to play them again.",
          "片段已经有 " + Words.zhSecs(total) + "，不用再播一遍。");
    }
    List<Clip> clips = new ArrayList<>(draft.clips());
    List<Clip> pass = draft.clips();
    long sum = total;
    for (int i = 0; sum < until; i = (i + 1) % pass.size()) {
      Clip c = pass.get(i);
      long d = Math.min(c.durationMs(), until - sum);
      if (d < MIN_CLIP) break;
      String id = Clip.unusedId(clips);
      clips.add(new Clip(id, c.src(), c.name(), c.kind(), d, c.inMs(), c.level(), c.speed(), c.extra()));
      sum += d;
    }
    Draft next = draft.withClips(clips);
    return Edit.done(next, "loop_clips", args,
        "The clips now play again after themselves: the video runs " + Words.secs(next.durationMs()) + ".",
        "片段现在会再播一遍，视频长 " + Words.zhSecs(next.durationMs()) + "。");
  }


  private static Edit noClips(Draft draft, ObjectNode args) {
    return Edit.refused(draft, "trim_video", args, "Send your clips first.", "请先发送视频片段。");
  }

  private static String first(Matcher m) {
    return all(m).get(0);
  }

  private static List<String> all(Matcher m) {
    List<String> found = new ArrayList<>();
    for (int g = 1; g <= m.groupCount(); g++) if (m.group(g) != null) found.add(m.group(g));
    return found;
  }
}
