package io.tunecut.studio.server;

import io.tunecut.studio.internal.agent.Agent;
import io.tunecut.studio.internal.agent.Instruction;
import io.tunecut.studio.internal.agent.Instructions;
import io.tunecut.studio.internal.agent.ModelAgent;
import io.tunecut.studio.internal.agent.MusicStart;
import io.tunecut.studio.internal.agent.RuleAgent;
import io.tunecut.studio.internal.agent.beat.BeatInstruction;
import io.tunecut.studio.internal.analysis.AnalysisCache;
import io.tunecut.studio.internal.compose.ComposedMusic;
import io.tunecut.studio.internal.preview.Sketches;
import io.tunecut.studio.internal.song.SongEar;
import io.tunecut.studio.server.Soundfont;
import io.tunecut.studio.ffmpeg.Ffmpeg;
import io.tunecut.studio.internal.media.FfprobeMediaProbe;
import io.tunecut.studio.internal.media.MediaProbe;
import io.tunecut.studio.internal.render.FfmpegRenderer;
import io.tunecut.studio.internal.render.Renderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The studio module's own probe, agent and renderer, for {@link Studio#start(StudioSettings)}. */
final class DefaultParts {
  private DefaultParts() {}

  static MediaProbe probe(StudioSettings settings) {
    return new FfprobeMediaProbe(Ffmpeg.of(settings.ffmpeg(), settings.ffprobe()));
  }

  static AnalysisCache analysis(StudioSettings settings) {
    return new AnalysisCache(settings.dataDir().resolve("analysis"), Ffmpeg.of(settings.ffmpeg(), settings.ffprobe()));
  }

  /** Thumbnails and waveforms, kept in {@code <dataDir>/pictures}. */
  static Sketches sketches(StudioSettings settings) {
    return new Sketches(settings.dataDir().toAbsolutePath().normalize().resolve("pictures"),
        Ffmpeg.of(settings.ffmpeg(), settings.ffprobe()));
  }

  /** @param sketches told of the sound of each track composed, to draw its waveform from */
  static ComposedMusic music(StudioSettings settings, AnalysisCache analysis, Sketches sketches) {
    return new ComposedMusic(settings.dataDir(), Ffmpeg.of(settings.ffmpeg(), settings.ffprobe()), analysis,
        new Soundfont(settings.soundfont()), sketches::heard);
  }

  static Agent agent(StudioSettings settings, AnalysisCache analysis, ComposedMusic music) {
    List<Instruction> instructions = new ArrayList<>(MusicStart.hearing(Instructions.standard(),
        new SongEar(Ffmpeg.of(settings.ffmpeg(), settings.ffprobe()), analysis::beats)));
    BeatInstruction beat = new BeatInstruction(analysis);
    instructions.add(beat);
    RuleAgent rules = new RuleAgent(instructions, music);
    // With an operator's language model the model reads first and the rules stay the fallback.
    return settings.llm() == null ? rules : ModelAgent.of(settings.llm(), rules, beat);
  }

  static Renderer renderer(StudioSettings settings) throws IOException {
    Path work = Files.createDirectories(settings.dataDir().toAbsolutePath().normalize().resolve("work"));
    return new FfmpegRenderer(Ffmpeg.of(settings.ffmpeg(), settings.ffprobe()), work);
  }
}
