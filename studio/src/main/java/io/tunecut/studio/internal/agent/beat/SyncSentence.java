package io.tunecut.studio.internal.agent.beat;

import io.tunecut.studio.internal.agent.DuckMusic;
import java.util.Locale;

/** What the agent says after a beat edit, in the user's language ("en" or "zh"). */
public final class SyncSentence {
  private SyncSentence() {}

  /**
   * "118 BPM, 14 cuts — the song plays from 0.42 s in so 11 of 14 cuts land on a beat.", and
   * when cuts were nudged, by how much: "…in and 2 cuts moved by up to 3 frames (100 ms) onto
   * their beats, so 14 of 14 cuts land on a beat."; and why the cuts that could reach a beat
   * did not ({@code stuck}: the clips beside them are used to their ends).
   */
  public static String synced(CutSync.Plan plan, int stuck, double fps, String language) {
    boolean zh = "zh".equals(language);
    long bpm = Math.round(plan.tempo());
    int cuts = plan.cuts().size();
    if (cuts == 0) {
      return zh ? bpm + " BPM。视频里没有剪辑点，音乐从头开始。"
          : bpm + " BPM. The video has no cuts, so the music starts from the top.";
    }
    String shift = seconds(plan.musicIn());
    boolean shifted = plan.musicIn() >= 0.005;
    int moved = plan.moved();
    long frames = Math.max(1, Math.round(plan.mostMoved() * fps));
    long ms = Math.round(plan.mostMoved() * 1000);
    if (zh) {
      String what = shifted ? "音乐从歌曲的第 " + shift + " 秒开始播放" : "音乐从头开始";
      if (moved > 0) {
        what += "，" + moved + " 个剪辑点" + (moved == 1 ? "挪了 " : "最多挪了 ") + frames + " 帧（" + ms + " 毫秒）踩到节拍上";
      }
      return bpm + " BPM，" + cuts + " 个剪辑点——" + what + "，" + cuts + " 个剪辑点中有 "
          + plan.onBeat() + " 个卡在节拍上。" + (stuck == 0 ? "" : "有 " + stuck
          + " 个挪不到节拍上：两边的片段已经用到头，没有多余的画面可挪。");
    }
    String what = shifted ? "the song plays from " + shift + " s in" : "the music starts from the top";
    if (moved > 0) {
      what += (shifted ? " and " : "; ") + (moved == 1 ? "1 cut moved " : moved + " cuts moved by up to ") + frames
          + (frames == 1 ? " frame" : " frames") + " (" + ms + " ms) onto " + (moved == 1 ? "its beat" : "their beats");
    }
    String joiner = shifted || moved > 0 ? (moved > 0 ? ", so " : " so ") : "; ";
    return bpm + " BPM, " + cuts + (cuts == 1 ? " cut" : " cuts") + " — " + what + joiner
        + plan.onBeat() + " of " + cuts + (cuts == 1 ? " cut lands" : " cuts land") + " on a beat."
        + (stuck == 0 ? "" : " " + stuck + (stuck == 1 ? " cut can't move onto its beat" : " cuts can't move onto their beats")
            + ": the clips beside " + (stuck == 1 ? "it" : "them") + " are used to their ends, with no footage to spare.");
  }

  /**
   * "Made a 48.0 s montage of the 3 clips: 24 shots of 2 beats at 128 BPM, every cut on a beat."
   * One sentence for what happened: the montage replaces the clips, whatever they were before.
   */
  public static String montage(Montage.Plan plan, int clips, String language) {
    long bpm = Math.round(plan.tempo());
    int shots = plan.shots().size();
    String length = String.format(Locale.ROOT, "%.1f", plan.length());
    if ("zh".equals(language)) {
      return "已用 " + clips + " 个片段剪成 " + length + " 秒的卡点混剪：" + shots + " 个镜头，每个 " + plan.beatsPerShot()
          + " 拍，" + bpm + " BPM，每个剪辑点都卡在节拍上。";
    }
    return "Made a " + length + " s montage of " + (clips == 1 ? "the clip" : "the " + clips + " clips") + ": " + shots
        + (shots == 1 ? " shot" : " shots") + " of " + plan.beatsPerShot() + (plan.beatsPerShot() == 1 ? " beat" : " beats")
        + " at " + bpm + " BPM, every cut on a beat.";
  }

  /**
   * Why a montage is shorter than asked, when it is by more than a shot: the footage or the music
   * ran out. Shots are not shown twice, as a repeated shot reads as padding; more clips make it longer.
   *
   * @param wanted seconds asked for, or 0 for none
   * @param footage seconds of clip between them
   * @param music seconds of music from where it starts
   */
  public static String shorter(double wanted, Montage.Plan plan, double footage, double music, String language) {
    double shot = plan.shots().isEmpty() ? 0 : plan.shots().get(0).length();
    if (wanted <= 0 || plan.length() >= wanted - Math.max(0.5, shot)) return "";
    String asked = String.format(Locale.ROOT, "%.0f", wanted);
    boolean clipsShort = footage <= music;
    String have = String.format(Locale.ROOT, "%.1f", clipsShort ? footage : music);
    if ("zh".equals(language)) {
      return clipsShort
          ? " 比你要的 " + asked + " 秒短：片段加起来只有 " + have + " 秒，同一个镜头不重复用，剪到最后一个整拍。要更长就再发几段视频。"
          : " 比你要的 " + asked + " 秒短：音乐从第一个强拍起只有 " + have + " 秒。要更长就换一首更长的音乐。";
    }
    return clipsShort
        ? " That is shorter than the " + asked + " s you asked for: the clips have " + have
            + " s between them, I don't show a shot twice, and the end falls on a beat. Send more clips for a longer one."
        : " That is shorter than the " + asked + " s you asked for: the music has only " + have
            + " s from its first downbeat. A longer track makes a longer montage.";
  }

  /** "The music fades out from the bar line at 12.10 s and ends with the video at 14.00 s." */
  public static String phrase(PhraseEnding.Plan plan, double musicStart, String language) {
    String end = seconds(musicStart + plan.length());
    String from = seconds(musicStart + plan.length() - plan.fadeOut());
    if ("zh".equals(language)) {
      return plan.onBar() ? "音乐从 " + from + " 秒的小节线开始淡出，随视频在 " + end + " 秒结束。"
          : "结尾附近没有找到小节线，音乐从 " + from + " 秒开始淡出，随视频在 " + end + " 秒结束。";
    }
    return plan.onBar() ? "The music fades out from the bar line at " + from + " s and ends with the video at " + end + " s."
        : "No bar line near the end, so the music fades out from " + from + " s and ends with the video at " + end + " s.";
  }

  /** "The music goes down 12 dB in 3 places where people talk." */
  public static String ducked(int places, int db, String language) {
    return DuckMusic.sentence(places, db, "zh".equals(language));
  }

  /** The clips were muted or the speech cut out: ducking waits until someone can be heard. */
  public static String nobodyHeard(String language) {
    return "zh".equals(language) ? "现在片段里听不到人声，音乐不再降低。"
        : "Nobody can be heard in the clips now, so the music no longer dips.";
  }

  private static String seconds(double s) {
    return String.format(Locale.ROOT, "%.2f", s);
  }
}
