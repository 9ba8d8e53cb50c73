package io.tunecut.studio.internal.agent.language;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lifts the words a person wants on screen out of a message, so no rule reads them as
 * instructions ("title: Music at 50%"). Each is replaced by a marker {@code «n»}.
 */
final class Quotes {
  private static final Pattern QUOTED = Pattern.compile(
      "[\"＂]([^\"＂]+)[\"＂]|“([^”]+)”|「([^」]+)」|『([^』]+)』|‘([^’]+)’|《([^》]+)》|(?<![\\p{L}\\d])'([^']+)'(?![\\p{L}\\d])");
  /** "title: Best day ever", "字幕：第一天": the rest of the message is the text. */
  private static final Pattern AFTER_COLON = Pattern.compile(
      "(?i)(\\b(?:title|titel|tittle|tite|caption|captoin|subtitle|text|heading|label)s?\\b[^:：«]{0,30}|(?:标题|字幕|文字|文案)[^:：«]{0,10})[:：]\\s*([^«]+?)\\s*$");
  /** "add text GOAL at the end", "a caption saying hello world at the bottom". */
  /** Where words meant for the screen end: the next request, a place on screen, or the message's end. */
  private static final String END = "\\s+(?i:and|then|at|on|in|for|from|until|till|during|with)\\s+|[,;.!?]|$";
  /** Words after "add a title" that say where or how, not what. */
  private static final String NOT_WORDS = "(?i:at|on|in|to|for|from|with|that|which|saying|says|please|pls|and|then|here|there|too|bigger|smaller|red|white|black|yellow|blue|green)\\b|[:：]";
  /** What "put … at the top" can name that is not words for the screen. */
  private static final String NOT_PLACED = "(?i:the|a|an|it|its|this|that|these|those|them|my|our|your|some|any|more|music|song|track|audio|sound|bgm|"
      + "clips?|videos?|photos?|pictures?|images?|titles?|text|captions?|subtitles?|words?|heading|label|logo|stickers?|watermark|emojis?)\\b";
  /** A look or place, not words: 红色, 大一点, 在顶部, 3秒. */
  private static final String ZH_LOOK = "[:：]|[红白黑黄蓝绿橙粉紫灰金](?:色|的|$)|[大小]一?[点些]|更[大小]|在|放|居中|顶部|底部|上面|下面|中间|\\d+(?:\\.\\d+)?\\s*秒\\s*$|吧$|了$";
  /** An edit of the text itself, not its words: 删掉, 改成, 放大, 移到… */
  private static final String ZH_VERB = "删|去掉|去除|不要|别|取消|改|换|移|挪|显示|变|缩|加|放|调|用|再|也|就|和|跟|的";
  /** What follows "title" in a request about the title, not its words: "title should be at the top", "title moved up". */
  private static final String NOT_TITLE_WORDS = "(?i:is|are|was|should|needs?|must|can|could|would|will|goes|go|looks?|moved?|move|stays?|placed?|back|more|less|up|down|higher|lower|"
      + "font|size|colou?r|style|position|place|too|also|please|pls|now|only|just|bit|little|maybe|pls)\\b";
  /** Words that say how the title is or what to do to it, not what it says. */
  private static final String TITLE_STATE = "(?i:remove|delete|off|gone|away|size|bigger|smaller|larger|font|colou?r|longer|shorter|seconds?|secs?|sec|\\d+s|"
      + "big|small|large|huge|tiny|times|twice|half|double|centered|centred|bold|italic|underlined|caps|uppercase|lowercase|visible|hidden|missing|wrong|ugly|weird|broken|again|there|here|ok|okay|good|fine|nice|great|"
      + "please|pls|thanks?|not|no|yes|yeah|too|very|so|done|same|instead|first|last|only|now)";
  /** What "change the title to …" can name that is a look or a place, not new words. */
  private static final String NOT_LOOK = "(?i:(?:the\\s+|a\\s+)?(?:red|white|black|yellow|blue|green|orange|pink|purple|gr[ae]y|gold|bigger|smaller|larger|big|small|bold"
      + "|top|bottom|middle|center|centre|upper|lower|left|right|corner|(?:a\\s+)?(?:different|another|other|new)\\s+(?:font|colou?r|size|place)|font|colou?r|size)\\b"
      + "|\\d+(?:\\.\\d+)?\\s*(?:%|s\\b|sec|px))";
  /** Where a text's words typed without quotes end in Chinese: the next request ("然后音乐30%") or a change of mind ("不对 改成…"). */
  private static final String ZH_NEXT = "\\s+(?:然后|还有|另外|并且|同时|接着|不对|不是|算了|哦不|啊不)";
  private static final Pattern SAYING = Pattern.compile(
      "(?i:(\\b(?:saying|that says|which says|reading|with the words?)\\s+)([^«,;.!?]+?)(?=\\s+(?:at|on|in|for|from|until|till|during)\\s+(?:the\\s+)?(?:top|bottom|middle|center|centre|start|end|beginning|video|screen|\\d)|[,;.!?]|$))"
          + "|(\\b(?i:write|type)\\s+)(\\p{Lu}[\\p{L}'!?]*(?:\\s+\\p{Lu}[\\p{L}'!?]*)*)(?![\\p{L}])"
          + "|(\\b(?i:text|caption|title)\\s+)(\\p{Lu}[\\p{Lu}\\d!?]+(?:\\s+\\p{Lu}[\\p{Lu}\\d!?]*)*)(?![\\p{L}])"
          // "标题叫 海边", "字幕写着 出发啦" — but not a question ("标题是什么")
          + "|((?:标题|字幕|文字|文案)\\s*(?:就)?(?:叫做?|是|为|写着?|写上)\\s*)(?![^«]*(?:什么|啥|吗|\\?|？))(?!不是|否)(?!\\d+(?:\\.\\d+)?\\s*秒\\s*$)([^«,，。;；!！?？\\s][^«,，。;；!！?？]*?)\\s*(?=" + ZH_NEXT + "|[,，。;；!！]|$)"
          // "make the title say Summer Trip", "title should read day one": what a title says is its words
          + "|(\\b(?i:title|caption|subtitle|heading|text)s?\\s+(?i:(?:should|to|will|can)\\s+)?(?i:say|says|read|reads)\\s+)([^«,;.!?]+?)(?=" + END + ")"
          // "change the title to Beach Day", "rename the caption to see you": new words, unless a look or a place
          + "|(\\b(?i:change|rename|switch|set|update|edit)\\s+(?i:the\\s+|my\\s+)?(?i:title|caption|subtitle|heading|text)\\s+(?i:to|into|as)\\s+)(?!" + NOT_LOOK + ")([^«,;.!?]+?)(?=" + END + ")"
          // "add a title Summer 2024", "put a caption see you soon at the bottom": the words right after a new title
          + "|(\\b(?:(?i:add|give it)\\s+(?i:(?:a|an|the|one)\\s+)?|(?i:put)\\s+(?i:a|an)\\s+)(?i:new\\s+)?(?i:title|caption|subtitle|heading)\\s+)(?!" + NOT_WORDS + ")([^«,;.!?]+?)(?=" + END + ")"
          // "put Day 1 at the top": words put at a place on screen are the text, unless they name a thing we have
          + "|(\\b(?i:put|write|place|show|add)\\s+)(?!" + NOT_PLACED + ")([^«,;.!?]{1,30}?)(?=\\s+(?i:at|on|in|to)\\s+(?i:the\\s+)?(?i:very\\s+)?(?i:top|bottom|upper|lower|middle|center|centre|corner)\\b)"
          // "title Day 1 on top": a request that starts with "title" and capitalised words
          + "|((?:^|(?<=[,;.!?]\\s))(?i:title|caption|subtitle|heading)\\s+)(?!" + NOT_WORDS + ")(\\p{Lu}[^«,;.!?]*?)(?=" + END + ")"
          // "title summer vibes at the top": typed in lower case, the words up to a place on screen (not a look, a verb or a thing)
          + "|((?:^|(?<=[,;.!?]\\s))(?i:title|caption|subtitle|heading)\\s+)(?!" + NOT_WORDS + "|" + NOT_LOOK + "|" + NOT_PLACED + "|" + NOT_TITLE_WORDS + ")"
          + "([^«,;.!?]{1,40}?)(?=\\s+(?i:at|on|in|to)\\s+(?i:the\\s+)?(?i:very\\s+)?(?i:top|bottom|upper|lower|middle|center|centre|corner)\\b)"
          // "title best day ever": a whole message of "title" and words, none of them a look, a state or an edit of the title
          + "|(^(?i:title|heading)\\s+)(?!" + NOT_WORDS + "|" + NOT_LOOK + "|" + NOT_PLACED + "|" + NOT_TITLE_WORDS + ")(?!.*\\b" + TITLE_STATE + "\\b)"
          + "([\\p{L}\\d'!&]+(?:\\s+[\\p{L}\\d'!&]+){0,5})(?=\\s*$)"
          // "在上面写 生日快乐", "底部加一句 谢谢观看": a place, then what is written there
          + "|((?:在|放在)?\\s*(?:画面|屏幕|视频)?的?(?:上面|下面|顶部|底部|上方|下方|左上角|右上角|左下角|右下角)\\s*"
          + "(?:写(?:上|个|一句|一行)?(?:字(?!幕)|文字)?|(?:加|打)(?:上)?(?:一(?:句|行)(?:话|字)?|(?:个|一个)?(?:字(?!幕)|文字)))\\s*[:：]?\\s*)"
          + "(?!" + ZH_LOOK + ")([^«,，。;；!！?？\\s][^«,，。;；!！?？]*?)(?=\\s*(?:[,，。;；!！]|$))"
          // "标题 第一天 音乐30%": a bare 标题 and a space, then the words up to the next space (not a look or a verb)
          + "|((?:^|(?<=[\\s,，]))(?:标题|字幕)\\s+)(?![^«]*(?:什么|啥|吗|\\?|？))(?!" + ZH_LOOK + "|" + ZH_VERB + ")([A-Za-z][^«,，。;；!！?？\\s]*(?:\\s+[A-Za-z][^«,，。;；!！?？\\s]*)*|[^«,，。;；!！?？\\s]+)(?=[\\s,，。;；!！?？]|$)"
          // "标题改成 城市之梦", "加个标题 我的旅行": new words, but not a look ("标题改成红色", "标题改成大一点")
          + "|((?:标题|字幕|文字|文案)\\s*(?:改成|改为|换成|变成|设成|设为|写成|加个|加一个|加上)\\s*|(?:加|添加|加上|加一个|加个|来个|放个|放一个)\\s*(?:标题|字幕)\\s*)(?![^«]*(?:什么|啥|吗|\\?|？))"
          + "(?!" + ZH_LOOK + ")([^«,，。;；!！?？\\s][^«,，。;；!！?？]*?)(?=\\s+(?:" + ZH_LOOK + "|" + ZH_VERB + ")|" + ZH_NEXT + "|\\s*$)");

  /**
   * Where set-off words stop and their place begins: "title: summer vibes at the bottom",
   * "标题写 毕业旅行 放在上面". Only unquoted words are cut; quoted ones are as written, and a colour
   * only in lower case ("summer vibes in yellow", but "Lady in Red" is a title).
   */
  private static final Pattern PLACE_AFTER = Pattern.compile(
      "(?i)(?:\\s*[,;]\\s*|\\s+)(?:(?:and\\s+)?(?:put|place|move|show|have)\\s+(?:it|them|that)\\s+)?"
          + "(?:(?:at|on|in|to)\\s+(?:the\\s+)?(?:very\\s+)?(?:top|bottom|middle|center|centre|upper|lower|corner)(?:[- ](?:left|right))?(?:\\s+(?:left|right|corner))?"
          + "(?:\\s+of\\s+the\\s+(?:screen|video|frame|picture))?|(?-i:in\\s+(?:red|white|black|yellow|blue|green|orange|pink|purple|gr[ae]y|gold)))"
          + "(?:\\s+(?:please|pls))?\\s*$"
          + "|\\s*[,，]?\\s*(?:放|放在|放到|摆在|移到|在)\\s*(?:画面|屏幕|视频)?的?\\s*(?:最)?(?:上面|上方|顶部|上边|下面|下方|底部|下边|中间|正中间|左上角|右上角|左下角|右下角)(?:吧|去|就行|就好)?\\s*$"
          + "|\\s*[,，]?\\s*居中(?:吧)?\\s*$");

  private Quotes() {}

  static Quoted lift(String message) {
    List<String> quoted = new ArrayList<>();
    String text = replace(QUOTED, message, quoted, 0);
    text = replace(SAYING, text, quoted, 1);
    text = replace(AFTER_COLON, text, quoted, 2);
    return new Quoted(text, quoted);
  }

  /**
   * @param keep 0: the whole match is the quote; otherwise the quote is the group after the
   *     kept group(s), and the kept group stays in the text
   */
  private static String replace(Pattern p, String text, List<String> quoted, int keep) {
    Matcher m = p.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String prefix = "";
      String q = null;
      if (keep == 0) {
        for (int g = 1; g <= m.groupCount() && q == null; g++) q = m.group(g);
      } else {
        for (int g = 1; g < m.groupCount() && q == null; g += 2) {
          if (m.group(g + 1) != null) {
            prefix = m.group(g);
            q = m.group(g + 1);
          }
        }
      }
      if (q == null || q.isBlank()) {
        m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
        continue;
      }
      String place = "";
      Matcher after = keep == 0 ? null : PLACE_AFTER.matcher(q);
      if (after != null && after.find() && after.start() > 0) {
        place = " " + q.substring(after.start()).strip().replaceFirst("^[,;，]\\s*", "");
        q = q.substring(0, after.start());
      }
      m.appendReplacement(out, Matcher.quoteReplacement(prefix + (keep == 2 ? " " : "") + "«" + quoted.size() + "»" + place));
      quoted.add(q.strip());
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The message with its quotes replaced by markers, and the quotes as written. */
  record Quoted(String text, List<String> quoted) {
    Quoted {
      quoted = List.copyOf(quoted);
    }
  }
}
