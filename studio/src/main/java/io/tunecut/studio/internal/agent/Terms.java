package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.draft.Draft;
import java.util.Locale;

/** Words of editing ("fade", 转场), explained in a sentence with the words that ask for them. */
final class Terms {
  private Terms() {}

  /** The request that adds what {@code term} names, as the explanation offers it ("fade in the music"); null when none. */
  static String request(String term) {
    String t = term.toLowerCase(Locale.ROOT).replace("-", " ");
    if (t.matches("cross ?fade|transition|转场")) return "crossfade the clips";
    if (t.matches("fade ?in|淡入")) return "fade in the music";
    if (t.matches("fade ?out|淡出")) return "fade out the music";
    if (t.matches("fade|淡入淡出")) return "fade the music in and out";
    if (t.matches("ducking|duck|闪避")) return "lower the music when people talk";
    if (t.matches("loop|循环")) return "loop the music";
    return null;
  }

  static Edit explain(String term, Draft draft) {
    String t = term.toLowerCase(Locale.ROOT).replace("-", " ");
    if (t.matches("cross ?fade|transition|转场")) {
      return Edit.question(draft, "A crossfade is a transition where one clip melts into the next instead of a hard cut. Say \"crossfade the clips\" to add one.",
          "转场就是两个片段之间的过渡，比如前一段慢慢淡进下一段，而不是硬切。说“片段之间加个转场”就能加上。");
    }
    if (t.matches("fade ?in|淡入")) {
      return Edit.question(draft, "A fade-in brings the music up gently from silence at the start. Say \"fade in the music\" to add one.",
          "淡入就是音乐开头从无声慢慢变大。说“音乐淡入”就能加上。");
    }
    if (t.matches("fade ?out|淡出")) {
      return Edit.question(draft, "A fade-out lowers the music gently to silence at the end, so it doesn't stop abruptly. Say \"fade out the music\" to add one.",
          "淡出就是音乐结尾慢慢变小到无声，不会戛然而止。说“音乐淡出”就能加上。");
    }
    if (t.matches("fade|淡入淡出")) {
      return Edit.question(draft, "A fade makes the music come in or go out gently instead of all at once (a fade-in at the start, a fade-out at the end). Say \"fade the music in and out\" to add both.",
          "淡入淡出就是音乐开头慢慢变大、结尾慢慢变小，而不是突然开始或停止。说“音乐淡入淡出”就能加上。");
    }
    if (t.matches("ducking|duck|闪避")) {
      return Edit.question(draft, "Ducking lowers the music while people talk in the clips, so their voices come through. Say \"lower the music when people talk\".",
          "闪避就是有人说话时自动把音乐压低，让人声听得清。说“说话时音乐调小”即可。");
    }
    if (t.matches("montage|卡点")) {
      return Edit.question(draft, "A beat montage cuts short shots from your clips on the music's beats. Say \"make a 30 second montage\" or \"sync it to the beat\".",
          "卡点就是让画面切换落在音乐的节拍上。说“卡点”或“做个30秒的卡点视频”即可。");
    }
    if (t.matches("loop|循环")) {
      return Edit.question(draft, "Looping plays the music again from the start when it ends before the video. Say \"loop the music\" or \"don't loop\".",
          "循环就是音乐比视频短时从头再放。说“音乐循环”或“不要循环”。");
    }
    if (t.matches("aspect ratio|比例")) {
      return Edit.question(draft, "The aspect ratio is the frame's shape: 9:16 vertical (TikTok, Reels), 16:9 horizontal (YouTube), 1:1 square. Say e.g. \"make it vertical\".",
          "比例就是画面的形状：9:16 竖屏（抖音），16:9 横屏（B站），1:1 方形。比如说“改成竖屏”。");
    }
    return Edit.question(draft, "BPM is the song's tempo, beats per minute. Ask \"what's the bpm?\" and I'll tell you the music's.",
        "BPM 是歌的速度，每分钟多少拍。问“多少bpm”我就告诉你。");
  }
}
