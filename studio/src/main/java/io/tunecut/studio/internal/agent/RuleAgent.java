package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.agent.language.Message;
import io.tunecut.studio.internal.draft.Aspect;
import io.tunecut.studio.internal.draft.Clip;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.media.Media;
import io.tunecut.studio.internal.media.MediaKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The studio's agent: a message is read once ({@link Message}: normalised, quotes lifted,
 * references resolved, in clauses), then each clause goes through the {@link Instruction}s,
 * each claiming the words it used. "add music at 35% and fade it out" is three edits. A clause
 * no instruction understood may lean on the turn before ({@link FollowUp}: "actually 50%", "no,
 * the other clip", "a bit more"), read against what that turn changed ({@link LastChange}).
 */
public final class RuleAgent implements Agent {
  static final long STILL_MS = 3000;
  private static final Pattern UNDO = Pattern.compile(
      "^(?:(?:please|pls|actually|ok|okay|no|nah|hmm+|wait|oops|just|nvm|never ?mind|can you|could you|can u)\\s*,?\\s+)*(?:undo|revert|go back|take (?:that|it) back|change it back|(?:put|add|bring|move) (?:it|that|them) back|back to (?:how|what) it was"
          + "|restore the (?:previous|last|old) version)(?:\\s+(?:that|it|this|the last (?:change|edit|step|one|thing)|to (?:how|what) it was"
          + "(?: before)?|the way it was|(?:to )?where (?:it|they) (?:was|were)(?: before)?|to the (?:previous|last) version|1 step|please|pls|again))*\\s*$"
          + "|撤销|撤回|还原|(?:恢复|回到|退回)(?:到)?(?:原来|之前|刚才|上一步)|(?:加|放|拿)回(?:来|去)|^(?:还是|那就)?(?:改|换|变)回(?!来|去)|^上一步$|^恢复$|^(?:还是)?(?:原来|之前)的(?:更)?好|^(?:改|换|变)回(?:来|去)");
  /** "算了 还是留着吧", "keep it after all": after a removal, the removal is undone. */
  private static final Pattern KEEP_AFTER_ALL = Pattern.compile(
      "^(?:(?:算了|还是|actually|no|nah|wait|hmm+|ok)\\s*,?\\s*)*(?:留着|保留|留下|别删了?|不删了|keep (?:it|that|them)(?: after all)?)(?:吧|它|了)?\\s*$");
  private static final Pattern REDO = Pattern.compile("^(?:please\\s+)?redo\\b|重做|恢复撤销");
  /** "what did you change?", "what changed", "你刚才改了什么": the last change said again, nothing changed. */
  private static final Pattern RECAP = Pattern.compile(
      "^(?:(?:so|and|ok|okay|wait|hmm+|sorry|um+)\\s*,?\\s+)*(?:what (?:did|have) (?:you|u|ya) (?:just |actually )?(?:change|changed|do|done|edit|edited)"
          + "|what(?:'s| has| was)? (?:just )?(?:been )?changed?|what(?:'s| is) different)(?:\\s+(?:just now|now|exactly|there|to it|to the video|then))*\\s*\\??\\s*$"
          + "|^(?:你|您)?(?:刚才|刚刚|这次)?(?:到底)?(?:改|动|修改)了(?:什么|啥|哪些|哪里|哪儿)\\s*[?？]?\\s*$|^(?:刚才|刚刚)?(?:有)?什么(?:变化|改动|不一样)\\s*[?？]?\\s*$");
  private static final Pattern FILLER = Pattern.compile(
      "^(?:please|pls|ok|okay|now|then|for me|just|so|yeah|yes|hey|also|a bit|a little|thanks?|thank you|right|lol|lmao|haha+|hehe|done|all done|that'?s it|looks good|great|fine|cool|no|nope|wait|hmm+|oops|actually|not that one|not that|wrong one|sorry|sry|typo|my bad|and|\\?|:\\)|请|帮我|一下|吧|好的|好|谢谢|嗯|哦|呢|啊|哈+|嘿嘿|呵呵|卧槽|哇塞?|天哪|我去|不对|不{2,}|算了|不是(?:这|那)(?:个|段)|\\s)*$");
  /** "好了 导出吧", "ok, make it vertical", "alright then": a lead-in to the request beside it, which needs no answer of its own. */
  private static final Pattern LEAD_IN = Pattern.compile(
      "^(?:(?:ok(?:ay)?|k|alright|all right|right|cool|sure|fine|great|nice|good|got it|so|well|now|then|yes|yeah|yep|never ?mind|nvm|nah|好了|好的|好吧|好|行|行吧|可以|可以了|那|那就|那么|嗯+|哦|噢|对|对了|ok了|ok吧|算了|算了吧)\\s*[,.!~]*\\s*)+$");
  /** A message that is only quoted words: after "what should the title say?", they are its words. */
  private static final Pattern ONLY_QUOTED = Pattern.compile("^\\s*(?:[\"“「『‘']\\s*)(.+?)(?:\\s*[\"”」』’'])\\s*$");
  /**
   * "cut it", "fix that", "剪掉吧": a request whose "it" is what another clause of the message
   * named ("the middle drags, cut it"); when that clause was answered with a question, the
   * question is its answer too.
   */
  private static final Pattern DO_IT = Pattern.compile(
      "^(?:(?:so|just|pls|please|then|and|can you|could you|can u)\\s+)*(?:cut|trim|remove|chop|delete|lose|skip|fix|shorten|change|do)\\s+(?:it|that|this|that part|this part)(?:\\s+(?:out|down|off|up))?(?:\\s+(?:please|pls|then))?\\s*[!.]*$"
          + "|^(?:那)?(?:就)?(?:帮我)?(?:剪掉|删掉|去掉|剪了|删了|改一下|剪短)(?:它|吧|一下)*$");
  /** Words that ask something of the video: a number, an editing verb, a part of it. A clause with none is chat. */
  private static final Pattern ASKS_SOMETHING = Pattern.compile(
      "\\d|\\b(?:make|put|add|set|turn|change|more|less|louder|quieter|softer|bigger|smaller|higher|lower|remove|cut|trim|use|move|swap|fade|mute|speed|slow|crop"
          + "|music|song|track|title|text|caption|clip|video|photo|pic|volume|sound|vertical|square|horizontal|shorter|longer|start|end|first|last)\\b"
          + "|音乐|歌|标题|字幕|文字|片段|视频|照片|图片|音量|声音|原声|淡|剪|改|加|调|换|删|去掉|放|竖|横|方|快|慢|长|短");
  /** Said about something, not asked ("she thinks its classier", "the realtor loved it", 太燃了): a subject or a cry first, or Chinese. */
  private static final Pattern SAYS = Pattern.compile(
      "^(?:i|i'm|im|she|he|they|we|it|it's|its|this|that|the|my|our|lol|omg|haha+|wow|so|bro|ok|okay)\\b|^\\p{IsHan}");
  private static final Pattern NAME_ONLY = Pattern.compile("^(?:(?:omg|lol|oh|wow|so|ok|okay|haha+|and|also|look at)\\s+)*clip (\\d+)[.!]*$");
  private static final Pattern WHICH_CLIP = Pattern.compile("^(?:(?:that'?s|thats|it'?s|its|this is|which is|i mean|in|on|the one in|she'?s in|he'?s in)\\s+)clip (\\d+)[.!]*$");
  private static final Pattern CLIP_REF = Pattern.compile("(?<![a-z])clip (\\d+)(?!\\d)");
  private final List<Instruction> instructions;
  private static final String INSTEAD_EN = "Instead of your last change:";
  private static final String INSTEAD_ZH = "已改为：";
  private final MusicMaker maker;
  private final boolean montages;

  public RuleAgent() {
    this(Instructions.standard());
  }

  public RuleAgent(List<Instruction> instructions) {
    this(instructions, null);
  }

  /** @param maker composes music when someone asks for it and sent no track; null to ask for a track instead */
  public RuleAgent(List<Instruction> instructions, MusicMaker maker) {
    this.instructions = List.copyOf(instructions);
    this.maker = maker;
    this.montages = this.instructions.stream().anyMatch(Instruction::cutsMontages);
  }

  @Override
  public AgentReply respond(Draft start, History history, Said note, List<Media> media, String message, String language) {
    Optional<String> takenBack = SelfCorrection.takenBack(message);
    if (takenBack.isPresent() && !respondAsSaid(start, history, note, media, takenBack.get(), language).draft().equals(start)) {
      return leftAsItWas(start, history, "zh".equals(language) || message.codePoints().anyMatch(Character::isIdeographic));
    }
    return SelfCorrection.in(message).flatMap(c -> corrected(start, history, note, media, c, language))
        .orElseGet(() -> respondAsSaid(start, history, note, media, message, language));
  }

  /**
   * "can the cap toss be first? no wait last": the request, then its correction read as the next
   * message would be, both one change (one undo takes them back). Where the turn-about is sure
   * ("wait", "actually"): "…no wait, keep it" leaves everything as it was, and a correction that
   * alone makes the same kind of change is made instead. Empty when the second half does not
   * correct the first (then the message is read as said).
   */
  private Optional<AgentReply> corrected(Draft start, History history, Said note, List<Media> media, SelfCorrection c,
      String language) {
    AgentReply asked = respondAsSaid(start, history, note, media, c.request(), language);
    if (asked.draft().equals(start)) return Optional.empty();
    boolean zh = "zh".equals(language) || c.request().codePoints().anyMatch(Character::isIdeographic);
    if (SelfCorrection.KEEP.matcher(c.instead()).matches()) return Optional.of(leftAsItWas(start, history, zh));
    // "louder no quieter", "black and white, hmm no sepia": the correction alone makes the same change another way
    AgentReply instead = respondAsSaid(start, history, note, media, c.instead(), language);
    if (!instead.draft().equals(start) && sameTool(asked, instead)
        && LastChange.between(start, asked.draft()).map(LastChange::kind).equals(LastChange.between(start, instead.draft()).map(LastChange::kind))
        && (c.sure() || saysNoTo(asked, instead, respondAsSaid(start, history, note, media, c.correction(), language)))) {
      return Optional.of(instead);
    }
    List<Media> all = new ArrayList<>(media);
    all.addAll(asked.created());
    AgentReply then = respondAsSaid(asked.draft(), asked.history(), asked.said(), all, c.correction(), language);
    // a correction takes the request's place in the history (back where it was: no place), or changes the same thing again
    boolean back = then.draft().equals(start);
    if (back && !c.sure()) {
      // "2x no 1.5x": a bare no that would take the request back is the turn-about, what follows it the value meant
      AgentReply meant = respondAsSaid(asked.draft(), asked.history(), asked.said(), all, "actually " + c.instead(), language);
      if (!meant.draft().equals(asked.draft()) && !meant.draft().equals(start)
          && (meant.history().earlier().equals(asked.history().earlier()) || sameKind(start, asked, asked.draft(), meant))) {
        then = meant;
        back = false;
      }
    }
    boolean replaced = back || then.history().earlier().equals(asked.history().earlier());
    if (!then.draft().equals(asked.draft()) && (replaced || sameKind(start, asked, asked.draft(), then))) {
      List<Media> created = new ArrayList<>(asked.created());
      created.addAll(then.created());
      String text = back ? leftAsItWas(start, history, zh).text()
          : then.text().replaceFirst("^(?:" + Pattern.quote(INSTEAD_EN) + "|" + Pattern.quote(INSTEAD_ZH) + ")\\s*", "");
      return Optional.of(new AgentReply(then.draft(), then.steps(), text, created, back ? history : asked.history(), then.said()));
    }
    if (!c.sure()) return Optional.empty();
    AgentReply alone = respondAsSaid(start, history, note, media, c.instead(), language);
    return !alone.draft().equals(start) && sameKind(start, asked, start, alone) ? Optional.of(alone) : Optional.empty();
  }

  /** A request taken back in the message that made it: nothing changes, and the answer says so. */
  private static AgentReply leftAsItWas(Draft start, History history, boolean zh) {
    return new AgentReply(start, List.of(), zh ? "好的，保持原样，什么都没改。" : "OK — I left it as it was.", List.of(), history, new Said(null, zh));
  }

  /** Whether the no before a correction is only the turn-about: with it, the correction makes no other change of the request's kind ("…, no ducking" does). */
  private static boolean saysNoTo(AgentReply request, AgentReply without, AgentReply with) {
    return with.draft().equals(without.draft()) || !sameTool(request, with);
  }

  /** Whether a reply is made by the tools the request's was made by, and no other. */
  private static boolean sameTool(AgentReply request, AgentReply reply) {
    Set<String> tools = new HashSet<>();
    request.steps().forEach(s -> tools.add(s.tool()));
    return !reply.steps().isEmpty() && reply.steps().stream().allMatch(s -> tools.contains(s.tool()));
  }

  /** Whether a reply (made on {@code from}) changes what the request changed: the same tool, or the same kind of change. */
  private static boolean sameKind(Draft start, AgentReply request, Draft from, AgentReply reply) {
    if (sameTool(request, reply)) return true;
    Optional<LastChange> asked = LastChange.between(start, request.draft());
    Optional<LastChange> then = LastChange.between(from, reply.draft());
    return asked.isPresent() && then.isPresent() && (asked.get().kind() == then.get().kind()
        || asked.get().subject() != null && asked.get().subject().equals(then.get().subject()));
  }

  private AgentReply respondAsSaid(Draft start, History history, Said note, List<Media> media, String message, String language) {
    var quotedOnly = ONLY_QUOTED.matcher(message);
    if (note.awaitsTitle() && quotedOnly.matches()) return respond(start, history, media, titled(quotedOnly.group(1)), language);
    LastChange last = LastChange.of(history, start, note.moved()).orElse(null);
    String named = last == null ? note.named(message) : last.renamed(note.named(message));
    Message msg = Message.read(named, start.clips().stream().map(Clip::name).toList(),
        start.clips().stream().map(Clip::isStill).toList(), language);
    String whole = String.join(", ", msg.clauses().stream().map(Message.Clause::text).toList());
    // "ok" after a turn in Chinese is answered in Chinese
    boolean zh = msg.chinese() || note.chinese() && msg.original().codePoints().noneMatch(Character::isIdeographic)
        && msg.clauses().stream().allMatch(c -> FILLER.matcher(c.text()).matches());
    Draft draft = start;
    Draft base = start;
    History h = history;
    List<Media> all = new ArrayList<>(media);
    List<Media> created = new ArrayList<>();
    List<Edit> edits = new ArrayList<>();
    List<String> missed = new ArrayList<>();
    List<String> chat = new ArrayList<>(); // of the missed, those that ask nothing of the video
    List<String> startIds = start.clips().stream().map(Clip::id).toList();
    // after an undo, what the undone change was about is still what "make it smaller" is about
    String undoneSubject = last != null || history.later().isEmpty() ? null
        : LastChange.between(start, history.later().get(history.later().size() - 1)).map(LastChange::subject).orElse(null);
    // after a question, what it asked about is what "make it bigger" is about ("whats the title", "make it bigger")
    if (undoneSubject == null && last == null) undoneSubject = note.subject();
    Set<Message.Clause> rewritten = new HashSet<>();
    Replaced replaced = null; // the turn's state before a follow-up took the last change's place
    List<Message.Clause> clauses = new ArrayList<>(Complaint.last(ClauseJoin.joined(named(msg.clauses()))));
    int asked = clauses.size(); // clauses as said; retried ones follow
    Map<Message.Clause, Integer> waiting = new HashMap<>(); // a refused clause -> where its refusals are
    for (int i = 0; i < clauses.size(); i++) {
      Message.Clause said = clauses.get(i);
      boolean complaint = Complaint.in(said) && msg.clauses().stream().anyMatch(c -> !Complaint.in(c));
      Message.Clause clause = resolved(said, startIds, draft);
      if (i < asked && msg.clauses().size() > 1 && LEAD_IN.matcher(clause.text()).matches()
          && msg.clauses().stream().anyMatch(c -> !LEAD_IN.matcher(c.text()).matches())) {
        continue; // the request beside it is the answer
      }
      String unitGiven = i < asked ? note.valueFor(clause.text()) : null;
      if (unitGiven != null) clause = new Message.Clause(unitGiven, clause.shown(), false); // "how loud is it?" "make it 80"
      String offered = i < asked ? note.offered(clause.text()) : null;
      if (offered != null) clause = new Message.Clause(offered, clause.shown(), false); // "what does fade in mean?" "ok do that"
      String paced = i < asked && draft.grid() != null ? MontagePace.request(clause.text(), draft) : null;
      if (paced != null) clause = new Message.Clause(paced, clause.shown(), false); // on a montage, "make the cuts faster"
      boolean undo = UNDO.matcher(clause.text()).find() || KEEP_AFTER_ALL.matcher(clause.text()).matches() && removed(history, start);
      if (undo || REDO.matcher(clause.text()).find()) {
        if (!draft.equals(base)) h = h.edited(base);
        Travel t = travel(undo, draft, h);
        edits.add(t.edit());
        draft = t.edit().draft();
        base = draft;
        h = t.history();
        continue;
      }
      if (i < asked && RECAP.matcher(clause.text()).find()) {
        edits.add(recap(history, start));
        continue;
      }
      Optional<FollowUp.Retry> early = Optional.empty(); // "i meant fade out": a correction the instructions would read as a request
      if (last != null && i < asked && !rewritten.contains(clause)) {
        Optional<FollowUp.Retry> too = FollowUp.before(clause.text(), last);
        if (too.isPresent() && too.get().replaces()) early = too;
        else if (too.isPresent()) clause = new Message.Clause(too.get().text(), clause.shown(), false);
      }
      Set<String> tools = new HashSet<>();
      edits.forEach(e -> {
        if (e.step() != null) tools.add(e.step().tool());
      });
      Message.Clause own = said;
      boolean alone = msg.clauses().stream().allMatch(c -> c == own || FILLER.matcher(c.text()).matches() || LEAD_IN.matcher(c.text()).matches());
      Turn turn = new Turn(clause, whole, msg.quoted(), all, zh, TrackNames.in(maker, zh), tools, montages).alone(alone);
      boolean understood = false;
      int first = edits.size();
      for (Instruction instruction : early.isPresent() ? List.<Instruction>of() : instructions) {
        Optional<Edit> edit = instruction.apply(turn, draft);
        // two complaints about one thing ("字太小了 手机上看不清") are one request: the second is why, not another step
        if ((complaint || Complaint.in(said)) && edit.isPresent() && saidAlready(edit.get(), tools)) edit = Optional.of(Edit.understood(draft));
        if (edit.isEmpty()) {
          turn.discard();
          continue;
        }
        turn.commit();
        understood = true;
        edits.add(edit.get());
        draft = edit.get().draft();
        all.addAll(edit.get().created());
        created.addAll(edit.get().created());
        if (edit.get().kind() == Edit.Kind.QUESTION) break;
      }
      if (replaced != null && rewritten.contains(said)) {
        boolean done = edits.size() > first && edits.subList(first, edits.size()).stream().anyMatch(e -> e.kind() != Edit.Kind.REFUSED);
        if (!done) { // the corrected request cannot be made: the last change stays
          draft = replaced.draft();
          base = replaced.base();
          h = replaced.history();
          startIds = replaced.startIds();
        } else if (draft.equals(replaced.draft()) || !draft.equals(base)) {
          edits.add(first, Edit.answer(draft, INSTEAD_EN, INSTEAD_ZH));
        } else {
          // the correction is what there was before the last change ("put walk last", "no wait first"): said as that, not as "already so"
          Changes back = Changes.between(replaced.draft(), draft);
          edits.subList(first, edits.size()).clear();
          edits.add(Edit.answer(draft, "OK — back to how it was before your last change (" + back.said(false) + ").",
              "好的，改回了上一次修改之前的样子（" + back.said(true) + "）。"));
        }
        replaced = null;
      }
      // after a removal or a move, a clip named in the correction is one of the clips as they were before it
      String correction = last != null && (last.kind() == LastChange.Kind.REMOVE || last.kind() == LastChange.Kind.MOVE)
          && (msg.clauses().size() == 1 || msg.clauses().stream().filter(c -> !FILLER.matcher(c.text()).matches()).count() == 1)
          ? Message.read(message, last.before().clips().stream().map(Clip::name).toList(),
              last.before().clips().stream().map(Clip::isStill).toList(), language).clauses().stream()
              .map(Message.Clause::text).filter(t -> !FILLER.matcher(t).matches()).findFirst().orElse(clause.text())
          : clause.text();
      Optional<FollowUp.Retry> retry = early.isPresent() ? early : understood || last == null || i >= asked || rewritten.contains(said)
          || FILLER.matcher(clause.text()).matches() ? Optional.empty()
          : FollowUp.place(msg.clauses().size() == 1 ? message : "", last).or(() -> FollowUp.after(correction, last));
      if (retry.isEmpty() && !understood && i < asked && last != null && FollowUp.asksWhich(clause.text(), last)) {
        edits.add(whichOther(draft, last));
        continue;
      }
      if (retry.isEmpty() && !understood && i < asked && undoneSubject != null && !rewritten.contains(said)
          && !FILLER.matcher(clause.text()).matches()) {
        String about = Message.about(undoneSubject, clause.text());
        if (!about.equals(clause.text())) retry = Optional.of(new FollowUp.Retry(about, false));
      }
      if (retry.isPresent() && (!retry.get().replaces() || draft.equals(start))) {
        if (retry.get().replaces()) {
          // "actually 50%", "no, the other clip": instead of the last change, on the draft it was made on
          replaced = new Replaced(draft, base, h, startIds);
          draft = last.before();
          base = draft;
          startIds = draft.clips().stream().map(Clip::id).toList();
          h = new History(h.earlier().subList(0, h.earlier().size() - 1), h.later());
        }
        Message.Clause instead = new Message.Clause(retry.get().text(), said.shown(), retry.get().negated());
        rewritten.add(instead);
        clauses.add(i + 1, instead);
        asked++;
        continue;
      }
      // a complaint next to requests is why they were asked ("can barely hear people talking, music down to 40%")
      // one clause is the whole message: shown as typed, not as read ("第二段太长了", not "clip 2太长了")
      // two problems in a row ("字太小了 手机上看不清"): the one not read is why the other was mended
      // "is the music too loud? i can barely hear her singing": the question answered is what the complaint is about
      boolean reason = Complaint.in(said) && edits.stream().anyMatch(e -> e.kind() == Edit.Kind.DONE
          || (e.kind() == Edit.Kind.ANSWER || e.kind() == Edit.Kind.QUESTION) && !e.english().isEmpty());
      // "omg the puppy one 😂 put it first": a clip named alone, which the request beside it is about
      var nameOnly = NAME_ONLY.matcher(clause.text().strip());
      boolean nameBeside = nameOnly.matches() && msg.clauses().stream().anyMatch(c -> c != own && CLIP_REF.matcher(c.text()).results().anyMatch(r -> r.group(1).equals(nameOnly.group(1))));
      if (i < asked && !understood && !complaint && !reason && !nameBeside && !FILLER.matcher(clause.text()).matches() && !LEAD_IN.matcher(clause.text()).matches()) {
        missed.add(msg.clauses().size() == 1 ? msg.original() : msg.said(clause));
        if (!ASKS_SOMETHING.matcher(clause.text()).find() && SAYS.matcher(clause.text()).find()) chat.add(missed.get(missed.size() - 1));
      }
      boolean refused = edits.size() > first && edits.subList(first, edits.size()).stream().allMatch(e -> e.kind() == Edit.Kind.REFUSED);
      if (i < asked - 1 && refused) {
        // "做个卡点视频 配点音乐": refused for want of what a later request adds; asked again once the others are done
        waiting.put(said, first);
        clauses.add(said);
      } else if (i >= asked && refused) {
        edits.subList(first, edits.size()).clear(); // still not possible: the first refusal says so
      } else if (i >= asked && edits.size() > first) {
        for (int k = waiting.get(said); k < first && edits.get(k).kind() == Edit.Kind.REFUSED; k++) edits.set(k, Edit.understood(edits.get(k).draft()));
      }
    }
    // "the realtor loved it!! just fade out the music", "太燃了哈哈 音乐再小声一点": chat beside a request made is no request missed
    if (edits.stream().anyMatch(e -> e.kind() == Edit.Kind.DONE)) missed.removeAll(chat);
    if (edits.stream().anyMatch(e -> e.kind() == Edit.Kind.QUESTION)) {
      missed.removeIf(m -> DO_IT.matcher(m.strip().toLowerCase(Locale.ROOT)).matches());
    }
    // asked what the title should say, a message nothing else reads is its words ("Beach Day", "毕业旅行")
    if (note.awaitsTitle() && edits.isEmpty() && !missed.isEmpty() && msg.clauses().size() == 1) {
      return respond(start, history, media, titled(message.strip()), language);
    }
    for (Edit edit : afterMessage(draft, all, zh)) {
      edits.add(edit);
      draft = edit.draft();
    }
    if (!draft.equals(base)) h = h.edited(base);
    String text = Replies.compose(edits, missed, draft, !draft.equals(start), all, maker, zh);
    // "lol", "hmm", "wait": chat that asks for nothing still gets a word back, never silence
    if (text.isBlank() && draft.equals(start)) {
      text = zh ? "不着急：想改什么就告诉我，做好了就发 /export。" : "Take your time: tell me what to change, or send /export when it's ready.";
    }
    List<AgentStep> steps = edits.stream().map(Edit::step).filter(s -> s != null).toList();
    boolean onlyAnswered = !edits.isEmpty() && edits.stream().allMatch(e -> e.kind() == Edit.Kind.ANSWER || e.kind() == Edit.Kind.QUESTION);
    String topic = onlyAnswered ? Said.topicOf(String.join(" ", msg.clauses().stream().map(Message.Clause::text).toList())) : null;
    if (edits.stream().anyMatch(e -> e.is(Edit.Aside.ASKS_TITLE))) topic = Said.TITLE_WORDS;
    // "put the beach clip second": which clip moved, for "no i meant the sunset one" next
    if (topic == null) topic = steps.stream().filter(s -> s.tool().equals("reorder_clips") && s.args().hasNonNull("clip"))
        .reduce((a, b) -> b).map(s -> Said.MOVED + s.args().get("clip").asText()).orElse(null);
    return new AgentReply(draft, steps, text, created, h, new Said(topic, zh));
  }

  /**
   * "the candles part should be longer, that's the 2nd video": a clause that only says which
   * clip is the one the clause before it is about, read as part of it.
   */
  private static List<Message.Clause> named(List<Message.Clause> clauses) {
    List<Message.Clause> out = new ArrayList<>();
    for (Message.Clause c : clauses) {
      var which = WHICH_CLIP.matcher(c.text().strip());
      String before = out.isEmpty() ? "" : out.get(out.size() - 1).text();
      boolean unnamed = !CLIP_REF.matcher(before).find();
      if (which.matches() && !out.isEmpty() && (unnamed || Pattern.compile("(?<![a-z])clip " + which.group(1) + "(?!\\d)").matcher(before).find())) {
        Message.Clause prev = out.remove(out.size() - 1);
        out.add(new Message.Clause(unnamed ? prev.text() + " in clip " + which.group(1) : prev.text(), prev.shown() + ", " + c.shown(), prev.negated()));
      } else {
        out.add(c);
      }
    }
    return out;
  }

  /** A title's words as a request the text instruction reads whole: «» keeps quotes inside them. */
  private static String titled(String words) {
    return "title 「" + words.replace("「", "").replace("」", "") + "」";
  }

  /** "No, the other one" among three clips or more: which, by name, the clip changed left out. */
  private static Edit whichOther(Draft draft, LastChange last) {
    List<String> names = new ArrayList<>();
    List<Clip> clips = last.before().clips();
    for (int i = 0; i < clips.size(); i++) if (i + 1 != last.clip()) names.add(clips.get(i).name());
    String en = String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    String cn = String.join("、", names.subList(0, names.size() - 1)) + " 还是 " + names.get(names.size() - 1);
    return Edit.question(draft, "Which one instead: " + en + "?", "换成哪一段：" + cn + "？");
  }

  /** The last change before this message, said again. */
  private static Edit recap(History history, Draft now) {
    if (history.earlier().isEmpty()) {
      return Edit.answer(now, "I haven't changed anything yet.", "我还没有改动过。");
    }
    Changes last = Changes.between(history.earlier().get(history.earlier().size() - 1), now);
    if (last.none()) return Edit.answer(now, "My last change left the timeline as it was.", "上一次的修改没有改变时间线。");
    return Edit.answer(now, "My last change: " + last.said(false) + ". Say \"undo\" to take it back.",
        "上一次的修改：" + last.said(true) + "。说“撤销”可以改回去。");
  }

  /** Whether the last change took something off: a clip, the music or a text. */
  private static boolean removed(History history, Draft now) {
    if (history.earlier().isEmpty()) return false;
    Draft before = history.earlier().get(history.earlier().size() - 1);
    return now.clips().size() < before.clips().size() || before.music() != null && now.music() == null
        || now.captions().size() < before.captions().size();
  }

  /** A complaint's edit is said already when a request beside it made the same kind of change. */
  private static boolean saidAlready(Edit edit, Set<String> tools) {
    return edit.step() != null && tools.contains(edit.step().tool());
  }

  /**
   * "Put sunset first, mute times square": a clip named in a message is the one the person saw
   * there when writing it, wherever an earlier clause of the same message moved it.
   */
  private static Message.Clause resolved(Message.Clause clause, List<String> startIds, Draft draft) {
    List<String> now = draft.clips().stream().map(Clip::id).toList();
    if (now.equals(startIds)) return clause;
    return new Message.Clause(renumbered(clause.text(), startIds, now), renumbered(clause.shown(), startIds, now), clause.negated());
  }

  private static String renumbered(String text, List<String> startIds, List<String> now) {
    return CLIP_REF.matcher(text).replaceAll(m -> {
      int n = Integer.parseInt(m.group(1));
      int at = n >= 1 && n <= startIds.size() ? now.indexOf(startIds.get(n - 1)) : -1;
      return at < 0 ? m.group() : "clip " + (at + 1);
    });
  }

  /** The edits that follow from a whole message's (ducking under speech), each on the draft the one before made. */
  List<Edit> afterMessage(Draft draft, List<Media> media, boolean zh) {
    List<Edit> edits = new ArrayList<>();
    for (Instruction instruction : instructions) {
      Optional<Edit> edit = instruction.afterMessage(draft, media, zh);
      if (edit.isPresent()) {
        edits.add(edit.get());
        draft = edit.get().draft();
      }
    }
    return edits;
  }

  MusicMaker maker() {
    return maker;
  }

  /** Where a turn was before a follow-up set the last change aside, to go back to if the follow-up cannot be made. */
  private record Replaced(Draft draft, Draft base, History history, List<String> startIds) {}

  /** Where undo or redo takes the draft, and the history after. */
  record Travel(Edit edit, History history) {}

  static Travel travel(boolean undo, Draft draft, History h) {
    List<Draft> stack = undo ? h.earlier() : h.later();
    if (stack.isEmpty()) {
      return new Travel(Edit.answer(draft, undo ? "There is nothing to undo yet." : "There is nothing to redo.",
          undo ? "还没有可以撤销的修改。" : "没有可以重做的修改。"), h);
    }
    Draft to = stack.get(stack.size() - 1);
    Changes back = Changes.between(draft, to);
    String en = undo ? "Undone: the timeline is back to how it was before your last change" : "Redone: your change is back";
    String zh = undo ? "已撤销，时间线回到上一次修改之前" : "已重做刚才撤销的修改";
    return new Travel(Edit.done(to, undo ? "undo" : "redo", Edit.args(),
        en + (back.none() ? "." : " (" + back.said(false) + ")."), zh + (back.none() ? "。" : "（" + back.said(true) + "）。")),
        undo ? h.undone(draft) : h.redone(draft));
  }

  @Override
  public Draft afterUpload(Draft draft, List<Media> media, List<Media> added) {
    List<Clip> clips = new ArrayList<>(draft.clips());
    for (Media m : added) {
      MediaKind kind = m.info().kind();
      if (kind == MediaKind.AUDIO) continue;
      String id = Clip.unusedId(clips);
      boolean still = kind == MediaKind.IMAGE;
      long d = still ? STILL_MS : Math.max(100, Math.round(m.info().durationSeconds() * 1000));
      clips.add(new Clip(id, m.id(), m.filename(), still ? "image" : "video", d, 0, 1.0, null));
    }
    if (clips.size() == draft.clips().size()) return draft;
    Draft next = draft.withClips(clips);
    var out = next.output();
    if (out.aspect() == null) {
      Media first = media.stream().filter(m -> m.id().equals(clips.get(0).src())).findFirst()
          .orElse(added.stream().filter(m -> m.info().kind() != MediaKind.AUDIO).findFirst().orElseThrow());
      Aspect.Frame f = Aspect.nearest(first.info().width(), first.info().height()).frame(out.shortSide());
      next = next.withOutput(out.withFrame(f.width(), f.height()));
    }
    return next;
  }

  @Override
  public Draft emptyDraft() {
    return Draft.empty();
  }

}
