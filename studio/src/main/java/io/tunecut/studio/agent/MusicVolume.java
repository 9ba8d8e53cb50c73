package io.tunecut.studio.agent;

import io.tunecut.studio.draft.Draft;
import io.tunecut.studio.draft.Music;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** "music at 35%", "volume 50%", "quieter", "turn the music up", "音量35%", "音乐小声一点". */
final class MusicVolume implements Instruction {
  private static final Pattern PERCENT = Pattern.compile("(\\d{1,3}(?:\\.\\d+)?)\\s*(?:%|percent|％)");
  private static final Pattern PERCENT_CONTEXT = Pattern.compile("music|song|track|bgm|volume|level|音量|音乐|配乐");
  private static final Pattern QUIETER = Pattern.compile(
      "quieter|softer|too loud|(turn|bring)[^.;!?]{0,15}down|(lower|reduce|decrease)[^.;!?]{0,15}(music|volume|song|bgm)"
          + "|小声|调低|降低音量|音量小|轻一点|太吵");
  private static final Pattern LOUDER = Pattern.compile(
      "louder|(turn|bring)[^.;!?]{0,15}up|(raise|increase|boost)[^.;!?]{0,15}(music|volume|song|bgm)|大声|调高|提高音量|音量大");
  private static final Pattern CLIP_SOUND = Pattern.compile(
      "(clip|clips|original|video|own|voice|speech|ambient)'?s?\\s+(sound|audio|voice)|原声|视频声音|人声");
  private static final Pattern LOUDNESS = Pattern.compile("loudness|normali[sz]|响度");

  @Override
  public Optional<Edit> apply(Turn turn, Draft draft) {
    if (turn.has(CLIP_SOUND) || turn.has(LOUDNESS)) return Optional.empty();
    Matcher pct = turn.match(PERCENT);
    Double target = null;
    if (pct != null && (turn.has(PERCENT_CONTEXT) || !turn.text().contains("clip"))) {
      target = Double.parseDouble(pct.group(1)) / 100.0;
    }
    boolean quieter = target == null && turn.has(QUIETER);
    boolean louder = target == null && !quieter && turn.has(LOUDER);
    if (target == null && !quieter && !louder) return Optional.empty();
    Music music = draft.music();
    if (music == null) {
      return Optional.of(Edit.refused(draft, "set_music_volume", Edit.args(),
          "There is no background music yet: add a track first (\"add background music\").",
          "还没有背景音乐：请先添加（“添加背景音乐”）。"));
    }
    double v = target != null ? target : quieter ? music.volume() * 0.7 : music.volume() * 1.4;
    v = Math.max(0, Math.min(2.0, Math.round(v * 100) / 100.0));
    var args = Edit.args().put("volume", v);
    return Optional.of(Edit.done(draft.withMusic(music.withVolume(v)), "set_music_volume", args,
        "Music volume set to " + Words.percent(v) + ".", "音乐音量已设为 " + Words.percent(v) + "。"));
  }
}
