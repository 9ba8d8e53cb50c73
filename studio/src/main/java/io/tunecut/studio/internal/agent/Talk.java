package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.draft.Draft;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Greetings, thanks and questions about the timeline get short answers; nothing changes. */
final class Talk implements Instruction {
  private static final Pattern HELLO = Pattern.compile(
      "^(?:hi|hello|hey|hiya|yo|howdy|good (?:morning|afternoon|evening)|hi there|hello there)\\b|^(?:are )?you there\\b|^anyone there\\b"
          + "|^(?:你好|您好|嗨(?!一点|点)|哈喽|哈罗|在吗)");
  private static final Pattern THANKS = Pattern.compile(
      "^(?:(?:lol|lmao|haha+|hehe|omg|wow|oh|ok|okay)\\s+|(?:好了|好的|好|行|嗯)\\s*)?(?:(?:(?:that'?s|it'?s|this is|so|looks)\\s+)?(?:thanks?|thank you|thx|ty|tysm|cheers|great|awesome|perfect|nice one|nice|cool|love it|looks good|good job|well done|amazing|(?:that'?s|thats|it'?s|its) (?:way |so |much |a lot )?better|much better|(?:ur|your|you'?re|youre) (?:a |the )?(?:lifesaver|life saver|best|legend|goat)|lifesaver|legend)\\s*"
          + "(?:so much|a lot|very much|again|man|buddy|mate)?\\s*)+$|谢谢|谢啦|谢了|多谢|感谢|太好了|很好|挺好|不错|真棒|太棒|好棒|辛苦了|^(?:thx|ty)\\b");
  private static final Pattern ABILITIES = Pattern.compile(
      "what (?:can|could|else can) (?:you|i) (?:do|say)|what do you do|how does (?:this|it) work|how do i use|what are you"
          + "|who are you|who made you|what is this|what are you|^help\\b|what can you|你是谁|你是什么|你会(?:做)?什么|(?:可以|能)帮我(?:做|干)什么|你(?:都|还)?(?:能|会|可以)(?:做|干)?(?:些)?(?:什么|啥|嘛)|怎么用|能做什么|有什么功能|帮助");
  private static final Pattern LENGTH = Pattern.compile(
      "how long|how many clips|what'?s the (?:(?:best|right|ideal|max|maximum|usual|good)\\s+)?(?:length|duration)|what is the (?:(?:best|right|ideal|max|maximum|usual|good)\\s+)?(?:length|duration)|how many s|多长|多久|时长|几秒|多少秒|几段|几个(?:片段|视频)|多少(?:段|个片段|个视频)");
  /** "did you get my clips?", "收到了吗": whether the files arrived. */
  private static final Pattern RECEIVED = Pattern.compile(
      "\\b(?:did|have) you (?:get|got|receive)\\b|\\bgot my\\b.*\\?|\\bdid (?:it|they|my \\w+|the \\w+) (?:come through|arrive|upload)"
          + "|收到(?:了)?(?:吗|没有?|嘛)|传上去了?(?:吗|没有?)|上传成功了?(?:吗|没有?)");
  private static final Pattern TIMELINE = Pattern.compile(
      "what'?s on the timeline|what is on the timeline|show (?:me )?(?:the )?timeline|what do i have|what have we got"
          + "|current (?:state|timeline)|where are we|(?:what|which) clips|list (?:the |my |all )?clips|what(?:'s| is) in (?:the|my) video"
          + "|\\bnames? of (?:the |my )?clips\\b|\\bclip names\\b|what are (?:the |my )?clips called"
          + "|有哪些(?:片段|视频|素材)|哪些片段|时间线上有什么|现在是什么样|看看时间线|现在有什么|时间线");
  /** "what does it look like now", "现在效果怎么样": the timeline in words, and the free look to see it. */
  private static final Pattern LOOKS = Pattern.compile(
      "^(?:so\\s+|ok\\s+|and\\s+)?(?:what does (?:it|this|the video|my video|everything) look like|how does (?:it|this|the video) look)(?:\\s+(?:now|so far))?\\s*\\??$"
          + "|^(?:现在|目前)?(?:是)?(?:什么样子?|啥样)(?:了|的)?(?:呢)?\\s*[?？]?$|^(?:现在)?(?:的)?效果(?:怎么样|如何)(?:了|呢)?\\s*[?？]?$");
  private static final Pattern THANKED = Pattern.compile("thank|thx|\\bty\\b|tysm|cheers|lifesaver|life saver|谢|辛苦了");
  /** "looks nice", "i love this song", "这首歌不错": nothing to change, and glad. */
  private static final Pattern PRAISE = Pattern.compile(
      "\\b(?:looks?|sounds?|is|are|'s)\\s+(?:so |really |very |pretty |super )?(?:nice|good|great|cool|amazing|awesome|perfect|beautiful|lovely|fine|sick|fire|dope|lit|sweet|legit|clean|fantastic|wonderful)\\b"
          + "|^i (?:really |just )?(?:love|like)\\b|^(?:(?:really|totally|absolutely|honestly|omg|wow)\\s+)?(?:love|loving|liking|digging|adore)\\s+(?:it|this|that|the)\\b"
          + "|\\b(?:looks?|sounds?|is|it'?s|its)\\s+(?:way|much|so much|a lot|loads)\\s+better\\b|\\bhow did (?:you|u) do (?:that|this|it)\\b"
          + "|(?<![不没最])(?:好看|好听(?!的部分|的那段|那段)|漂亮|真棒|很棒|喜欢)|怎么做到的"
          // "太感人了吧": an exclamation about the video, not a wish for more of it
          + "|^(?:哇|天哪|我的天)?\\s*(?:\\p{IsHan}{1,4}?)?(?:太|好|真|超)(?:感人|好看|漂亮|美|帅|可爱|棒|好哭|催泪|绝|燃|酷|激动|嗨|震撼|怀念)了?(?:吧|啊|呀|叭)?[!！~]*$"
          + "|\\b(?:that'?s|thats|it'?s|its) (?:exactly |just )?what (?:i|we|he|she|they|the \\w+|my \\w+) (?:wanted|needed|asked for|meant|had in mind)\\b");
  /** An edit word: a clause with one is an instruction, whatever else it says. */
  private static final Pattern EDIT_WORD = Pattern.compile(
      "(?<!clip )\\d|\\b(?:but|make|put|add|set|turn|change|more|less|louder|quieter|bigger|smaller|remove|cut|use|move|can you|could you)\\b"
          + "|但|改|加|调|换|去掉|删|放到|剪");
  private static final Pattern OK = Pattern.compile("^(?:ok|okay|k|got it|alright|all right|sure|好的?|行|可以|嗯+|收到|明白|还行|还可以|凑合|懂|知道|了解)了?$");
  private static final Pattern ONE_CLIP = Pattern.compile("clip (\\d+)");
  /** "what should i send", "我应该发什么给你": what the studio takes, and what it has. */
  private static final Pattern WHAT_TO_SEND = Pattern.compile(
      "\\bwhat (?:should|do|can|shall|else (?:should|do|can)) i (?:send|upload|give you|share)\\b|\\bwhat (?:to|do you need me to) send\\b|^what do you need(?: from me)?\\b"
          + "|(?:要|该|应该|需要|可以|还)?(?:发|传|上传)(?:些)?什么|给你发什么");
  /** "can i change it later?", "以后还能改吗": yes, the timeline stays. */
  private static final Pattern LATER = Pattern.compile(
      "^(?:and |so )?(?:can|could) i (?:still )?(?:change|edit|fix|undo) (?:it |this |that |things |stuff )?(?:later|afterwards|after)\\b|(?:以后|之后|后面|待会儿?)(?:还|也)?(?:能|可以)(?:再)?(?:改|修改)");
  /** "这样可以吗", "does it look ok?", "what do you think": how it stands, and what comes next. */
  private static final Pattern OPINION = Pattern.compile(
      "^(?:is (?:it|this|that) (?:ok|okay|good|fine|alright)|does (?:it|this) look (?:ok|okay|good|fine|alright)|how does (?:it|this) look|what do you think|do (?:you|u) think)\\b"
          + "|^(?:这样|现在)[^，。,]{0,10}吗\\s*[?？]?$|^(?:这样|现在)(?:可以|行|好|ok|还行)吗|^(?:可以|行)吗$|^(?:这样|现在)?怎么样$|^好看吗$");
  /** "what now", "what's next", "接下来呢": where it stands and what can come next. */
  private static final Pattern NEXT = Pattern.compile(
      "^(?:so |ok |okay |and )?(?:what now|now what|and(?=\\s*\\?\\s*$)|what next|what'?s next|what do i do now|what should i do (?:now|next))\\b|^(?:idk|i don'?t know|not sure|dunno)\\s+what\\s+(?:to do|i should do|else to do|to change)\\b|^(?:接下来|然后|下一步)(?:呢|干嘛|做什么|怎么办|该干嘛)");
  /** "感觉bgm有点土", "the song is kinda boring": a dislike of the track, which only another track mends. */
  private static final Pattern DISLIKED_MUSIC = Pattern.compile(
      "(?:music|song)\\s*(?:有点|有些|好|很|真|太)?\\s*(?:土|难听|俗气?|一般般?|不好听|无聊|没感觉)"
          + "|\\b(?:music|song)\\s+(?:is|sounds?)\\s+(?:kinda |kind of |so |a bit |really |pretty )?(?:boring|bad|cringe|lame|meh|corny|cheesy|mid|ugly)\\b");
  private static final Pattern WHICH_MUSIC = Pattern.compile(
      "(?:what|which) (?:music|song)\\b|什么 ?(?:music|song)|哪首|(?:music|song)(?:'s| is)? (?:called|named|name)\\b|name of (?:the )?(?:music|song)"
          + "|(?:music|song)\\s*(?:叫|是)(?:什么|啥)|(?:music|song)\\s*的?\\s*名字");
  /** "wait", "hmm", "let me think", "等一下": nothing yet, and no need to say so is not understood. */
  private static final Pattern HOLD = Pattern.compile(
      "^(?:wait|hold on|one sec(?:ond)?|1s|hang on|hmm+|h+m+|umm*|uh+|let me (?:think|see|check)|give me a (?:sec|second|minute|moment)|brb|no (?:rush|hurry)(?: (?:btw|at all|tho|though))?|take your time)(?:\\s+(?:a (?:sec|second|bit|minute|moment)|please))?\\s*[.!]*$"
          + "|^(?:等一?下|等等|稍等|等会儿?|我(?:再)?想想|让我想想|考虑一下|我考虑一下|我再看看|嗯+|呃+|不急|不用急|不着急|慢慢来)[.!。！]*$"
          + "|^(?:(?:hmm+|umm*|uh+|well)\\s+)?(?:not sure|i'?m not sure|idk|dunno|i don'?t know|still thinking|let me think about it)(?:\\s+(?:yet|about (?:that|it|this|the \\w+|\\w+)|what (?:i want|to do|to change)|tbh|honestly|lol))*\\s*[.!]*$"
          + "|^i'?ll (?:change|edit|fix|do) (?:it|that|the rest)? ?later\\b|^(?:我)?(?:一会儿?|待会儿?|等会儿?|过会儿?|晚点)(?:再)?(?:改|看|弄|说)"
          + "|^(?:我)?(?:还)?(?:没想好|在想|不确定|拿不准)"
          + "|^(?:(?:ok|okay|hmm+|alright)\\s*,?\\s+)?(?:i'?m|im|i am|i'?ll|ill|i will)\\s+(?:gonna\\s+|going to\\s+)?(?:think about it|think it over|sleep on it|decide later)\\b"
          + "|^(?:(?:ok|okay|alright)\\s*,?\\s+)?(?:i'?ll|ill|i will|gonna|i'?m gonna|im gonna)\\s+(?:send|upload|find|get)\\s+(?:you\\s+)?(?:one|it|a song|a track|the song|the music|them|more|some)\\b.{0,20}\\blater\\b");
  /**
   * "what's the bpm", "这首歌多少bpm": music made here says its tempo in its name; other music's is
   * heard by the beat instruction when there is one, else say how to hear it.
   */
  private static final Pattern TEMPO = Pattern.compile(
      "what(?:'s|s| is)? the (?:bpm|tempo)|what tempo|tempo of the (?:song|music|track)|how (?:fast|many bpm) is|\\bbpm\\s*\\?|多少\\s*bpm|bpm\\s*(?:是)?多少|速度是多少|多少拍每分钟|节奏(?:是)?多少|节奏有?多快");
  private static final Pattern NAMED_TEMPO = Pattern.compile("(\\d{2,3})\\s*BPM");
  /** "who made this song", "这首歌是谁唱的": who made the music, as far as the studio knows. */
  private static final Pattern MADE_BY = Pattern.compile(
      "\\bwho(?:'s| is)? (?:made|makes|sings?|sang|wrote|produced|composed|the (?:artist|singer|composer))\\b.{0,20}?\\b(?:music|song|track|it|this|that)\\b(?!\\s+(?:video|clip|photo|edit|app|bot))"
          + "|\\bdid (?:you|u) (?:make|compose|write|produce) (?:(?:this|the|that) )?(?:music|song|track|beat)\\b"
          + "|\\bwho(?:'s| is) the (?:artist|singer|composer)\\b|\\b(?:music|song)\\s+(?:is\\s+)?by who\\b"
          + "|(?:music|song)[^，。?？]{0,6}?(?:谁唱|谁的|谁写|谁做|作者|歌手|原唱)|谁唱的|是谁的歌");
  /** "what key is the song in", "这首歌什么调": a key this studio does not hear. */
  private static final Pattern KEY = Pattern.compile("\\bwhat key\\b|\\b(?:music|song)(?:'s| is)? key\\b|什么调|调(?:是|式)(?:什么|多少)|哪个调");
  /**
   * "its for my dads birthday", "这是给我姐婚礼用的": what the video is for, which is worth an
   * answer: what can set its mood. Beside a request it is why the request was made.
   */
  private static final Pattern PURPOSE = Pattern.compile(
      "\\b(?:it'?s|its|this is|this'?s|thiss|the video is|this video is|it is|video is|making (?:it|this))\\s+(?:gonna be |going to be |meant |made |a gift |a present )?(?:for|4)\\s+(?:my|our|his|her|their)\\b"
          + "|\\bfor my \\w+'?s? (?:birthday|bday|wedding|anniversary|graduation|funeral|memorial|retirement|party|\\d+(?:st|nd|rd|th))\\b"
          + "|(?:是|这是|这个是)?给(?:我|我们)的?[\\p{IsHan}a-z ]{1,10}?(?:用|看|放|做|剪|准备)的|(?:是|这是|这个是)给[\\p{IsHan}a-z ]{1,8}?(?:用|看|放|做|剪|准备)的"
          // "这是看房视频", "this is a house tour video": what the video is
          + "|^(?:这是|这个是)(?:一个|个)?[\\p{IsHan}a-z ]{1,8}?(?:视频|video|vlog)$|^(?:this|it)(?:'s| is) (?:a|an|for a|for an) [a-z' ]{1,30}?(?:video|tour|vlog|reel|ad|promo|edit)$|给(?:我|我们)的?[\\p{IsHan}a-z ]{0,6}?(?:生日|婚礼|毕业|纪念日|wedding|birthday)|(?:婚礼|生日|毕业|纪念日|wedding|birthday)(?:上)?(?:用的|要放的|的视频)"
          // "i want to make a video of our trip", "我想做一个毕业旅行的视频": what the video will be, no change named
          + "|^(?:(?:hi|hey|hello|so|ok|okay|um+)\\s*,?\\s+)*i(?:'m| am)? (?:want(?:ing)? to|wanna|need to|'d like to|would like to|trying to|going to|gonna) (?:make|create|edit|do) (?:a|an|my|our) [a-z0-9' ]{0,40}?(?:video|edit|montage|vlog|reel|tiktok)(?:\\s+(?:for|of|about|from|with)\\b[^?]*)?$"
          + "|^(?:你好|hi|hello)?\\s*我(?:想|要|打算|准备)(?:做|剪|弄)(?:[一1](?:个|条|段)|个|条)?[\\p{IsHan}a-z ]{0,14}?(?:视频|video|vlog|短片)$");
  private static final Pattern OCCASION = Pattern.compile(
      "\\b(birthday|bday|wedding|anniversary|graduation|funeral|memorial|retirement|party|\\d+(?:st|nd|rd|th))\\b|(生日|婚礼|毕业|纪念日|结婚|大寿)");
  /** "he loves the beach", "我妹看到肯定要哭": about the people the video is for. */
  private static final Pattern ABOUT_THEM = Pattern.compile(
      "^(?:lol |omg |haha+ )?(?:he|she|they|mom|mum|dad|my (?:sister|brother|mom|mum|dad|grandma|grandpa|wife|husband|gf|bf))\\b(?:'s|'ll| is| was| will| loves?| loved| likes?| liked| used to| always| never| gonna| going to)\\b"
          + "|^(?:哈+\\s*)?(?:他|她|他们|我(?:妹|姐|哥|弟|爸|妈|奶奶|爷爷|外婆|外公|老婆|老公))(?:妹|姐)?.{0,8}(?:喜欢|爱|哭|笑|开心|高兴|感动)");

  /** "can i use this music on youtube", "这个音乐可以商用吗": a question about rights, not a request. */
  static final Pattern RIGHTS = Pattern.compile(
      "^(?:can|may|could) i (?:use|post|upload|publish) (?:(?:this|the|that|my) )?(?:music|song|track)\\b|copyright|royalty|可以商用|能商用|版权");
  /** "which clip is first": the clips by name. */
  private static final Pattern WHICH_CLIP = Pattern.compile("^(?:which|what) (?:clip|video|one) (?:is|comes|plays) (?:first|last|next|second)\\b|哪(?:个|段)(?:片段|视频)?(?:在)?(?:最前面|第一个|最后)");
  /** "make me a preview", "let me see it first", "预览一下": the bot shows it; the agent says how. */
  private static final Pattern PREVIEW = Pattern.compile(
      "^(?:can you |could you |please )?(?:make|give|show|send|do)\\s+(?:me\\s+|us\\s+)?(?:a\\s+)?(?:quick\\s+)?preview|^(?:quick\\s+)?preview\\s*(?:it|this|please)?$"
          + "|^(?:let me|can i|lemme) (?:see|watch|check) (?:it|this|the video|how it looks)|^show me (?:it|the video|how it looks)"
          + "|预览|先看看|看看效果|让我看看|给我看看|我想看看");
  /** "no thanks", "nah its fine", "算了": nothing to change. */
  private static final Pattern DECLINE = Pattern.compile(
      "^(?:(?:ok|okay|alright|oh|hmm+|never ?mind|nvm|no+)\\s*,?\\s+)*(?:no thanks?|(?:i )?(?:don'?t|do not) (?:want|need) (?:any )?changes?|no changes?(?: needed)?|no thank you|nah|nope|never ?mind|nvm|forget it|no need|that'?s all|all good|it'?s fine|its fine|nah it'?s fine|nah its fine|it'?s ok(?:ay)?"
          // "that's fine now", "leave it", "leave it like that": what is there stays
          + "|(?:that'?s|it'?s|its) (?:fine|ok|okay|good|better|alright)(?: now)?|(?:leave|keep) it(?: (?:like that|as is|as it is|that way|there|be|then))?"
          + "|leave (?:them|(?:the )?(?:music|song|clips?|title|text|order|video))(?: (?:alone|as is|as it is|like that|be|then))?)"
          // "its fine leave the music": what is there stays, named
          + "(?:\\s+leave (?:it|them|(?:the )?(?:music|song|clips?|title|text|order|video))(?: (?:alone|as is|as it is|like that|be))?)?\\b(?:\\s+(?:it'?s|its) (?:fine|ok|okay|good))?[\\s.!]*$"
          + "|^(?:那|那就|哦|好吧|嗯)?\\s*(?:算了|不用了|不需要了|没事了?|(?:先|就)这样吧?|不改了|不用改了|不加了|不用加了)");
  /** "what does sync to the beat do", "what is a montage": a question about a word, not a request. */
  private static final Pattern WHAT_DOES = Pattern.compile("^(?:what|how) (?:does|do|would|will) .+ (?:do|mean|work)\\b|^how (?:do|can|should) i (?!export|render|download|save|get the video)|^what(?:'s| is) (?:a |an )?(?:montage|ducking|loudness|sync|beat ?sync)\\b|是什么意思|什么意思"
      + "|\\bwhat(?:'s| is) the difference\\b|\\bdifference between\\b|有什么(?:区别|不同)|什么区别|区别是什么");
  private static final Pattern DIFFERENCE = Pattern.compile("\\bdifference\\b|区别|不同");
  private static final Pattern SHAPES = Pattern.compile("\\d+x\\d+|vertical|horizontal|square|portrait|landscape|reels?|shorts|tiktok|youtube|instagram|stor(?:y|ies)|竖屏|横屏|方形|抖音");

  /** "the photo is blurry", "照片有点模糊": how it looks, which no edit here mends. */
  private static final Pattern BLURRY = Pattern.compile(
      "\\b(?:photos?|pictures?|clip \\d+|it|video|image|footage)\\s+(?:is|are|looks?|seems?)\\s+(?:so |too |a bit |a little |really |very |kinda |kind of )?(?:blurry|blurred|out of focus|grainy|pixelated|fuzzy)\\b"
          + "|(?:photos?|clip \\d+|视频|画面)\\s*(?:有点|很|太|好|比较|有些)\\s*(?:模糊|糊)|拍(?:得)?(?:有点|很|太|好)?糊");

  /** "this looks worse than before", "感觉怪怪的": a dislike that names no change; the answer says how to go back. */
  private static final Pattern DISLIKE = Pattern.compile(
      "^(?:(?:hmm+|ugh+|meh|honestly|tbh|idk|dunno|i don't know|not sure|lol|so|but)\\s+)*(?:it|this|that|the video|(?:the )?(?:title|text|music|song))\\s+(?:looks?|sounds?|is|seems?)\\s+(?:so |kinda |a bit |really )?(?:worse|bad|weird|off|strange|wrong|ugly)\\b(?:\\s+(?:than before|now))?\\s*[.!]*$"
          + "|^(?:(?:e+m+|嗯+|呃+|额+|唔+|emm+)\\s*)?(?:感觉|好像|看着)?(?:有点|有些)?(?:怪怪的|怪|奇怪|不太对|变差了|不如之前|没之前好)[.!。！了]*$");

  /** "combine these 2 videos into one", "帮我把这两个视频剪成一个": the timeline is one video of them all already. */
  private static final Pattern JOIN = Pattern.compile(
      "\\b(?:combine|merge|join|stitch|put|glue|mix|edit|make)\\s+(?:(?:all|both)\\s+(?:of\\s+)?)?(?:these|the|my|them|those|this|all)?\\s*(?:\\d+\\s+|two\\s+|all\\s+)?(?:videos?|clips?|them|vids|footage|together)?\\s*(?:together\\s+)?(?:in|into)\\s+(?:one|1|a single)(?:\\s+(?:video|clip|vid|file))?\\b"
          + "|\\b(?:combine|merge|join|stitch|glue)\\s+(?:(?:all|both)\\s+(?:of\\s+)?)?(?:these|the|my|them|those)?\\s*(?:\\d+\\s+|two\\s+|all\\s+)?(?:videos?|clips?|vids|footage|them)(?:\\s+together)?\\s*$"
          + "|\\bput\\s+(?:them|the clips|the videos|these|all (?:the )?(?:clips|videos))\\s+together\\s*$"
          + "|(?:把)?(?:这|那)?(?:几|两|\\d)?(?:个|段|条)?\\s*(?:视频|片段|clips?|videos?)\\s*(?:剪|拼|合|连|接)(?:成|在|到)\\s*(?:[一1]\\s*(?:个|段|条)|一起)(?:视频|video)?"
          + "|(?:合成|拼成|剪成|拼接成|连成)\\s*[一1]\\s*(?:个|段|条)(?:视频|video)?|(?:合并|拼接)(?:这|那)?(?:几|两|\\d)?(?:个|段|条)?(?:视频|片段|video|clips?)");
  /**
   * "can you also do photos?", "can i add a floor plan later?", "照片能不能也加进来", "lemme send the other
   * clips first": more files are welcome at any time; they join the end of the timeline.
   */
  private static final Pattern MORE_MEDIA = Pattern.compile(
      "\\b(?:can|could) (?:you|u|i|we) (?:also |still )?(?:do|use|add|put in|include|send|upload)\\s+(?:some |more |a |the |my |other )?(?:photos?|pictures?|pics|images|stills|more clips|other clips|more videos|floor ?plans?)\\b"
          + "|^(?:(?:ok|okay|wait|hold on|hmm+)\\s*,?\\s+)*(?:lemme|let me|i'?ll|i will|i'?m gonna|i am going to|gonna)\\s+(?:send|upload|add|get)\\s+(?:you\\s+)?(?:the |my |some |a few )?(?:other|more|rest of the|last|remaining)\\b"
          + "|(?:照片|图片|视频|片段|photos?)\\s*(?:能不能|可不可以|可以|能)\\s*(?:也)?\\s*(?:加|放|用)(?:进来|进去|上)?(?:吗)?|(?:能不能|可不可以|可以|能)\\s*(?:也)?\\s*(?:加|放|用)\\s*(?:照片|图片)|我(?:先|再|等下|待会)?(?:再)?(?:发|传)(?:几|一些|别的|其他)");
  /** "what songs do u have", "有什么歌": the tracks at hand, and whether music can be made. */
  private static final Pattern SONGS_AT_HAND = Pattern.compile(
      "\\bwhat (?:songs|music|tracks|kind of music|music options)\\s+(?:do|can|have) (?:you|u)\\b|\\b(?:do|can) (?:you|u) have (?:any )?(?:songs|music|tracks)\\b|有(?:什么|哪些)(?:歌|音乐|曲子)|(?:歌|音乐)\\s*有(?:什么|哪些)");
  /** "which of the two songs is better for a vlog", "哪首更合适": a taste the studio leaves to the person, with how to try each. */
  private static final Pattern BETTER_SONG = Pattern.compile(
      "\\bwhich (?:of (?:the|these|my|them) )?(?:two |2 |both )?(?:songs?|tracks?|music)\\s*(?:is|would be|sounds|fits|works)\\s+(?:better|best)\\b"
          + "|\\bwhich (?:of (?:the|these|my) )?(?:two |2 )?(?:songs|tracks)\\b.{0,30}\\b(?:better|best|fits?)\\b|哪首(?:歌|音乐)?(?:更|比较|最)(?:好|合适|适合|好听)");

  /** "what's a fade", "淡入是什么意思": a word of editing, explained. */
  private static final Pattern TERM = Pattern.compile(
      "^(?:(?:so|and|ok|okay|um+|hmm+|sorry)\\s*,?\\s+)*(?:what(?:'s|s| is| does) (?:a |an )?|what do (?:you|u) mean by (?:a |an |the )?)(crossfade|cross fade|transition|fade[ -]?in|fade[ -]?out|fade|ducking|duck|montage|loop|aspect ratio)(?:\\s+mean)?\\s*\\??$"
          + "|^(?:(?:so|and|ok|okay|um+|hmm+)\\s*,?\\s+)*(?:what(?:'s|s| is)? (?:a |an )?)?(crossfade|cross fade|transition|fade[ -]?in|fade[ -]?out|fade|ducking|montage|aspect ratio)\\s*\\?$"
          + "|^什么是(转场|淡入淡出|淡入|淡出|闪避|卡点|循环|比例)\\s*[?？]?$|^(转场|淡入淡出|淡入|淡出|闪避|卡点|循环|比例)(?:是什么意思|是什么|什么意思|是啥)\\s*[?？]?$");
  /** "how do i send it to my husband", "怎么发给朋友": the export gives the file and a link. */
  private static final Pattern SHARE = Pattern.compile(
      "^(?:(?:so|and|ok|okay|um+|hmm+)\\s*,?\\s+)*how (?:do|can|should|would) (?:i|we) (?:send|share|post|upload|give|get|forward|put)\\b.{0,40}\\b(?:to|on|with|onto)\\b"
          + "|^(?:(?:so|and|ok|okay)\\s+)*how (?:do|can|should) (?:i|we) (?:send|share|post|save|keep|download)\\s+(?:it|this|the video)\\b"
          + "|\\b(?:send|email|mail) (?:it|this|the video|me the video) to (?:my|me|her|his|their) (?:email|e-mail|mail|phone|whatsapp)\\b"
          + "|怎么(?:发给|分享|发到|转发|保存|下载|发朋友圈)|如何(?:分享|保存|发给)");
  /**
   * "can u make it nicer", "make it hit harder", "弄得好看一点": better by how it feels, which names
   * no change; what usually helps is said, nothing is changed.
   */
  private static final Pattern NICER = Pattern.compile(
      "\\b(?:make|can you make|could you make|can u make|get)\\s+(?:it|this|the video|the edit|the whole thing|everything)\\s+(?:look\\s+|feel\\s+|a bit\\s+|a little\\s+|way\\s+|more\\s+|much\\s+)*"
          + "(?:nicer|better|prettier|cooler|good|great|nice|fancier|professional|pro|cinematic|aesthetic|interesting|fun|engaging|hit harder|go harder|slap|hit)\\b(?!\\s+(?:music|song|track|title|text))"
          + "|\\b(?:improve|enhance|polish|spice up|jazz up|level up)\\s+(?:it|this|the video|the edit)(?:\\s+up)?\\b|\\bspice it up\\b|\\bmake it hit harder\\b"
          + "|^(?:(?:can you|could you|can u|pls|please)\\s+)?(?:make it\\s+)?(?:hit|go) harder\\b"
          + "|(?:弄|做|剪|改)(?:得)?(?:更)?(?:好看|高级|精致|有感觉)(?:一点|一些|点)?|(?:再|更)?(?:好看|高级|精致)(?:一点|一些|点)(?:吧)?$|优化一下|美化一下");

  @Override
  public Optional<Edit> apply(Turn turn, Draft draft) {
    boolean zh = turn.chinese();
    if (turn.match(JOIN) != null) return Optional.of(joined(draft));
    if (turn.match(SHARE) != null) {
      return Optional.of(Edit.answer(draft, "Send /export: you get the finished video as a file and a link, which you can forward to anyone.",
          "发 /export 导出：你会收到成片文件和一个链接，直接转发给别人就行。"));
    }
    if (turn.match(NICER) != null) return Optional.of(nicer(draft));
    if (turn.match(DISLIKE) != null) {
      return Optional.of(Edit.answer(draft, "Tell me what to change, or say \"undo\" to go back to how it was before the last change.",
          "想改哪里告诉我，或者说“撤销”回到上一次修改之前。"));
    }
    if (!turn.has(ClipTrim.REMOVE_IT) && turn.match(BLURRY) != null) {
      return Optional.of(Edit.question(draft, "I can't make a blurry picture sharp. If you have a sharper one, send it and I'll put it in.",
          "我没法让模糊的画面变清晰；有更清晰的可以发来，我帮你换上。"));
    }
    if (turn.has(DIFFERENCE) && turn.has(SHAPES)) {
      turn.match(DIFFERENCE);
      return Optional.of(Edit.question(draft,
          "9:16 is vertical (TikTok, Reels, Shorts), 16:9 is horizontal (YouTube), 1:1 is square (an Instagram post). Say which you want, e.g. \"make it vertical\".",
          "9:16 是竖屏（抖音、快手、小红书），16:9 是横屏（B站、YouTube），1:1 是方形（朋友圈）。想要哪种就说，比如“改成竖屏”。"));
    }
    if (turn.match(WHAT_TO_SEND) != null) return Optional.of(whatToSend(draft));
    if (turn.match(MORE_MEDIA) != null) {
      return Optional.of(Edit.answer(draft, "Yes: send more clips or photos any time, they go at the end of the timeline (a photo shows for 3 s). Then tell me where they should go.",
          "可以，随时再发视频或照片，它们会接在时间线最后（照片显示 3 秒），然后告诉我放在哪里。"));
    }
    if (turn.match(SONGS_AT_HAND) != null) return Optional.of(songsAtHand(turn, draft));
    if (turn.match(BETTER_SONG) != null) return Optional.of(betterSong(turn, draft));
    Matcher term = turn.match(TERM);
    if (term != null) return Optional.of(Terms.explain(first(term), draft));
    if (turn.match(LATER) != null) {
      return Optional.of(Edit.answer(draft, "Yes: the timeline stays as it is, tell me what to change any time.", "可以，时间线会一直保留，随时告诉我要改什么。"));
    }
    if (turn.match(DISLIKED_MUSIC) != null) {
      return Optional.of(Edit.answer(draft, "Send me another track and I'll put it in instead.", "想换音乐就发一首新的给我，我帮你换上。").as(Edit.Aside.ANOTHER_TRACK));
    }
    if (turn.match(NEXT) != null) return Optional.of(next(turn, draft));
    if (turn.match(OPINION) != null) {
      return Optional.of(Edit.answer(draft, TimelineLine.of(draft, false) + "\nTell me what to change, send /preview for a free 360p look, or /export when you like it.",
          TimelineLine.of(draft, true) + "\n想改哪里告诉我，发 /preview 免费看 360p 预览，满意了就发 /export。"));
    }
    if (turn.match(ABILITIES) != null) return Optional.of(Edit.answer(draft, Replies.capabilities(false), Replies.capabilities(true)));
    if (turn.match(LENGTH) != null) {
      var one = ONE_CLIP.matcher(turn.whole());
      if (one.find() && turn.whole().indexOf("clip ", one.end()) < 0) { // "how long is the sunset clip"
        int n = Integer.parseInt(one.group(1));
        if (n >= 1 && n <= draft.clips().size()) {
          var c = draft.clips().get(n - 1);
          return Optional.of(Edit.answer(draft, "Clip " + n + " (" + c.name() + ") is " + Words.secs(c.durationMs()) + " long.",
              "第 " + n + " 段（" + c.name() + "）长 " + Words.zhSecs(c.durationMs()) + "。"));
        }
      }
      return Optional.of(Edit.answer(draft,
          draft.clips().isEmpty() ? "The timeline is empty: send your clips first."
              : "The video is " + Words.secs(draft.durationMs()) + " long (" + draft.clips().size() + (draft.clips().size() == 1 ? " clip)." : " clips)."),
          draft.clips().isEmpty() ? "时间线还是空的：请先发送视频。" : "视频长 " + Words.zhSecs(draft.durationMs()) + "（" + draft.clips().size() + " 个片段）。"));
    }
    if (turn.match(WHICH_MUSIC) != null && (turn.text().contains("?") || turn.text().matches("(?s).*\\b(?:is|playing|using|called|named|name)\\b.*|.*(?:什么|哪|名字).*"))) {
      var m = draft.music();
      return Optional.of(Edit.answer(draft,
          m == null ? "There is no music yet." : "The music is '" + m.name() + "' at " + Words.percent(m.volume()) + ".",
          m == null ? "还没有背景音乐。" : "背景音乐是「" + m.name() + "」，音量 " + Words.percent(m.volume()) + "。"));
    }
    if (turn.match(RIGHTS) != null) return Optional.of(rights(turn, draft));
    if (turn.match(MADE_BY) != null) return Optional.of(madeBy(turn, draft));
    if (turn.match(KEY) != null) {
      return Optional.of(Edit.answer(draft, "I can't tell a song's key. I can tell its tempo: ask \"what's the bpm?\"",
          "我听不出歌的调，但能告诉你节拍速度：问“多少bpm”。"));
    }
    if (turn.has(PURPOSE)) return Optional.of(purpose(turn, draft));
    if (turn.match(ABOUT_THEM) != null) return Optional.of(Edit.answer(draft, "Aw! Tell me if you want anything changed for them.", "真好！想为他们改哪里随时告诉我。"));
    if (turn.has(TEMPO)) {
      Matcher named = draft.music() == null ? null : NAMED_TEMPO.matcher(draft.music().name());
      if (named != null && named.find()) {
        turn.match(TEMPO);
        // said once: the name without its tempo, then the tempo; the beat reading, which would say it again, is not asked
        String name = draft.music().name().replaceFirst("\\.[a-z0-9]{2,4}$", "").replaceFirst("\\s*[,，]\\s*\\d{2,3}\\s*BPM$", "");
        return Optional.of(Edit.question(draft, "The music '" + name + "' is " + named.group(1) + " BPM: it was written in that tempo.",
            "背景音乐「" + name + "」是 " + named.group(1) + " BPM，按这个速度写的。"));
      }
      if (turn.montages()) return Optional.empty(); // the beat instruction hears it
      turn.match(TEMPO);
      return Optional.of(Edit.question(draft, "I hear the tempo when I sync: say \"sync it to the cuts\" and I'll tell you its BPM and how many cuts land on a beat.",
          "卡点的时候我会听出节拍：说“卡点”，我会告诉你 BPM 和有多少剪辑点卡在节拍上。"));
    }
    if (turn.match(WHAT_DOES) != null) return Optional.of(Edit.question(draft, Replies.capabilities(false), Replies.capabilities(true)));
    if (turn.match(LOOKS) != null) {
      return Optional.of(Edit.answer(draft,
          TimelineLine.of(draft, false) + clips(draft, false) + "\nTo see it, send /preview: a free 360p look.",
          TimelineLine.of(draft, true) + clips(draft, true) + "\n想看画面就发 /preview：免费的 360p 预览。"));
    }
    if (turn.match(RECEIVED) != null) return Optional.of(received(turn, draft));
    if (turn.match(TIMELINE) != null || turn.match(WHICH_CLIP) != null) {
      return Optional.of(Edit.answer(draft, TimelineLine.of(draft, false) + clips(draft, false), TimelineLine.of(draft, true) + clips(draft, true)));
    }
    if (turn.match(HELLO) != null) {
      return Optional.of(draft.clips().isEmpty()
          ? Edit.answer(draft, "Hi! Send clips (and a track if you like), then tell me what to do.", "你好！发来视频（想要的话再加一首音乐），然后告诉我怎么剪。")
          : Edit.answer(draft, "Hi!", "你好！"));
    }
    if (turn.has(THANKS) && turn.has(THANKED)) {
      turn.match(THANKS);
      return Optional.of(Edit.answer(draft, "You're welcome!", "不客气！"));
    }
    if (turn.has(THANKS) || !turn.has(EDIT_WORD) && turn.has(PRAISE)) { // "looks good", "perfect!!", "不错"
      turn.match(turn.has(THANKS) ? THANKS : PRAISE);
      return Optional.of(draft.clips().isEmpty()
          ? Edit.answer(draft, "Glad you like it! Tell me if you want anything changed.", "喜欢就好！想改哪里随时告诉我。")
          : Edit.answer(draft, "Glad you like it!" + EXPORT_HINT_EN, "喜欢就好！" + EXPORT_HINT_ZH));
    }
    if (turn.match(PREVIEW) != null) {
      return Optional.of(Edit.answer(draft, "For a quick look send /preview; for the finished video, /export.",
          "想先看看效果就发 /preview，要成片就发 /export。"));
    }
    if (turn.match(DECLINE) != null) return Optional.of(Edit.answer(draft, "OK, I'll leave it as it is.", "好的，保持现在这样。"));
    if (turn.match(HOLD) != null) return Optional.of(Edit.answer(draft, "Sure, take your time.", "好的，不急，想好了告诉我。"));
    if (turn.match(OK) != null) return Optional.of(Edit.answer(draft, "OK! Tell me what to change next, or /export.", "好的！接下来想改什么，或者 /export 导出。"));
    return Optional.empty();
  }

  /**
   * "the music is kinda cheesy, something more chill?": the offer of another track, which music
   * made or changed in the same message answers instead.
   */
  static boolean offersAnotherTrack(Edit e) {
    return e.is(Edit.Aside.ANOTHER_TRACK);
  }

  /** Joining the clips into one video is what the timeline is; beside another request the request is the answer. */
  private static Edit joined(Draft draft) {
    int n = draft.clips().size();
    if (n < 2) return Edit.answer(draft, "Send the clips and I'll put them into one video, one after another.", "把片段发给我，我会把它们按顺序接成一个视频。");
    return Edit.answer(draft, "They're one video already: the clips play one after another. Tell me what to change, or /export.",
        "它们已经是一个视频了：片段按顺序一个接一个播放。想改哪里告诉我，或者 /export 导出。").as(Edit.Aside.JOINED);
  }

  /** An answer that the clips are one video, which a change in the same message makes unneeded. */
  static boolean aboutJoining(Edit e) {
    return e.is(Edit.Aside.JOINED);
  }

  /** Nicer by feel: what usually makes a video better here, by the words that do it. */
  private static Edit nicer(Draft draft) {
    boolean synced = draft.grid() != null;
    return Edit.question(draft,
        "I can't judge what looks nicer by myself, but these usually help: " + (synced ? "\"faster cuts\" or \"slower cuts\", " : "\"sync it to the beat\", ")
            + "\"crossfade between clips\", a title (\"title 'Happy Birthday'\"), \"fade the music in and out\", \"slow mo on the last clip\" or \"black and white\". Which would you like?",
        "好不好看我自己判断不了，这些通常有用：" + (synced ? "“切快一点”或“切慢一点”、" : "“卡点”、") + "“片段之间加转场”、加个标题（“标题「生日快乐」”）、“音乐淡入淡出”、“最后一段慢动作”或“复古”。想要哪个？");
  }

  /** Said after praise; left out when the same message exports ("looks good, send it"). */
  static final String EXPORT_HINT_EN = " Say /export when you want the video, or tell me what to change.";
  static final String EXPORT_HINT_ZH = "要成片就发 /export，想改哪里也可以告诉我。";

  /** "lol my dog is in the beach clip", "今天好累啊": said in passing, about oneself or the day. */
  private static final Pattern CHAT = Pattern.compile(
      "^(?:lol|lmao|haha+|ugh+|omg|wow|oh|ah+|aw+|man|bro|dude|tbh|btw)\\b|\\b(?:i|i'm|my|me|we|our|today|tbh|lol|lmao|lmfao|ngl|rofl|honestly)\\b"
          + "|\\b(?:is|are|looks?|seems?|feels?|was|were)\\s+(?:so\\s+|kinda\\s+|really\\s+|pretty\\s+|super\\s+|absolutely\\s+)?(?:boring|bad|ugly|good|great|nice|cool|awesome|fire|lit|meh|dull|lame|cute|funny|amazing|perfect"
          + "|insane|crazy|wild|epic|sick|hilarious|beautiful|adorable|gorgeous|nuts|goated|unreal)\\b"
          + "|^我|今天|哈哈|累|困|饿|烦|无聊|丑|难过|开心|爽|好玩|搞笑|可爱|厉害|牛|666|哭|感动|烂|绝了|帅|好美|快乐|激动|怀念|舍不得|拍的"
          // "road trip vid!!", "listing video for my client", "10 yr anniversary edit": what the video is, named in passing
          + "|^(?:(?:my|our|a|an|the|this|just a)\\s+)?[a-z0-9' ]{1,30}?\\b(?:video|vid|vlog|reel|edit|tour|montage|slideshow)(?:\\s+(?:for|of)\\s+(?:my|our|a|the|his|her)\\s+[a-z' ]{1,20})?\\s*[!.]*$"
          // "the kitchen was just renovated", "儿子第一次进球": about what was filmed, or who
          + "|\\b(?:was|were)\\s+(?:just\\s+|recently\\s+|all\\s+)?[a-z]+ed\\b|^(?:儿子|女儿|孩子|宝宝|老公|老婆|爸爸?|妈妈?|爷爷|奶奶|外公|外婆|姥姥|姥爷)");
  /** A request or a question: something not understood there is worth saying so. */
  private static final Pattern ASKS = Pattern.compile(
      "(?<!clip |6)(?!666)\\d|\\?|\\b(?:please|can|could|would|will|make|put|add|set|turn|change|remove|cut|use|move|want|wanna|need|needs|wish|should|let's|give|try|do|get|fix|show|play|keep(?!\\s+[a-z]+ing\\b)|trim|mute|fade|swap|delete|more|less|too)\\b"
          + "|要|想|帮|把|给|让|能不能|可以|请|改|加|调|换|去(?:掉|除)|删|剪|放|弄|做|来点|希望|应该|吗|太");

  /** "is there a way to…", "can u make a version for…", "能不能…": asking whether the studio can do something. */
  private static final Pattern ABILITY = Pattern.compile(
      "^(?:(?:hmm+|so|and|ok|okay|hey|also|btw|oh)\\s*,?\\s+)*(?:is there (?:a|any) way (?:to|of|i can|you can)|is it possible (?:to|for)|(?:can|could) (?:you|u|i|we)(?: also| maybe)?|would (?:you|u) be able to|are (?:you|u) able to|do (?:you|u) (?:do|make|have))\\b"
          + "|^(?:你)?(?:能不能|可不可以|能否)|(?:吗|么|嘛)\\s*[?？]?$");

  /** The word of editing a question asks about ("what does fade in mean": "fade in"), or null. */
  static String termAsked(String clause) {
    Matcher term = TERM.matcher(clause.strip());
    return term.find() ? first(term) : null;
  }

  /** Whether a clause nothing understood asks what the studio can do: it gets what it can, not "I didn't understand". */
  static boolean asksAbility(String clause) {
    return ABILITY.matcher(clause.strip()).find();
  }

  /** Whether a clause nothing understood is chat, which needs no "I didn't understand". */
  static boolean chat(String clause) {
    return CHAT.matcher(clause).find() && !ASKS.matcher(ASIDE_NUMBERS.matcher(clause).replaceAll(" ")).find();
  }

  /** "900 miles", "10 years", "our 90th": numbers of the day told, not of the edit. */
  private static final Pattern ASIDE_NUMBERS = Pattern.compile(
      "\\b\\d+(?:\\.\\d+)?\\s*(?:miles?|mi|km|kilometers?|hours?|hrs?|days?|weeks?|months?|years?|yrs?|people|kids|guests|times|am|pm|(?:st|nd|rd|th)\\b)|\\d+\\s*(?:公里|英里|小时|天|年|个人|岁)");

  /** The first group that took part in a match. */
  private static String first(Matcher m) {
    for (int g = 1; g <= m.groupCount(); g++) if (m.group(g) != null) return m.group(g);
    return m.group();
  }

  /** The tracks sent, and music made for the video where the studio makes it. */
  private static Edit songsAtHand(Turn turn, Draft draft) {
    List<String> sent = turn.tracks().stream().filter(m -> turn.maker() == null || turn.maker().wishOf(m).isEmpty()).map(m -> m.filename()).toList();
    String en = sent.isEmpty() ? "I have no songs of my own to pick from: send me a track (an mp3 or m4a)" : "You've sent " + String.join(", ", sent) + "; send another track any time";
    String zh = sent.isEmpty() ? "我没有自带的曲库：发一首歌给我（mp3 或 m4a）" : "你发来的有：" + String.join("、", sent) + "；也可以随时再发一首";
    en += turn.maker() != null ? ", or I can compose music for this video: say e.g. \"add some chill music\"." : ".";
    zh += turn.maker() != null ? "，或者让我为这个视频生成配乐：比如说“配点轻松的音乐”。" : "。";
    return Edit.answer(draft, en, zh);
  }

  /** Which track fits is the person's taste: each can be tried, and heard in a preview. */
  private static Edit betterSong(Turn turn, Draft draft) {
    List<String> sent = turn.tracks().stream().map(m -> m.filename().replaceFirst("\\.[A-Za-z0-9]{1,5}$", "")).toList();
    if (sent.isEmpty()) return songsAtHand(turn, draft);
    return Edit.answer(draft, "That's your call: I can't judge which sounds better. Try one (\"use " + sent.get(0) + "\") and send /preview to hear it with the clips; \"use the other one\" swaps it.",
        "这个要你来定，我判断不了哪首更好听。先试一首（“用" + sent.get(0) + "”），发 /preview 听听和画面配不配，不喜欢就说“换另一首”。");
  }

  /** The music's maker: this studio, for music made here; for a track sent, only its file is known. */
  private static Edit madeBy(Turn turn, Draft draft) {
    var m = draft.music();
    if (m == null) return Edit.answer(draft, "There is no music yet.", "还没有背景音乐。");
    boolean made = turn.maker() != null && turn.media().stream().anyMatch(x -> x.id().equals(m.src()) && turn.maker().wishOf(x).isPresent());
    return made ? Edit.answer(draft, "I composed '" + m.name() + "' for this video; it's yours to use.", "「" + m.name() + "」是我为这个视频生成的，归你使用。")
        : Edit.answer(draft, "'" + m.name() + "' is a track you sent: I know its file name, not who made it.", "「" + m.name() + "」是你发来的音乐：我只知道文件名，不知道是谁做的。");
  }

  /**
   * What the video is for: alone, an answer with what sets its mood; beside a request ("its for my
   * dads birthday add some happy music"), why it was asked, which needs no answer of its own.
   */
  private static Edit purpose(Turn turn, Draft draft) {
    Matcher occasion = OCCASION.matcher(turn.whole());
    boolean named = occasion.find();
    // "my daughters 5th birthday": the birthday, not the 5th
    while (named && occasion.group(1) != null && occasion.group(1).matches("\\d.*")) {
      Matcher word = OCCASION.matcher(turn.whole());
      if (!word.find(occasion.end()) || !word.group().matches("\\p{L}+")) break;
      occasion = word;
    }
    String rest = OCCASION.matcher(PURPOSE.matcher(turn.text()).replaceFirst(" ")).replaceAll(" ");
    turn.match(PURPOSE);
    if (OCCASION.matcher(turn.text()).find()) turn.match(OCCASION);
    if (ASKS.matcher(rest).find() && !rest.matches("(?s).*\\bso nothing\\b.*")) return Edit.understood(draft);
    String en = named && occasion.group(1) != null ? "A video for a " + occasion.group(1).replace("bday", "birthday") + ", lovely!" : "Lovely!";
    String zh = named && occasion.group(2) != null ? "是" + occasion.group(2) + "用的视频，真好！" : "真好！";
    boolean made = turn.maker() != null;
    en += " I can set its mood: " + (made ? "\"calmer music\" or \"something emotional\" composes music for it, " : "\"music softer\", \"fade in and out\", ")
        + "a title with their name, or \"make it vertical\" for a phone. Tell me what you'd like.";
    zh += "我可以帮你定氛围：" + (made ? "说“安静一点的音乐”或“感人一点”我来配乐，" : "说“音乐小一点”或“淡入淡出”，")
        + "加个写着名字的标题，或者说“竖屏”方便手机看。想怎么改告诉我。";
    return Edit.answer(draft, en, zh).as(Edit.Aside.PURPOSE);
  }

  /** An answer to what the video is for, which a change made in the same message makes unneeded. */
  static boolean aboutPurpose(Edit e) {
    return e.is(Edit.Aside.PURPOSE);
  }

  /** Music this studio made is the person's; a track they sent is theirs to judge. */
  private static Edit rights(Turn turn, Draft draft) {
    var m = draft.music();
    boolean made = m != null && turn.maker() != null && turn.media().stream()
        .anyMatch(x -> x.id().equals(m.src()) && turn.maker().wishOf(x).isPresent());
    if (made) {
      return Edit.question(draft, "Yes: '" + m.name() + "' was made for you and is yours to use, on YouTube and anywhere else.",
          "可以：「" + m.name() + "」是为你生成的，归你使用，发到哪里都行。");
    }
    return Edit.question(draft, m == null ? "There is no music yet. Music I make for you is yours to use anywhere."
            : "'" + m.name() + "' is a track you sent: whether you may publish it depends on its licence. Music I make for you is yours to use.",
        m == null ? "还没有背景音乐。我为你生成的音乐归你使用。" : "「" + m.name() + "」是你发来的音乐，能否发布取决于它的授权；我为你生成的音乐归你使用。");
  }

  /** The timeline, then what to say next: the music first when a track waits unused. */
  private static Edit next(Turn turn, Draft draft) {
    if (draft.clips().isEmpty()) return whatToSend(draft);
    String track = draft.music() == null && !turn.tracks().isEmpty() ? turn.tracks().get(0).filename() : null;
    return Edit.answer(draft,
        TimelineLine.of(draft, false) + (track == null ? "\nTell me what to change, or /export when you like it."
            : "\nSay \"add the music\" to put '" + track + "' under it, or /export when you like it."),
        TimelineLine.of(draft, true) + (track == null ? "\n想改哪里告诉我，满意了就发 /export。"
            : "\n说“加上音乐”就把「" + track + "」配上，满意了就发 /export。"));
  }

  /** What the studio takes (clips, photos, a track), and what was sent so far. */
  private static Edit whatToSend(Draft draft) {
    if (draft.clips().isEmpty()) {
      return Edit.answer(draft, "Send me your video clips (and a song if you want one), then tell me how to cut them.",
          "把视频片段发给我（想要配乐的话再发一首歌），然后告诉我怎么剪。");
    }
    int n = draft.clips().size();
    var m = draft.music();
    return Edit.answer(draft,
        "More video clips, photos or a song, if you want them in. You've sent " + n + (n == 1 ? " clip" : " clips")
            + (m == null ? "." : " and '" + m.name() + "'."),
        "想加进去的话，可以再发视频片段、照片或一首歌。你已经发了 " + n + " 个片段" + (m == null ? "。" : "和「" + m.name() + "」。"));
  }

  /** "did you get my song?", "我发的歌你收到了吗": what has arrived, by name. */
  private static Edit received(Turn turn, Draft draft) {
    List<String> tracks = turn.tracks().stream().map(m -> m.filename()).toList();
    if (draft.clips().isEmpty() && tracks.isEmpty()) return whatToSend(draft);
    String en = (draft.clips().isEmpty() ? "No clips yet." : "Yes." + clips(draft, false))
        + (tracks.isEmpty() ? "" : "\nTracks: " + String.join(", ", tracks) + ".");
    String zh = (draft.clips().isEmpty() ? "还没有收到视频片段。" : "收到了。" + clips(draft, true))
        + (tracks.isEmpty() ? "" : "\n音乐：" + String.join("、", tracks) + "。");
    return Edit.answer(draft, en, zh);
  }

  /** The clips by name, in order: what "what's on the timeline" asks to see. */
  static String clips(Draft draft, boolean zh) {
    List<String> named = new ArrayList<>();
    for (int i = 0; i < draft.clips().size(); i++) {
      var c = draft.clips().get(i);
      named.add((i + 1) + ". " + c.name() + (zh ? "（" + Words.zhSecs(c.durationMs()) + "）" : " (" + Words.secs(c.durationMs()) + ")"));
    }
    if (named.isEmpty()) return "";
    return zh ? "\n片段：" + String.join("、", named) + "。" : "\nClips: " + String.join(", ", named) + ".";
  }
}
