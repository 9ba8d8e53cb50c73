package io.tunecut.studio.internal.agent;

import static io.tunecut.studio.ffmpeg.SoundLevels.meanVolume;
import static io.tunecut.studio.ffmpeg.TestMedia.FFMPEG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tunecut.studio.ffmpeg.TestMedia;
import io.tunecut.studio.internal.analysis.AnalysisCache;
import io.tunecut.studio.internal.draft.Draft;
import io.tunecut.studio.internal.media.FfprobeMediaProbe;
import io.tunecut.studio.internal.media.Media;
import io.tunecut.studio.internal.render.FfmpegRenderer;
import io.tunecut.studio.internal.render.RenderOptions;
import io.tunecut.studio.internal.song.MadeSongs;
import io.tunecut.studio.internal.song.SongEar;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Start the music at the chorus" through the studio's agent, on a song of known form heard by the real beat analysis. */
class MusicStartTest {
  @TempDir Path dir;
  AnalysisCache analysis;
  RuleAgent agent;
  final List<Media> media = new ArrayList<>();
  Draft draft;

  @BeforeEach
  void setUp() throws Exception {
    analysis = new AnalysisCache(dir.resolve("analysis"), FFMPEG);
    agent = new RuleAgent(MusicStart.hearing(Instructions.standard(), new SongEar(FFMPEG, analysis::beats)));
    draft = agent.emptyDraft();
    upload(TestMedia.silentClip(dir, "clip.mp4", 8, 320, 180));
  }

  @Test
  void theChorusIsWhereTheMusicStartsAndTheReplySaysWhere() throws Exception {
    upload(MadeSongs.wav(MadeSongs.popForm(), dir.resolve("song.wav")));
    say("add background music");

    AgentReply reply = say("start the music at the chorus");

    assertThat(draft.music().inMs() / 1000.0).as("the first chorus starts at 20 s").isCloseTo(20.0, within(MadeSongs.BAR));
    assertThat(reply.text()).startsWith("Music now starts at the chorus, 0:").contains("(the loudest part that repeats)");
    for (String asked : List.of("start from the best part", "play the catchy part", "从高潮开始", "从精彩部分开始")) {
      say("start the song at 0:05");
      AgentReply again = say(asked, asked.matches("[a-z ]+") ? "en" : "zh");
      assertThat(draft.music().inMs() / 1000.0).as(asked + " -> " + again.text()).isCloseTo(20.0, within(MadeSongs.BAR));
    }
  }

  @Test
  void inChineseTheChorusIsFoundToo() throws Exception {
    upload(MadeSongs.wav(MadeSongs.popForm(), dir.resolve("song.wav")));
    say("add background music");

    AgentReply reply = say("从副歌开始", "zh");

    assertThat(draft.music().inMs() / 1000.0).isCloseTo(20.0, within(MadeSongs.BAR));
    assertThat(reply.text()).startsWith("音乐现在从副歌开始：歌曲的第 0:");
  }

  @Test
  void theDropIsItsOwnCue() throws Exception {
    upload(MadeSongs.wav(MadeSongs.dropForm(), dir.resolve("edm.wav")));
    say("add background music");

    AgentReply reply = say("use the drop");

    assertThat(draft.music().inMs() / 1000.0).as("the first drop is at 32 s").isCloseTo(32.0, within(MadeSongs.BAR));
    assertThat(reply.text()).startsWith("Music now starts at the drop, 0:3");
  }

  @Test
  void aSongWithoutAChorusStartsAtItsLoudestPartAndSaysSo() throws Exception {
    upload(MadeSongs.wav(MadeSongs.throughComposed(), dir.resolve("free.wav")));
    say("add background music");

    AgentReply reply = say("start from the best part");

    assertThat(draft.music().inMs() / 1000.0).as("the loud stretch starts at 40 s").isCloseTo(40.0, within(MadeSongs.BAR));
    assertThat(reply.text()).startsWith("I can't hear a chorus in this track; it now starts at its loudest part, 0:");
  }

  @Test
  void theRenderedVideoOpensWithTheChorusLoudNotTheQuietVerse() throws Exception {
    Path song = upload(MadeSongs.wav(MadeSongs.popForm(), dir.resolve("song.wav"))).file();
    say("add background music");
    say("start the music at the chorus");

    Path out = dir.resolve("out.mp4");
    new FfmpegRenderer(FFMPEG, dir.resolve("work"), RenderOptions.defaults().withShortSide(180))
        .render(draft, media.stream().collect(Collectors.toMap(Media::id, m -> m)), out, f -> {});

    double in = draft.music().inMs() / 1000.0;
    double opening = meanVolume(out, 1, 4);
    double chorus = meanVolume(song, 21, 4);
    double verse = meanVolume(song, 5, 4);
    assertThat(chorus - verse).as("the song's chorus is much louder than its verse").isGreaterThan(10);
    assertThat(opening).as("the video opens %.1f s into the song, at chorus level", in).isCloseTo(chorus, within(3.0));
  }

  private Media upload(Path file) throws Exception {
    String name = file.getFileName().toString();
    Media m = new Media("med_" + (media.size() + 1), name, new FfprobeMediaProbe(FFMPEG).probe(file, name), file);
    media.add(m);
    draft = agent.afterUpload(draft, media, List.of(m));
    return m;
  }

  private AgentReply say(String message) {
    return say(message, "en");
  }

  private AgentReply say(String message, String language) {
    AgentReply reply = agent.respond(draft, History.none(), Said.NOTHING, media, message, language);
    draft = reply.draft();
    return reply;
  }
}
