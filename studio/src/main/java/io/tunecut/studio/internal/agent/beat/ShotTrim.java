package io.tunecut.studio.internal.agent.beat;

import io.tunecut.studio.internal.agent.Edit;
import io.tunecut.studio.internal.draft.Clip;
import io.tunecut.studio.internal.draft.Draft;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Trimming a montage shot ({@link Draft#isShot}): by whole beats, a beat left at least, so the
 * draft lays every later shot on the beat again; the answer says so. A length in seconds
 * becomes the nearest whole beats.
 */
public final class ShotTrim {
  private ShotTrim() {}

  /**
   * Shot {@code pos} (from 1) shorter by the whole beats nearest {@code cutMs}, one at least,
   * from its start ({@code head}) or its end.
   */
  public static Edit shorter(Draft draft, int pos, long cutMs, boolean head) {
    Clip c = draft.clips().get(pos - 1);
    if (c.beats() <= 1) {
      return Edit.refused(draft, "trim_clip", args(c),
          "Shot " + pos + " (" + c.name() + ") is a single beat, the shortest a shot on the beat can be. Say \"remove clip " + pos + "\" to drop it.",
          "第 " + pos + " 个镜头（" + c.name() + "）只有 1 拍，卡点镜头不能再短了。要去掉就说“删掉第" + pos + "段”。");
    }
    double asked = cutMs / draft.grid().periodMs();
    int fewer = 1;
    for (int k = 2; k < c.beats(); k++) if (cost(k, asked, c.beats()) < cost(fewer, asked, c.beats())) fewer = k;
    return laid(draft, pos, c.beats() - fewer, head);
  }

  /**
   * How far {@code fewer} beats are from the {@code asked}: an odd number off a shot of an even
   * number counts a little more, as it moves every later cut to the other half of the bar.
   */
  private static double cost(int fewer, double asked, int beats) {
    return Math.abs(fewer - asked) + (beats % 2 == 0 && fewer % 2 == 1 ? 0.4 : 0);
  }

  /** Shot {@code pos} (from 1) lasting the whole beats nearest {@code ms}, within {@code availableMs} of its source. */
  public static Edit lasting(Draft draft, int pos, long ms, long availableMs) {
    Clip c = draft.clips().get(pos - 1);
    double period = draft.grid().periodMs();
    int most = (int) Math.max(1, Math.floor(availableMs / period + 0.05)); // a frame or two past the source is held
    int beats = (int) Math.max(1, Math.min(most, Math.round(ms / period)));
    return laid(draft, pos, beats, false);
  }

  /** Whether any of the clips {@code positions} (from 1) of {@code draft} is a montage shot. */
  public static boolean anyShot(Draft draft, List<Integer> positions) {
    return positions.stream().anyMatch(p -> draft.isShot(p - 1));
  }

  private static Edit laid(Draft draft, int pos, int beats, boolean head) {
    Clip c = draft.clips().get(pos - 1);
    long ms = Math.max(1, Math.round(beats * draft.grid().periodMs()));
    List<Clip> clips = new ArrayList<>(draft.clips());
    clips.set(pos - 1, c.withDuration(ms).withBeats(beats));
    Draft next = draft.withClips(clips);
    Clip now = next.clips().get(pos - 1);
    if (head) { // the start of the shot goes, as much of the source as the screen time lost
      clips = new ArrayList<>(next.clips());
      clips.set(pos - 1, c.withoutHead(c.durationMs() - now.durationMs()).withBeats(now.beats()));
      next = draft.withClips(clips);
    }
    Clip t = next.clips().get(pos - 1);
    var args = args(c).put("in_ms", t.inMs()).put("duration_ms", t.durationMs()).put("beats", t.beats());
    return Edit.done(next, "trim_clip", args, sentence(draft, next, pos, false), sentence(draft, next, pos, true));
  }

  /** "Shot 2 (b.mp4) is 2 beats shorter: 2 beats, 1 s now; the cuts stay on the beat." */
  private static String sentence(Draft before, Draft after, int pos, boolean zh) {
    Clip was = before.clips().get(pos - 1);
    Clip now = after.clips().get(pos - 1);
    int change = now.beats() - was.beats();
    String beats = beats(Math.abs(change), zh);
    if (zh) {
      String what = change < 0 ? "缩短了 " + beats : change > 0 ? "加长了 " + beats : "还是 " + beats(now.beats(), true);
      return "第 " + pos + " 个镜头（" + now.name() + "）" + what + "，现在 " + beats(now.beats(), true) + "（"
          + seconds(now.durationMs()) + " 秒" + "），剪辑点仍然卡在节拍上。";
    }
    String what = change < 0 ? " is " + beats + " shorter" : change > 0 ? " is " + beats + " longer" : " stays";
    return "Shot " + pos + " (" + now.name() + ")" + what + ": " + beats(now.beats(), false) + ", "
        + seconds(now.durationMs()) + " s" + " now; the cuts stay on the beat.";
  }

  /** "1", "1.5": as the other answers write lengths. */
  private static String seconds(long ms) {
    double s = ms / 1000.0;
    return s == Math.rint(s) ? String.valueOf((long) s) : String.format(Locale.ROOT, "%.1f", s);
  }

  private static String beats(int n, boolean zh) {
    return zh ? n + " 拍" : n + (n == 1 ? " beat" : " beats");
  }

  private static com.fasterxml.jackson.databind.node.ObjectNode args(Clip c) {
    return Edit.args().put("clip", c.name());
  }
}
