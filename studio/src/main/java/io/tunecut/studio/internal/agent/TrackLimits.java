package io.tunecut.studio.internal.agent;

import io.tunecut.studio.internal.draft.Draft;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What cannot be done to a track the person sent, said honestly with what can: its drums cannot
 * be taken out ("no drums", "不要鼓") nor its tempo changed ("the song is too fast", "music
 * faster"); music composed here can be made without drums, calmer or livelier. Read after
 * {@link ComposeMusic}, which answers these when the music is its own.
 */
final class TrackLimits implements Instruction {
  private static final Pattern TEMPO = Pattern.compile(
      "\\b(?:music|song|track|beat|tempo)\\s+(?:is\\s+|'s\\s+)?(?:a bit |way |much |so )?(?:too\\s+)?(fast|slow)\\b"
          + "|\\b(faster|slower)\\s+(?:music|song|tempo|beat)\\b|\\b(?:music|song|tempo)\\s+(faster|slower)\\b"
          + "|\\b(speed)\\s+up\\s+(?:the\\s+)?(?:music|song|track)\\b|\\bslow\\s+(?:the\\s+)?(?:music|song|track)\\s+(down)\\b"
          + "|(?:music|song|节奏)\\s*(?:太|再|更)?\\s*(?<![欢轻明愉痛畅爽])(快|慢)(?![快慢])");

  @Override
  public Optional<Edit> apply(Turn turn, Draft draft) {
    boolean drums = turn.has(ComposeMusic.NO_DRUMS);
    var tempo = drums ? null : turn.match(TEMPO);
    if (!drums && tempo == null) return Optional.empty();
    if (drums) turn.match(ComposeMusic.NO_DRUMS);
    boolean maker = turn.maker() != null;
    var music = draft.music();
    String name = music == null ? null : music.name();
    if (drums) {
      String en = music == null ? "There is no music yet, so no drums either."
          : "I can't take the drums out of '" + name + "': a track is one mixed recording.";
      String zh = music == null ? "还没有背景音乐，也就没有鼓。" : "没法从「" + name + "」里去掉鼓：一首歌是混在一起的录音。";
      en += maker ? " I can compose music for this video without drums: say \"compose music without drums\"."
          : " Send a track without drums and I'll use it instead.";
      zh += maker ? "我可以为这个视频生成没有鼓的配乐：说“生成没有鼓的配乐”。" : "发一首没有鼓的音乐来，我就换上它。";
      return Optional.of(Edit.question(draft, en, zh));
    }
    if (music == null) return Optional.empty(); // "the song is too fast" with no song: nothing to answer about
    if (maker && turn.media().stream().anyMatch(m -> m.id().equals(music.src()) && turn.maker().wishOf(m).isPresent())) {
      return Optional.empty(); // music made here is made again by ComposeMusic, not refused
    }
    String said = tempo.group();
    // "too slow", "faster", "speed up", "快": wants it faster; "too fast", "slower", "太快", "慢": calmer
    boolean wantsFaster = said.matches("(?s).*(?:too\\s+slow|太慢|\\bslow\\b(?!\\s+(?:the|down))|faster|speed).*")
        || said.contains("快") && !said.contains("太快");
    if (said.matches("(?s).*(?:too\\s+fast|\\bfast\\b|太快).*") && !said.contains("faster")) wantsFaster = false;
    if (said.matches("(?s).*\\bslow\\s+(?:the\\s+)?(?:music|song|track)\\s+down.*")) wantsFaster = false;
    String en = "I can't change the tempo of '" + name + "', a track you sent.";
    String zh = "没法改变你发来的「" + name + "」的速度。";
    if (maker) {
      en += wantsFaster ? " I can compose livelier music for this video: say \"compose something more upbeat\"."
          : " I can compose calmer music for this video: say \"compose something calmer\".";
      zh += wantsFaster ? "我可以为这个视频生成更欢快的配乐：说“生成欢快一点的配乐”。" : "我可以为这个视频生成更舒缓的配乐：说“生成安静一点的配乐”。";
    } else {
      en += " Send another track and I'll use it instead.";
      zh += "发另一首音乐来，我就换上它。";
    }
    return Optional.of(Edit.question(draft, en, zh));
  }
}
