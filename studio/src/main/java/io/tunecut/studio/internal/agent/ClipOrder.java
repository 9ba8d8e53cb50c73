package io.tunecut.studio.internal.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tunecut.studio.internal.agent.language.Message;
import io.tunecut.studio.internal.draft.Clip;
import io.tunecut.studio.internal.draft.Draft;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "put the second clip first", "play the 2nd video first", "put the Times Square clip first",
 * "swap the clips", "move clip 3 to the end", "reverse the order", "sunset first then beach then city",
 * "调换两个视频的顺序", "shuffle the clips".
 */
final class ClipOrder implements Instruction {
  private static final Pattern MOVE = Pattern.compile(
      "(?:put|move|place|make|play|show|have|set|bring|want)\\s+clip (\\d+)\\s+(?:to\\s+|at\\s+|as\\s+|in\\s+)?(?:the\\s+)?(?:very\\s+)?(first|start|beginning|front|begining|1st|opening|last|end|final|back)\\b"
          + "|clip (\\d+)\\s+(?:should\\s+|must\\s+)?(?:go(?:es)?\\s+|come(?:s)?\\s+|be\\s+|play(?:s)?\\s+)?(?:at\\s+the\\s+)?(first|last|start|end)\\b"
          + "|(start|begin|open|end|finish)\\s+(?:the video\\s+|it\\s+)?(?:with|on|from)\\s+clip (\\d+)"
          + "|clip (\\d+)\\s*(?:放到|移到|放在|挪到|调到|换到|放|挪)\\s*(?:最)?(前面|开头|最前|第1个?|前|后面|最后|结尾|末尾|后)"
          + "|(?:先放|先播放?|先播|第1个放)\\s*clip (\\d+)|clip (\\d+)\\s*(?:先放|先播|放第1个?|放最前)");
  private static final Pattern TO_POSITION = Pattern.compile(
      "(?:make|put|move|place)\\s+clip (\\d+)\\s+(?:to\\s+|as\\s+|at\\s+)?(?:the\\s+)?(?:position\\s+)?clip (\\d+)"
          + "|clip (\\d+)\\s*(?:放到|移到|放在|挪到|调到|放)\\s*(?:第)?\\s*clip (\\d+)");
  /** "put the backyard second", "make clip 3 the 2nd one": a place counted from the start. */
  private static final Pattern TO_PLACE = Pattern.compile(
      "^(?:(?:and|then|also|now)\\s+)?(?:(?:make|put|move|place|have|play)\\s+)?clip (\\d+)\\s+(?:to\\s+|as\\s+|at\\s+|in\\s+)?(?:the\\s+)?(second|third|fourth|fifth|2nd|3rd|4th|5th)(?:\\s+(?:place|position|spot|one|clip))?\\s*(?:please|pls)?\\s*$");
  private static final Pattern BEFORE = Pattern.compile(
      "(?:(?:put|move|place|play|show)\\s+)?clip (\\d+)\\s+(?:should\\s+(?:go|come|be|play)\\s+|(?:goes|comes|plays)\\s+)?(?:right\\s+|just\\s+|directly\\s+|straight\\s+|immediately\\s+)?(before|after|in front of|ahead of|behind)\\s+clip (\\d+)"
          + "|clip (\\d+)\\s*(?:放到|移到|放在|挪到)\\s*clip (\\d+)\\s*的?(前面|之前|前|后面|之后|后)"
          + "|先\\s*(?:放|播放?)?\\s*clip (\\d+)\\s*(?:再|然后|后)\\s*(?:放|播放?)?\\s*clip (\\d+)");
  /** "sunset first then beach then times square", "先放A 再放B 再放C": the clips named play in that order, the rest after. */
  private static final Pattern SEQUENCE = Pattern.compile(
      "^(?:(?:put|play|order|arrange|reorder|sort|go)\\s*:?\\s+(?:them\\s+|the clips\\s+)?(?:in this order:?\\s+|like this:?\\s+)?"
          + "|(?:the\\s+)?(?:new\\s+)?order(?:\\s+should be|\\s+is)?\\s*:?\\s+|顺序\\s*(?:是|为|改成)?\\s*:?\\s*|先\\s*(?:放|播放?)?\\s*)?"
          + "clip \\d+(?:\\s+first)?(?:(?:\\s*(?:,|then|and then|next|finally|and finally|->|>|再|然后|最后)\\s*|\\s+)(?:放|播放?|put\\s+|play\\s+)?clip \\d+(?:\\s+(?:next|last))?)+$");
  private static final Pattern SWAP = Pattern.compile(
      "(?:swap|switch|exchange|flip|trade|interchange)\\s+(?:the\\s+)?(?:places of\\s+|order of\\s+)?clip (\\d+)\\s+(?:and|with|for|&)\\s+clip (\\d+)"
          + "|clip (\\d+)\\s*(?:和|跟|与)\\s*clip (\\d+)\\s*(?:调换|交换|对调|互换|换一下|换个?位置)");
  private static final Pattern SWAP_TWO = Pattern.compile(
      "(?:swap|switch|exchange|flip|change)\\s+(?:the\\s+)?(?:order\\s+of\\s+(?:the\\s+)?)?(?:2\\s+|two\\s+|both\\s+)?(?:clips|videos|order|around)"
          + "|(?:swap|switch|flip)\\s+(?:them|it)\\s*(?:around)?|other way (?:a)?round"
          + "|(?:调换|交换|对调|互换|换一下|颠倒).{0,8}(?:视频|片段|顺序|位置)|(?:视频|片段|段|clips)\\s*(?:的)?\\s*(?:顺序|位置)?\\s*(?:调换|交换|对调|互换|换一下|换个位置|颠倒)|(?:视频|片段)?的?顺序(?:调换|交换|对调|换一下|反过来|颠倒)");
  /** "swap the first two", "switch the last 2 clips", "前两段换一下": the two at one end. */
  private static final Pattern END_PAIR = Pattern.compile(
      "(?:swap|switch|exchange|flip|trade)\\s+(?:the\\s+)?(first|last)\\s+2\\b"
          + "|(前|后|最后)\\s*2\\s*(?:个|段|条)?\\s*(?:片段|视频|镜头)?\\s*的?\\s*(?:顺序|位置)?\\s*(?:调换|交换|对调|互换|换一下|换个?位置|颠倒)");
  /** "put the picture of the cake last" when no photo's name says cake: which photo, of several. */
  private static final Pattern MOVE_PHOTO = Pattern.compile(
      "(?:put|move|place|show)\\s+(?:the\\s+)?photo\\b[^,]{0,30}?\\s+(?:to\\s+|at\\s+)?(?:the\\s+)?(?:very\\s+)?(?:first|start|beginning|front|last|end)\\b"
          + "|把?\\s*photo\\s*(?:放到|移到|放在|挪到|放)\\s*(?:最)?(?:前面|开头|最前|后面|最后|结尾|末尾)");
  /** "put the dog one first", "把蓝色那段放最前面": a move whose clip no name or number picked out. */
  private static final Pattern MOVE_UNNAMED = Pattern.compile(
      "(?:put|move|place|play|show)\\s+(?:the\\s+)?(?!clip \\d)[\\p{L}\\d' -]{1,30}?\\s+(?:one|clip|video|part|shot)\\s+(?:to\\s+|at\\s+)?(?:the\\s+)?(?:very\\s+)?(?:first|start|beginning|front|last|end)\\b"
          + "|把?(?!clip \\d)[\\p{L}\\d]{1,8}?(?:那段|那个|那条|片段|视频)\\s*(?:放到|移到|放在|挪到|调到|放)\\s*(?:最)?(?:前面|开头|最前|后面|最后|结尾|末尾)");
  private static final Pattern REVERSE = Pattern.compile(
      "reverse\\s+(?:the\\s+)?(?:clip\\s+|video\\s+)?(?:order|clips|videos)|(?:order|clips|videos)\\s+(?:in\\s+)?reverse|backwards order|倒序|反过来|倒过来|倒着放");

  /** "put the photos first and then the videos", "videos first", "照片放最后": stills before or after the videos. */
  private static final Pattern BY_KIND = Pattern.compile(
      "\\b(photos|videos)\\s+(?:should\\s+(?:go|come|be)\\s+|go\\s+|come\\s+)?(?:at\\s+)?(?:the\\s+)?(?:very\\s+)?(first|start|beginning|front|last|end)\\b"
          + "|\\b(?:put|move|place|play|show|have)\\s+(?:all\\s+)?(?:of\\s+)?(?:the\\s+|my\\s+)?(photos|videos)\\s+(?:to\\s+|at\\s+)?(?:the\\s+)?(?:very\\s+)?(first|start|beginning|front|last|end)\\b"
          + "|(?:先放|先播)\\s*(photos|视频)()|(photos|视频)\\s*(?:都|全部)?\\s*(?:放到?|移到|挪到|放在)\\s*(?:最)?(前面|开头|最前|后面|最后|结尾)");

  private static final Pattern THEN_KIND = Pattern.compile("^(?:and\\s+)?(?:then\\s+|after that\\s+)?(?:all\\s+)?(?:the\\s+|my\\s+)?(?:photos|videos)(?:\\s+(?:after|last|next|after that))?$|^(?:再放|然后|后放)\\s*(?:photos|视频)$");

  /** "shuffle the clips", "random order", "打乱顺序". */
  private static final Pattern SHUFFLE = Pattern.compile(
      "\\bshuffle\\b|\\brandomi[sz]e\\b|\\b(?:in\\s+(?:a\\s+)?)?random(?:ly)?\\s+(?:order|sequence)\\b|\\bmix\\s+(?:up\\s+)?(?:the\\s+)?(?:clips|order|videos)(?:\\s+up)?\\b"
          + "|打乱|随机(?:顺序|排列|排序)|顺序随机|乱序");

  @Override
  public Optional<Edit> apply(Turn turn, Draft draft) {
    if (turn.match(SHUFFLE) != null) return Optional.of(shuffled(draft));
    // "… the photos first and then the videos": the second half says the same order
    if (turn.match(THEN_KIND) != null && BY_KIND.matcher(turn.message()).find()) return Optional.of(Edit.understood(draft));
    Matcher kind = turn.match(BY_KIND);
    if (kind != null) {
      String[] g = pair(kind);
      boolean front = g[1].isEmpty() || g[1].matches("first|start|beginning|front|前面|开头|最前");
      return Optional.of(stillsFirst(draft, g[0].equals("photos") == front));
    }
    Matcher sequence = turn.match(SEQUENCE);
    if (sequence != null) {
      List<Integer> named = new ArrayList<>();
      for (Matcher n = Pattern.compile("clip (\\d+)").matcher(sequence.group()); n.find(); ) named.add(Integer.parseInt(n.group(1)));
      // "the cat first, the dog last": the one said last goes to the end, after the clips not named
      boolean atEnd = named.size() > 1 && sequence.group().matches("(?s).*clip \\d+\\s+last\\s*$");
      return Optional.of(sequence(draft, atEnd ? named.subList(0, named.size() - 1) : named, atEnd ? named.get(named.size() - 1) : 0));
    }
    Matcher before = turn.match(BEFORE);
    if (before != null) return Optional.of(before(draft, before));
    Matcher place = turn.match(TO_PLACE);
    if (place != null) {
      if (draft.clips().size() < 2) return Optional.of(tooFew(draft));
      int at = Message.position(place.group(2), draft.clips().size());
      if (at > draft.clips().size()) return Optional.of(noSuchClip(draft, at));
      return Optional.of(move(draft, Integer.parseInt(place.group(1)), at));
    }
    Matcher to = turn.match(TO_POSITION);
    Matcher move = to == null ? turn.match(MOVE) : null;
    Matcher swap = to == null && move == null ? turn.match(SWAP) : null;
    Matcher pair = to == null && move == null && swap == null ? turn.match(END_PAIR) : null;
    if (pair != null) {
      int n = draft.clips().size();
      if (n < 2) return Optional.of(tooFew(draft));
      return Optional.of("first".equals(pair.group(1)) || "前".equals(pair.group(2)) ? swap(draft, 1, 2) : swap(draft, n - 1, n));
    }
    boolean swapTwo = to == null && move == null && swap == null && turn.match(SWAP_TWO) != null;
    boolean reverse = to == null && move == null && swap == null && !swapTwo && turn.match(REVERSE) != null;
    if (to == null && move == null && swap == null && !swapTwo && !reverse) {
      if (turn.match(MOVE_PHOTO) != null) return Optional.of(whichPhoto(draft));
      return turn.match(MOVE_UNNAMED) != null && draft.clips().size() > 1 ? Optional.of(whichClip(draft)) : Optional.empty();
    }
    if (draft.clips().size() < 2) return Optional.of(tooFew(draft));
    if (swapTwo && draft.clips().size() > 2) {
      return Optional.of(Edit.question(draft, "Which clips should I swap? E.g. \"swap clip 1 and clip 3\".",
          "要调换哪两个片段？比如“调换第1个和第3个”。"));
    }
    if (reverse || swapTwo) {
      List<Clip> clips = new ArrayList<>(draft.clips());
      Collections.reverse(clips);
      return Optional.of(ordered(draft, clips, Edit.args()));
    }
    if (to != null) {
      int pos = Integer.parseInt(to.group(1) != null ? to.group(1) : to.group(3));
      return Optional.of(move(draft, pos, Integer.parseInt(to.group(2) != null ? to.group(2) : to.group(4))));
    }
    if (move != null) {
      String[] g = groups(move);
      boolean front = g[1] == null || g[1].matches("first|start|beginning|front|begining|1st|opening|begin|open|前面|开头|最前|第1个?|前");
      return Optional.of(move(draft, Integer.parseInt(g[0]), front ? 1 : draft.clips().size()));
    }
    return Optional.of(swap(draft, Integer.parseInt(swap.group(1) != null ? swap.group(1) : swap.group(3)),
        Integer.parseInt(swap.group(2) != null ? swap.group(2) : swap.group(4))));
  }

  /** Another order, the same for the same draft (so a test or a retry sees what the person saw), never the order it had. */
  static Edit shuffled(Draft draft) {
    if (draft.clips().size() < 2) return tooFew(draft);
    List<Clip> clips = new ArrayList<>(draft.clips());
    Collections.shuffle(clips, new Random(draft.toJson().toString().hashCode()));
    if (clips.equals(draft.clips())) Collections.rotate(clips, 1);
    return ordered(draft, clips, Edit.args().put("shuffled", true));
  }

  /** The photos before the videos or after them, each kind in the order it had. */
  static Edit stillsFirst(Draft draft, boolean stillsFirst) {
    List<Clip> stills = draft.clips().stream().filter(Clip::isStill).toList();
    if (stills.isEmpty() || stills.size() == draft.clips().size()) {
      return Edit.answer(draft, "All the clips are " + (stills.isEmpty() ? "videos" : "photos") + ": there is nothing to put first.",
          "片段都是" + (stills.isEmpty() ? "视频" : "照片") + "，没有可以挪到前面的。");
    }
    List<Clip> clips = new ArrayList<>(stillsFirst ? stills : List.of());
    draft.clips().stream().filter(c -> !c.isStill()).forEach(clips::add);
    if (!stillsFirst) clips.addAll(stills);
    return ordered(draft, clips, Edit.args());
  }

  /** The clips at {@code positions} (from 1) first, in that order, then the others as they were, then clip {@code last} (0: none). */
  static Edit sequence(Draft draft, List<Integer> positions, int last) {
    List<Clip> clips = new ArrayList<>();
    for (int pos : positions) {
      if (pos < 1 || pos > draft.clips().size()) return noSuchClip(draft, pos);
      Clip c = draft.clips().get(pos - 1);
      if (!clips.contains(c)) clips.add(c);
    }
    if (last > draft.clips().size()) return noSuchClip(draft, last);
    Clip end = last < 1 ? null : draft.clips().get(last - 1);
    for (Clip c : draft.clips()) if (!clips.contains(c) && c != end) clips.add(c);
    if (end != null && !clips.contains(end)) clips.add(end);
    return ordered(draft, clips, Edit.args());
  }

  /** Moves clip {@code pos} to place {@code to} (both from 1). */
  static Edit move(Draft draft, int pos, int to) {
    List<Clip> clips = new ArrayList<>(draft.clips());
    if (clips.size() < 2) return tooFew(draft);
    if (pos < 1 || pos > clips.size()) return noSuchClip(draft, pos);
    Clip c = clips.remove(pos - 1);
    int at = Math.max(0, Math.min(to - 1, clips.size()));
    clips.add(at, c);
    return ordered(draft, clips, Edit.args().put("clip", c.name()).put("to", at + 1));
  }

  /** Clips {@code a} and {@code b} (from 1) change places. */
  static Edit swap(Draft draft, int a, int b) {
    List<Clip> clips = new ArrayList<>(draft.clips());
    if (clips.size() < 2) return tooFew(draft);
    if (a < 1 || a > clips.size() || b < 1 || b > clips.size()) return noSuchClip(draft, a < 1 || a > clips.size() ? a : b);
    Collections.swap(clips, a - 1, b - 1);
    return ordered(draft, clips, Edit.args());
  }

  private static Edit tooFew(Draft draft) {
    int n = draft.clips().size();
    return Edit.refused(draft, "reorder_clips", Edit.args(),
        "There is only " + n + " clip on the timeline: nothing to reorder.", "时间线上不到两个片段，无需调整顺序。");
  }

  private static Edit ordered(Draft draft, List<Clip> clips, ObjectNode args) {
    List<String> names = clips.stream().map(Clip::name).toList();
    args.putPOJO("order", names);
    if (clips.equals(draft.clips())) {
      return Edit.answer(draft, "The clips are in that order already: " + String.join(", ", names) + ".",
          "片段已经是这个顺序了：" + String.join("、", names) + "。");
    }
    return Edit.done(draft.withClips(clips), "reorder_clips", args,
        "New clip order: " + String.join(", ", names) + ".", "新的片段顺序：" + String.join("、", names) + "。");
  }

  /** "put the sunset clip before the beach clip". */
  private static Edit before(Draft draft, Matcher m) {
    boolean en = m.group(1) != null;
    boolean sequence = m.group(7) != null; // 先放 A 再放 B
    int a = Integer.parseInt(sequence ? m.group(7) : en ? m.group(1) : m.group(4));
    int b = Integer.parseInt(sequence ? m.group(8) : en ? m.group(3) : m.group(5));
    boolean after = !sequence && (en ? m.group(2) : m.group(6)).matches("after|behind|后面|之后|后");
    List<Clip> clips = new ArrayList<>(draft.clips());
    if (a < 1 || a > clips.size() || b < 1 || b > clips.size()) return noSuchClip(draft, a < 1 || a > clips.size() ? a : b);
    Clip moved = clips.get(a - 1);
    Clip anchor = clips.get(b - 1);
    clips.remove(moved);
    clips.add(clips.indexOf(anchor) + (after ? 1 : 0), moved);
    return ordered(draft, clips, Edit.args());
  }

  /** The first two groups of whichever alternative matched. */
  private static String[] pair(Matcher m) {
    for (int g = 1; g < m.groupCount(); g += 2) if (m.group(g) != null) return new String[] {m.group(g), m.group(g + 1)};
    throw new IllegalStateException(m.group());
  }

  /** The clip number and the place word, whichever alternative matched. */
  private static String[] groups(Matcher m) {
    if (m.group(1) != null) return new String[] {m.group(1), m.group(2)};
    if (m.group(3) != null) return new String[] {m.group(3), m.group(4)};
    if (m.group(6) != null) return new String[] {m.group(6), m.group(5).matches("end|finish") ? "last" : "first"};
    if (m.group(7) != null) return new String[] {m.group(7), m.group(8)};
    return new String[] {m.group(9) != null ? m.group(9) : m.group(10), "first"};
  }

  private static Edit whichClip(Draft draft) {
    return Edit.question(draft, "Which clip do you mean? Say e.g. \"put clip 2 first\"." + Talk.clips(draft, false),
        "是哪一段？可以说“把第2段放最前面”。" + Talk.clips(draft, true));
  }

  /** Several photos and none named: which one, by name and place. */
  private static Edit whichPhoto(Draft draft) {
    List<String> en = new ArrayList<>();
    List<String> zh = new ArrayList<>();
    int first = 0;
    for (int i = 0; i < draft.clips().size(); i++) {
      Clip c = draft.clips().get(i);
      if (!c.isStill()) continue;
      if (first == 0) first = i + 1;
      en.add(c.name() + " (clip " + (i + 1) + ")");
      zh.add(c.name() + "（第" + (i + 1) + "段）");
    }
    if (en.isEmpty()) return Edit.answer(draft, "There is no photo on the timeline.", "时间线上没有照片。");
    return Edit.question(draft, "Which photo do you mean: " + String.join(", ", en) + "? Say e.g. \"put clip " + first + " last\".",
        "是哪一张照片：" + String.join("、", zh) + "？可以说“把第" + first + "段放最后”。");
  }

  static Edit noSuchClip(Draft draft, int pos) {
    int n = draft.clips().size();
    return Edit.refused(draft, "edit_clip", Edit.args().put("clip", pos),
        "There is no clip " + pos + " — the timeline has " + n + (n == 1 ? " clip." : " clips."),
        "没有第 " + pos + " 个片段，时间线上共有 " + n + " 个片段。");
  }
}
