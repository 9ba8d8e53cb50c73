package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.draft.Music;
import io.tunecut.studio.internal.media.Media;
import io.tunecut.studio.internal.media.MediaKind;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Music composed for the video: "make me some music", "something calmer", "lo-fi", "another
 * version", "配乐", "欢快一点", "换一首". A track the person sent is preferred: composing
 * takes over only when asked for, when no track was sent, or when the music playing was
 * composed. Plain "add music" without a track is {@link AddMusic}'s, which composes too.
 */
final class ComposeMusic implements Instruction {
  private static final Pattern COMPOSE = Pattern.compile(
      "\\b(?:compose|generate|create|write|produce)\\b.{0,20}?\\b(?:music|song|tune|beat)\\b"
          + "|\\bmake\\s+(?:me|us)\\s+(?:some\\s+|a\\s+|an\\s+|new\\s+)*(?:music|song|tune)\\b"
          + "|\\bmake\\s+(?:some|new|a new|my own|our own)\\s+(?:music|song|tune)\\b|\\bmake\\s+(?:music|a song)\\s*(?:please|pls|for (?:me|us|it|this))?$"
          + "|\\b(?:music|song)\\s+(?:made\\s+)?for\\s+(?:me|us|this video|my video)\\b|\\bown music\\b"
          + "|作曲|(?:生成|做|写|创作)(?:一首|一段|首|段|点)?.{0,4}(?:music|song)");
  private static final Pattern ANOTHER = Pattern.compile(
      "\\banother\\s+(?:version|take|variation|one)\\b|\\b(?:different|new|other)\\s+(?:version|take|variation)\\b|\\btry again\\b"
          + "|换一版|换个版本|再来一(?:版|首|个)|重新(?:生成|做|作曲|配乐)");
  private static final Pattern REPLACE = Pattern.compile(
      "\\b(?:change|replace|switch|swap|different|other)\\b.{0,20}?\\b(?:music|song)\\b|换.{0,6}(?:music|song|首)"
          + "|(?:don't|do not) (?:like|love) (?:the |this |that )?(?:music|song)|(?:music|song)\\s*(?:不好听|难听)");
  /** "把音乐换成…": the music named before the word for changing it. */
  private static final Pattern REPLACED_BY = Pattern.compile("(?:music|song|bgm)\\s*(?:换成|换个|换一首|改成)");
  private static final Pattern CALMER = Pattern.compile(
      "\\bcalm(?:er)?\\b|\\bmore relax(?:ed|ing)\\b|\\bless (?:energetic|intense|busy|loud and fast)\\b|\\bmellower\\b|\\bgentler\\b"
          + "|\\bslower (?:music|song|beat|tempo)\\b|\\b(?:music|song) slower\\b|安静|舒缓|平静|柔和|轻柔|慢一点|放松"
          + "|\\b(?:music|song)\\s+(?:is\\s+|'s\\s+)?(?:a bit |way |much )?too\\s+(?:fast|busy|hectic)\\b|(?:music|song)\\s*(?:太快|太吵闹)");
  private static final Pattern LIVELIER = Pattern.compile(
      "\\bmore (?:upbeat|energy|energetic|exciting|lively|intense|fun|hype)\\b|\\blivelier\\b|\\bhappier\\b"
          + "|\\bfaster (?:music|song|beat|tempo)\\b|\\b(?:music|song) faster\\b|欢快|轻快|明快|愉快|痛快|嗨一点|动感|活力|带劲|热闹"
          + "|\\b(?:music|song)\\s+(?:is\\s+|'s\\s+)?(?:a bit |way |much )?too\\s+(?:slow|boring|sleepy)\\b|(?:music|song)\\s*太慢");
  /**
   * "make it emotional", "要感人一点": a mood, which music sets. Music made here is made in the
   * style that carries it (a film score); a track sent gets a gentle start and end, and the answer says so.
   */
  private static final Pattern MOVING = Pattern.compile(
      "\\b(?:emotional|emotion|touching|moving|heartfelt|sentimental|tearjerker|tear ?jerker|make (?:them|people|her|him|us|me) cry)\\b|感人|煽情|感动|催泪|泪目|走心");
  private static final String MOVING_STYLE = "cinematic";
  private static final Pattern ABOUT_MUSIC = Pattern.compile("\\b(?:music|song|tune|something|vibe|style|feel)\\b|配乐|风格|感觉|来点|来一首|配(?:个|点|首|一首|段|上)");
  /** "no drums", "不要鼓": the calmest style, which is played without drums. */
  static final Pattern NO_DRUMS = Pattern.compile(
      "\\b(?:no|without|w/o|less|fewer|not so much)\\s+(?:\\w+\\s+)?(?:drums?|percussion)\\b|\\b(?:drum|percussion)[- ]?(?:free|less)\\b"
          // "lose the drums", but not "remove the drums track" (a track named drums.wav)
          + "|\\b(?:lose|drop|remove|take out|get rid of|kill|mute)\\s+(?:all\\s+)?(?:the\\s+)?(?:drums?|percussion)\\b(?!\\s*(?:track|song|one|file|music|\\.))"
          + "|(?:不要|没有|不带|去掉|别要|别加|无)\\s*(?:的)?\\s*(?:架子)?(?:鼓点?(?!\\s*(?:切|剪|卡|对))|打击乐)");
  /**
   * "音乐快一点"; and "faster" said alone while music made here plays: the pace of a music video is
   * its music's, and that music can be made again livelier (clips speed up only when named).
   */
  private static final Pattern FASTER = Pattern.compile("(?:music|song|节奏)\\s*(?:再|更)?\\s*快\\s*(?:一)?\\s*(?:点|些)"
      + "|^(?:make (?:it|this) |a bit |a little |go |just )?faster(?: please)?$|^speed it up$|^(?:再|更)?快一?点$");
  /** "some soft music", "something soft": a style, where "music softer" is a level. */
  private static final Pattern SOFT_STYLE = Pattern.compile("\\bsoft\\s+(?:\\w+\\s+)?(?:music|song|tune|track|piano|vibe|bgm)\\b|\\bsomething (?:soft|gentle)\\b");
  private static final Pattern OTHER_EDIT = Pattern.compile(
      "\\d|fade|loop|duck|volume|\\bloud|\\bquiet|\\bsoft|\\bstart|\\bend|\\bcut|淡|循环|音量|声音|大声|小声|开始|结束"
          + "|\\bslow[- ]?mo|\\bslow motion|\\bslow\\s+(?:\\S+\\s+){0,3}?down\\b|\\bspeed|慢放|慢动作|加速|倍速|转场|过渡|transition");

  /**
   * The level of new composed music over clips with sound of their own. Composed music is about
   * −19 LUFS; at 40 % (−8 dB), ducked 12 dB under speech, dialogue at −23 LUFS stands some 16 LU
   * above it, and between the words the music is clearly there without covering the clips.
   */
  static final double UNDER_CLIPS = 0.4;
  /** The maker's style when none is named (see {@code compose/styles.json}). */
  private static final String DEFAULT_STYLE = "upbeat pop";
  private static final Pattern OTHER_TARGET = Pattern.compile("original sound|title|caption|\\btext\\b|«");

  @Override
  public Optional<Edit> apply(Turn turn, Draft draft) {
    MusicMaker maker = turn.maker();
    if (OTHER_TARGET.matcher(turn.whole()).find()) return Optional.empty();
    if (maker != null && turn.has(NO_DRUMS)) return withoutDrums(turn, draft, maker);
    if (turn.negated()) return Optional.empty();
    boolean compose = turn.match(COMPOSE) != null;
    if (turn.has(MOVING) && !compose && (maker == null || turn.tracks().stream().anyMatch(t -> maker.wishOf(t).isEmpty()) && playing(draft, turn.media(), maker).isEmpty())) {
      return gentle(turn, draft, maker != null);
    }
    if (maker == null) {
      // "把音乐换成安静一点的": another music of a mood, which only another track gives here
      if (!compose && (turn.has(REPLACE) || turn.has(REPLACED_BY)) && (turn.has(CALMER) || turn.has(LIVELIER))) {
        turn.match(turn.has(REPLACE) ? REPLACE : REPLACED_BY);
        return Optional.of(Edit.answer(draft, "I can't make music here: send me a " + (turn.has(CALMER) ? "calmer" : "livelier")
                + " track and I'll put it in instead" + (turn.has(CALMER) && draft.music() != null ? ", or say \"music quieter\" to turn this one down." : "."),
            "这里不能生成音乐：发一首" + (turn.has(CALMER) ? "安静一点" : "欢快一点") + "的歌给我，我帮你换上"
                + (turn.has(CALMER) && draft.music() != null ? "；或者说“音乐小一点”把现在这首调小。" : "。")).as(Edit.Aside.ANOTHER_TRACK));
      }
      if (!compose) return Optional.empty();
      return Optional.of(cannot(draft));
    }
    Optional<MusicMaker.Wish> playing = playing(draft, turn.media(), maker);
    boolean sent = turn.tracks().stream().anyMatch(t -> maker.wishOf(t).isEmpty());
    // "a slow fade", "quiet music": words of a style that ask for another edit
    boolean otherEdit = !compose && otherEdit(turn.whole());
    Optional<String> named = mentionsSentTrack(turn, maker) || otherEdit ? Optional.empty() : maker.styleIn(spaced(turn.whole()));
    // "its for my grandpas 90th, make it touching": words an earlier reading claimed (the occasion) ask no other edit
    boolean moving = named.isEmpty() && !OTHER_EDIT.matcher(turn.text()).find() && turn.has(MOVING);
    if (moving && (playing.isPresent() || !sent)) {
      turn.match(MOVING);
      named = maker.styleIn(MOVING_STYLE);
      if (named.isPresent() && named.get().equals(playing.map(MusicMaker.Wish::style).orElse(null))) return Optional.of(Edit.understood(draft));
      if (named.isPresent()) return Optional.of(make(turn, draft, new MusicMaker.Wish(named.get(), 1), "new"));
    }
    // "帮我配个音乐，要那种很燃的": a style said in another part of the message is this music's
    Optional<String> saidBeside = mentionsSentTrack(turn, maker) ? Optional.empty() : styleBeside(turn, maker);
    String style = playing.map(MusicMaker.Wish::style).orElse(playing.isPresent() ? null : saidBeside.orElse(null));
    long seed = playing.map(w -> w.seed() + 1).orElse(1L);
    String kind;
    boolean open = playing.isPresent() || !sent && turn.has(ABOUT_MUSIC);
    if (compose && named.isEmpty()) {
      kind = playing.isPresent() ? "another" : "new";
    } else if ((playing.isPresent() || !sent) && turn.match(ANOTHER) != null) {
      kind = "another";
    } else if (turn.earlier("add_music") || turn.earlier("replace_music")) {
      // "音乐快一点 嗨一点": the same wish said twice in one message is made once
      return turn.has(CALMER) || turn.has(LIVELIER) || turn.has(FASTER) || named.isPresent() && named.equals(playing.map(MusicMaker.Wish::style))
          ? Optional.of(Edit.understood(draft)) : Optional.empty();
    } else if (open && (playing.isPresent() || named.isEmpty()) && turn.match(CALMER) != null) {
      turn.match(REPLACE);
      return Optional.of(moved(maker, turn.media(), draft, playing, true));
    } else if (open && (playing.isPresent() || named.isEmpty()) && (turn.match(LIVELIER) != null || turn.match(FASTER) != null)) {
      turn.match(REPLACE);
      return Optional.of(moved(maker, turn.media(), draft, playing, false));
    } else if (named.isPresent() && (compose || playing.isPresent() || !sent || turn.has(ABOUT_MUSIC))) {
      kind = "new";
      if (!named.get().equals(style)) seed = 1;
      style = named.get();
    } else if (playing.isPresent() && !sent && turn.match(REPLACE) != null) {
      kind = "another";
    } else {
      return Optional.empty();
    }
    turn.match(REPLACE); // "change the music to something dreamy" is this request, not a switch to another track
    return Optional.of(make(turn, draft, new MusicMaker.Wish(style, seed), kind));
  }

  /** A mood asked of a track sent, which is one recording: a gentle start and end is what the mix can give it. */
  private static Optional<Edit> gentle(Turn turn, Draft draft, boolean composes) {
    if (draft.music() == null) return Optional.empty();
    turn.match(MOVING);
    Edit faded = FadeMusic.fade(draft, Math.max(draft.music().fadeInMs(), 2000L), Math.max(draft.music().fadeOutMs(), 3000L));
    String en = "For a moving feel, the music now comes in gently over 2 s and fades out over the last 3 s; a track you sent can't be changed inside."
        + (composes ? " I can also compose a film score for it: say \"compose something cinematic\"." : " A calmer track you send would suit it too.");
    String zh = "为了更有感觉，音乐开头 2 秒淡入、最后 3 秒淡出；你发来的歌本身没法改。"
        + (composes ? "也可以让我为它生成电影感配乐：说“生成史诗电影配乐”。" : "也可以发一首更舒缓的歌来。");
    return Optional.of(Edit.done(faded.draft(), "fade_music", faded.step() == null ? Edit.args() : faded.step().args(), en, zh));
  }

  /** "no drums": the calmest style, when music can be made for this video now. */
  private static Optional<Edit> withoutDrums(Turn turn, Draft draft, MusicMaker maker) {
    Optional<MusicMaker.Wish> playing = playing(draft, turn.media(), maker);
    boolean sent = turn.tracks().stream().anyMatch(t -> maker.wishOf(t).isEmpty());
    // "compose music without drums" after a track was sent asks for made music all the same
    if (playing.isEmpty() && !turn.has(COMPOSE) && (sent || !turn.has(ABOUT_MUSIC) && draft.music() != null)) return Optional.empty();
    turn.match(COMPOSE);
    turn.match(NO_DRUMS);
    return Optional.of(withoutDrums(maker, turn.media(), draft, playing));
  }

  private static Edit withoutDrums(MusicMaker maker, List<Media> media, Draft draft, Optional<MusicMaker.Wish> playing) {
    String calmest = playing.map(MusicMaker.Wish::style).orElse(DEFAULT_STYLE);
    for (String calmer = maker.calmer(calmest); !calmer.equals(calmest); calmer = maker.calmer(calmest)) calmest = calmer;
    boolean same = playing.isPresent() && calmest.equals(playing.get().style());
    MusicMaker.Wish wish = new MusicMaker.Wish(calmest, same ? playing.get().seed() + 1 : 1);
    return make(maker, media, draft, wish, same ? "another" : "without drums");
  }

  /** Music one style calmer (or livelier) than the music made for it now, or than the default; a new version when none is. */
  private static Edit moved(MusicMaker maker, List<Media> media, Draft draft, Optional<MusicMaker.Wish> playing, boolean calmer) {
    String style = playing.map(MusicMaker.Wish::style).orElse(null);
    String base = style == null ? DEFAULT_STYLE : style;
    String next = calmer ? maker.calmer(base) : maker.livelier(base);
    // already the calmest style: a new version of it rather than the same track again
    boolean same = next.equals(style);
    String kind = calmer ? (same ? "calmest" : "calmer") : (same ? "liveliest" : "livelier");
    return make(maker, media, draft, new MusicMaker.Wish(next, same ? playing.get().seed() + 1 : 1), kind);
  }

  /** What a language model asks of made music, through its compose_music tool. */
  enum Ask { NEW, ANOTHER, CALMER, LIVELIER, WITHOUT_DRUMS }

  /**
   * Music made as {@code ask} says, as the words would make it: {@code words} name a style in the
   * person's words ("lo-fi", "欢快") or are null; words naming no style compose as "make me music" does.
   */
  static Edit compose(Draft draft, List<Media> media, MusicMaker maker, Ask ask, String words) {
    if (maker == null) return cannot(draft);
    Optional<MusicMaker.Wish> playing = playing(draft, media, maker);
    String style = playing.map(MusicMaker.Wish::style).orElse(null);
    long seed = playing.map(w -> w.seed() + 1).orElse(1L);
    return switch (ask) {
      case CALMER -> moved(maker, media, draft, playing, true);
      case LIVELIER -> moved(maker, media, draft, playing, false);
      case WITHOUT_DRUMS -> withoutDrums(maker, media, draft, playing);
      case ANOTHER -> make(maker, media, draft, new MusicMaker.Wish(style, seed), "another");
      case NEW -> {
        Optional<String> named = words == null ? Optional.empty() : maker.styleIn(spaced(words.strip().toLowerCase(Locale.ROOT)));
        if (named.isEmpty()) yield make(maker, media, draft, new MusicMaker.Wish(style, seed), playing.isPresent() ? "another" : "new");
        yield make(maker, media, draft, new MusicMaker.Wish(named.get(), named.get().equals(style) ? seed : 1), "new");
      }
    };
  }

  private static Edit cannot(Draft draft) {
    return Edit.refused(draft, "compose_music", Edit.args(),
        "This studio can't compose music. Send me a track (mp3, wav, m4a…) and I'll add it.",
        "这里不能生成音乐。请发送一首音乐（mp3、wav、m4a……），我会把它加上。");
  }

  /** "配个lofi": a style word written against Chinese stands on its own for the maker. */
  /** Words of a style asking for another edit ("a slow fade", "quiet music"); a clip named by number is not one. */
  private static boolean otherEdit(String clause) {
    return OTHER_EDIT.matcher(SOFT_STYLE.matcher(clause.replaceAll("clip \\d+", "clip")).replaceAll("")).find();
  }

  /** The style the other parts of the message name, where they ask for no other edit. */
  static Optional<String> styleBeside(Turn turn, MusicMaker maker) {
    for (String clause : turn.message().split(", ")) {
      if (clause.equals(turn.whole()) || otherEdit(clause)) continue;
      Optional<String> named = maker.styleIn(spaced(clause));
      if (named.isPresent()) return named;
    }
    return Optional.empty();
  }

  private static String spaced(String words) {
    return words.replaceAll("(?<=\\p{IsHan})(?=[a-z])|(?<=[a-z])(?=\\p{IsHan})", " ");
  }

  /** Composes the music and puts it on the timeline; {@code kind} words the answer. */
  static Edit make(Turn turn, Draft draft, MusicMaker.Wish wish, String kind) {
    return make(turn.maker(), turn.media(), draft, wish, kind);
  }

  static Edit make(MusicMaker maker, List<Media> media, Draft draft, MusicMaker.Wish wish, String kind) {
    try {
      Media made = maker.make(draft, media, wish);
      var args = Edit.args().put("track", made.filename()).put("src", made.id()).put("composed", true)
          .put("seed", wish.seed());
      if (wish.style() != null) args.put("style", wish.style());
      Draft next = AddMusic.place(draft, made);
      boolean under = draft.music() == null && clipsSound(draft, media);
      if (under) next = next.withMusic(next.music().withVolume(UNDER_CLIPS));
      String name = made.filename().replaceFirst("\\.m4a$", "");
      String en = switch (kind) {
        case "another" -> "Made another version for you: '" + name + "'.";
        case "calmer" -> "Made something calmer for you: '" + name + "'.";
        case "livelier" -> "Made something livelier for you: '" + name + "'.";
        case "calmest" -> "That was already my calmest style, so here is another version of it: '" + name + "'.";
        case "liveliest" -> "That was already my liveliest style, so here is another version of it: '" + name + "'.";
        case "without drums" -> "Made music without drums for you: '" + name + "'. It's yours to use.";
        default -> "Made music for you: '" + name + "', composed to this video's length and cuts. It's yours to use.";
      } + (under ? " It plays at " + Math.round(UNDER_CLIPS * 100) + "% under the clips' own sound; say \"music louder\" for more." : "");
      String zh = switch (kind) {
        case "another" -> "已为你生成另一个版本：「" + name + "」。";
        case "calmer" -> "已为你生成更舒缓的配乐：「" + name + "」。";
        case "livelier" -> "已为你生成更欢快的配乐：「" + name + "」。";
        case "calmest" -> "这已经是最舒缓的风格了，为你生成了它的另一个版本：「" + name + "」。";
        case "liveliest" -> "这已经是最欢快的风格了，为你生成了它的另一个版本：「" + name + "」。";
        case "without drums" -> "已为你生成没有鼓的配乐：「" + name + "」，可自由使用。";
        default -> "已为你创作配乐「" + name + "」，按视频的长度和剪辑点生成，可自由使用。";
      } + (under ? "音量 " + Math.round(UNDER_CLIPS * 100) + "%，垫在视频原声下面；想要更响就说“音乐大声一点”。" : "");
      return Edit.done(next, draft.music() == null ? "add_music" : "replace_music", args, en, zh).withCreated(List.of(made));
    } catch (IOException e) {
      return Edit.refused(draft, "add_music", Edit.args().put("composed", true),
          "I couldn't make music here: " + e.getMessage(), "这里无法生成音乐：" + e.getMessage());
    }
  }

  /** Whether a clip on the timeline plays sound of its own (not muted). */
  private static boolean clipsSound(Draft draft, List<Media> media) {
    return draft.clips().stream().filter(c -> c.level() > 0).anyMatch(c -> media.stream()
        .anyMatch(m -> m.id().equals(c.src()) && m.info().kind() == MediaKind.VIDEO && m.info().hasAudio()));
  }

  /** The wish the music playing now was composed from, if it was. */
  private static Optional<MusicMaker.Wish> playing(Draft draft, List<Media> media, MusicMaker maker) {
    Music music = draft.music();
    if (music == null) return Optional.empty();
    return media.stream().filter(m -> m.id().equals(music.src())).findFirst().flatMap(maker::wishOf);
  }

  /** "use lofi-chill.mp3" names a track that was sent, not a style to compose in. */
  private static boolean mentionsSentTrack(Turn turn, MusicMaker maker) {
    String words = turn.whole();
    return turn.tracks().stream().filter(t -> maker.wishOf(t).isEmpty())
        .map(t -> t.filename().toLowerCase(Locale.ROOT).replaceFirst("\\.[a-z0-9]{1,5}$", "").split("[-_ .]+")[0])
        .anyMatch(base -> base.length() >= 3 && words.contains(base));
  }
}
