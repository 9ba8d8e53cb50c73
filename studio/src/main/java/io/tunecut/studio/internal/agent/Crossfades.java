package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.draft.Transition;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Crossfades between the clips: "add a fade between the clips", "crossfade the clips", "smooth
 * transitions", "转场加个淡入淡出"; "no transitions", "hard cuts", "去掉转场" take them off. Read
 * before the music's fades, so "fade between the clips" is never a music fade; "fade the music
 * out" has no word of a cut and stays the music's.
 */
final class Crossfades implements Instruction {
  private static final String CUTS = "(?:clips?|videos?|shots?|scenes?|cuts?|segments?|parts?|photos?|each other|one (?:clip |shot )?(?:to|into) the next)";
  private static final Pattern ADD = Pattern.compile(
      "\\bcross[- ]?fad(?:e[sd]?|ing)\\b|\\bcross[- ]?dissolves?\\b|\\bdissolves?\\b|\\btransitions?\\b|\\bxfade\\b"
          + "|\\bfad(?:e[sd]?|ing)\\s+(?:in\\s+and\\s+out\\s+)?(?:between|across|from one|from clip to clip|the\\s+" + CUTS + "\\s+(?:into|to|together))\\b(?:\\s+(?:the\\s+|my\\s+|all\\s+)?" + CUTS + ")?"
          + "|\\b" + CUTS + "\\s+(?:\\w+\\s+)?(?:fade|blend|dissolve|melt)s?\\s+(?:into|to|together)\\b(?:\\s+(?:each other|one another|the next(?: one)?))?"
          + "|\\bfades?\\s+(?:between|at)\\s+(?:the\\s+)?" + CUTS + "|\\bsmooth(?:er|en)?\\s+(?:out\\s+)?(?:the\\s+)?(?:cuts|changes|jumps)\\b|\\bsoft(?:en)?(?:er)?\\s+(?:the\\s+)?cuts\\b"
          + "|转场\\s*(?:效果)?\\s*(?:加|用|做|要|换成|改成|弄)?\\s*(?:个|一个|成|上)?\\s*(?:淡入淡出|淡化|渐变|叠化|溶解)?|过渡\\s*(?:效果)?\\s*(?:加|用|要|换成|改成)?\\s*(?:个|一个|成|上)?\\s*(?:淡入淡出|淡化|渐变|叠化)?"
          + "|(?:片段|视频|镜头|画面|素材)\\s*(?:之间|中间|切换)\\s*(?:的时候)?\\s*(?:加|用|要|做)?\\s*(?:个|一个|上)?\\s*(?:淡入淡出|淡化|渐变|叠化|过渡|转场)"
          + "|(?:淡入淡出|叠化|渐变)\\s*(?:的)?\\s*(?:转场|过渡)|叠化|交叉淡化|溶解转场");
  private static final Pattern HARD = Pattern.compile(
      "\\b(?:hard|straight|plain|simple|sharp|jump)\\s+cuts?\\b|\\bjust\\s+cut\\b|硬切|直接切|直切|不要(?:转场|过渡)|去掉(?:转场|过渡)");
  private static final Pattern LENGTH = Pattern.compile("(\\d+(?:\\.\\d+)?)s");
  /** "a smooth transition into the chorus": the music's, not the clips'. */
  private static final Pattern MUSIC = Pattern.compile("\\b(?:music|song|chorus|track)\\b");
  private static final Pattern CLIP_WORDS = Pattern.compile("\\b" + CUTS + "\\b|转场|过渡|片段|镜头");
  /** "转场卡在鼓点上", "音乐跟转场对上", "transitions on the beat": where the cuts fall, a beat edit, not a crossfade. */
  private static final Pattern ON_THE_BEAT = Pattern.compile(
      "(?:转场|过渡)\\s*(?:点)?\\s*(?:要)?\\s*(?:对上|对齐|对准|卡在|卡上|踩在|踩上|跟着|配合)|(?:跟|和|与|同)\\s*(?:转场|过渡)\\s*(?:点)?\\s*(?:对上|对齐|对准)"
          + "|\\btransitions?\\b.*\\b(?:on|to|with) the (?:beats?|rhythm|music)\\b|\\b(?:sync|match|line up|align)\\b.*\\btransitions?\\b.*\\b(?:beats?|rhythm|music)\\b");

  @Override
  public Optional<Edit> apply(Turn turn, Draft draft) {
    if (turn.has(Pattern.compile("title|caption|\\btext\\b|«"))) return Optional.empty();
    if (turn.has(MUSIC) && !turn.has(CLIP_WORDS)) return Optional.empty();
    if (turn.has(ON_THE_BEAT)) return Optional.empty();
    boolean hard = turn.match(HARD) != null;
    Matcher add = hard ? null : turn.match(ADD);
    if (!hard && add == null) return Optional.empty();
    // "no transitions actually, hard cuts": the second says what the first did
    if ((hard || turn.negated()) && turn.earlier("set_transitions")) return Optional.of(Edit.understood(draft));
    if (hard || turn.negated()) return Optional.of(off(draft));
    long ms = Transition.DEFAULT_MS;
    for (Matcher length = LENGTH.matcher(turn.text()); length.find(); ) {
      // "a 1 s crossfade", "crossfade of 0.8s": a length next to the words, not the music's fade further on
      if (length.end() >= add.start() - 12 && length.start() <= add.end() + 12) {
        ms = Words.ms(length.group(1));
        turn.match(Pattern.compile("(?<![\\d.])" + Pattern.quote(length.group())));
        break;
      }
    }
    return Optional.of(on(draft, ms));
  }

  static Edit on(Draft draft, long ms) {
    var args = Edit.args().put("duration_ms", ms);
    if (draft.clips().size() < 2) {
      return Edit.refused(draft, "set_transitions", args,
          "A crossfade goes between two clips, and there " + (draft.clips().isEmpty() ? "are none yet" : "is only one")
              + ": send more clips and I'll fade each into the next.",
          "淡入淡出转场要在两个片段之间，现在" + (draft.clips().isEmpty() ? "还没有片段" : "只有一个片段") + "：再发几个片段，我就让它们依次淡入淡出。");
    }
    Transition t = Transition.crossfade(ms);
    Draft next = draft.withTransition(t);
    int cuts = draft.clips().size() - 1;
    long shortest = Long.MAX_VALUE;
    for (int i = 1; i < draft.clips().size(); i++) shortest = Math.min(shortest, next.transitionMs(i));
    String en = "Each clip now crossfades into the next over " + Words.secs(t.durationMs()) + " (" + cuts + (cuts == 1 ? " cut" : " cuts")
        + "); every clip still starts where it did, so the video stays " + Words.secs(draft.durationMs())
        + (draft.music() != null ? " and in time with the music." : ".");
    String zh = "片段之间已加上 " + Words.zhSecs(t.durationMs()) + "的淡入淡出转场（" + cuts + " 处）；每个片段的起点不变，视频仍是 "
        + Words.zhSecs(draft.durationMs()) + (draft.music() != null ? "，和音乐的节拍也不变。" : "。");
    if (t.durationMs() != ms) {
      en += " (" + Words.secs(t.durationMs()) + " is the " + (ms > t.durationMs() ? "longest" : "shortest") + " crossfade I make.)";
      zh += "（" + Words.zhSecs(t.durationMs()) + "是" + (ms > t.durationMs() ? "最长" : "最短") + "的转场。）";
    } else if (shortest < t.durationMs()) {
      en += " Between short clips it is shorter, half the shorter clip at most.";
      zh += "短片段之间的转场会短一些，最多是较短片段的一半。";
    }
    return Edit.done(next, "set_transitions", args.put("duration_ms", t.durationMs()), en, zh);
  }

  static Edit off(Draft draft) {
    if (draft.transition() == null) {
      return Edit.answer(draft, "The clips already cut straight from one to the next: there are no crossfades.", "片段之间本来就是直接切换，没有转场。");
    }
    return Edit.done(draft.withTransition(null), "set_transitions", Edit.args().put("duration_ms", 0),
        "Hard cuts again: no more crossfades between the clips.", "已去掉转场，片段之间直接切换。");
  }
}
