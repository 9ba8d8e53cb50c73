package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.draft.Music;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** "music at 35%", "volume 50%", "lower the music by 20 db", "quieter", "the music is too quiet", "把音乐调小一点", "音量百分之二十". */
final class MusicVolume implements Instruction {
  private static final Pattern BY = Pattern.compile(
      "\\b(down|lower|reduce|decrease|quieter|softer|cut|drop|up|raise|increase|louder|boost)\\b.{0,20}?\\bby (\\d+(?:\\.\\d+)?)%"
          + "|(调低|降低|减小|调小|调高|提高|增大|调大)\\s*(\\d+(?:\\.\\d+)?)%");
  private static final String DOWN = "down|lower|reduce|decrease|quieter|softer|cut|drop|.*[低小少降减].*";
  /** A change in decibels: "lower the music by 20 db" is a tenth of the level, "音乐降低6分贝" half; "music at -6db" is set. */
  private static final Pattern BY_DB = Pattern.compile(
      "\\b(down|lower|reduce|decrease|quieter|softer|cut|drop|up|raise|increase|louder|boost)\\b.{0,20}?\\b(?:by\\s+)?(\\d+(?:\\.\\d+)?)db\\b"
          + "|((?:调|降|减|变|放)?(?:低|小|少)|降|减|(?:调|提|增|变|放|升)?(?:高|大)|增加)\\s*(?:了)?\\s*(\\d+(?:\\.\\d+)?)db"
          + "|(?:music|song|volume)\\s*(?:at\\s+|to\\s+)?(-\\d+(?:\\.\\d+)?)db\\b");
  private static final Pattern PERCENT = Pattern.compile(
      "(\\d+(?:\\.\\d+)?)%|(?:(?<=music |song |volume |level |音量|music|调到|降到|设为|调成)(?:at\\s+|to\\s+)?|(?:down|up) to (?:like |about |around |maybe )?|\\b(?:quiet|soft|low|loud)(?:er)?\\s+(?:(?:like|about|around|maybe|at)\\s+)?)(\\d{1,3})(?![\\d.%sx]|db)");
  private static final Pattern FILLER = Pattern.compile(
      "(?:\\b(?:set|it|to|at|make|put|turn|the|please|pls|change|now|just|a|bit|down|up|for|me|can|you|use|with|on|volume)\\b|[^a-z\\p{IsHan}]|调到|设为|改成|调成|请|吧)*");
  static final Pattern QUIETER = Pattern.compile(
      "quieter|softer|too loud|too high|(?:turn|bring|put|dial)\\b.{0,20}\\bdown\\b|\\b(?:lower|reduce|decrease)\\b|less loud|down a bit|not so loud|\\bless (?:music|song|volume)\\b"
          + "|(?:调|变|放)?小(?:一)?点|小声|调小|调低|低一点|降低|太大|太吵|太响|轻一点|弱一点|别那么大");
  static final Pattern LOUDER = Pattern.compile(
      "louder|too quiet|too soft|too low|can'?t hear|barely hear|hard to hear|not loud enough|(?:turn|bring|put|dial|pump)\\b.{0,20}\\bup\\b"
          + "|\\b(?:raise|increase|boost)\\b|more audible|\\bmore (?:music|song|volume)\\s*(?:please)?$|(?:调|变|放)?大(?:一)?点|大声|调大|调高|高一点|提高|太小|听不到|听不见|太轻|响一点");
  private static final Pattern TOO_LOUD = Pattern.compile(
      "too loud|louder than|drown(?:s|ing)? (?:\\w+ )?out|overpower|太大|太响|太炸|盖过|盖住|抢戏|(?:太|有点|有些|好|很|真|超|特别)(?:吵|响|大声?)|吵死|好吵|吵耳"
          + "|\\b(?:kinda|kind of|a bit|a little|bit|pretty|really|so|very|quite|way) loud\\b");
  private static final Pattern TOO_QUIET = Pattern.compile(
      "too (?:quiet|soft|low)|\\b(?:kinda|kind of|a bit|a little|bit|pretty|really|so|very|quite|way) (?:quiet|soft)\\b|(?:有点|有些|好|很)(?:小声|轻)|can'?t (?:really )?hear|barely hear|hard to hear|太小|太轻|太弱|听不(?:太|大)?(?:清|到|见|出)");
  private static final Pattern OTHER_TARGET = Pattern.compile(
      "original sound|title|caption|text|«|bigger|smaller|shorter|longer|size|clip \\d|\\bclips\\b|\\bvideo\\b|视频|fade|淡|loudness|normali|响度|db\\b|duck|闪避|talk|speak|speech|说话|人声");
  private static final Pattern WHILE_SPEECH = Pattern.compile(
      "\\b(?:when|while|whenever|during)\\b.{0,20}?\\b(?:talk|speak|speech|voices?|toast|vows|dialogue)|(?:说话|讲话|人声|对白|致辞)[^，。,]{0,4}?(?:的时候|时)");
  /** "way lower", "much louder", "小很多": a step twice as large (half or double), where "a bit" is 0.7 or 1.4. */
  private static final Pattern MUCH = Pattern.compile(
      "\\b(?:way|much|a lot|lots|far|heaps|so much)\\s+(?:quieter|softer|lower|louder|higher|down|up)\\b|(?:小|低|大|高|轻)(?:很多|得多|多了)");
  private static final Pattern VOLUME_WORDS = Pattern.compile("music|song|volume|level|loud|quiet|音量|声音|声|吵");

  @Override
  public Optional<Edit> apply(Turn turn, Draft draft) {
    // "把音乐调小一点" with no music yet: the music just added for it claimed the word music
    boolean aboutMusic = turn.has(VOLUME_WORDS)
        || turn.whole().matches("(?s).*\\b(?:music|song)\\b.*") && (turn.has(QUIETER) || turn.has(LOUDER));
    if (turn.has(OTHER_TARGET) && !turn.has(Pattern.compile("\\b(?:music|song|volume)\\b"))) return Optional.empty();
    // "too loud compared to the talking", "盖住说话了": the music is too loud, however the speech is named
    boolean louderThanSpeech = turn.has(Pattern.compile("too loud|louder than|compared to|drown|overpower|盖住|盖过|太大|太吵|太响"));
    // "too loud during the speech", "说话的时候音乐太大声": the music goes further down there only (ducking)
    if (louderThanSpeech && turn.has(WHILE_SPEECH)) return Optional.empty();
    if (turn.has(Pattern.compile("original sound|title|caption|«|shorter|longer|duck|闪避"))
        || !louderThanSpeech && turn.has(Pattern.compile("talk|speak|speech|voice|dialog|\\bunder\\b|说话|人声|对白"))) return Optional.empty();
    // a clip named with a volume is that clip's own sound ("the music festival clip at 50%")
    if (turn.has(Pattern.compile("(?<![a-z])clip \\d")) && !turn.has(Pattern.compile("\\b(?:music|song)\\b"))) return Optional.empty();
    if (turn.has(Pattern.compile("\\d+db\\b")) && !turn.has(BY_DB)) return Optional.empty();
    Music music = draft.music();
    double now = music == null ? 1.0 : music.volume();
    Double v = null;
    Matcher db = turn.match(BY_DB);
    Matcher by = db == null ? turn.match(BY) : null;
    if (db != null) {
      String verb = db.group(1) != null ? db.group(1) : db.group(3);
      double gain = Double.parseDouble(db.group(2) != null ? db.group(2) : db.group(4) != null ? db.group(4) : db.group(5));
      v = verb == null ? Math.pow(10, gain / 20) : now * Math.pow(10, (verb.matches(DOWN) ? -Math.abs(gain) : Math.abs(gain)) / 20);
    } else if (by != null) {
      String verb = by.group(1) != null ? by.group(1) : by.group(3);
      double p = Double.parseDouble(by.group(2) != null ? by.group(2) : by.group(4)) / 100;
      boolean down = verb.matches(DOWN);
      v = now * (down ? 1 - p : 1 + p);
    } else {
      Matcher pct = turn.has(Pattern.compile("\\d+%\\s*(?:shorter|longer)")) ? null : turn.match(PERCENT);
      if (pct != null && (aboutMusic || FILLER.matcher(turn.text().replace(pct.group(), "")).matches())) {
        v = Double.parseDouble(pct.group(1) != null ? pct.group(1) : pct.group(2)) / 100.0;
      } else if (pct != null) {
        turn.discard();
      }
    }
    if (v == null && turn.has(Pattern.compile("\\b(?:music|song)\\b"))) {
      if (turn.match(Pattern.compile("\\bmute\\b|\\bsilence\\b|静音")) != null) v = 0.0;
      else if (turn.match(Pattern.compile("\\bmax(?:imum)?\\b|\\bfull volume\\b|最大")) != null) v = 2.0;
    }
    if (v == null && aboutMusic || v == null && turn.text().matches("\\s*(?:a bit |a little |slightly |much |way )?(?:quieter|louder|softer)\\s*(?:please)?\\s*|\\s*(?:turn|bring) (?:it|this|that) (?:down|up)(?: a bit| a little)?\\s*(?:please)?\\s*")) {
      // "too loud" before "loud": 太大声 asks for less, 听不清 for more
      boolean much = turn.has(MUCH);
      if (turn.match(TOO_LOUD) != null) v = now * (much ? 0.5 : 0.7);
      else if (turn.match(TOO_QUIET) != null) v = now * (much ? 2 : 1.4);
      else if (turn.match(LOUDER) != null) v = now * (much ? 2 : 1.4);
      else if (turn.match(QUIETER) != null) v = now * (much ? 0.5 : 0.7);
      if (much) turn.match(MUCH);
      if (v != null && turn.earlier("set_music_volume")) return Optional.of(Edit.understood(draft));
    }
    if (v == null) return Optional.empty();
    return Optional.of(set(draft, v));
  }

  /** @param volume 1.0 is the track as it is, up to 2.0 */
  static Edit set(Draft draft, double volume) {
    Music music = draft.music();
    if (music == null) {
      return Edit.refused(draft, "set_music_volume", Edit.args(),
          "There is no background music yet: add a track first (\"add background music\").",
          "还没有背景音乐：请先添加（“添加背景音乐”）。");
    }
    double v = Math.max(0, Math.min(2.0, Math.round(volume * 100) / 100.0));
    var args = Edit.args().put("volume", v);
    return Edit.done(draft.withMusic(music.withVolume(v)), "set_music_volume", args,
        "Music volume set to " + Words.percent(v) + ".", "音乐音量已设为 " + Words.percent(v) + "。");
  }
}
