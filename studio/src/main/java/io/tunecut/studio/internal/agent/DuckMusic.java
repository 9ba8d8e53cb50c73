package io.tunecut.studio.internal.agent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.draft.Music;
import java.util.List;

/**
 * "Lower the music when people talk" / "说话时音乐小一点" / "no ducking": the one way the music's
 * ducking is changed, whether the rules read it or a language model asked for it. The draft
 * keeps the wish (the depth, or "keep it level"); where people speak is worked out from the
 * timeline as it is now.
 */
public final class DuckMusic {
  /** The music goes down 12 dB under speech when no depth is asked: clearly under, still there. */
  public static final int DEFAULT_DB = -12;
  static final String TOOL = "duck_music";

  private DuckMusic() {}

  /**
   * The music lowered by {@code db} (negative) where people speak.
   *
   * @param heard where people can be heard on the timeline now, or null when that is not known
   *     here (the ranges then follow once the message is read)
   */
  public static Edit duck(Draft draft, int db, List<Music.Range> heard) {
    int depth = -Math.abs(db);
    var args = Edit.args().put("db", depth);
    if (draft.music() == null) return refused(draft, args);
    Music music = draft.music();
    List<Music.Range> ranges = heard != null ? heard : music.duck() == null ? List.of() : music.duck().speech();
    var findings = Edit.args().put("db", depth);
    if (heard != null) findings.put("ranges", heard.size());
    String en;
    String zh;
    if (heard == null) {
      en = "The music goes down " + -depth + " dB wherever people talk.";
      zh = "有人说话的地方，音乐降低 " + -depth + " dB。";
    } else {
      en = sentence(heard.size(), depth, false);
      zh = sentence(heard.size(), depth, true);
    }
    return Edit.done(draft.withMusic(music.ducked(depth, ranges)), TOOL, args, findings, en, zh);
  }

  /** The most the music goes down under speech when asked again and again. */
  static final int DEEPEST_DB = -30;

  /**
   * The depth a request with none said asks for: the usual 12 dB, or, where the music already goes
   * down, 6 dB more ("the music is still too loud when she talks").
   */
  public static int deeper(Draft draft) {
    Music.Duck duck = draft.music() == null ? null : draft.music().duck();
    if (duck == null || duck.db() >= 0) return DEFAULT_DB;
    return (int) Math.max(DEEPEST_DB, Math.round(duck.db()) - 6);
  }

  /** "Don't duck": the music stays level under speech, and is not ducked by itself either. */
  public static Edit keepLevel(Draft draft) {
    var args = Edit.args().put("db", 0);
    if (draft.music() == null) return refused(draft, args);
    return Edit.done(draft.withMusic(draft.music().levelUnderSpeech()), TOOL, args, Edit.args().put("ranges", 0),
        "OK — the music stays at the same level when people talk.", "好的，有人说话时音乐也不降低。");
  }

  /** "The music goes down 12 dB in 3 places where people talk." */
  public static String sentence(int places, int db, boolean zh) {
    if (zh) {
      return places == 0 ? "片段里没有听到人声，音乐音量不变。" : "有人说话的 " + places + " 处，音乐降低 " + Math.abs(db) + " dB。";
    }
    if (places == 0) return "Nobody speaks in the clips, so the music stays as it is.";
    return "The music goes down " + Math.abs(db) + " dB in " + places + (places == 1 ? " place" : " places")
        + " where people talk.";
  }

  private static Edit refused(Draft draft, ObjectNode args) {
    return Edit.refused(draft, TOOL, args, "There is no music yet. Send a track first, or say \"add background music\".",
        "还没有背景音乐。先发一首曲子，或者说“加背景音乐”。");
  }
}
