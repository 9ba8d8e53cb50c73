package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.agent.beat.ShotTrim;
import io.tunecut.studio.internal.draft.Clip;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.media.Media;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One clip: "trim the first clip to 5 seconds", "cut the first 2 seconds of clip 2", "chop 2 secs
 * off the start of the city clip", "keep only the first 4 seconds of clip 2", "remove
 * the beach clip", "第一个片段剪到5秒", "删掉第二段".
 */
final class ClipTrim implements Instruction {
  private static final Pattern TO = Pattern.compile(
      "(?:trim|cut|shorten|make|keep|set|clip)\\s+clip (\\d+)\\s+(?:shorter|longer)?\\s*(?:like|about|around|maybe|to|down to|into|at|only|just)?\\s*(?:be\\s+)?(?:only\\s+|just\\s+)?(\\d+(?:\\.\\d+)?)s"
          + "|clip (\\d+)\\s+(?:to|only|should be|just|is|at|down to)\\s*(?:only\\s+|just\\s+)?(\\d+(?:\\.\\d+)?)s"
          + "|clip (\\d+)\\s*(?:那段|这段|那个|这个|段)?\\s*(?:剪|裁|截|缩短|改|cut|trim)?\\s*(?:到|成|为)\\s*(\\d+(?:\\.\\d+)?)s|clip (\\d+)\\s*(?:只|就)(?:要|留|保留|用)\\s*(?:前|开头)?\\s*(\\d+(?:\\.\\d+)?)s"
          // "trim the living room to 8": a number alone after trimming a clip to is its seconds
          + "|(?:trim|cut|shorten|chop)\\s+clip (\\d+)\\s+(?:down\\s+)?to\\s+(\\d+(?:\\.\\d+)?)(?![\\d.%x])(?:\\s+(?:please|pls))?\\s*$");
  private static final Pattern HEAD_TAIL = Pattern.compile(
      "(?:cut|trim|remove|drop|skip|lose|chop|take)\\s+(?:off\\s+)?(?:the\\s+)?(first|last|start|end)\\s+(\\d+(?:\\.\\d+)?)s\\s+(?:off\\s+)?(?:of|from|off|in)\\s+clip (\\d+)"
          + "|clip (\\d+)\\s*的?\\s*(前|后|最后|开头|结尾)\\s*(\\d+(?:\\.\\d+)?)s\\s*(?:剪掉|去掉|删掉|不要|裁掉|删除)"
          + "|(?:剪掉|去掉|删掉|删除|裁掉)\\s*clip (\\d+)\\s*的?\\s*(前|后|最后|开头|结尾)\\s*(\\d+(?:\\.\\d+)?)s"
          + "|clip (\\d+)\\s*(?:剪掉|去掉|删掉|删除|裁掉|剪去)\\s*(前|后|最后|开头|结尾)\\s*(\\d+(?:\\.\\d+)?)s");
  /** "chop 2 secs off the start of the city clip", "cut 1s from the end of clip 2": seconds first. */
  private static final Pattern OFF_END = Pattern.compile(
      "(?:cut|trim|remove|drop|skip|lose|chop|take|shave)\\s+(?:off\\s+)?(\\d+(?:\\.\\d+)?)s\\s+(?:off\\s+|from\\s+)?(?:of\\s+)?(?:the\\s+)?(start|beginning|front|end|back)\\s+(?:of|in)\\s+clip (\\d+)");
  /** "keep only the first 4 seconds of the city clip", "just the last 3s of clip 2", "clip 2只要最后3秒". */
  private static final Pattern PART_OF = Pattern.compile(
      "(?:(?:keep|use|want)\\s+(?:only\\s+|just\\s+)?|\\bonly\\s+|\\bjust\\s+)(?:the\\s+)?(first|last)\\s+(\\d+(?:\\.\\d+)?)s\\s+(?:of|from|in)\\s+clip (\\d+)"
          + "|clip (\\d+)\\s*(?:的)?\\s*(?:只|就)(?:要|留|保留|用)\\s*(?:最后|后)\\s*(\\d+(?:\\.\\d+)?)s");
  /** "cut clip 2 in half", "clip 2 is too long, cut half of it", "第二段太长了 剪掉一半": a share of one clip. */
  private static final Pattern SHARE = Pattern.compile(
      "clip (\\d+)\\b(?![^.?!]{0,30}\\bclip \\d)[^.?!]{0,30}?(?:(\\d+(?:\\.\\d+)?)%\\s+shorter|\\b(?:cut|trim|shorten|chop|remove)\\s+(?:it\\s+|that\\s+|off\\s+)?(?:in\\s+|by\\s+|about\\s+)?(\\d+(?:\\.\\d+)?)%"
          + "|(?:剪掉|减少|缩短|剪短|砍掉|去掉|短)\\s*(\\d+(?:\\.\\d+)?)%)|(?:cut|trim|shorten|chop)\\s+clip (\\d+)\\s+(?:in|by)\\s+(\\d+(?:\\.\\d+)?)%");
  /** "cut half of it" after "clip 3 is too long": the share named first. */
  private static final Pattern SHARE_OF = Pattern.compile(
      "\\b(?:cut|trim|remove|chop|shorten)\\s+(?:off\\s+|out\\s+)?(?:about\\s+)?(\\d+(?:\\.\\d+)?)%\\s+(?:of|off|from)\\s+clip (\\d+)");
  private static final Pattern DROP = Pattern.compile(
      "(?:remove|delete|drop|cut|get rid of|take out|lose|skip|ditch|trash|don't want|do not want|without)\\s+(?:out\\s+)?clip (\\d+)(?!\\s*(?:to|down|'s|\\d))"
          // "bro clip 3 is mid remove it", "clip 4 is kind of blurry can we take it out": the clip named, then "it"
          + "|clip (\\d+)\\b(?![^.?!]{0,40}\\bclip \\d)[^.?!]{0,40}?\\b(?:remove|delete|drop|cut|get rid of|take|lose|ditch|trash)\\s+(?:it|that|this)(?:\\s+(?:one|clip))?(?:\\s+(?:out|off))?\\b(?!\\s+(?:a bit|a little|down|shorter|to|by))"
          + "|cut\\s+clip (\\d+)\\s+out|(?:删掉|删除|去掉|不要|移除|拿掉)\\s*clip (\\d+)|clip (\\d+)\\s*(?:不要了?|删掉|删除|去掉)"
          // "帮我剪掉最后一段": a whole clip cut away, when nothing of it is kept
          + "|剪掉\\s*clip (\\d+)\\s*(?:吧|了)?\\s*$");

  /** "make clip 2 2 seconds longer", "clip 2 3s shorter", "第二段再长2秒": a length added or taken off, not the length. */
  private static final Pattern BY = Pattern.compile(
      "clip (\\d+)\\s+(?:by\\s+)?(?:another\\s+|an extra\\s+)?(\\d+(?:\\.\\d+)?)s\\s+(longer|shorter|more|less)\\b"
          + "|clip (\\d+)\\s+(longer|shorter)\\s+by\\s+(\\d+(?:\\.\\d+)?)s"
          + "|clip (\\d+)\\s*(?:的)?(?:时间)?\\s*(?:再)?(长|加长|延长|多|短|缩短|少)\\s*(\\d+(?:\\.\\d+)?)s");

  /**
   * "make clip 2 longer", "the part where she blows the candles should be longer, that's the 2nd
   * video", "第二段长一点": with no length said, the clip plays what it left out of its source.
   */
  private static final Pattern LONGER = Pattern.compile(
      "\\b(?:make\\s+|let\\s+)?clip (\\d+)\\s+(?:(?:should|needs? to|could|can|has to)\\s+(?:be|last|play|stay)\\s+|(?:is\\s+)?(?:a bit |a little |way |kinda |kind of )?too short\\b|(?:last|play|stay|be)s?\\s+)?(?:a\\s+(?:bit|little)\\s+|much\\s+|way\\s+)?(?:longer\\b|(?<=too short))"
          + "|\\b(?:longer|too short)\\b[^.?!]{0,40}?\\b(?:that'?s|thats|it'?s|its|which is|in|is|on)\\s+clip (\\d+)\\b"
          + "|clip (\\d+)\\s*(?:的)?(?:时间)?(?:再|太|可以|能不能|能)?(?:长一点|长一些|长点|久一点|短了)");

  /** "take it out", "remove it": a removal, which the clip named before it in the clause is. */
  static final Pattern REMOVE_IT = Pattern.compile(
      "\\b(?:remove|delete|get rid of|take|lose|ditch|trash)\\s+(?:it|that|this)(?:\\s+(?:one|clip))?(?:\\s+(?:out|off))?\\b");

  @Override
  public Optional<Edit> apply(Turn turn, Draft draft) {
    // a length said ("clip 2 2s longer", "clip 2 longer to 6s") is read by the trims below
    if (!turn.text().replaceAll("clip \\d+", "").matches("(?s).*\\d.*")) {
      Matcher longer = turn.match(LONGER);
      if (longer != null) {
        String[] g = groups(longer);
        Optional<Edit> made = longer(draft, turn.media(), Integer.parseInt(g[0]));
        if (made.isPresent()) return made;
        turn.discard();
      }
    }
    Matcher by = turn.match(BY);
    if (by != null) {
      int pos = Integer.parseInt(by.group(1) != null ? by.group(1) : by.group(4) != null ? by.group(4) : by.group(7));
      String amount = by.group(2) != null ? by.group(2) : by.group(6) != null ? by.group(6) : by.group(9);
      String way = by.group(3) != null ? by.group(3) : by.group(5) != null ? by.group(5) : by.group(8);
      long ms = Words.ms(amount);
      boolean more = way.matches("longer|more|长|加长|延长|多");
      return Optional.of(more ? longerBy(draft, turn.media(), pos, ms) : cut(draft, pos, ms, false));
    }
    Matcher offEnd = turn.match(OFF_END);
    if (offEnd != null) {
      return Optional.of(cut(draft, Integer.parseInt(offEnd.group(3)), Words.ms(offEnd.group(1)), !offEnd.group(2).matches("end|back")));
    }
    Matcher part = turn.match(PART_OF);
    if (part != null) {
      int pos = Integer.parseInt(part.group(3) != null ? part.group(3) : part.group(4));
      long ms = Words.ms(part.group(2) != null ? part.group(2) : part.group(5));
      if ("first".equals(part.group(1)) || pos < 1 || pos > draft.clips().size()) return Optional.of(keep(draft, turn.media(), pos, ms));
      return Optional.of(cut(draft, pos, Math.max(0, draft.clips().get(pos - 1).durationMs() - ms), true));
    }
    Matcher share = turn.match(SHARE);
    Matcher shareOf = share == null ? turn.match(SHARE_OF) : null;
    if (share != null || shareOf != null) {
      String[] g = share != null ? groups(share) : new String[] {shareOf.group(2), shareOf.group(1)};
      int pos = Integer.parseInt(g[0]);
      if (pos < 1 || pos > draft.clips().size()) return Optional.of(ClipOrder.noSuchClip(draft, pos));
      double left = 1 - Math.min(Double.parseDouble(g[1]), 90) / 100;
      return Optional.of(keep(draft, turn.media(), pos, Math.round(draft.clips().get(pos - 1).durationMs() * left)));
    }
    Matcher headTail = turn.match(HEAD_TAIL);
    Matcher to = headTail == null ? turn.match(TO) : null;
    // "clip 3不要声音" says no to the clip's sound, not to the clip
    Matcher drop = headTail == null && to == null && !turn.has(Pattern.compile("original sound")) ? turn.match(DROP) : null;
    if (headTail == null && to == null && drop == null) return Optional.empty();
    String[] g = groups(headTail != null ? headTail : to != null ? to : drop);
    int pos = Integer.parseInt(g[0]);
    if (drop != null) {
      List<Integer> more = new ArrayList<>();
      for (Matcher m = Pattern.compile("clip (\\d+)").matcher(turn.whole()); m.find(); ) more.add(Integer.parseInt(m.group(1)));
      return Optional.of(remove(draft, pos, more));
    }
    if (headTail != null) return Optional.of(cut(draft, pos, Words.ms(g[2]), g[1].matches("first|start|前|开头")));
    return Optional.of(keep(draft, turn.media(), pos, Words.ms(g[1])));
  }

  /**
   * Removes clip {@code pos} (from 1) and the others named with it, never every clip.
   *
   * @param named every clip number in the request, {@code pos} among them
   */
  static Edit remove(Draft draft, int pos, List<Integer> named) {
    List<Clip> clips = new ArrayList<>(draft.clips());
    if (pos < 1 || pos > clips.size()) return ClipOrder.noSuchClip(draft, pos);
    var args = Edit.args().put("clip", clips.get(pos - 1).name());
    if (clips.size() == 1) {
      return Edit.refused(draft, "remove_clip", args, "That is the only clip: I'll keep it.", "这是唯一的片段，先保留。");
    }
    TreeSet<Integer> gone = new TreeSet<>(Comparator.reverseOrder());
    gone.addAll(named);
    gone.add(pos);
    gone.removeIf(n -> n < 1 || n > clips.size());
    if (gone.size() >= clips.size()) gone = new TreeSet<>(List.of(pos));
    List<String> names = new ArrayList<>();
    for (int n : gone) names.add(0, clips.remove(n - 1).name());
    String which = String.join(", ", names);
    boolean shots = ShotTrim.anyShot(draft, List.copyOf(gone));
    return Edit.done(draft.withClips(clips), "remove_clip", args,
        "Removed " + (gone.size() == 1 ? "clip " + pos + " (" + which + ")." : which + ".") + (shots ? " The shots after it move up by whole beats: the cuts stay on the beat." : ""),
        "已删除" + (gone.size() == 1 ? "第 " + pos + " 个片段（" + which + "）。" : "：" + String.join("、", names) + "。") + (shots ? "后面的镜头整拍前移，剪辑点仍然卡在节拍上。" : ""));
  }

  /**
   * Clip {@code pos} longer, no length said: a photo 2 s more; a video to the end of its source,
   * or from its start when its end is played already; a clip played in full can only be slowed.
   */
  private static Optional<Edit> longer(Draft draft, List<Media> media, int pos) {
    if (pos < 1 || pos > draft.clips().size()) return Optional.of(ClipOrder.noSuchClip(draft, pos));
    if (draft.isShot(pos - 1)) return Optional.empty();
    Clip c = draft.clips().get(pos - 1);
    if (c.isStill()) return Optional.of(keep(draft, media, pos, c.durationMs() + 2000));
    long rest = available(media, c);
    if (rest - c.durationMs() >= 200) return Optional.of(keep(draft, media, pos, rest));
    if (c.inMs() > 0) return Optional.of(trimmed(draft, pos, c.withIn(0).withDuration(c.durationMs() + Math.round(c.inMs() / c.speed()))));
    return Optional.of(Edit.question(draft,
        "Clip " + pos + " (" + c.name() + ") already plays in full, " + Words.secs(c.durationMs()) + ". To make it last longer I can slow it down: say \"clip " + pos + " at 0.5x\".",
        "第 " + pos + " 段（" + c.name() + "）已经是完整播放，" + Words.zhSecs(c.durationMs()) + "。想让它更久，可以放慢：说“第" + pos + "段0.5倍速”。"));
  }

  /**
   * Clip {@code pos} plays {@code by} more: what it left out after its end, then before its start;
   * when its source holds less, as much as there is, and the answer says how much that was.
   */
  private static Edit longerBy(Draft draft, List<Media> media, int pos, long by) {
    if (pos < 1 || pos > draft.clips().size()) return ClipOrder.noSuchClip(draft, pos);
    Clip c = draft.clips().get(pos - 1);
    if (c.isStill() || draft.isShot(pos - 1)) return keep(draft, media, pos, c.durationMs() + by);
    long afterEnd = Math.max(0, available(media, c) - c.durationMs());
    long beforeStart = Math.round(c.inMs() / c.speed());
    long end = Math.min(by, afterEnd);
    long start = Math.min(by - end, beforeStart);
    if (end + start < 100) {
      return Edit.question(draft,
          "Clip " + pos + " (" + c.name() + ") already plays in full, " + Words.secs(c.durationMs()) + ": there is no more of it. To make it last longer I can slow it down: say \"clip " + pos + " at 0.5x\".",
          "第 " + pos + " 段（" + c.name() + "）已经完整播放，" + Words.zhSecs(c.durationMs()) + "，没有更多画面了。想让它更久，可以放慢：说“第" + pos + "段0.5倍速”。");
    }
    Clip longer = c.withDuration(c.durationMs() + end);
    if (start > 0) longer = longer.withIn(c.inMs() - Math.round(start * c.speed())).withDuration(longer.durationMs() + start);
    Edit e = trimmed(draft, pos, longer);
    if (end + start >= by - 50) return e;
    return new Edit(e.draft(), e.step(),
        e.english() + " That's all of it: only " + Words.secs(end + start) + " more was left out, not " + Words.secs(by) + ".",
        e.chinese() + "这已经是全部：原片只多出 " + Words.zhSecs(end + start) + "，不够 " + Words.zhSecs(by) + "。", e.kind(), e.created());
  }

  /** Cuts {@code cut} off the start ({@code head}) or the end of clip {@code pos} (from 1). */
  static Edit cut(Draft draft, int pos, long cut, boolean head) {
    if (pos < 1 || pos > draft.clips().size()) return ClipOrder.noSuchClip(draft, pos);
    Clip c = draft.clips().get(pos - 1);
    if (draft.isShot(pos - 1)) return ShotTrim.shorter(draft, pos, cut, head);
    if (cut >= c.durationMs() - 100) {
      return Edit.refused(draft, "trim_clip", Edit.args().put("clip", c.name()),
          "Clip " + pos + " is only " + Words.secs(c.durationMs()) + " long: cutting " + Words.secs(cut) + " would leave nothing.",
          "第 " + pos + " 个片段只有 " + Words.zhSecs(c.durationMs()) + "，剪不了 " + Words.zhSecs(cut) + "。");
    }
    return trimmed(draft, pos, head ? c.withoutHead(cut) : c.withDuration(c.durationMs() - cut));
  }

  /** Clip {@code pos} (from 1) plays {@code ms}, as far as its source allows. */
  static Edit keep(Draft draft, List<Media> media, int pos, long ms) {
    if (pos < 1 || pos > draft.clips().size()) return ClipOrder.noSuchClip(draft, pos);
    Clip c = draft.clips().get(pos - 1);
    if (draft.isShot(pos - 1)) return ShotTrim.lasting(draft, pos, ms, available(media, c));
    return trimmed(draft, pos, c.withDuration(Math.max(100, Math.min(ms, available(media, c)))));
  }

  private static Edit trimmed(Draft draft, int pos, Clip trimmed) {
    List<Clip> clips = new ArrayList<>(draft.clips());
    Clip c = clips.set(pos - 1, trimmed);
    var args = Edit.args().put("clip", c.name()).put("in_ms", trimmed.inMs()).put("duration_ms", trimmed.durationMs());
    return Edit.done(draft.withClips(clips), "trim_clip", args,
        "Clip " + pos + " (" + c.name() + ") now plays " + Words.secs(trimmed.durationMs())
            + (trimmed.inMs() > 0 ? " from " + Words.secs(trimmed.inMs()) + " into the clip" : "") + ".",
        "第 " + pos + " 个片段（" + c.name() + "）现在播放 " + Words.zhSecs(trimmed.durationMs()) + "。");
  }

  /** The groups of whichever alternative matched: clip number first, then the rest in order. */
  private static String[] groups(Matcher m) {
    List<String> found = new ArrayList<>();
    for (int g = 1; g <= m.groupCount(); g++) if (m.group(g) != null) found.add(m.group(g));
    if (found.size() == 3 && !found.get(0).matches("\\d+")) return new String[] {found.get(2), found.get(0), found.get(1)};
    return found.toArray(String[]::new);
  }

  /** How much screen time the source has left after the clip's start, at its speed (stills can be any length). */
  private static long available(List<Media> media, Clip c) {
    if (c.isStill()) return Long.MAX_VALUE;
    for (Media m : media) {
      if (m.id().equals(c.src())) return Math.max(100, Math.round((m.info().durationSeconds() * 1000 - c.inMs()) / c.speed()));
    }
    return c.durationMs();
  }
}
